# English.

service-name = Work ability support
document-title = Your own work ability check – Work ability support
language-switch-label = Language

check-title = Your own work ability check
check-lead = Answer two questions. Your answers are saved in the work ability support service. At this step you do not give your name or contact details.

score-legend = If your work ability at its best is worth 10 points, how many points would you give your work ability now?
score-hint = 0 means you cannot work at all now. 10 means your work ability is as good as at its best.
score-anchor-low = 0 = cannot work
score-anchor-high = 10 = my best work ability

help-label = What would help you most?
help-hint = Write in your own words. You can also leave this empty. At most { $max } characters.

submit = Send answers
sending = Sending your answers…

error-summary-title = Check your answers
error-score-missing = Choose a number from 0 to 10
error-score-out-of-range = Choose a number from { $min } to { $max }
error-help-too-long = The answer can be at most { $max } characters

send-failed-title = Your answers could not be sent
send-failed-network = The connection to the service did not work.
send-failed-server = The service cannot receive answers right now.
send-failed-rejected = The service did not accept the answers. Reason: { $reason }
send-failed-kept = Your answers are still on this page. You can try to send them again.
retry = Try again

sent-title = Your answers have been received
sent-reference = Reference
sent-received-at = Received
sent-next = Keep the reference. With it, a worker can find your answers when you contact the work ability support service.
start-over = Start again

rules-error-title = The service is not working right now
rules-error-lead = The service's rules could not be read, so the form is not shown. Try again later or visit a service point. For the administrator:

# Worker flow: case opening and findings
worker-opening-title = Opening the case
worker-opening-lead = Record together with the client how the case came in and what is known of the client's situation. The panel shows at once what the law requires.
opened-on-label = Date the case was opened
opened-on-hint = The day of the application or contact, or the day a worker learned of the need for support.
initiator-legend = Who made contact?
initiator-client = The client
initiator-relative = A relative or close person
initiator-legal-representative = A legal representative
initiator-other-authority = Another authority (a notice)
initiator-worker-observation = The worker's own observation
urgent-legend = Is the need for help urgent?
urgent-hint = For example danger to oneself or others, nowhere to sleep tonight, or no money for food or medicine.
age-label = The client's age in years
answer-yes = Yes
answer-no = No
answer-unknown = Not known
flag-highest-care-allowance = Does the client receive the highest pensioner's care allowance?
flag-highest-care-allowance-hint = Disability Benefits Act 570/2007 9 § 3 mom 3 k.
flag-vpl-disabled = Is the client a disabled person as meant in the Disability Services Act?
flag-vpl-disabled-hint = A professional's finding (Disability Services Act 675/2023 2 §).
flag-special-support = Does the client need special support?
flag-special-support-hint = Particular difficulty in seeking and getting services (Social Welfare Act 3 § 3 k); a professional's finding.
flag-has-dependants = Are there children or other persons in the client's care?
flag-has-dependants-hint = Their situation is assessed where needed (Social Welfare Act 44 §).
findings-title = What the law requires
findings-empty = As you answer, deadlines and obligations appear here with their sources.
findings-need-opening-date = Give the date the case was opened: it decides which wording of the law applies.
findings-deadlines = Deadlines
findings-roles = Who is responsible
findings-rights = The client's rights
findings-why = Why this date?
findings-needs = Still needed:
finding-applies = Applies
finding-met = Met
finding-unmet = Missing
finding-needs-facts = Needs answers
citation-finlex = Read on Finlex
citation-wording = Wording:
due-by = by { $date }
due-immediately = immediately
due-without-delay = without delay (no fixed date)
due-without-undue-delay = without undue delay (no fixed date)
due-counted-working-days = Counted after { $from }: { $days } working days (the start day does not count).
due-counted-months = Counted from { $from }: { $months } months.
due-skipped = Not counted: { $days }.
due-rolled-forward = Moved to the next working day; the computed date was { $date }.
day-saturday = Saturday
day-sunday = Sunday
deadline-assessment-start = Assessment starts
deadline-assessment-completion = Assessment complete
deadline-decision-implementation = Decision implemented
findings-urgency = Urgency

# Worker flow: named worker
steps-label = Steps
worker-named-worker-title = Named worker
worker-named-worker-lead = The client gets a named worker for as long as the client relationship lasts, unless another responsible worker is already named or naming one is obviously unnecessary.
naming-legend = Is a named worker named?
naming-none = Yes, a named worker is named
naming-other-responsible-worker = No: another responsible worker is already named
naming-obviously-unnecessary = No: naming one is obviously unnecessary
naming-exception-reason = Reason
named-worker-name = Named worker's name
named-worker-profession = Named worker's profession
in-public-office = Do they hold a public office?
health-care-justification = Why is a health-care professional justified as the named worker?
co-worker-legend = The named worker's co-worker
co-worker-hint = A worker doing client work with the named worker. For a client needing special support, one of them must be a social worker in public office.
co-worker-profession = Co-worker's profession
meeting-frequency = How often do the named worker and the client meet?
profession-choose = Choose
profession-social-worker = Social worker (licensed)
profession-sosionomi = Sosionomi (licensed)
profession-geronomi = Geronomi (licensed)
profession-rehabilitation-counsellor = Rehabilitation counsellor (licensed)
profession-practical-nurse = Practical nurse (title-protected)
profession-health-care-professional = Health-care professional
profession-other = Other
findings-blocking = Stops finishing
findings-open = Still open
findings-met = Met

