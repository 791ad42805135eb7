# Selkosuomi: plain-language Finnish (selkokieli), locale `fi-x-selko`.
#
# Written following the Selkokeskus principles for selkokieli: short sentences with one thing each, common
# everyday words, active verbs rather than the passive, the reader addressed as "sinä", no abbreviations or
# legal jargon (a term that cannot be avoided is explained), numbers as digits. Own wording; the meaning is
# that of the standard Finnish in fi.ftl, with no added promises.
#
# NOT yet reviewed by a selkokieli expert (selkokielen asiantuntija). Have it reviewed before calling it
# selkokieli in public or using the selkokieli logo.
#
# Has every message of fi.ftl: the self-assessment, the kiosk, the contact request, feedback, sending and
# delivery, errors, the header and language switch, the accessibility statement, and the two messages shown
# while the worker flow opens. The worker flow's own messages (locales/worker/) are for professionals and
# are read in standard Finnish. A message missing here would fall back to standard Finnish, and the app
# would say so (`locale-partial`); a test lists any that is missing.
#
# Every message id, variable and plural selector is as in fi.ftl; add no id that fi.ftl does not have.

service-name = Työkyvyn tuki
document-title = Arvioi oma työkykysi – Työkyvyn tuki
language-switch-label = Kieli

submit = Lähetä vastaukset
sending = Lähetämme vastauksia…

error-summary-title = Tarkista vastauksesi
send-failed-title = Vastaukset eivät lähteneet
send-failed-network = Yhteys palveluun ei toiminut.
send-failed-server = Palvelu ei voi ottaa vastauksia vastaan juuri nyt.
send-failed-kept = Vastauksesi ovat vielä tällä sivulla. Voit yrittää lähettää ne uudelleen.
worker-loading = Työntekijän sivu avautuu. Odota hetki…
worker-messages-failed = Työntekijän sivun tekstit eivät latautuneet. Tarkista, että netti toimii. Lataa sitten sivu uudelleen.

sent-reference = Viitetunnus
sent-received-at = Saapui

# Yes and no: also in the self-assessment
answer-yes = Kyllä
answer-no = Ei

## Self-assessment

