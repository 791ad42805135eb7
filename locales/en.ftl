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
