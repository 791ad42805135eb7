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
