# English.

service-name = Work ability support
document-title = Your own work ability check – Work ability support
language-switch-label = Language

submit = Send answers
sending = Sending your answers…

error-summary-title = Check your answers
send-failed-title = Your answers could not be sent
send-failed-network = The connection to the service did not work.
send-failed-server = The service cannot receive answers right now.
send-failed-kept = Your answers are still on this page. You can try to send them again.
worker-loading = Loading the worker's view…
worker-messages-failed = The texts of the worker's view could not be loaded. Check the connection and reload the page.
answer-yes = Yes
answer-no = No

sent-reference = Reference
sent-received-at = Received

## Self-assessment

start-questions = There are at most { $count } questions. Answering takes about five minutes.
start-nothing-sent = Your answers are not sent anywhere unless you ask to be contacted at the end.
start-kiosk-wipe = This is a shared device. When you finish or leave it, your answers are wiped.
start-urgent = If you need help right now, call the emergency number 112.
start-begin = Start
progress-question = Question { $number } of { $total }
question-sensitive = This question is optional. You can skip it.
question-clear = Remove the answer
question-error-missing = Answer this question to go on.
question-error-too-long = Write at most { $max } characters.
question-error-not-an-option = Choose one of the options.
answer-none-of-these = None of these
answer-skipped = Not answered
back = Back
next = Next
urgent-title = Do you need help right now?
urgent-112 = If you or someone else is in danger, call the emergency number 112.
urgent-social-emergency = The social emergency service (sosiaalipäivystys) helps in urgent situations, for example if you have nowhere to sleep or no money for food or medicine. Outside office hours you reach it through the emergency number 112.
urgent-kiosk-staff = Please also tell the staff here about your situation right away.
urgent-contact = If you ask to be contacted, your request is marked urgent.
results-title = Services that could help you
results-lead = From your answers we found { $count ->
    [one] one service
   *[other] { $count } services
} that could help you.
results-none = From your answers we did not find a ready service. A worker can look for the right support with you if you ask to be contacted.
results-how-to-reach = How to reach it
results-because = Why we suggest it
results-you-answered = To “{ $question }” you answered: { $answer }
results-maybe-title = These may suit you too
results-maybe-lead = A worker can find out with you whether they suit you.
results-rights-title = Your rights
results-answers-title = Check your answers
results-change = Change
results-next-title = What next?
results-next-lead = You can ask a social welfare worker to contact you. You can also stop here.
results-ask-contact = Ask to be contacted
results-finish = Finish without contact
contact-title = Ask to be contacted
contact-lead = A worker will call or write to you.
contact-urgent = Your answers say you need help right now. Your request will be marked urgent.
contact-name = Name
contact-phone = Phone number
contact-reach-hint = Give at least one: phone or e-mail.
contact-email = E-mail address
contact-language = In which language shall we contact you?
language-fi = suomi
language-sv = svenska
language-en = English
contact-time = When is the best time to reach you?
contact-time-any = Any time in office hours
contact-time-morning = In the morning
contact-time-afternoon = In the afternoon
contact-share-answers = Send my answers too, so the worker can prepare.
contact-consent-title = What we send and to whom
contact-consent-text = We send your name, contact details and wishes to the county's social services, and your answers if you chose so. They are used only to contact you and assess the help you need, as social welfare client records.
contact-consent-label = I understand what is sent, and I want to be contacted.
contact-send = Send the request
contact-error-name = Write your name.
contact-error-name-long = The name is too long.
contact-error-reach = Give a phone number or an e-mail address.
contact-error-phone = Check the phone number. It may have digits, spaces and a + at the start.
contact-error-email = Check the e-mail address, for example name@example.fi.
contact-error-consent = Tick the box if you want to be contacted.
contact-sent-title = Your request has arrived
contact-sealed-title = Your request is waiting on this device
contact-sealed-text = There is no connection to the service right now. Your request is sealed so that only the service can open it, and it is sent by itself when the connection is back. Nobody here can read it.
contact-next-title = What happens now
contact-next-call = A worker will contact you the way you chose. An urgent request is handled at once.
contact-next-assessment = You have the right to have your need for services assessed. The assessment is made together with you.
contact-next-reference = Keep the reference. Give it if you contact us yourself.
contact-print = Print the reference
feedback-open = Give feedback
feedback-title = How well did this service help you?
feedback-hint = Choose a number from 1 to 10. Feedback is anonymous.
feedback-low = 1 = not at all
feedback-high = 10 = very well
feedback-comment = Is there anything else you want to say? (optional)
feedback-send = Send feedback
feedback-skip = Skip
feedback-error-empty = Choose a number or write feedback. You can also skip it.
thanks-title = Thank you
thanks-lead = Thank you for using the service.
thanks-finish = Start again
kiosk-warning-title = Are you still there?
kiosk-warning-text = Your answers will be wiped in { $seconds } seconds unless you continue.
kiosk-continue = Continue
results-rights-lead = You have the right to an assessment of your need for services. It works out with you what support you need. It may be left undone only if it is clearly unnecessary.
results-law = Law: { $section }
results-law-link = Read the law in Finlex (in Finnish)
send-failed-kiosk-staff = You can try again or ask the staff here for help.
delivery-waiting = We will try to send it again automatically in a moment.
delivery-kept-browser = It is kept in this browser until it has been sent, even if you close the page.
delivery-kept-screen = It is kept on this screen only and is wiped with it. If you cannot wait, ask the staff for help.
delivery-try-now = Try now
delivery-earlier-pending = A document saved earlier (reference { $reference }) is being sent now.
delivery-earlier-sent = A document saved earlier (reference { $reference }) has now arrived.
delivery-earlier-rejected = A document saved earlier (reference { $reference }) could not be accepted.
locale-partial = Not all texts are available in English yet. Some are in Finnish.
locale-load-failed = The language { $language } could not be loaded. Check the connection and choose the language again.

