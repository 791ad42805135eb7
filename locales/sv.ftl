# Svenska.

service-name = Stöd för arbetsförmågan
document-title = Egen bedömning av arbetsförmågan – Stöd för arbetsförmågan
language-switch-label = Språk

check-title = Egen bedömning av arbetsförmågan
check-lead = Svara på två frågor. Dina svar sparas i tjänsten för stöd för arbetsförmågan. I det här skedet uppger du inte ditt namn eller dina kontaktuppgifter.

score-legend = Om din arbetsförmåga när den är som bäst får 10 poäng, hur många poäng skulle du ge din arbetsförmåga nu?
score-hint = 0 betyder att du inte alls kan arbeta nu. 10 betyder att din arbetsförmåga är lika god som när den är som bäst.
score-anchor-low = 0 = kan inte arbeta
score-anchor-high = 10 = min bästa arbetsförmåga

help-label = Vad skulle hjälpa dig mest?
help-hint = Skriv med egna ord. Du kan också lämna fältet tomt. Högst { $max } tecken.

submit = Skicka svaren
sending = Svaren skickas…

error-summary-title = Kontrollera dina svar
error-score-missing = Välj ett tal 0–10
error-score-out-of-range = Välj ett tal { $min }–{ $max }
error-help-too-long = Svaret får vara högst { $max } tecken

send-failed-title = Svaren kunde inte skickas
send-failed-network = Förbindelsen till tjänsten fungerade inte.
send-failed-server = Tjänsten kan inte ta emot svar just nu.
send-failed-rejected = Tjänsten godkände inte svaren. Orsak: { $reason }
send-failed-kept = Dina svar finns kvar på den här sidan. Du kan försöka skicka dem igen.
retry = Försök igen

sent-title = Dina svar har tagits emot
sent-reference = Referensnummer
sent-received-at = Mottaget
sent-next = Spara referensnumret. Med det hittar en anställd dina svar när du kontaktar tjänsten för stöd för arbetsförmågan.
start-over = Börja om

rules-error-title = Tjänsten fungerar inte just nu
rules-error-lead = Tjänstens regler kunde inte läsas, så formuläret visas inte. Försök igen senare eller besök ett serviceställe. För administratören:

# Worker flow: case opening and findings
worker-opening-title = Ärendet inleds
worker-opening-lead = Skriv tillsammans med klienten ner hur ärendet inleddes och vad man vet om klientens situation. Till höger syns genast vad lagen kräver.
opened-on-label = Datum då ärendet inleddes
opened-on-hint = Dagen för ansökan eller kontakten, eller dagen då arbetstagaren fick veta om stödbehovet.
initiator-legend = Vem tog kontakt?
initiator-client = Klienten själv
initiator-relative = En anhörig eller närstående
initiator-legal-representative = En laglig företrädare
initiator-other-authority = En annan myndighet (anmälan)
initiator-worker-observation = Arbetstagarens egen iakttagelse
urgent-legend = Är hjälpbehovet brådskande?
urgent-hint = Till exempel fara för en själv eller andra, ingen plats att sova i natt eller inga pengar till mat eller mediciner.
age-label = Klientens ålder i år
answer-yes = Ja
answer-no = Nej
answer-unknown = Inte känt
flag-highest-care-allowance = Får klienten vårdbidrag för pensionstagare enligt den högsta nivån?
flag-highest-care-allowance-hint = Lagen om handikappförmåner 570/2007 9 § 3 mom. 3 punkten.
flag-vpl-disabled = Är klienten en person med funktionsnedsättning enligt lagen om funktionshinderservice?
flag-vpl-disabled-hint = Yrkespersonens bedömning (lagen om funktionshinderservice 675/2023 2 §).
flag-special-support = Behöver klienten särskilt stöd?
flag-special-support-hint = Särskilda svårigheter att söka och få tjänster (socialvårdslagen 3 § 3 punkten); yrkespersonens bedömning.
flag-has-dependants = Har klienten barn eller andra personer i sin vård?
flag-has-dependants-hint = Deras situation utreds vid behov (socialvårdslagen 44 §).
findings-title = Vad lagen kräver
findings-empty = När du svarar på frågorna visas tidsfrister och skyldigheter här med sina källor.
findings-need-opening-date = Ange datumet då ärendet inleddes: det avgör vilken lydelse av lagen som tillämpas.
findings-deadlines = Tidsfrister
findings-roles = Vem ansvarar
findings-rights = Klientens rättigheter
findings-why = Varför det här datumet?
findings-needs = Behövs ännu:
finding-applies = Gäller
finding-met = Uppfyllt
finding-unmet = Saknas
finding-needs-facts = Uppgifter saknas
citation-finlex = Läs i Finlex
citation-wording = Lydelse:
due-by = senast { $date }
due-immediately = omedelbart
due-without-delay = utan dröjsmål (inget fast datum)
due-without-undue-delay = utan ogrundat dröjsmål (inget fast datum)
due-counted-working-days = Räknat efter { $from }: { $days } vardagar (startdagen räknas inte).
due-counted-months = Räknat från { $from }: { $months } månader.
due-skipped = Räknades inte: { $days }.
due-rolled-forward = Flyttat till följande vardag; det beräknade datumet var { $date }.
day-saturday = lördag
day-sunday = söndag
deadline-assessment-start = Bedömningen av servicebehovet inleds
deadline-assessment-completion = Bedömningen klar
deadline-decision-implementation = Beslutet verkställs
findings-urgency = Brådskande

