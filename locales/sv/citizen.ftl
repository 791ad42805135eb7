# Svenska.

service-name = Stöd för arbetsförmågan
document-title = Egen bedömning av arbetsförmågan – Stöd för arbetsförmågan
language-switch-label = Språk

submit = Skicka svaren
sending = Svaren skickas…

error-summary-title = Kontrollera dina svar
send-failed-title = Svaren kunde inte skickas
send-failed-network = Förbindelsen till tjänsten fungerade inte.
send-failed-server = Tjänsten kan inte ta emot svar just nu.
send-failed-kept = Dina svar finns kvar på den här sidan. Du kan försöka skicka dem igen.
worker-loading = Arbetstagarens vy laddas…
worker-messages-failed = Texterna för arbetstagarens vy kunde inte laddas. Kontrollera anslutningen och ladda om sidan.
answer-yes = Ja
answer-no = Nej

sent-reference = Referensnummer
sent-received-at = Mottaget

## Self-assessment

start-questions = Det finns högst { $count } frågor. Det tar ungefär fem minuter att svara.
start-nothing-sent = Dina svar skickas ingenstans, om du inte själv ber om att bli kontaktad i slutet.
start-kiosk-wipe = Det här är en gemensam apparat. När du slutar eller går härifrån raderas dina svar.
start-urgent = Om du behöver hjälp genast, ring nödnumret 112.
start-begin = Börja
progress-question = Fråga { $number }/{ $total }
question-sensitive = Den här frågan är frivillig. Du kan hoppa över den.
question-clear = Ta bort svaret
question-error-missing = Svara på frågan för att fortsätta.
question-error-too-long = Skriv högst { $max } tecken.
question-error-not-an-option = Välj ett av alternativen.
answer-none-of-these = Inget av dessa
answer-skipped = Inget svar
back = Tillbaka
next = Nästa
urgent-title = Behöver du hjälp genast?
urgent-112 = Om du eller någon annan är i fara, ring nödnumret 112.
urgent-social-emergency = Socialjouren hjälper i brådskande situationer, till exempel om du inte har någonstans att sova eller inga pengar till mat eller mediciner. Utanför tjänstetid når du socialjouren via nödnumret 112.
urgent-kiosk-staff = Berätta också genast om din situation för personalen här.
urgent-contact = Om du ber om att bli kontaktad märks din begäran som brådskande.
results-title = Tjänster som kunde hjälpa dig
results-lead = Utifrån dina svar hittade vi { $count ->
    [one] en tjänst
   *[other] { $count } tjänster
} som kunde vara till hjälp för dig.
results-none = Utifrån dina svar hittade vi ingen färdig tjänst. En anställd kan söka lämpligt stöd tillsammans med dig om du ber om att bli kontaktad.
results-how-to-reach = Hur du når tjänsten
results-because = Varför vi föreslår den
results-you-answered = På frågan ”{ $question }” svarade du: { $answer }
results-maybe-title = Också dessa kan passa
results-maybe-lead = En anställd kan tillsammans med dig ta reda på om de passar dig.
results-rights-title = Dina rättigheter
results-answers-title = Kontrollera dina svar
results-change = Ändra
results-next-title = Vad händer härnäst?
results-next-lead = Du kan be att en anställd inom socialvården kontaktar dig. Du kan också sluta här.
results-ask-contact = Be om att bli kontaktad
results-finish = Sluta utan att bli kontaktad
contact-title = Be om att bli kontaktad
contact-lead = En anställd ringer eller skriver till dig.
contact-urgent = Enligt dina svar behöver du hjälp genast. Din begäran märks som brådskande.
contact-name = Namn
contact-phone = Telefonnummer
contact-reach-hint = Ge åtminstone det ena: telefon eller e-post.
contact-email = E-postadress
contact-language = På vilket språk ska vi kontakta dig?
language-fi = suomi
language-sv = svenska
language-en = English
contact-time = När når man dig bäst?
contact-time-any = När som helst under tjänstetid
contact-time-morning = På förmiddagen
contact-time-afternoon = På eftermiddagen
contact-share-answers = Skicka också mina svar, så att den anställda kan förbereda sig.
contact-consent-title = Vad vi skickar och till vem
contact-consent-text = Vi skickar ditt namn, dina kontaktuppgifter och dina önskemål till välfärdsområdets socialtjänster, och om du valde det också dina svar. De används bara för att kontakta dig och bedöma ditt behov av hjälp, och de är klientuppgifter inom socialvården.
contact-consent-label = Jag förstår vad som skickas och vill bli kontaktad.
contact-send = Skicka begäran
contact-error-name = Skriv ditt namn.
contact-error-name-long = Namnet är för långt.
contact-error-reach = Ge ett telefonnummer eller en e-postadress.
contact-error-phone = Kontrollera telefonnumret. Det får innehålla siffror, mellanslag och + i början.
contact-error-email = Kontrollera e-postadressen, till exempel namn@exempel.fi.
contact-error-consent = Kryssa i rutan om du vill bli kontaktad.
contact-sent-title = Din begäran har kommit fram
contact-sealed-title = Din begäran väntar på den här enheten
contact-sealed-text = Anslutningen till tjänsten fungerar inte just nu. Din begäran är förseglad så att bara tjänsten kan öppna den, och den skickas av sig själv när anslutningen fungerar igen. Ingen här kan läsa den.
contact-next-title = Vad händer nu
contact-next-call = En anställd kontaktar dig på det sätt du valde. En brådskande begäran behandlas genast.
contact-next-assessment = Du har rätt att få ditt behov av tjänster bedömt. Bedömningen görs tillsammans med dig.
contact-next-reference = Spara referensen. Uppge den om du själv tar kontakt.
contact-print = Skriv ut referensen
feedback-open = Ge respons
feedback-title = Hur väl hjälpte den här tjänsten dig?
feedback-hint = Välj ett tal 1–10. Responsen är anonym.
feedback-low = 1 = inte alls
feedback-high = 10 = mycket väl
feedback-comment = Vill du berätta något annat? (frivilligt)
feedback-send = Skicka respons
feedback-skip = Hoppa över
feedback-error-empty = Välj ett tal eller skriv respons. Du kan också hoppa över responsen.
thanks-title = Tack
thanks-lead = Tack för att du använde tjänsten.
thanks-finish = Börja om
kiosk-warning-title = Är du kvar?
kiosk-warning-text = Dina svar raderas om { $seconds } sekunder om du inte fortsätter.
kiosk-continue = Fortsätt
results-rights-lead = Du har rätt till en bedömning av ditt servicebehov. I den tar man tillsammans med dig reda på vilket stöd du behöver. Bedömningen får lämnas ogjord bara om den uppenbart är onödig.
results-law = Lag: { $section }
results-law-link = Läs lagen i Finlex (på finska)
send-failed-kiosk-staff = Du kan försöka igen eller be personalen här om hjälp.
delivery-waiting = Vi försöker skicka igen automatiskt om en stund.
delivery-kept-browser = Uppgifterna sparas i den här webbläsaren tills de har skickats, också om du stänger sidan.
delivery-kept-screen = Uppgifterna finns bara på den här skärmen och raderas när skärmen rensas. Om du inte kan vänta, be personalen om hjälp.
delivery-try-now = Försök nu
delivery-earlier-pending = Ett tidigare sparat dokument (referens { $reference }) skickas nu.
delivery-earlier-sent = Ett tidigare sparat dokument (referens { $reference }) har nu kommit fram.
delivery-earlier-rejected = Ett tidigare sparat dokument (referens { $reference }) kunde inte tas emot.
locale-partial = Alla texter finns ännu inte på svenska. En del av texterna är på finska.
locale-load-failed = Språket { $language } kunde inte laddas. Kontrollera nätverksanslutningen och välj språket igen.