# Worker flow: assessment
worker-assessment-title = Service-need assessment
worker-assessment-lead = Together with the client, assess whether they need support and what kind. The client's own view is recorded.
assessment-unnecessary = Is the assessment obviously unnecessary?
assessment-unnecessary-hint = For example one-off advice. Otherwise the client has a right to an assessment.
assessment-unnecessary-reason = Why is the assessment obviously unnecessary?
assessment-responsible-profession = Profession of the person responsible for the assessment
assessment-summary = Summary of the client's situation and need for services and special support
assessment-conclusions = The professional's conclusions on the conditions for client status
assessment-client-view = The client's own opinion and view of their service need
assessment-client-view-obstacle = If the client's view could not be had: what was the obvious obstacle?
named-worker-need-client = The client's view of the need for a named worker
named-worker-need-professional = The professional's view of the need for a named worker
need-needed = Needed
need-not-needed = Not needed
assessment-needs-support = Does the client need support?
need-nature = What is the nature of the need?
need-temporary = Temporary
need-recurring = Recurring
need-long-term = Long-term
close-network-mapping = Is the client's close network mapped?
close-network-ground = On what ground?
ground-consent = With the client's consent
ground-unable = Without consent: the client is obviously unable to look after themselves and the information is essential (43 § 1 k)
ground-child = Without consent: the information is needed in the child's interest (43 § 2 k)
dependants-assessed = Have the care and support needs of the persons in the client's care been assessed?

# Worker flow: client plan
worker-plan-title = Client plan
worker-plan-lead = The plan is made together with the client. Services are chosen from the county's catalogue; if none fits, that is shown as a service gap.
plan-situation = The client's situation and goal
goal-legend = What does the client aim for?
goal-work = Work
goal-education = Education
goal-rehabilitation = Rehabilitation
goal-pension-assessment = Clarifying the pension question
goal-participation = Meaningful activity and participation
plan-work-ability-score = The client's own work-ability score (0–10)
situation-unemployed = Is the client an unemployed job seeker?
situation-employment-services = Can the client take part in employment services or work, given their work and functional capacity?
situation-half-days = Can the client take part at least one day a week for four hours?
situation-illness = Does a diagnosed illness, defect or injury substantially reduce the ability to work or study?
situation-multisector = Is multi-sector support needed to find work?
situation-mental-health = Is there a need for mental-health or substance-use services?
situation-accompaniment = Does the client need someone to walk alongside?
plan-making = Making the plan
plan-unnecessary = Is making a plan obviously unnecessary?
plan-unnecessary-reason = Why is the plan obviously unnecessary?
plan-with-client = Is the plan made together with the client?
plan-client-obstacle = What is the obvious obstacle to making the plan with the client?
plan-items = What the plan contains
item-support-need = The client's and the professional's assessment of the need for support
item-services-needed = Assessment of the services and measures needed
item-essential-services = Essential social services, when they start and how long they last
item-strengths = The client's strengths and resources
item-goals = Goals set together
item-duration = Estimate of how long the client relationship lasts
item-follow-up = Follow-up, reaching the goals and reassessing the needs
item-environment = How the life situation and environment affect functioning
item-client-proposal = The client's proposal for how the services are provided
plan-services = Services
service-fits = Fits
service-does-not-fit = Does not fit the situation
service-more = Who it suits and how to reach it
service-provider = Provider:
service-reach = How to reach it:
service-gap = Service gap: no service in the catalogue leads towards “{ $goal }” in the client's present situation.
service-gap-hint = Record the gap in the plan rather than choosing a service that does not fit. The gap travels with the finished plan.
service-gap-unknown = Once the questions on the situation are answered, you see whether services fit the goal.
service-goal-unknown = Choose the client's goal to see whether a service leads towards it.
plan-partners = Partners and who is responsible for what
plan-partners-hint = Record what each partner is responsible for. The joint plan is shared only with those the client consents to.
partner-legend = Partner { $number }
partner-name = Name
partner-sector = Sector
partner-responsibility = Responsible for
partner-consent = The client consents to sharing the joint plan with this partner
partner-remove = Remove partner { $number }
partner-add = Add a partner
sector-employment-services = Employment services
sector-kela = Kela
sector-health-care = Health care
sector-education = Education
sector-organisations = Organisations
sector-social-services = Social services
plan-joint = Is a joint plan made with other administrative sectors?
plan-joint-hint = Only with the client's consent (Social Welfare Act 39 § 3 mom).
plan-responsible-worker = The worker responsible for the whole
plan-review-date = Next review

# Worker flow: summary, finishing and the printable plan
worker-summary-title = Summary and finishing
worker-summary-lead = Check the answers. The plan can be finished once nothing stops it.
summary-change = Change
summary-ready = Nothing stops the plan from being finished.
summary-blocked = { $count ->
    [one] One thing stops finishing
   *[other] { $count } things stop finishing
}
summary-finish = Finish: send the plan
plan-send-kept = The plan is still on this page. You can try to send it again.
plan-sent-title = The plan has been received
plan-print = Print the plan for the client
plan-new-case = Start a new case
plan-rules-used = Made with rules version { $version }.
client-language-legend = In which language is the client served?
