//! Turning the engine's outcome into what the findings panel shows, in the current language. This only
//! words and formats what the engine decided; it decides nothing.

use tyokyky_engine::calendar::SkipReason;
use tyokyky_engine::case::{Case, Partner, Sharing};
use tyokyky_engine::eval::{Due, Finding, Outcome, Status};
use tyokyky_engine::facts::FactCatalogue;
use tyokyky_engine::forms::worker::{partners_counted, step_of_fact};
use tyokyky_engine::plan::CaseContext;
use tyokyky_engine::rule::{Consequence, Texts, TimeStandard};
use yew::AttrValue;

use crate::components::findings_panel::{
    CitationView, FindingGroup, FindingState, FindingView, FindingsTexts,
};
use crate::state::i18n::I18n;
use crate::web::platform;

/// The panel's texts.
pub fn texts(i18n: &I18n) -> FindingsTexts {
    FindingsTexts {
        title: i18n.t("findings-title").into(),
        empty: i18n.t("findings-empty").into(),
        why: i18n.t("findings-why").into(),
        needs: i18n.t("findings-needs").into(),
        about: i18n.t("findings-partners").into(),
        states: [
            i18n.t("finding-applies").into(),
            i18n.t("finding-met").into(),
            i18n.t("finding-unmet").into(),
            i18n.t("finding-needs-facts").into(),
        ],
        finlex: i18n.t("citation-finlex").into(),
        wording: i18n.t("citation-wording").into(),
    }
}

fn state(status: Status) -> FindingState {
    match status {
        Status::Applies => FindingState::Applies,
        Status::Met => FindingState::Met,
        Status::Unmet => FindingState::Unmet,
        Status::NeedsFacts => FindingState::NeedsFacts,
    }
}

fn skipped_day(i18n: &I18n, reason: SkipReason) -> String {
    match reason {
        SkipReason::Saturday => i18n.t("day-saturday"),
        SkipReason::Sunday => i18n.t("day-sunday"),
        SkipReason::Holiday(holiday) => i18n.t(&["holiday-", holiday.id()].concat()),
    }
}

