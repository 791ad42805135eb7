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
