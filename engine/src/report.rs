//! What the county learns from its documents, counted for a period without singling anyone out: documents
//! by kind and channel, service gaps by need and target group, suggested services by how often they were
//! suggested, feedback scores, and the days from a contact request to the case opened from it.
//!
//! Small numbers are hidden: a count from 1 to `threshold - 1` (5 by default) is shown as `< 5`
//! (primary suppression). Where a row of counts has a total beside it and only one of its counts is
//! hidden, the smallest other count of the row is hidden too (secondary suppression), so that no hidden
//! count can be worked out by subtraction. An average or a median is shown only over at least `threshold`
//! documents. The report is the same JSON for the inbox (`GET /api/report`) and the CLI
//! (`tyokyky-rules report`); both also write it as a page.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};

use crate::documents::envelope::{Document, DocumentBody};

/// The default threshold: counts below it (from 1) are hidden.
pub const DEFAULT_THRESHOLD: u32 = 5;

/// One stored document and when the backend received it.
#[derive(Debug, Clone)]
pub struct Received {
    /// The document.
    pub document: Document,
    /// When the backend received it (its receipt).
    pub received_at: DateTime<Utc>,
}

/// A count as the report shows it: the number, or hidden as "fewer than the threshold".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    /// Shown as is (0, or at least the threshold, and not hidden to protect another cell).
    Count(u64),
    /// Hidden: shown as `< threshold`.
    Hidden(u32),
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Count(count) => serializer.serialize_u64(*count),
            Cell::Hidden(threshold) => serializer.serialize_str(&format!("< {threshold}")),
        }
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Count(count) => write!(formatter, "{count}"),
            Cell::Hidden(threshold) => write!(formatter, "< {threshold}"),
        }
    }
}

/// Counts of a row with its total: primary suppression of each count, then secondary suppression when
/// only one is hidden and the total is shown.
fn row(counts: &[u64], threshold: u32) -> (Vec<Cell>, Cell) {
    let hidden = |count: u64| count > 0 && count < u64::from(threshold);
    let mut cells: Vec<Cell> = counts
        .iter()
        .map(|&count| {
            if hidden(count) {
                Cell::Hidden(threshold)
            } else {
                Cell::Count(count)
            }
        })
        .collect();
    let total = single(counts.iter().sum(), threshold);
    let hidden_count = cells
        .iter()
        .filter(|cell| matches!(cell, Cell::Hidden(_)))
        .count();
    if hidden_count == 1 && matches!(total, Cell::Count(_)) {
        // The smallest other count above zero is hidden too.
        let other = counts
            .iter()
            .enumerate()
            .filter(|(index, count)| **count > 0 && matches!(cells[*index], Cell::Count(_)))
            .min_by_key(|(_, count)| **count)
            .map(|(index, _)| index);
        if let Some(index) = other {
            cells[index] = Cell::Hidden(threshold);
        }
    }
    (cells, total)
}

/// One count on its own.
fn single(count: u64, threshold: u32) -> Cell {
    if count > 0 && count < u64::from(threshold) {
        Cell::Hidden(threshold)
    } else {
        Cell::Count(count)
    }
}

/// Documents of one kind by channel.
#[derive(Debug, Clone, Serialize)]
pub struct KindRow {
    /// The kind (`contact_request`, `client_plan`, `feedback`, `work_ability_check`).
    pub kind: &'static str,
    /// By channel: `self_service`, `kiosk`, `worker`.
    pub channels: BTreeMap<&'static str, Cell>,
    /// All of this kind.
    pub total: Cell,
}

/// One gap: a goal (`goal:work`) or a need (`need:housing`), in how many documents, and by target group.
#[derive(Debug, Clone, Serialize)]
pub struct GapRow {
    /// `goal:<goal>` or `need:<id>`.
    pub gap: String,
    /// In how many documents.
    pub total: Cell,
    /// By target group (a document may count in several), and `none` for a person in none.
    pub by_group: BTreeMap<String, Cell>,
}

/// The feedback scores.
#[derive(Debug, Clone, Serialize)]
pub struct FeedbackRow {
    /// Feedback documents with a score.
    pub scored: Cell,
    /// How many gave each score, 0 to 10.
    pub scores: Vec<Cell>,
    /// The average score, to one decimal, over at least the threshold; otherwise absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub average: Option<f64>,
    /// Feedback documents without a score (a comment only).
    pub without_score: Cell,
}

/// From a contact request to the case opened from it.
#[derive(Debug, Clone, Serialize)]
pub struct ContactToCase {
    /// Cases opened from a contact request of the period.
    pub cases: Cell,
    /// The median number of days from the request's receipt to the case's opening date, over at least
    /// the threshold; otherwise absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub median_days: Option<i64>,
    /// The longest, under the same condition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longest_days: Option<i64>,
}