/// The partners an unmet requirement is about, by name (or by their number, if not named yet), as the
/// worker form counts them for the requirement's fields.
/// The case context as label and value lines, in the order a reader needs them: the case, the client (if
/// passed), the worker with their role and contact details, the organisation.
pub(super) fn context_lines(i18n: &I18n, context: &CaseContext) -> Vec<(String, String)> {
    let worker = &context.worker;
    let who = [&worker.name, &worker.role, &worker.phone, &worker.email]
        .into_iter()
        .filter(|part| !part.is_empty())
        .map(|part| part.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut lines = vec![(i18n.t("context-case"), context.case_reference.as_str().to_owned())];
    if let Some(client) = &context.client_name {
        lines.push((i18n.t("context-client"), client.as_str().to_owned()));
    }
    lines.push((i18n.t("context-worker"), who));
    lines.push((
        i18n.t("context-organisation"),
        context.organisation.as_str().to_owned(),
    ));
    lines
}

/// How the joint plan goes to `partner`, in words: shared with consent, not shared, shared under a special
/// act (with the provision as written), or not decided.
pub(super) fn sharing_text(i18n: &I18n, partner: &Partner) -> String {
    match partner.sharing {
        Some(Sharing::Consent) => i18n.t("sharing-shared-consent"),
        Some(Sharing::NotShared) => i18n.t("sharing-not-shared"),
        Some(Sharing::SpecialAct) => i18n.t_with(
            "sharing-shared-special-act",
            &[("basis", partner.legal_basis.as_str().to_owned().into())],
        ),
        None => i18n.t("sharing-undecided"),
    }
}

pub(super) fn about(i18n: &I18n, case: &Case, finding: &Finding<'_>) -> Vec<AttrValue> {
    let Consequence::Requirement { fields, .. } = &finding.rule.then else {
        return Vec::new();
    };
    if finding.status != Status::Unmet {
        return Vec::new();
    }
    fields
        .iter()
        .flat_map(|field| partners_counted(case, field))
        .map(|(index, partner)| {
            let name = partner.name.as_str().trim();
            if name.is_empty() {
                i18n.t_with("partner-legend", &[("number", (index + 1).into())])
                    .into()
            } else {
                AttrValue::from(partner.name.as_str().to_owned())
            }
        })
        .collect()
}

fn view(i18n: &I18n, catalogue: &FactCatalogue, case: &Case, finding: &Finding<'_>) -> FindingView {
    let language = i18n.language();
    let rule = finding.rule;
    let (due, why) = match &finding.due {
        Some(Due::Date {
            date,
            from,
            working_days,
            months,
            skipped,
            before_roll_forward,
            ..
        }) => {
            let date_text = platform::format_date(language, *date);
            let mut why = vec![match (working_days, months) {
                (Some(days), _) => i18n.t_with(
                    "due-counted-working-days",
                    &[
                        ("from", platform::format_date(language, *from).into()),
                        ("days", (*days).into()),
                    ],
                ),
                (None, Some(months)) => i18n.t_with(
                    "due-counted-months",
                    &[
                        ("from", platform::format_date(language, *from).into()),
                        ("months", (*months).into()),
                    ],
                ),
                (None, None) => String::new(),
            }];
            if !skipped.is_empty() {
                let days: Vec<String> = skipped
                    .iter()
                    .map(|day| {
                        format!(
                            "{} ({})",
                            platform::format_date(language, day.date),
                            skipped_day(i18n, day.reason)
                        )
                    })
                    .collect();
                why.push(i18n.t_with("due-skipped", &[("days", days.join(", ").into())]));
            }
            if let Some(strict) = before_roll_forward {
                why.push(i18n.t_with(
                    "due-rolled-forward",
                    &[("date", platform::format_date(language, *strict).into())],
                ));
            }
            (Some(i18n.t_with("due-by", &[("date", date_text.into())])), why)
        }
        Some(Due::Standard { standard }) => {
            let key = match standard {
                TimeStandard::Immediately => "due-immediately",
                TimeStandard::WithoutDelay => "due-without-delay",
                TimeStandard::WithoutUndueDelay => "due-without-undue-delay",
            };
            (Some(i18n.t(key)), Vec::new())
        }
        Some(Due::Unknown) | None => (None, Vec::new()),
    };
    let deadline_name = match &rule.then {
        Consequence::Deadline(deadline) => {
            Some(i18n.t(&format!("deadline-{}", deadline.deadline.replace('_', "-"))))
        }
        _ => None,
    };
    let needs = finding
        .needs
        .iter()
        .map(|name| {
            let description = catalogue
                .index(name)
                .and_then(|index| catalogue.get(index))
                .map(|definition| i18n.document_text(&Texts::finnish(&definition.description_fi)))
                .unwrap_or_else(|| (*name).to_owned());
            AttrValue::from(description)
        })
        .collect();
    FindingView {
        id: rule.id.clone().into(),
        state: state(finding.status),
        message: i18n.document_text(&rule.message).into(),
        due: due.map(|due| match deadline_name {
            Some(name) => format!("{name}: {due}").into(),
            None => due.into(),
        }),
        why: why
            .into_iter()
            .filter(|line| !line.is_empty())
            .map(AttrValue::from)
            .collect(),
        needs,
        about: about(i18n, case, finding),
        citation: CitationView {
            short: rule.citation.short().into(),
            wording: rule.citation.wording.clone().into(),
            text_fi: rule.text_fi.clone().into(),
            url: rule.citation.url.clone().into(),
        },
    }
}

/// Whether a requirement is about a field asked on `step` (each field's step is declared once, in the
/// engine's worker form).
fn on_step(finding: &Finding<'_>, step: super::WorkerStep) -> bool {
    match &finding.rule.then {
        Consequence::Requirement { fields, .. } | Consequence::Role { fields, .. } => fields
            .iter()
            .any(|field| step_of_fact(field).map(super::WorkerStep::of) == Some(step)),
        _ => false,
    }
}

/// Urgent routings (shown as an alert on every step) and the findings that belong to `step`.
pub fn for_step(
    i18n: &I18n,
    catalogue: &FactCatalogue,
    case: &Case,
    outcome: &Outcome<'_>,
    step: super::WorkerStep,
) -> (Vec<FindingView>, Vec<FindingGroup>) {
    let mut alerts = Vec::new();
    let mut urgency = Vec::new();
    let mut deadlines = Vec::new();
    let mut roles = Vec::new();
    let mut notices = Vec::new();
    let mut blocking = Vec::new();
    let mut open = Vec::new();
    let mut met = Vec::new();
    for finding in &outcome.findings {
        if matches!(finding.rule.then, Consequence::Routing { .. }) && finding.status == Status::Applies {
            alerts.push(view(i18n, catalogue, case, finding));
            continue;
        }
        match step {
            super::WorkerStep::Opening | super::WorkerStep::Summary | super::WorkerStep::Cases => {
                match &finding.rule.then {
                    // A routing that waits for an answer is listed like the others.
                    Consequence::Routing { .. } => urgency.push(view(i18n, catalogue, case, finding)),
                    Consequence::Deadline(_) => deadlines.push(view(i18n, catalogue, case, finding)),
                    Consequence::Role { .. } => roles.push(view(i18n, catalogue, case, finding)),
                    Consequence::Notice => notices.push(view(i18n, catalogue, case, finding)),
                    // Requirements belong to the later steps.
                    Consequence::Requirement { .. } => {}
                }
            }
            super::WorkerStep::Assessment | super::WorkerStep::Plan | super::WorkerStep::NamedWorker => {
                if !on_step(finding, step) {
                    continue;
                }
                let shown = view(i18n, catalogue, case, finding);
                if finding.blocks_finishing() {
                    blocking.push(shown);
                } else if finding.status == Status::Met {
                    met.push(shown);
                } else {
                    open.push(shown);
                }
            }
        }
    }
    let group = |key: &str, findings: Vec<FindingView>| FindingGroup {
        title: i18n.t(key).into(),
        findings,
    };
    let groups = match step {
        super::WorkerStep::Opening | super::WorkerStep::Summary | super::WorkerStep::Cases => vec![
            group("findings-urgency", urgency),
            group("findings-deadlines", deadlines),
            group("findings-roles", roles),
            group("findings-rights", notices),
        ],
        super::WorkerStep::Assessment | super::WorkerStep::Plan | super::WorkerStep::NamedWorker => vec![
            group("findings-blocking", blocking),
            group("findings-open", open),
            group("findings-met", met),
        ],
    };
    (alerts, groups)
}