start-questions = Kysymyksiä on korkeintaan { $count }. Vastaaminen vie noin 5–7 minuuttia.
start-nothing-sent = Emme lähetä vastauksiasi minnekään, jos et itse pyydä lopuksi yhteydenottoa.
start-kiosk-wipe = Tämä laite on yhteinen. Laite poistaa vastauksesi, kun lopetat tai lähdet laitteen luota.
start-urgent = Jos tarvitset apua heti, soita hätänumeroon 112.
start-begin = Aloita
progress-question = Kysymys { $number } / { $total }
question-sensitive = Sinun ei ole pakko vastata tähän kysymykseen. Voit jättää sen väliin.
question-clear = Poista vastaus
question-error-missing = Vastaa tähän kysymykseen. Sitten voit jatkaa.
question-error-too-long = Teksti on liian pitkä. Kirjoita korkeintaan { $max } merkkiä.
question-error-not-an-option = Valitse jokin vaihtoehto.
answer-none-of-these = Ei mikään näistä
answer-skipped = Et vastannut
back = Takaisin
next = Seuraava
urgent-title = Tarvitsetko apua heti?
urgent-112 = Jos sinä tai joku muu on vaarassa, soita hätänumeroon 112.
urgent-social-emergency = Sosiaalipäivystys auttaa, kun tarvitset apua heti. Se auttaa esimerkiksi, jos sinulla ei ole paikkaa, jossa nukkua yöllä. Se auttaa myös, jos sinulla ei ole rahaa ruokaan tai lääkkeisiin. Kun virastot ovat kiinni, soita hätänumeroon 112. Sieltä saat yhteyden sosiaalipäivystykseen.
urgent-kiosk-staff = Kerro tilanteestasi heti myös palvelupisteen työntekijöille täällä.
urgent-contact = Jos pyydät yhteydenottoa, merkitsemme pyyntösi kiireelliseksi.
results-title = Nämä palvelut voisivat auttaa sinua
results-lead = Katsoimme vastauksesi. Löysimme { $count ->
    [one] 1 palvelun, josta
   *[other] { $count } palvelua, joista
} voisi olla sinulle apua.
results-none = Katsoimme vastauksesi. Emme löytäneet sinulle valmista palvelua. Voit pyytää, että työntekijä ottaa sinuun yhteyttä. Silloin työntekijä voi etsiä kanssasi sopivaa tukea.
results-how-to-reach = Miten pääset palveluun
results-because = Miksi ehdotamme tätä
results-you-answered = Kysymykseen ”{ $question }” vastasit: { $answer }
results-maybe-title = Myös nämä palvelut voivat sopia sinulle
results-maybe-lead = Työntekijä voi katsoa kanssasi, sopivatko nämä palvelut sinulle.
results-rights-title = Oikeutesi
results-answers-title = Katso vastauksesi
results-change = Muuta
results-next-title = Mitä seuraavaksi?
results-next-lead = Voit pyytää, että sosiaalipalvelujen työntekijä ottaa sinuun yhteyttä. Voit myös lopettaa tähän.
results-ask-contact = Pyydä yhteydenottoa
results-finish = Lopeta ilman yhteydenottoa
contact-title = Pyydä yhteydenottoa
contact-lead = Työntekijä soittaa sinulle tai kirjoittaa sinulle.
contact-urgent = Vastaustesi mukaan tarvitset apua heti. Merkitsemme pyyntösi kiireelliseksi.
contact-name = Nimi
contact-phone = Puhelinnumero
contact-reach-hint = Anna puhelinnumero tai sähköpostiosoite. Yksi riittää.
contact-email = Sähköpostiosoite
contact-language = Millä kielellä otamme sinuun yhteyttä?
language-fi = suomi
language-sv = svenska
language-en = English
contact-time = Milloin työntekijä tavoittaa sinut parhaiten?
contact-time-any = Milloin tahansa virka-aikana
contact-time-morning = Aamupäivällä
contact-time-afternoon = Iltapäivällä
contact-share-answers = Lähetä myös vastaukseni. Silloin työntekijä voi valmistautua etukäteen.
contact-consent-title = Mitä lähetämme ja kenelle
contact-consent-text = Lähetämme tiedot hyvinvointialueen sosiaalipalveluille. Lähetämme nimesi, yhteystietosi ja toiveesi. Jos valitsit sen, lähetämme myös vastauksesi. Työntekijä käyttää tietoja vain siihen, että hän ottaa sinuun yhteyttä ja selvittää kanssasi, millaista apua tarvitset.
contact-consent-label = Ymmärrän, mitä tietoja lähetätte. Haluan, että työntekijä ottaa minuun yhteyttä.
contact-send = Lähetä pyyntö
contact-error-name = Kirjoita nimesi.
contact-error-name-long = Nimi on liian pitkä.
contact-error-reach = Kirjoita puhelinnumero tai sähköpostiosoite.
contact-error-phone = Tarkista puhelinnumero. Siinä voi olla vain numeroita ja välilyöntejä. Alussa voi olla myös merkki +.
contact-error-email = Tarkista sähköpostiosoite. Osoite on tällainen: nimi@esimerkki.fi.
contact-error-consent = Laita rasti ruutuun, jos haluat, että työntekijä ottaa sinuun yhteyttä.
contact-sent-title = Pyyntösi on perillä
contact-sealed-title = Pyyntösi odottaa tässä laitteessa
contact-sealed-text = Yhteys palveluun ei nyt toimi. Pyyntösi on lukittu. Vain palvelu voi avata sen. Pyyntö lähtee itse, kun yhteys toimii taas. Täällä kukaan ei voi lukea sitä.
contact-next-title = Mitä nyt tapahtuu
contact-next-call = Työntekijä ottaa sinuun yhteyttä tavalla, jonka valitsit. Jos pyyntösi on kiireellinen, työntekijä käsittelee sen heti.
contact-next-assessment = Sinulla on oikeus siihen, että työntekijä arvioi, mitä palveluja tarvitset. Hän tekee arvioinnin yhdessä kanssasi.
contact-next-reference = Viitetunnus on pyyntösi oma tunnus. Säilytä se. Kerro viitetunnus, jos otat itse yhteyttä.
contact-print = Tulosta viitetunnus
feedback-open = Anna palautetta
feedback-title = Miten hyvin tämä palvelu auttoi sinua?
feedback-hint = Valitse numero 1–10. Palautteessa ei näy nimeäsi.
feedback-low = 1 = ei yhtään
feedback-high = 10 = todella hyvin
feedback-comment = Haluatko kertoa jotain muuta? Tähän ei ole pakko kirjoittaa.
feedback-send = Lähetä palaute
feedback-skip = Jätä väliin
feedback-error-empty = Valitse numero tai kirjoita palaute. Voit myös jättää palautteen väliin.
thanks-title = Kiitos
thanks-lead = Kiitos, että käytit palvelua.
thanks-finish = Aloita alusta
kiosk-warning-title = Oletko vielä siellä?
kiosk-warning-text = Jos et jatka, laite poistaa vastauksesi { $seconds } sekunnin päästä.
kiosk-continue = Jatka
results-rights-lead = Sinulla on oikeus palvelutarpeen arviointiin. Siinä työntekijä selvittää yhdessä kanssasi, millaista tukea tarvitset. Arvioinnin saa jättää tekemättä vain, jos on selvää, että sitä ei tarvita.
results-law = Laki: { $section }
results-law-link = Lue laki Finlex-sivustolta
send-failed-kiosk-staff = Voit yrittää uudelleen. Voit myös pyytää apua palvelupisteen työntekijöiltä täällä.
delivery-waiting = Yritämme pian lähettää uudelleen. Se tapahtuu itsestään.
delivery-kept-browser = Tiedot pysyvät tallessa tässä selaimessa, kunnes ne lähtevät. Ne pysyvät tallessa, vaikka suljet sivun.
delivery-kept-screen = Tiedot ovat tallessa vain tällä näytöllä. Ne pyyhitään, kun näyttö pyyhitään. Jos et voi odottaa, pyydä apua palvelupisteen työntekijöiltä.
delivery-try-now = Yritä nyt
delivery-earlier-pending = Lähetämme nyt tiedot, jotka tallensimme aiemmin. Viitetunnus on { $reference }.
delivery-earlier-sent = Tiedot, jotka tallensimme aiemmin, ovat nyt perillä. Viitetunnus on { $reference }.
delivery-earlier-rejected = Palvelu ei voinut ottaa vastaan tietoja, jotka tallensimme aiemmin. Viitetunnus on { $reference }.
locale-partial = Kaikki tekstit eivät ole vielä selkokieltä. Osa teksteistä on tavallista suomea.
locale-load-failed = Kieltä { $language } ei voitu avata. Tarkista, että netti toimii. Valitse kieli sitten uudelleen.