/// The report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Documents received from this instant, if limited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<DateTime<Utc>>,
    /// Documents received before this instant, if limited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<DateTime<Utc>>,
    /// Counts from 1 below this are hidden.
    pub threshold: u32,
    /// All documents of the period.
    pub documents: Cell,
    /// By kind and channel.
    pub by_kind: Vec<KindRow>,
    /// Service gaps by goal or need, and by target group.
    pub gaps: Vec<GapRow>,
    /// How many people were in each target group (plans, and contact requests with shared answers).
    pub groups: BTreeMap<String, Cell>,
    /// Services by how often they were suggested to a person who shared their answers, most first.
    pub suggested_services: Vec<(String, Cell)>,
    /// Feedback.
    pub feedback: FeedbackRow,
    /// Contact request to case.
    pub contact_to_case: ContactToCase,
}

/// The channel a document came through.
fn channel(document: &Document) -> &'static str {
    use crate::documents::contact::Channel;
    let of = |channel: Channel| match channel {
        Channel::SelfService => "self_service",
        Channel::Kiosk => "kiosk",
    };
    match &document.body {
        DocumentBody::ContactRequest(request) => of(request.channel),
        DocumentBody::Feedback(feedback) => of(feedback.channel),
        DocumentBody::ClientPlan(_) => "worker",
        DocumentBody::WorkAbilityCheck(_) => "self_service",
    }
}

