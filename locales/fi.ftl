# Suomi. Every message id here must exist in sv.ftl and en.ftl too (a test checks this).

service-name = Työkyvyn tuki
document-title = Oma arvio työkyvystä – Työkyvyn tuki
language-switch-label = Kieli

check-title = Oma arvio työkyvystä
check-lead = Vastaa kahteen kysymykseen. Vastauksesi tallennetaan työkyvyn tuen palveluun. Tässä vaiheessa et anna nimeäsi etkä yhteystietojasi.

score-legend = Jos työkykysi parhaimmillaan on 10 pistettä, montako pistettä antaisit nykyiselle työkyvyllesi?
score-hint = 0 tarkoittaa, ettet pysty nyt tekemään lainkaan työtä. 10 tarkoittaa, että työkykysi on yhtä hyvä kuin parhaimmillaan.
score-anchor-low = 0 = en pysty työhön
score-anchor-high = 10 = paras työkykyni

help-label = Mikä auttaisi sinua eniten?
help-hint = Kirjoita omin sanoin. Voit myös jättää kohdan tyhjäksi. Enintään { $max } merkkiä.

submit = Lähetä vastaukset
sending = Vastauksia lähetetään…

error-summary-title = Tarkista vastauksesi
error-score-missing = Valitse luku 0–10
error-score-out-of-range = Valitse luku { $min }–{ $max }
error-help-too-long = Vastauksessa voi olla enintään { $max } merkkiä

send-failed-title = Vastauksia ei voitu lähettää
send-failed-network = Yhteys palveluun ei toiminut.
send-failed-server = Palvelu ei juuri nyt pysty ottamaan vastauksia vastaan.
send-failed-rejected = Palvelu ei hyväksynyt vastauksia. Syy: { $reason }
send-failed-kept = Vastauksesi ovat yhä tällä sivulla. Voit yrittää lähettää ne uudelleen.
retry = Yritä uudelleen

sent-title = Vastauksesi on vastaanotettu
sent-reference = Viitetunnus
sent-received-at = Vastaanotettu
sent-next = Säilytä viitetunnus. Sen avulla työntekijä löytää vastauksesi, kun asioit työkyvyn tuen palvelussa.
start-over = Aloita alusta

rules-error-title = Palvelu ei juuri nyt toimi
rules-error-lead = Palvelun sääntöjä ei voitu lukea, joten lomaketta ei näytetä. Yritä myöhemmin uudelleen tai asioi palvelupisteessä. Ylläpitäjälle:

# Worker flow: case opening and findings
worker-opening-title = Asian vireilletulo
worker-opening-lead = Kirjatkaa yhdessä asiakkaan kanssa, miten asia tuli vireille ja mitä asiakkaan tilanteesta tiedetään. Oikealla näkyy heti, mitä laki edellyttää.
opened-on-label = Vireilletulopäivä
opened-on-hint = Hakemuksen tai yhteydenoton päivä, tai päivä, jona työntekijä sai tietää tuen tarpeesta.
initiator-legend = Kuka otti yhteyttä?
initiator-client = Asiakas itse
initiator-relative = Omainen tai muu läheinen
initiator-legal-representative = Laillinen edustaja
initiator-other-authority = Toinen viranomainen (ilmoitus)
initiator-worker-observation = Työntekijän oma havainto
urgent-legend = Onko avun tarve kiireellinen?
urgent-hint = Esimerkiksi vaara itselle tai muille, ei yöpaikkaa tai ei rahaa ruokaan tai lääkkeisiin.
age-label = Asiakkaan ikä vuosina
answer-yes = Kyllä
answer-no = Ei
answer-unknown = Ei tiedossa
flag-highest-care-allowance = Saako asiakas ylintä eläkettä saavan hoitotukea?
flag-highest-care-allowance-hint = Vammaisetuuslaki 570/2007 9 § 3 mom 3 kohta.
flag-vpl-disabled = Onko asiakas vammaispalvelulaissa tarkoitettu vammainen henkilö?
flag-vpl-disabled-hint = Ammattilaisen arvio (vammaispalvelulaki 675/2023 2 §).
flag-special-support = Tarvitseeko asiakas erityistä tukea?
flag-special-support-hint = Erityisiä vaikeuksia hakea ja saada palveluja (sosiaalihuoltolaki 3 § 3 k); ammattilaisen arvio.
flag-has-dependants = Onko asiakkaan hoidossa lapsia tai muita henkilöitä?
flag-has-dependants-hint = Heidän tilanteensa selvitetään tarvittaessa (sosiaalihuoltolaki 44 §).
findings-title = Mitä laki edellyttää
findings-empty = Kun vastaat kysymyksiin, tähän tulevat määräajat ja velvoitteet lähteineen.
findings-need-opening-date = Anna vireilletulopäivä: se ratkaisee, mitä lain sanamuotoa sovelletaan.
findings-deadlines = Määräajat
findings-roles = Kuka vastaa
findings-rights = Asiakkaan oikeudet
findings-why = Miksi tämä päivä?
findings-needs = Tarvitaan vielä:
finding-applies = Koskee
finding-met = Kunnossa
finding-unmet = Puuttuu
finding-needs-facts = Tietoja puuttuu
citation-finlex = Lue Finlexissä
citation-wording = Sanamuoto:
due-by = viimeistään { $date }
due-immediately = välittömästi
due-without-delay = viipymättä (ei kiinteää päivää)
due-without-undue-delay = ilman aiheetonta viivytystä (ei kiinteää päivää)
due-counted-working-days = Laskettu { $from } jälkeen: { $days } arkipäivää (alkupäivää ei lasketa).
due-counted-months = Laskettu { $from } alkaen: { $months } kuukautta.
due-skipped = Ei laskettu: { $days }.
due-rolled-forward = Siirretty seuraavaan arkipäivään; laskettu päivä oli { $date }.
day-saturday = lauantai
day-sunday = sunnuntai
deadline-assessment-start = Palvelutarpeen arvioinnin aloitus
deadline-assessment-completion = Arviointi valmis
deadline-decision-implementation = Päätöksen toimeenpano
findings-urgency = Kiireellisyys

# Worker flow: named worker
steps-label = Vaiheet
worker-named-worker-title = Omatyöntekijä
worker-named-worker-lead = Asiakkaalle nimetään asiakkuuden ajaksi omatyöntekijä, ellei toista vastaavaa työntekijää ole jo nimetty tai nimeäminen ole ilmeisen tarpeetonta.
naming-legend = Nimetäänkö omatyöntekijä?
naming-none = Kyllä, omatyöntekijä nimetään
naming-other-responsible-worker = Ei: asiakkaalle on jo nimetty muu palveluista vastaava työntekijä
naming-obviously-unnecessary = Ei: nimeäminen on ilmeisen tarpeetonta
naming-exception-reason = Perustelu
named-worker-name = Omatyöntekijän nimi
named-worker-profession = Omatyöntekijän ammatti
in-public-office = Onko hän virkasuhteessa?
health-care-justification = Miksi terveydenhuollon ammattihenkilö on omatyöntekijänä perusteltu?
co-worker-legend = Omatyöntekijän työpari
co-worker-hint = Työntekijä, joka tekee asiakastyötä omatyöntekijän kanssa. Erityistä tukea tarvitsevalla asiakkaalla jommankumman on oltava virkasuhteinen sosiaalityöntekijä.
co-worker-profession = Työparin ammatti
meeting-frequency = Kuinka usein omatyöntekijä ja asiakas tapaavat?
profession-choose = Valitse
profession-social-worker = Sosiaalityöntekijä (laillistettu)
profession-sosionomi = Sosionomi (laillistettu)
profession-geronomi = Geronomi (laillistettu)
profession-rehabilitation-counsellor = Kuntoutuksen ohjaaja (laillistettu)
profession-practical-nurse = Lähihoitaja (nimikesuojattu)
profession-health-care-professional = Terveydenhuollon ammattihenkilö
profession-other = Muu
findings-blocking = Estää valmistumisen
findings-open = Vielä auki
findings-met = Kunnossa