## Accessibility statement (Laki digitaalisten palvelujen tarjoamisesta 306/2019)

footer-accessibility = Saavutettavuusseloste
footer-privacy = Miten käsittelemme tietojasi (avautuu uuteen välilehteen)
a11y-title = Saavutettavuusseloste
a11y-lead = Tämä seloste kertoo, miten saavutettava Työkyvyn tuki -palvelu on. Saavutettava palvelu on sellainen, että kaikki voivat käyttää sitä. Seloste koskee näitä osia: oma arvio, yhteydenottopyyntö, palvelupisteen näyttö ja ammattilaisen asiakassuunnitelma. Kirjoitimme selosteen 22.11.2026. Lain mukaan julkisten verkkopalvelujen pitää olla saavutettavia. Laki on laki digitaalisten palvelujen tarjoamisesta (306/2019).
a11y-status-title = Miten saavutettava palvelu on
a11y-status = Palvelu täyttää osan vaatimuksista. Vaatimukset ovat WCAG 2.1 -ohjeissa, tasolla AA. WCAG-ohjeet ovat kansainväliset ohjeet saavutettavuudesta. Alla kerromme, mitä puutteita palvelussa on.
a11y-tested-title = Miten tarkistamme saavutettavuuden
a11y-tested-axe = Tarkistamme jokaisen näkymän ohjelmalla, jonka nimi on axe-core. Ohjelma tarkistaa WCAG-ohjeiden versiot 2.0, 2.1 ja 2.2, tasot A ja AA. Teemme tarkistuksen kaikilla kielillä aina, kun muutamme palvelua.
a11y-tested-keyboard = Käymme oman arvion ja ammattilaisen lomakkeen läpi pelkällä näppäimistöllä. Emme käytä silloin hiirtä.
a11y-tested-reflow = Tarkistamme näkymät kapealla näytöllä, joka on 320 pikseliä leveä. Tarkistamme ne myös, kun teksti on 2 kertaa tavallista suurempi.
a11y-gaps-title = Puutteet, jotka tiedämme
a11y-gap-screen-reader = Emme ole vielä testanneet palvelua ruudunlukijoilla. Ruudunlukija on ohjelma, joka lukee näytön tekstin ääneen. Ruudunlukijoita ovat esimerkiksi NVDA, JAWS, VoiceOver ja TalkBack.
a11y-gap-selko = Oma arvio on selkokielellä. Ammattilaisen lomakkeet ovat tavallista suomea. Selkokielen asiantuntija ei ole vielä tarkistanut selkokielisiä tekstejä.
a11y-gap-sami = Palvelua ei ole saamen kielellä.
a11y-feedback-title = Anna palautetta saavutettavuudesta
a11y-feedback = Huomasitko puutteen? Kerro siitä palvelun tarjoajalle. Voit kertoa esimerkiksi hyvinvointialueen kirjaamoon. Kirjaamo ottaa vastaan hyvinvointialueen postin. Saat vastauksen 2 viikon sisällä.
a11y-enforcement-title = Kuka valvoo saavutettavuutta
a11y-enforcement = Jos et ole tyytyväinen vastaukseen, voit tehdä ilmoituksen saavutettavuusvalvontaan. Voit tehdä ilmoituksen myös, jos et saa vastausta 2 viikossa. Saavutettavuusvalvonta on viranomainen, joka valvoo saavutettavuutta. Ohjeet ovat osoitteessa saavutettavuusvaatimukset.fi.
a11y-back = Takaisin palveluun
contact-plain-language = Toivon, että työntekijä käyttää selkokieltä.
results-services-title = Palvelut, joita ehdotamme
results-not-a-verdict = Ehdotukset perustuvat vain vastauksiisi. Ne eivät ole päätös. Työntekijä katsoo tilanteesi yhdessä kanssasi.
results-more = Lue lisää
results-check-answers = Katso tai muuta vastauksiasi
results-answers-lead = Voit muuttaa vastausta. Sen jälkeen palaat tähän.
results-back-to-results = Takaisin ehdotuksiin
urgent-call-112 = Soita numeroon 112
refused-field = Palvelu ei hyväksynyt tätä tietoa: { $field }. Korjaa tieto. Lähetä sitten uudelleen.
refused-invalid = Palvelu ei hyväksynyt kaikkia tietoja. Tarkista tiedot. Lähetä sitten uudelleen.
refused-too-large = Kirjoitit niin paljon, että sitä ei voi lähettää. Lyhennä tekstiä, jonka kirjoitit omin sanoin. Lähetä sitten uudelleen.
refused-not-allowed = Palvelu ei nyt ota vastaan pyyntöjä tältä sivulta. Soita hyvinvointialueelle.
refused-duplicate = Olet jo lähettänyt tämän pyynnön. Jos haluat lähettää uuden pyynnön, aloita alusta.
refused-fault = Palvelussa on vika. Pyyntö ei mennyt perille. Lataa sivu uudelleen. Yritä myöhemmin uudelleen.
kiosk-wipe = Lopeta ja pyyhi tiedot
kiosk-confirm-title = Haluatko pyyhkiä vastauksesi?
kiosk-confirm-text = Kaikki, mitä valitsit tai kirjoitit, pyyhitään tästä laitteesta. Sitten kysely alkaa alusta.
kiosk-keep = Jatka vastaamista
question-why = Miksi kysymme?
contact-call-back = Jos asia ei ole kiireellinen, työntekijä ottaa yhteyttä { $days } arkipäivän sisällä.