/// The report over `documents` received in `[since, until)`, with counts below `threshold` hidden.
pub fn report(
    documents: &[Received],
    since: Option<DateTime<Utc>>,
    until: Option<DateTime<Utc>>,
    threshold: u32,
) -> Report {
    let threshold = threshold.max(1);
    let in_period: Vec<&Received> = documents
        .iter()
        .filter(|received| since.is_none_or(|since| received.received_at >= since))
        .filter(|received| until.is_none_or(|until| received.received_at < until))
        .collect();

    // By kind and channel.
    let channels = ["self_service", "kiosk", "worker"];
    let mut by_kind = Vec::new();
    for kind in crate::documents::envelope::DocumentKind::ALL {
        let counts: Vec<u64> = channels
            .iter()
            .map(|channel_name| {
                in_period
                    .iter()
                    .filter(|received| {
                        received.document.body.kind() == kind && channel(&received.document) == *channel_name
                    })
                    .count() as u64
            })
            .collect();
        let (cells, total) = row(&counts, threshold);
        by_kind.push(KindRow {
            kind: kind.as_str(),
            channels: channels.into_iter().zip(cells).collect(),
            total,
        });
    }

    // Groups and gaps of each person: a plan's, and a shared contact request's.
    let mut people: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let mut suggested: BTreeMap<String, u64> = BTreeMap::new();
    for received in &in_period {
        let (groups, gaps) = match &received.document.body {
            DocumentBody::ClientPlan(plan) => (&plan.groups, &plan.gaps),
            DocumentBody::ContactRequest(request) => match &request.shared_answers {
                Some(shared) => {
                    for service in &shared.suggested_services {
                        *suggested.entry(service.clone()).or_default() += 1;
                    }
                    (&shared.groups, &shared.gaps)
                }
                None => continue,
            },
            _ => continue,
        };
        let groups = groups.iter().map(|group| group.as_str().to_owned()).collect();
        let gaps = gaps
            .goals
            .iter()
            .map(|goal| format!("goal:{}", goal.name()))
            .chain(gaps.needs.iter().map(|need| format!("need:{}", need.as_str())))
            .collect();
        people.push((groups, gaps));
    }
    let mut group_names: Vec<String> = people.iter().flat_map(|(groups, _)| groups.clone()).collect();
    group_names.sort();
    group_names.dedup();
    let group_counts: Vec<u64> = group_names
        .iter()
        .map(|name| people.iter().filter(|(groups, _)| groups.contains(name)).count() as u64)
        .collect();
    let groups = group_names
        .iter()
        .cloned()
        .zip(group_counts.iter().map(|&count| single(count, threshold)))
        .collect();
    let mut gap_names: Vec<String> = people.iter().flat_map(|(_, gaps)| gaps.clone()).collect();
    gap_names.sort();
    gap_names.dedup();
    let mut columns = group_names.clone();
    columns.push("none".to_owned());
    let gaps = gap_names
        .iter()
        .map(|gap| {
            let with_gap: Vec<&(Vec<String>, Vec<String>)> =
                people.iter().filter(|(_, gaps)| gaps.contains(gap)).collect();
            let counts: Vec<u64> = columns
                .iter()
                .map(|column| {
                    with_gap
                        .iter()
                        .filter(|(groups, _)| {
                            if column == "none" {
                                groups.is_empty()
                            } else {
                                groups.contains(column)
                            }
                        })
                        .count() as u64
                })
                .collect();
            // A person may be in several groups, so the groups do not add up to the total: each count is
            // hidden on its own, and the total too.
            let by_group = columns
                .iter()
                .cloned()
                .zip(counts.iter().map(|&count| single(count, threshold)))
                .collect();
            GapRow {
                gap: gap.clone(),
                total: single(with_gap.len() as u64, threshold),
                by_group,
            }
        })
        .collect();
    let mut suggested_services: Vec<(String, u64)> = suggested.into_iter().collect();
    suggested_services.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let suggested_services = suggested_services
        .into_iter()
        .map(|(service, count)| (service, single(count, threshold)))
        .collect();

    // Feedback.
    let mut scores = [0_u64; 11];
    let mut without_score = 0_u64;
    for received in &in_period {
        if let DocumentBody::Feedback(feedback) = &received.document.body {
            match feedback.score {
                Some(score) => scores[usize::from(score.get()).min(10)] += 1,
                None => without_score += 1,
            }
        }
    }
    let scored: u64 = scores.iter().sum();
    let (score_cells, scored_cell) = row(&scores, threshold);
    let average = (scored >= u64::from(threshold)).then(|| {
        let sum: u64 = scores
            .iter()
            .enumerate()
            .map(|(score, count)| score as u64 * count)
            .sum();
        (sum as f64 / scored as f64 * 10.0).round() / 10.0
    });
    let feedback = FeedbackRow {
        scored: scored_cell,
        scores: score_cells,
        average,
        without_score: single(without_score, threshold),
    };

    // Contact request to case: a plan of the period opened from a request received before it.
    let requests: BTreeMap<uuid::Uuid, DateTime<Utc>> = documents
        .iter()
        .filter(|received| matches!(received.document.body, DocumentBody::ContactRequest(_)))
        .map(|received| (received.document.idempotency_key, received.received_at))
        .collect();
    let mut days: Vec<i64> = Vec::new();
    let mut seen_cases = std::collections::BTreeSet::new();
    for received in &in_period {
        if let DocumentBody::ClientPlan(plan) = &received.document.body
            && let Some(link) = &plan.case.opening.from_request
            && let Some(asked) = requests.get(&link.key)
            && seen_cases.insert(link.key)
        {
            let opened = plan
                .case
                .opening
                .opened_on
                .unwrap_or_else(|| received.received_at.date_naive());
            days.push((opened - asked.date_naive()).num_days());
        }
    }
    days.sort_unstable();
    let enough = days.len() as u64 >= u64::from(threshold);
    let contact_to_case = ContactToCase {
        cases: single(days.len() as u64, threshold),
        median_days: enough.then(|| days[days.len() / 2]),
        longest_days: enough.then(|| days[days.len() - 1]),
    };

    Report {
        since,
        until,
        threshold,
        documents: single(in_period.len() as u64, threshold),
        by_kind,
        gaps,
        groups,
        suggested_services,
        feedback,
        contact_to_case,
    }
}

