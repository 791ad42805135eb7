# Suomi. Every message id here must exist in sv.ftl and en.ftl too (a test checks this).

service-name = Työkyvyn tuki
document-title = Oma arvio työkyvystä – Työkyvyn tuki
language-switch-label = Kieli

submit = Lähetä vastaukset
sending = Vastauksia lähetetään…

error-summary-title = Tarkista vastauksesi
send-failed-title = Vastauksia ei voitu lähettää
send-failed-network = Yhteys palveluun ei toiminut.
send-failed-server = Palvelu ei juuri nyt pysty ottamaan vastauksia vastaan.
send-failed-kept = Vastauksesi ovat yhä tällä sivulla. Voit yrittää lähettää ne uudelleen.
worker-loading = Työntekijän näkymää ladataan…
worker-messages-failed = Työntekijän näkymän tekstejä ei saatu ladattua. Tarkista yhteys ja lataa sivu uudelleen.
answer-yes = Kyllä
answer-no = Ei

sent-reference = Viitetunnus
sent-received-at = Vastaanotettu

## Self-assessment

start-questions = Kysymyksiä on enintään { $count }. Vastaaminen vie noin viisi minuuttia.
start-nothing-sent = Vastauksiasi ei lähetetä minnekään, ellet itse pyydä lopuksi yhteydenottoa.
start-kiosk-wipe = Tämä on yhteinen laite. Kun lopetat tai jätät laitteen, vastauksesi pyyhitään pois.
start-urgent = Jos tarvitset apua heti, soita hätänumeroon 112.
start-begin = Aloita
progress-question = Kysymys { $number }/{ $total }
question-sensitive = Tämä kysymys on vapaaehtoinen. Voit ohittaa sen.
question-clear = Poista vastaus
question-error-missing = Vastaa tähän kysymykseen, jotta voit jatkaa.
question-error-too-long = Kirjoita enintään { $max } merkkiä.
question-error-not-an-option = Valitse jokin vaihtoehdoista.
answer-none-of-these = Ei mikään näistä
answer-skipped = Ei vastausta
back = Takaisin
next = Seuraava
urgent-title = Tarvitsetko apua heti?
urgent-112 = Jos sinä tai joku muu on vaarassa, soita hätänumeroon 112.
urgent-social-emergency = Sosiaalipäivystys auttaa kiireellisissä tilanteissa, esimerkiksi jos sinulla ei ole yöpaikkaa tai rahaa ruokaan tai lääkkeisiin. Virka-ajan ulkopuolella sosiaalipäivystykseen saa yhteyden hätänumeron 112 kautta.
urgent-kiosk-staff = Kerro tilanteestasi myös tämän palvelupisteen henkilökunnalle heti.
urgent-contact = Jos pyydät yhteydenottoa, pyyntösi merkitään kiireelliseksi.
results-title = Palvelut, jotka voisivat auttaa sinua
results-lead = Vastaustesi perusteella löysimme { $count ->
    [one] yhden palvelun, josta
   *[other] { $count } palvelua, joista
} voisi olla sinulle apua.
results-none = Vastaustesi perusteella emme löytäneet valmista palvelua. Työntekijä voi etsiä kanssasi sopivan tuen, jos pyydät yhteydenottoa.
results-how-to-reach = Miten pääset palveluun
results-because = Miksi tätä ehdotetaan
results-you-answered = Kysymykseen ”{ $question }” vastasit: { $answer }
results-maybe-title = Myös nämä voivat sopia
results-maybe-lead = Työntekijä voi selvittää kanssasi, sopivatko nämä sinulle.
results-rights-title = Oikeutesi
results-answers-title = Tarkista vastauksesi
results-change = Muuta
results-next-title = Mitä seuraavaksi?
results-next-lead = Voit pyytää, että sosiaalihuollon työntekijä ottaa sinuun yhteyttä. Voit myös lopettaa tähän.
results-ask-contact = Pyydä yhteydenottoa
results-finish = Lopeta ilman yhteydenottoa
contact-title = Pyydä yhteydenottoa
contact-lead = Työntekijä soittaa tai kirjoittaa sinulle.
contact-urgent = Vastaustesi mukaan tarvitset apua heti. Pyyntösi merkitään kiireelliseksi.
contact-name = Nimi
contact-phone = Puhelinnumero
contact-reach-hint = Anna ainakin toinen: puhelin tai sähköposti.
contact-email = Sähköpostiosoite
contact-language = Millä kielellä otamme yhteyttä?
language-fi = suomi
language-sv = svenska
language-en = English
contact-time = Milloin sinuun saa parhaiten yhteyden?
contact-time-any = Milloin tahansa virka-aikana
contact-time-morning = Aamupäivällä
contact-time-afternoon = Iltapäivällä
contact-share-answers = Lähetä myös vastaukseni, niin työntekijä voi valmistautua.
contact-consent-title = Mitä lähetämme ja kenelle
contact-consent-text = Lähetämme nimesi, yhteystietosi ja toiveesi hyvinvointialueen sosiaalipalveluille, ja jos valitsit, myös vastauksesi. Niitä käytetään vain yhteydenottoon ja avun tarpeesi arviointiin, ja ne ovat sosiaalihuollon asiakastietoja.
contact-consent-label = Ymmärrän, mitä lähetetään, ja haluan, että minuun otetaan yhteyttä.
contact-send = Lähetä pyyntö
contact-error-name = Kirjoita nimesi.
contact-error-name-long = Nimi on liian pitkä.
contact-error-reach = Anna puhelinnumero tai sähköpostiosoite.
contact-error-phone = Tarkista puhelinnumero. Siinä voi olla numeroita, välilyöntejä ja alussa +.
contact-error-email = Tarkista sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.
contact-error-consent = Rastita kohta, jos haluat, että sinuun otetaan yhteyttä.
contact-sent-title = Pyyntösi on perillä
contact-sealed-title = Pyyntösi odottaa tällä laitteella
contact-sealed-text = Yhteys palveluun ei nyt toimi. Pyyntösi on lukittu niin, että vain palvelu voi avata sen, ja se lähtee itsestään, kun yhteys palaa. Täällä kukaan ei voi lukea sitä.
contact-next-title = Mitä nyt tapahtuu
contact-next-call = Työntekijä ottaa sinuun yhteyttä valitsemallasi tavalla. Kiireellinen pyyntö käsitellään heti.
contact-next-assessment = Sinulla on oikeus siihen, että palvelujen tarpeesi arvioidaan. Arviointi tehdään yhdessä kanssasi.
contact-next-reference = Säilytä viitetunnus. Kerro se, jos otat itse yhteyttä.
contact-print = Tulosta viitetunnus
feedback-open = Anna palautetta
feedback-title = Kuinka hyvin tämä palvelu auttoi sinua?
feedback-hint = Valitse luku 1–10. Palaute on nimetön.
feedback-low = 1 = ei lainkaan
feedback-high = 10 = erittäin hyvin
feedback-comment = Haluatko kertoa jotain muuta? (vapaaehtoinen)
feedback-send = Lähetä palaute
feedback-skip = Ohita
feedback-error-empty = Valitse luku tai kirjoita palaute. Voit myös ohittaa palautteen.
thanks-title = Kiitos
thanks-lead = Kiitos, että käytit palvelua.
thanks-finish = Aloita alusta
kiosk-warning-title = Oletko vielä siellä?
kiosk-warning-text = Vastauksesi pyyhitään { $seconds } sekunnin kuluttua, jos et jatka.
kiosk-continue = Jatka
results-rights-lead = Sinulla on oikeus palvelutarpeen arviointiin. Siinä selvitetään yhdessä kanssasi, millaista tukea tarvitset. Arvioinnin voi jättää tekemättä vain, jos se on selvästi tarpeeton.
results-law = Laki: { $section }
results-law-link = Lue laki Finlexissä
send-failed-kiosk-staff = Voit yrittää uudelleen tai pyytää apua tämän palvelupisteen henkilökunnalta.
delivery-waiting = Yritämme lähettää uudelleen automaattisesti hetken kuluttua.
delivery-kept-browser = Tiedot pysyvät tallessa tässä selaimessa, kunnes ne on lähetetty, vaikka suljet sivun.
delivery-kept-screen = Tiedot ovat tallessa vain tällä näytöllä, ja ne pyyhitään näytön mukana. Jos et voi odottaa, pyydä apua henkilökunnalta.
delivery-try-now = Yritä nyt
delivery-earlier-pending = Aiemmin tallennettu asiakirja (viite { $reference }) lähetetään nyt.
delivery-earlier-sent = Aiemmin tallennettu asiakirja (viite { $reference }) on nyt perillä.
delivery-earlier-rejected = Aiemmin tallennettua asiakirjaa (viite { $reference }) ei voitu ottaa vastaan.
locale-partial = Kaikkia tekstejä ei ole vielä selkokielellä. Osa teksteistä on yleiskieltä.
locale-load-failed = Kieltä { $language } ei voitu ladata. Tarkista verkkoyhteys ja valitse kieli uudelleen.