# Worker flow: named worker
steps-label = Steg
worker-named-worker-title = Egen kontaktperson
worker-named-worker-lead = Klienten får en egen kontaktperson för den tid klientskapet varar, om inte en annan ansvarig arbetstagare redan utsetts eller det är uppenbart onödigt.
naming-legend = Utses en egen kontaktperson?
naming-none = Ja, en egen kontaktperson utses
naming-other-responsible-worker = Nej: klienten har redan en annan ansvarig arbetstagare
naming-obviously-unnecessary = Nej: det är uppenbart onödigt
naming-exception-reason = Motivering
named-worker-name = Den egna kontaktpersonens namn
named-worker-profession = Den egna kontaktpersonens yrke
in-public-office = Är hen i tjänsteförhållande?
health-care-justification = Varför är en yrkesutbildad person inom hälso- och sjukvården motiverad som egen kontaktperson?
co-worker-legend = Den egna kontaktpersonens arbetspar
co-worker-hint = En arbetstagare som gör klientarbete tillsammans med den egna kontaktpersonen. För en klient i behov av särskilt stöd ska en av dem vara socialarbetare i tjänsteförhållande.
co-worker-profession = Arbetsparets yrke
meeting-frequency = Hur ofta träffas den egna kontaktpersonen och klienten?
profession-choose = Välj
profession-social-worker = Socialarbetare (legitimerad)
profession-sosionomi = Socionom (legitimerad)
profession-geronomi = Geronom (legitimerad)
profession-rehabilitation-counsellor = Rehabiliteringshandledare (legitimerad)
profession-practical-nurse = Närvårdare (skyddad yrkesbeteckning)
profession-health-care-professional = Yrkesutbildad person inom hälso- och sjukvården
profession-other = Annan
findings-blocking = Hindrar att planen blir klar
findings-open = Ännu öppet
findings-met = Uppfyllt

# Worker flow: assessment
worker-assessment-title = Bedömning av servicebehovet
worker-assessment-lead = Man bedömer tillsammans med klienten om hen behöver stöd och vilket. Klientens egen syn skrivs ner.
assessment-unnecessary = Är bedömningen uppenbart onödig?
assessment-unnecessary-hint = Till exempel engångsrådgivning. Annars har klienten rätt till en bedömning.
assessment-unnecessary-reason = Varför är bedömningen uppenbart onödig?
assessment-responsible-profession = Yrket hos den som ansvarar för bedömningen
assessment-summary = Sammandrag av klientens situation och behov av tjänster och särskilt stöd
assessment-conclusions = Yrkespersonens slutsatser om förutsättningarna för klientskap
assessment-client-view = Klientens egen åsikt och syn på sitt servicebehov
assessment-client-view-obstacle = Om klientens syn inte kunde fås: vilket var det uppenbara hindret?
named-worker-need-client = Klientens bedömning av behovet av en egen kontaktperson
named-worker-need-professional = Yrkespersonens bedömning av behovet av en egen kontaktperson
need-needed = Behövs
need-not-needed = Behövs inte
assessment-needs-support = Behöver klienten stöd?
need-nature = Hurdant är stödbehovet?
need-temporary = Tillfälligt
need-recurring = Återkommande
need-long-term = Långvarigt
close-network-mapping = Kartläggs klientens nätverk av närstående?
close-network-ground = På vilken grund?
ground-consent = Med klientens samtycke
ground-unable = Utan samtycke: klienten är uppenbart oförmögen att sörja för sig själv och uppgiften är nödvändig (43 § 1 punkten)
ground-child = Utan samtycke: uppgiften behövs för barnets bästa (43 § 2 punkten)
dependants-assessed = Har vårdbehovet och stödbehovet hos dem som klienten har hand om utretts?