## Accessibility statement (Laki digitaalisten palvelujen tarjoamisesta 306/2019)

footer-accessibility = Accessibility statement
footer-privacy = Privacy notice (opens in a new tab)
a11y-title = Accessibility statement
a11y-lead = This statement covers the Work ability support service: the self-assessment, the contact request, the service point screen and the professional's client plan. It was written on 22 November 2026. Public digital services must be accessible (Act on the Provision of Digital Services 306/2019).
a11y-status-title = Status
a11y-status = The service partially meets the level AA requirements of WCAG 2.1. The gaps are listed below.
a11y-tested-title = How accessibility has been checked
a11y-tested-axe = Every screen is checked automatically with axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) in every language on every change.
a11y-tested-keyboard = The self-assessment and the professional's form are completed with the keyboard alone.
a11y-tested-reflow = The screens are checked at 320 pixels wide and at 200 % text size.
a11y-gaps-title = Known gaps
a11y-gap-screen-reader = The service has not yet been tested with screen readers (NVDA, JAWS, VoiceOver, TalkBack).
a11y-gap-selko = The plain-language Finnish texts cover the self-assessment. The professional's forms are in standard language. The plain-language texts have not yet been reviewed by a plain-language expert.
a11y-gap-sami = The service is not available in Sámi.
a11y-feedback-title = Give feedback on accessibility
a11y-feedback = If you notice a gap, tell the provider of the service, for example the registry office of the wellbeing services county. You will get an answer within two weeks.
a11y-enforcement-title = Supervisory authority
a11y-enforcement = If you are not satisfied with the answer, or get none within two weeks, you can report it to accessibility supervision. Instructions are at saavutettavuusvaatimukset.fi (in English: webaccessibility.fi).
a11y-back = Back to the service
results-services-title = Suggested services
results-not-a-verdict = These suggestions rest only on your answers: they are not an assessment of your work ability or a decision.
results-more = More about it
results-check-answers = Check or change your answers
results-answers-lead = When you change an answer, you come back here afterwards.
results-back-to-results = Back to the suggestions
urgent-call-112 = Call 112
refused-field = The service did not accept this: { $field }. Please correct it and send again.
refused-invalid = The service did not accept all of the details. Please check them and send again.
refused-too-large = There is too much text to send. Please shorten what you wrote in your own words and send again.
refused-not-allowed = The service is not taking requests from this page just now. Please contact the wellbeing services county by phone.
refused-duplicate = This request has already been sent. To send a new one, start again.
refused-fault = There is a fault in the service and the request did not arrive. Please reload the page and try later.
kiosk-wipe = Finish and wipe my details
kiosk-confirm-title = Wipe your answers?
kiosk-confirm-text = Everything you chose or wrote is wiped from this device, and the questionnaire starts again.
kiosk-keep = Go on answering
contact-plain-language = I would like plain language.
question-why = Why we ask
contact-call-back = A request that is not urgent is answered within { $days ->
    [one] one working day
   *[other] { $days } working days
}.