/// `text` with the characters HTML gives a meaning escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl Report {
    /// The report as a page for an administrator: the same figures as the JSON, in tables, in Finnish
    /// with English beside each heading. `names` gives a group's or a need's name by id (the catalogue's
    /// `[report]`), when known; otherwise the id is shown.
    pub fn to_html(&self, names: &dyn Fn(&str) -> Option<String>) -> String {
        let name = |id: &str| escape(&names(id).unwrap_or_else(|| id.to_owned()));
        let period = match (self.since, self.until) {
            (Some(since), Some(until)) => format!("{} – {}", since.to_rfc3339(), until.to_rfc3339()),
            (Some(since), None) => format!("{} –", since.to_rfc3339()),
            (None, Some(until)) => format!("– {}", until.to_rfc3339()),
            (None, None) => "kaikki / all".to_owned(),
        };
        let mut out = String::new();
        out.push_str("<!doctype html>\n<html lang=\"fi\">\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n");
        out.push_str("<title>Raportti – Työkyvyn tuki</title>\n<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#282828}table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #a5acb1;padding:.25rem .5rem;text-align:left}td.n{text-align:right}caption{text-align:left;font-weight:600}</style>\n<main>\n");
        out.push_str("<h1>Raportti <span lang=\"en\">(report)</span></h1>\n");
        out.push_str(&format!(
            "<p>Aikaväli <span lang=\"en\">(period)</span>: {}. Asiakirjoja <span lang=\"en\">(documents)</span>: {}. Alle {} kappaleen määrät näytetään muodossa «&lt; {}» <span lang=\"en\">(counts below {} are shown as “&lt; {}”)</span>.</p>\n",
            escape(&period), self.documents, self.threshold, self.threshold, self.threshold, self.threshold
        ));
        out.push_str("<table><caption>Asiakirjat lajeittain ja kanavittain <span lang=\"en\">(documents by kind and channel)</span></caption>\n<tr><th>laji</th><th>omatoiminen</th><th>kioski</th><th>työntekijä</th><th>yhteensä</th></tr>\n");
        for kind in &self.by_kind {
            out.push_str(&format!("<tr><th>{}</th>", kind.kind));
            for channel in ["self_service", "kiosk", "worker"] {
                let cell = kind.channels.get(channel).copied().unwrap_or(Cell::Count(0));
                out.push_str(&format!("<td class=\"n\">{}</td>", escape(&cell.to_string())));
            }
            out.push_str(&format!(
                "<td class=\"n\">{}</td></tr>\n",
                escape(&kind.total.to_string())
            ));
        }
        out.push_str("</table>\n");
        out.push_str("<table><caption>Palvelupuutteet <span lang=\"en\">(service gaps)</span> kohderyhmittäin</caption>\n<tr><th>puute</th><th>yhteensä</th>");
        let columns: Vec<String> = self
            .gaps
            .first()
            .map(|row| row.by_group.keys().cloned().collect())
            .unwrap_or_default();
        for column in &columns {
            out.push_str(&format!(
                "<th>{}</th>",
                if column == "none" {
                    "ei kohderyhmää".to_owned()
                } else {
                    name(column)
                }
            ));
        }
        out.push_str("</tr>\n");
        for gap in &self.gaps {
            let label = match gap.gap.split_once(':') {
                Some(("goal", goal)) => format!("tavoite: {}", escape(goal)),
                Some((_, need)) => name(need),
                None => escape(&gap.gap),
            };
            out.push_str(&format!(
                "<tr><th>{label}</th><td class=\"n\">{}</td>",
                escape(&gap.total.to_string())
            ));
            for column in &columns {
                let cell = gap.by_group.get(column).copied().unwrap_or(Cell::Count(0));
                out.push_str(&format!("<td class=\"n\">{}</td>", escape(&cell.to_string())));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</table>\n");
        out.push_str("<table><caption>Kohderyhmät <span lang=\"en\">(target groups)</span></caption>\n");
        for (group, cell) in &self.groups {
            out.push_str(&format!(
                "<tr><th>{}</th><td class=\"n\">{}</td></tr>\n",
                name(group),
                escape(&cell.to_string())
            ));
        }
        out.push_str("</table>\n");
        out.push_str(
            "<table><caption>Ehdotetut palvelut <span lang=\"en\">(suggested services)</span></caption>\n",
        );
        for (service, cell) in &self.suggested_services {
            out.push_str(&format!(
                "<tr><th>{}</th><td class=\"n\">{}</td></tr>\n",
                escape(service),
                escape(&cell.to_string())
            ));
        }
        out.push_str("</table>\n");
        out.push_str(
            "<table><caption>Palaute <span lang=\"en\">(feedback)</span>: arvosanat 0–10</caption>\n<tr>",
        );
        for score in 0..=10 {
            out.push_str(&format!("<th>{score}</th>"));
        }
        out.push_str("</tr>\n<tr>");
        for cell in &self.feedback.scores {
            out.push_str(&format!("<td class=\"n\">{}</td>", escape(&cell.to_string())));
        }
        out.push_str("</tr>\n</table>\n");
        out.push_str(&format!(
            "<p>Arvosanoja {}, keskiarvo {}; ilman arvosanaa {}.</p>\n",
            escape(&self.feedback.scored.to_string()),
            self.feedback
                .average
                .map_or_else(|| "–".to_owned(), |average| format!("{average:.1}")),
            escape(&self.feedback.without_score.to_string()),
        ));
        out.push_str(&format!(
            "<p>Yhteydenotosta asian avaamiseen <span lang=\"en\">(contact request to case)</span>: {} asiaa, mediaani {} päivää, pisin {} päivää.</p>\n</main>\n",
            escape(&self.contact_to_case.cases.to_string()),
            self.contact_to_case.median_days.map_or_else(|| "–".to_owned(), |days| days.to_string()),
            self.contact_to_case.longest_days.map_or_else(|| "–".to_owned(), |days| days.to_string()),
        ));
        out
    }
}