# Worker flow: client plan
worker-plan-title = Klientplan
worker-plan-lead = Planen görs upp tillsammans med klienten. Tjänsterna väljs ur välfärdsområdets tjänsteförteckning; om ingen passar visas det som en lucka i tjänsterna.
plan-situation = Klientens situation och mål
goal-legend = Vad strävar klienten själv efter?
goal-work = Arbete
goal-education = Utbildning
goal-rehabilitation = Rehabilitering
goal-pension-assessment = Utreda pensionsfrågan
goal-participation = Meningsfull sysselsättning och delaktighet
plan-work-ability-score = Klientens egen bedömning av sin arbetsförmåga (0–10)
situation-unemployed = Är klienten arbetslös arbetssökande?
situation-employment-services = Kan klienten med tanke på sin arbets- och funktionsförmåga delta i arbetskraftstjänster eller arbete?
situation-half-days = Orkar klienten delta minst en dag i veckan i fyra timmar?
situation-illness = Försämrar en konstaterad sjukdom, ett lyte eller en skada arbets- eller studieförmågan väsentligt?
situation-multisector = Behövs sektorsövergripande stöd för sysselsättning?
situation-mental-health = Finns det behov av mentalvårds- eller missbrukartjänster?
situation-accompaniment = Behöver klienten någon som går vid hens sida?
plan-making = Hur planen görs upp
plan-unnecessary = Är det uppenbart onödigt att göra upp en plan?
plan-unnecessary-reason = Varför är planen uppenbart onödig?
plan-with-client = Görs planen upp tillsammans med klienten?
plan-client-obstacle = Vilket är det uppenbara hindret för att göra upp planen tillsammans med klienten?
plan-items = Planens innehåll
item-support-need = Klientens och yrkespersonens bedömning av stödbehovet
item-services-needed = Bedömning av behövliga tjänster och åtgärder
item-essential-services = Nödvändiga socialtjänster, när de börjar och hur länge de pågår
item-strengths = Klientens styrkor och resurser
item-goals = Mål som satts upp tillsammans
item-duration = Bedömning av hur länge klientskapet varar
item-follow-up = Uppföljning, måluppfyllelse och ny bedömning av behoven
item-environment = Hur livssituationen och omgivningen påverkar funktionsförmågan
item-client-proposal = Klientens förslag på hur tjänsterna ordnas
plan-services = Tjänster
service-fits = Passar
service-does-not-fit = Passar inte situationen
service-more = För vem och hur
service-provider = Anordnare:
service-reach = Så når du tjänsten:
service-gap = Lucka i tjänsterna: ingen tjänst i förteckningen leder mot målet ”{ $goal }” i klientens nuvarande situation.
service-gap-hint = Skriv in luckan i planen och välj inte en tjänst som inte passar. Luckan följer med den färdiga planen.
service-gap-unknown = När frågorna om situationen är besvarade ser du om tjänsterna passar målet.
service-goal-unknown = Välj klientens mål, så ser du om någon tjänst leder dit.
plan-partners = Samarbetsparter och ansvar
plan-partners-hint = Skriv för varje part vad den ansvarar för. Den gemensamma planen delas bara med dem som klienten ger sitt samtycke till.
partner-legend = Samarbetspart { $number }
partner-name = Namn
partner-sector = Sektor
partner-responsibility = Ansvarar för
partner-consent = Klienten samtycker till att den gemensamma planen delas med den här parten
partner-remove = Ta bort samarbetspart { $number }
partner-add = Lägg till samarbetspart
sector-employment-services = Sysselsättningstjänster
sector-kela = FPA
sector-health-care = Hälso- och sjukvård
sector-education = Utbildning
sector-organisations = Organisationer
sector-social-services = Socialtjänster
plan-joint = Görs en gemensam plan med andra förvaltningsområden?
plan-joint-hint = Endast med klientens samtycke (socialvårdslagen 39 § 3 mom.).
plan-responsible-worker = Arbetstagare som ansvarar för helheten
plan-review-date = Nästa granskning

# Worker flow: summary, finishing and the printable plan
worker-summary-title = Sammanfattning och slutförande
worker-summary-lead = Kontrollera svaren. Planen blir klar när inget längre hindrar den.
summary-change = Ändra
summary-ready = Inget hindrar att planen blir klar.
summary-blocked = { $count ->
    [one] En sak hindrar att planen blir klar
   *[other] { $count } saker hindrar att planen blir klar
}
summary-finish = Klar: skicka planen
plan-send-kept = Planen finns kvar på den här sidan. Du kan försöka skicka den igen.
plan-sent-title = Planen har tagits emot
plan-print = Skriv ut planen åt klienten
plan-new-case = Börja ett nytt ärende
plan-rules-used = Uppgjord med reglernas version { $version }.
client-language-legend = På vilket språk betjänas klienten?