## Accessibility statement (Laki digitaalisten palvelujen tarjoamisesta 306/2019)

footer-accessibility = Tillgänglighetsutlåtande
footer-privacy = Dataskyddsbeskrivning (öppnas i en ny flik)
a11y-title = Tillgänglighetsutlåtande
a11y-lead = Det här utlåtandet gäller tjänsten Stöd för arbetsförmågan: den egna bedömningen, begäran om kontakt, skärmen på servicestället och yrkespersonens klientplan. Utlåtandet har gjorts 22.11.2026. Offentliga digitala tjänster ska vara tillgängliga (lagen om tillhandahållande av digitala tjänster 306/2019).
a11y-status-title = Tillgänglighetens status
a11y-status = Tjänsten uppfyller delvis kraven på nivå AA i WCAG 2.1. Bristerna räknas upp nedan.
a11y-tested-title = Hur tillgängligheten har kontrollerats
a11y-tested-axe = Varje vy kontrolleras automatiskt med verktyget axe-core (WCAG 2.0, 2.1 och 2.2, nivåerna A och AA) på alla språk vid varje ändring.
a11y-tested-keyboard = Den egna bedömningen och yrkespersonens formulär gås igenom med enbart tangentbordet.
a11y-tested-reflow = Vyerna kontrolleras med en bredd på 320 pixlar och med 200 % textstorlek.
a11y-gaps-title = Kända brister
a11y-gap-screen-reader = Tjänsten har ännu inte testats med skärmläsare (NVDA, JAWS, VoiceOver, TalkBack).
a11y-gap-selko = Den egna bedömningen finns också på lättläst finska (selkosuomi), men yrkespersonens formulär gör det inte. Texterna på lättläst finska har ännu inte granskats av en expert på lättläst språk.
a11y-gap-sami = Tjänsten finns inte på samiska.
a11y-feedback-title = Ge respons om tillgängligheten
a11y-feedback = Om du märker en brist, berätta om den för den som tillhandahåller tjänsten, till exempel välfärdsområdets registratorskontor. Du får svar inom två veckor.
a11y-enforcement-title = Tillsynsmyndighet
a11y-enforcement = Om du inte är nöjd med svaret eller inte får svar inom två veckor kan du göra en anmälan till tillgänglighetstillsynen. Anvisningar finns på webbplatsen tillganglighetskrav.fi.
a11y-back = Tillbaka till tjänsten
results-services-title = Föreslagna tjänster
results-not-a-verdict = Förslagen bygger bara på dina svar. De är ingen bedömning av din arbetsförmåga och inget beslut om en tjänst.
results-more = Mer information
results-check-answers = Kontrollera eller ändra dina svar
results-answers-lead = När du ändrar ett svar kommer du sedan tillbaka hit.
results-back-to-results = Tillbaka till förslagen
urgent-call-112 = Ring 112
refused-field = Tjänsten godkände inte den här uppgiften: { $field }. Rätta den och skicka igen.
refused-invalid = Tjänsten godkände inte alla uppgifter. Kontrollera dem och skicka igen.
refused-too-large = Texten är för lång för att skickas. Korta av det du skrev med egna ord och skicka igen.
refused-not-allowed = Tjänsten tar just nu inte emot begäranden från den här sidan. Kontakta välfärdsområdet per telefon.
refused-duplicate = Den här begäran har redan skickats. Om du vill skicka en ny, börja från början.
refused-fault = Det finns ett fel i tjänsten och begäran kom inte fram. Ladda om sidan och försök senare.
kiosk-wipe = Avsluta och radera uppgifterna
kiosk-confirm-title = Ska dina svar raderas?
kiosk-confirm-text = Allt du har valt eller skrivit raderas från den här enheten och enkäten börjar från början.
kiosk-keep = Fortsätt svara
contact-plain-language = Jag önskar lättläst språk.
question-why = Varför frågar vi?
contact-call-back = En begäran som inte är brådskande besvaras inom { $days ->
    [one] en vardag
   *[other] { $days } vardagar
}.