# Worker flow: assessment
worker-assessment-title = Palvelutarpeen arviointi
worker-assessment-lead = Arvioidaan yhdessä asiakkaan kanssa, tarvitseeko hän tukea ja millaista. Asiakkaan oma näkemys kirjataan.
assessment-unnecessary = Onko arviointi ilmeisen tarpeeton?
assessment-unnecessary-hint = Esimerkiksi kertaluonteinen neuvonta. Asiakkaalla on muuten oikeus arviointiin.
assessment-unnecessary-reason = Miksi arviointi on ilmeisen tarpeeton?
assessment-responsible-profession = Arvioinnista vastaavan ammatti
assessment-summary = Yhteenveto asiakkaan tilanteesta sekä palvelujen ja erityisen tuen tarpeesta
assessment-conclusions = Ammattihenkilön johtopäätökset asiakkuuden edellytyksistä
assessment-client-view = Asiakkaan oma mielipide ja näkemys palvelutarpeestaan
assessment-client-view-obstacle = Jos asiakkaan näkemystä ei saatu: mikä oli ilmeinen este?
named-worker-need-client = Asiakkaan arvio omatyöntekijän tarpeesta
named-worker-need-professional = Ammattihenkilön arvio omatyöntekijän tarpeesta
need-needed = Tarvitaan
need-not-needed = Ei tarvita
assessment-needs-support = Tarvitseeko asiakas tukea?
need-nature = Millainen tuen tarve on?
need-temporary = Tilapäinen
need-recurring = Toistuva
need-long-term = Pitkäaikainen
close-network-mapping = Kartoitetaanko asiakkaan läheisverkosto?
close-network-ground = Millä perusteella?
ground-consent = Asiakkaan suostumuksella
ground-unable = Ilman suostumusta: asiakas on ilmeisen kykenemätön vastaamaan huolenpidostaan ja tieto on välttämätön (43 § 1 k)
ground-child = Ilman suostumusta: tieto on tarpeen lapsen edun vuoksi (43 § 2 k)
dependants-assessed = Onko asiakkaan hoidossa olevien hoidon ja tuen tarve selvitetty?