## Accessibility statement (Laki digitaalisten palvelujen tarjoamisesta 306/2019)

footer-accessibility = Saavutettavuusseloste
footer-privacy = Tietosuojaseloste (avautuu uuteen välilehteen)
a11y-title = Saavutettavuusseloste
a11y-lead = Tämä seloste koskee Työkyvyn tuki -palvelua: omaa arviota, yhteydenottopyyntöä, palvelupisteen näyttöä ja ammattilaisen asiakassuunnitelmaa. Seloste on laadittu 22.11.2026. Julkisten digitaalisten palvelujen on oltava saavutettavia (laki digitaalisten palvelujen tarjoamisesta 306/2019).
a11y-status-title = Saavutettavuuden tila
a11y-status = Palvelu täyttää osittain WCAG 2.1 -ohjeiden AA-tason vaatimukset. Puutteet on lueteltu alla.
a11y-tested-title = Miten saavutettavuus on tarkistettu
a11y-tested-axe = Jokainen näkymä tarkistetaan automaattisesti axe-core-työkalulla (WCAG 2.0, 2.1 ja 2.2, tasot A ja AA) kaikilla kielillä jokaisen muutoksen yhteydessä.
a11y-tested-keyboard = Oma arvio ja ammattilaisen lomake käydään läpi pelkällä näppäimistöllä.
a11y-tested-reflow = Näkymät tarkistetaan 320 pikselin leveydellä ja 200 %:n tekstikoolla.
a11y-gaps-title = Tunnetut puutteet
a11y-gap-screen-reader = Palvelua ei ole vielä testattu ruudunlukijoilla (NVDA, JAWS, VoiceOver, TalkBack).
a11y-gap-selko = Selkokieliset tekstit kattavat oman arvion. Ammattilaisen lomakkeet ovat yleiskieltä. Selkokielisiä tekstejä ei ole vielä tarkistanut selkokielen asiantuntija.
a11y-gap-sami = Palvelu ei ole saatavilla saameksi.
a11y-feedback-title = Anna palautetta saavutettavuudesta
a11y-feedback = Jos huomaat puutteen, kerro siitä palvelun tarjoajalle, esimerkiksi hyvinvointialueen kirjaamoon. Saat vastauksen kahden viikon kuluessa.
a11y-enforcement-title = Valvontaviranomainen
a11y-enforcement = Jos et ole tyytyväinen vastaukseen tai et saa vastausta kahdessa viikossa, voit tehdä ilmoituksen saavutettavuusvalvontaan. Ohjeet ovat osoitteessa saavutettavuusvaatimukset.fi.
a11y-back = Takaisin palveluun
contact-plain-language = Toivon selkokieltä.
results-services-title = Ehdotetut palvelut
results-not-a-verdict = Ehdotukset perustuvat vain vastauksiisi. Ne eivät ole arvio työkyvystäsi eivätkä päätös palvelusta.
results-more = Lisätietoja
results-check-answers = Tarkista tai muuta vastauksiasi
results-answers-lead = Kun muutat vastausta, palaat sen jälkeen tähän.
results-back-to-results = Takaisin ehdotuksiin
urgent-call-112 = Soita 112
refused-field = Palvelu ei hyväksynyt tätä tietoa: { $field }. Korjaa se ja lähetä uudelleen.
refused-invalid = Palvelu ei hyväksynyt kaikkia tietoja. Tarkista ne ja lähetä uudelleen.
refused-too-large = Tekstiä on liikaa lähetettäväksi. Lyhennä omin sanoin kirjoittamaasi ja lähetä uudelleen.
refused-not-allowed = Palvelu ei nyt ota vastaan pyyntöjä tältä sivulta. Ota yhteyttä hyvinvointialueeseen puhelimitse.
refused-duplicate = Tämä pyyntö on jo lähetetty. Jos haluat lähettää uuden, aloita alusta.
refused-fault = Palvelussa on vika, eikä pyyntö mennyt perille. Lataa sivu uudelleen ja yritä myöhemmin.
kiosk-wipe = Lopeta ja pyyhi tiedot
kiosk-confirm-title = Pyyhitäänkö vastauksesi?
kiosk-confirm-text = Kaikki, mitä valitsit tai kirjoitit, pyyhitään tästä laitteesta, ja kysely alkaa alusta.
kiosk-keep = Jatka vastaamista
question-why = Miksi kysymme?
contact-call-back = Kiireettömään pyyntöön vastataan { $days } arkipäivän kuluessa.