# Worker flow: client plan
worker-plan-title = Asiakassuunnitelma
worker-plan-lead = Suunnitelma laaditaan yhdessä asiakkaan kanssa. Palvelut valitaan hyvinvointialueen palveluluettelosta; jos mikään ei sovi, se näytetään palveluaukkona.
plan-situation = Asiakkaan tilanne ja tavoite
goal-legend = Mitä asiakas itse tavoittelee?
goal-work = Työ
goal-education = Koulutus
goal-rehabilitation = Kuntoutus
goal-pension-assessment = Eläkeasian selvittäminen
goal-participation = Mielekäs tekeminen ja osallisuus
plan-work-ability-score = Asiakkaan oma arvio työkyvystään (0–10)
situation-unemployed = Onko asiakas työtön työnhakija?
situation-employment-services = Voiko asiakas työ- ja toimintakykynsä puolesta osallistua työvoimapalveluihin tai työhön?
situation-half-days = Jaksaako asiakas osallistua vähintään yhtenä päivänä viikossa neljä tuntia?
situation-illness = Heikentääkö todettu sairaus, vika tai vamma olennaisesti työ- tai opiskelukykyä?
situation-multisector = Tarvitaanko työllistymiseen monialaista tukea?
situation-mental-health = Onko mielenterveys- tai päihdepalvelujen tarvetta?
situation-accompaniment = Tarvitseeko asiakas rinnalla kulkijaa?
plan-making = Suunnitelman laatiminen
plan-unnecessary = Onko suunnitelman laatiminen ilmeisen tarpeetonta?
plan-unnecessary-reason = Miksi suunnitelma on ilmeisen tarpeeton?
plan-with-client = Laaditaanko suunnitelma yhdessä asiakkaan kanssa?
plan-client-obstacle = Mikä on ilmeinen este laatia suunnitelma yhdessä asiakkaan kanssa?
plan-items = Suunnitelman sisältö
item-support-need = Asiakkaan arvio ja ammatillinen arvio tuen tarpeesta
item-services-needed = Arvio tarvittavista palveluista ja toimenpiteistä
item-essential-services = Välttämättömät sosiaalipalvelut, niiden alkaminen ja kesto
item-strengths = Asiakkaan vahvuudet ja voimavarat
item-goals = Yhdessä asetetut tavoitteet
item-duration = Arvio asiakkuuden kestosta
item-follow-up = Seuranta, tavoitteiden saavuttaminen ja tarpeiden uudelleenarviointi
item-environment = Elämäntilanteen ja toimintaympäristön vaikutus toimintakykyyn
item-client-proposal = Asiakkaan ehdotus palvelujen toteuttamistavasta
plan-services = Palvelut
service-fits = Sopii
service-does-not-fit = Ei sovi tilanteeseen
service-more = Kenelle ja miten
service-provider = Järjestäjä:
service-reach = Näin pääset palveluun:
service-gap = Palveluaukko: mikään palveluluettelon palvelu ei vie kohti tavoitetta ”{ $goal }” asiakkaan nykyisessä tilanteessa.
service-gap-hint = Kirjaa aukko suunnitelmaan äläkä valitse sopimatonta palvelua. Aukko välittyy valmiin suunnitelman mukana.
service-gap-unknown = Kun tilanteen kysymyksiin on vastattu, näet sopivatko palvelut tavoitteeseen.
service-goal-unknown = Valitse asiakkaan tavoite, niin näet, viekö jokin palvelu sitä kohti.
plan-partners = Yhteistyötahot ja vastuut
plan-partners-hint = Kirjaa jokaiselle taholle, mistä se vastaa. Yhteinen suunnitelma jaetaan vain niille, joille asiakas antaa suostumuksensa.
partner-legend = Yhteistyötaho { $number }
partner-name = Nimi
partner-sector = Ala
partner-responsibility = Mistä vastaa
partner-consent = Asiakas antaa suostumuksen jakaa yhteisen suunnitelman tälle taholle
partner-remove = Poista yhteistyötaho { $number }
partner-add = Lisää yhteistyötaho
sector-employment-services = Työllisyyspalvelut
sector-kela = Kela
sector-health-care = Terveydenhuolto
sector-education = Koulutus
sector-organisations = Järjestöt
sector-social-services = Sosiaalipalvelut
plan-joint = Laaditaanko yhteinen suunnitelma muiden hallinnonalojen kanssa?
plan-joint-hint = Vain asiakkaan suostumuksella (sosiaalihuoltolaki 39 § 3 mom).
plan-responsible-worker = Kokonaisuudesta vastaava työntekijä
plan-review-date = Seuraava tarkistus

# Worker flow: summary, finishing and the printable plan
worker-summary-title = Yhteenveto ja valmistuminen
worker-summary-lead = Tarkistakaa vastaukset. Suunnitelma valmistuu, kun mikään ei enää estä sitä.
summary-change = Muuta
summary-ready = Mikään ei estä suunnitelman valmistumista.
summary-blocked = { $count ->
    [one] Yksi asia estää valmistumisen
   *[other] { $count } asiaa estää valmistumisen
}
summary-finish = Valmis: lähetä suunnitelma
plan-send-kept = Suunnitelma on yhä tallessa tällä sivulla. Voit yrittää lähettää sen uudelleen.
plan-sent-title = Suunnitelma on vastaanotettu
plan-print = Tulosta suunnitelma asiakkaalle
plan-new-case = Aloita uusi asia
plan-rules-used = Laadittu sääntöjen versiolla { $version }.
client-language-legend = Millä kielellä asiakasta palvellaan?
