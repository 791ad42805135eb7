//! State of the worker-assisted flow: the case's answers, changed only through [`WorkerAction`]s by a
//! pure reducer, and the finished plan handed to the outbox. What the answers mean in law is the engine's
//! business (`Case::facts` and the rules); where the plan is on its way is the outbox's; this module only
//! records them, and says what may change while the plan is on its way ([`WorkerState::takes`]).

use std::rc::Rc;

use chrono::NaiveDate;
use tyokyky_engine::calendar::parse_date;
use tyokyky_engine::case::{Case, ChosenService, Partner, PlanRevision, Sharing};
use tyokyky_engine::catalogue::Sector;
use tyokyky_engine::document::{Document, FreeText, Receipt};
use tyokyky_engine::forms::worker::{self, Answer, Input};
use uuid::Uuid;
use yew::Reducible;

use crate::state::delivery::{DeliveryView, same_or_fresh};

/// A change to one partner of the plan (39 § 2 mom 8 k, 3 mom).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartnerChange {
    /// Its name.
    Name(String),
    /// Its sector.
    Sector(Sector),
    /// What it is responsible for.
    Responsibility(String),
    /// Whether the joint plan is shared with it, and on what ground.
    Sharing(Sharing),
    /// The provision of a special act that allows sharing without consent.
    LegalBasis(String),
}

/// Everything the worker flow shows.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkerState {
    /// The answers so far.
    pub case: Case,
    /// The finished plan as handed to the outbox: sent again unchanged if it was refused, and kept (in
    /// memory only) for printing once it is delivered and the case is cleared.
    pub plan: Option<Document>,
    /// The case's draft on the backend, once a save has been tried.
    pub draft: Option<DraftState>,
    /// When a finished plan is being revised: the case of the version it replaces (what changed is shown
    /// against it).
    pub previous: Option<Rc<Case>>,
    /// When the case was opened from a contact request: what the person sent.
    pub request: Option<Rc<RequestView>>,
}

/// A contact request as a case opened from it shows it: what the person chose to send (the request's
/// answers as stored: their contact details and wishes, and their self-assessment answers and the
/// services it suggested, when they chose to share them).
#[derive(Debug, Clone, PartialEq)]
pub struct RequestView {
    /// The request document's idempotency key.
    pub key: Uuid,
    /// Its short reference.
    pub reference: String,
    /// The day the backend received it.
    pub received_on: NaiveDate,
    /// Its `answers`, as sent.
    pub answers: serde_json::Value,
}

/// Where the case stands as a draft on the backend: its id, the newest version saved, and whether the
/// case as it is now is saved.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftState {
    /// The draft's id, made when the case was first saved.
    pub id: Uuid,
    /// The newest version the backend took from this computer (0: none yet).
    pub version: u32,
    /// The case as that version holds it (unknown after a reload: then it is saved again).
    pub saved: Option<Rc<Case>>,
    /// How the last save went.
    pub sync: DraftSync,
    /// Saves that failed in a row (the next try waits longer).
    pub failures: u32,
}

/// How the last save of the draft went.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftSync {
    /// The backend took it.
    Saved,
    /// The backend could not be reached: the draft is kept in this browser and saved when it can be.
    Waiting,
    /// The same draft was changed on another computer: `theirs` is its newest version, `latest`; the
    /// worker chooses which stays.
    Conflict {
        /// The newest version on the backend.
        latest: u32,
        /// The case as that version holds it.
        theirs: Rc<Case>,
    },
    /// The backend keeps no drafts: the case lives in this tab only.
    NotSupported,
    /// The backend refused the draft, with its explanation.
    Refused(String),
}

/// How the worker resolves a conflict between the draft on this computer and another one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// This computer's case stays; it is saved as the version after theirs (theirs is kept as a version).
    KeepMine,
    /// The other computer's case replaces this one's.
    TakeTheirs,
}

/// What can happen in the worker flow.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkerAction {
    /// An answer to one field of the form, named by its key in `forms::worker::FIELDS`.
    Answer {
        /// The field's key.
        field: &'static str,
        /// The answer.
        answer: Answer,
    },
    /// Choose or unchoose a service of the catalogue.
    ToggleService(String),
    /// Add an empty partner.
    AddPartner,
    /// Remove the partner at this position.
    RemovePartner(usize),
    /// Change the partner at this position.
    ChangePartner(usize, PartnerChange),
    /// Hand the finished plan to the outbox (built by the page with the engine from this case; see
    /// [`WorkerState::plan_to_send`]).
    Finish(Document),
    /// The outbox delivered the plan; the inbox's receipt.
    Delivered(Receipt),
    /// Forget the case and start a new one opened on the given day.
    StartOver(NaiveDate),
    /// The backend took version `version` of draft `id`, holding `case`.
    DraftSaved {
        /// The draft's id.
        id: Uuid,
        /// The version saved.
        version: u32,
        /// The case it holds.
        case: Rc<Case>,
    },
    /// A save of draft `id` did not go through (never a conflict; see [`WorkerAction::DraftConflict`]).
    DraftNotSaved {
        /// The draft's id.
        id: Uuid,
        /// Why: waiting for the backend, no drafts there, or refused.
        sync: DraftSync,
    },
    /// The draft was changed on another computer: its newest version and case.
    DraftConflict {
        /// The newest version on the backend.
        latest: u32,
        /// Its case.
        theirs: Rc<Case>,
    },
    /// The backend lacks versions this computer saved (it lost them, or it is another backend): the
    /// case is saved again whole, as the version after the newest it has (0: none).
    DraftRebase {
        /// The newest version the backend has.
        latest: u32,
    },
    /// The worker's choice in a conflict.
    Resolve(Resolution),
    /// Revise a finished plan: its case becomes the case, as the next version of the plan, made today.
    Revise {
        /// The plan's case.
        previous: Rc<Case>,
        /// The plan document's idempotency key.
        supersedes: Uuid,
        /// Its short reference, when the backend gave one.
        reference: Option<String>,
        /// The day of the revision.
        today: NaiveDate,
    },
    /// Why the plan is revised.
    RevisionReason(String),
    /// The case of the version being revised, read again (the revision was continued from a draft).
    PreviousFound(Rc<Case>),
    /// Open a new case from a contact request, opened on the day it arrived by the client's own contact.
    FromRequest(Rc<RequestView>),
    /// Continue a draft read from the backend (from the worker's list).
    OpenDraft {
        /// The draft's id.
        id: Uuid,
        /// Its newest version.
        version: u32,
        /// Its case.
        case: Rc<Case>,
    },
}

impl WorkerState {
    /// A new case opened today. An assessment is made unless the worker records that it is obviously
    /// unnecessary (36 § 1 mom), so that is the starting point.
    pub fn new(today: NaiveDate) -> WorkerState {
        let mut state = WorkerState::blank();
        state.case.opening.opened_on = Some(today);
        state.case.plan.made_on = Some(today);
        state
    }

    /// The case as kept for the tab's life (JSON), so that a reload finds it: each answer of the form's
    /// table under its key, then the partners and the chosen services. Written through the table rather
    /// than the case's serde form, whose reader would bring the whole document decoder into the browser
    /// bundle (about 75 KB gzip).
    pub fn kept(&self) -> String {
        use serde_json::{Map, Value};
        let mut fields = Map::new();
        for field in worker::FIELDS {
            let value = match (field.read)(&self.case) {
                Answer::Date(date) => date.map_or(Value::Null, |date| Value::from(date.to_string())),
                Answer::Number(number) => number.map_or(Value::Null, Value::from),
                Answer::Flag(flag) => flag.map_or(Value::Null, Value::from),
                Answer::Text(text) => Value::from(text),
                Answer::Choice(choice) => choice.map_or(Value::Null, Value::from),
                Answer::Count(_) => continue,
            };
            fields.insert(field.key.to_owned(), value);
        }
        let plan = &self.case.plan;
        let partners: Vec<Value> = plan
            .partners
            .iter()
            .map(|partner| {
                serde_json::json!([
                    partner.name.as_str(),
                    worker::choice_name(&partner.sector),
                    partner.responsibility.as_str(),
                    partner.sharing.as_ref().and_then(worker::choice_name),
                    partner.legal_basis.as_str(),
                ])
            })
            .collect();
        let services: Vec<Value> = plan
            .services
            .iter()
            .map(|chosen| serde_json::json!([chosen.service_id, chosen.note.as_str()]))
            .collect();
        let draft = self
            .draft
            .as_ref()
            .map(|draft| serde_json::json!([draft.id.to_string(), draft.version]));
        // A revision: what it replaces and why, and the version it was made from (for what changed).
        let revision = serde_json::to_value(&plan.revision).unwrap_or_default();
        let previous = serde_json::to_value(self.previous.as_deref()).unwrap_or_default();
        serde_json::json!({
            "fields": fields, "partners": partners, "services": services, "draft": draft,
            "revision": revision, "previous": previous,
            "request": self.request.as_ref().map(|request| serde_json::json!([
                request.key.to_string(), request.reference, request.received_on.to_string(), request.answers,
            ])),
            "from_request": serde_json::to_value(&self.case.opening.from_request).unwrap_or_default(),
        })
        .to_string()
    }

    /// The state kept by [`WorkerState::kept`], if `text` holds one this app can read; a field it does
    /// not name stays as in a new case.
    pub fn from_kept(text: &str) -> Option<WorkerState> {
        use serde_json::Value;
        let kept: Value = serde_json::from_str(text).ok()?;
        let mut state = WorkerState::blank();
        let case = &mut state.case;
        for (key, value) in kept.get("fields")?.as_object()? {
            let Some(field) = worker::field(key) else {
                continue;
            };
            let answer = match field.input {
                Input::Date => Answer::Date(value.as_str().and_then(|text| parse_date(text).ok())),
                Input::Number { .. } => Answer::Number(value.as_u64().and_then(|n| u8::try_from(n).ok())),
                Input::YesNo => Answer::Flag(value.as_bool()),
                Input::Line | Input::Text => Answer::Text(value.as_str().unwrap_or_default().to_owned()),
                Input::Radios(_) | Input::Select { .. } => Answer::Choice(value.as_str().map(str::to_owned)),
                Input::Derived => continue,
            };
            (field.write)(case, answer);
        }
        let text = |value: &Value| text_of(value.as_str().unwrap_or_default());
        let choice = |value: &Value| value.as_str().map(str::to_owned);
        for partner in kept.get("partners")?.as_array()? {
            let [name, sector, responsibility, sharing, legal_basis] = partner.as_array()?.as_slice() else {
                return None;
            };
            case.plan.partners.push(Partner {
                name: text(name),
                sector: worker::choice_value(choice(sector))?,
                responsibility: text(responsibility),
                sharing: worker::choice_value(choice(sharing)),
                legal_basis: text(legal_basis),
            });
        }
        for service in kept.get("services")?.as_array()? {
            let [id, note] = service.as_array()?.as_slice() else {
                return None;
            };
            case.plan.services.push(ChosenService {
                service_id: id.as_str()?.to_owned(),
                note: text(note),
            });
        }
        case.plan.revision = kept
            .get("revision")
            .and_then(|revision| serde_json::from_value(revision.clone()).ok());
        state.previous = kept
            .get("previous")
            .and_then(|previous| serde_json::from_value::<Case>(previous.clone()).ok())
            .map(Rc::new);
        case.opening.from_request = kept
            .get("from_request")
            .and_then(|link| serde_json::from_value(link.clone()).ok());
        if let Some([key, reference, received_on, answers]) =
            kept.get("request").and_then(Value::as_array).map(Vec::as_slice)
        {
            state.request = Some(Rc::new(RequestView {
                key: Uuid::parse_str(key.as_str()?).ok()?,
                reference: reference.as_str()?.to_owned(),
                received_on: parse_date(received_on.as_str()?).ok()?,
                answers: answers.clone(),
            }));
        }
        // The draft this case is saved as, so that a reload goes on saving the same draft.
        if let Some([id, version]) = kept.get("draft").and_then(Value::as_array).map(Vec::as_slice) {
            state.draft = Some(DraftState {
                id: Uuid::parse_str(id.as_str()?).ok()?,
                version: u32::try_from(version.as_u64()?).ok()?,
                saved: None,
                sync: DraftSync::Saved,
                failures: 0,
            });
        }
        Some(state)
    }

    /// The case of a draft that waited in this browser because it could not be saved: it goes on as
    /// that draft, with the waiting version still to be saved.
    pub fn from_waiting(draft: tyokyky_engine::documents::draft::Draft) -> WorkerState {
        let mut state = WorkerState::blank();
        state.case = draft.case;
        state.draft = Some(DraftState {
            id: draft.draft_id,
            version: draft.version.saturating_sub(1),
            saved: None,
            sync: DraftSync::Waiting,
            failures: 1,
        });
        state
    }

    /// Whether there is work the worker would lose by leaving: anything entered beyond a new case opened
    /// on `today` and not yet handed to the outbox (which keeps the plan until it arrives). What is kept
    /// for the tab is kept exactly while this holds.
    pub fn unsaved(&self, today: NaiveDate) -> bool {
        self.plan.is_none()
            && self.case != WorkerState::new(today).case
            && self.case != WorkerState::blank().case
    }

    /// A case with nothing answered but the starting point that an assessment is made.
    fn blank() -> WorkerState {
        let mut case = Case::default();
        case.assessment.obviously_unnecessary = Some(false);
        WorkerState {
            case,
            plan: None,
            draft: None,
            previous: None,
            request: None,
        }
    }

    /// The plan to hand to the outbox: the one handed over before if it holds the same plan (so that
    /// sending again keeps its idempotency key), otherwise `fresh`.
    pub fn plan_to_send(&self, fresh: Document) -> Document {
        same_or_fresh(self.plan.as_ref(), fresh)
    }

    /// Whether `action` is taken now, given where the outbox says each document is (`status` of an
    /// idempotency key): while the plan is on its way the case does not change, and the plan is sent again
    /// only when the outbox refused it.
    pub fn takes(&self, action: &WorkerAction, status: impl Fn(Uuid) -> Option<DeliveryView>) -> bool {
        let plan = self.plan.as_ref().and_then(|plan| status(plan.idempotency_key));
        match action {
            WorkerAction::Delivered(_)
            | WorkerAction::StartOver(_)
            | WorkerAction::DraftSaved { .. }
            | WorkerAction::DraftNotSaved { .. }
            | WorkerAction::DraftConflict { .. }
            | WorkerAction::DraftRebase { .. } => true,
            WorkerAction::Finish(_) => plan.is_none_or(|view| view.refused()),
            _ => !plan.is_some_and(|view| view.on_its_way()),
        }
    }

    /// Whether the case as it is now should be saved as the draft's next version: it holds work, its plan
    /// is not handed over, it differs from the version saved last, and the last save neither met a
    /// conflict nor found a backend without drafts (a refused draft is tried again after a change).
    pub fn draft_due(&self, today: NaiveDate) -> bool {
        if !self.unsaved(today) {
            return false;
        }
        match &self.draft {
            None => true,
            Some(draft) => match &draft.sync {
                DraftSync::Conflict { .. } | DraftSync::NotSupported => false,
                DraftSync::Saved | DraftSync::Waiting | DraftSync::Refused(_) => {
                    draft.saved.as_deref() != Some(&self.case)
                }
            },
        }
    }

    /// The state after `action`.
    pub fn apply(&self, action: WorkerAction) -> WorkerState {
        let mut next = self.clone();
        match action {
            WorkerAction::DraftSaved { id, version, case } => {
                next.draft = Some(DraftState {
                    id,
                    version,
                    saved: Some(case),
                    sync: DraftSync::Saved,
                    failures: 0,
                });
                return next;
            }
            WorkerAction::DraftNotSaved { id, sync } => {
                let (version, saved, failures) = match &self.draft {
                    Some(draft) if draft.id == id => (draft.version, draft.saved.clone(), draft.failures),
                    _ => (0, None, 0),
                };
                next.draft = Some(DraftState {
                    id,
                    version,
                    saved,
                    sync,
                    failures: failures + 1,
                });
                return next;
            }
            WorkerAction::DraftConflict { latest, theirs } => {
                if let Some(draft) = &mut next.draft {
                    draft.sync = DraftSync::Conflict { latest, theirs };
                }
                return next;
            }
            WorkerAction::PreviousFound(previous) => {
                if next.case.plan.revision.is_some() {
                    next.previous = Some(previous);
                }
                return next;
            }
            WorkerAction::DraftRebase { latest } => {
                if let Some(draft) = &mut next.draft {
                    draft.version = latest;
                    draft.saved = None;
                    draft.failures += 1;
                }
                return next;
            }
            WorkerAction::Resolve(resolution) => {
                if let Some(draft) = &mut next.draft
                    && let DraftSync::Conflict { latest, theirs } = draft.sync.clone()
                {
                    draft.version = latest;
                    draft.saved = Some(theirs.clone());
                    draft.sync = DraftSync::Saved;
                    if resolution == Resolution::TakeTheirs {
                        next.case = (*theirs).clone();
                    }
                }
                return next;
            }
            WorkerAction::Revise {
                previous,
                supersedes,
                reference,
                today,
            } => {
                let mut revised = WorkerState::blank();
                revised.case = (*previous).clone();
                revised.case.plan.revision = Some(PlanRevision {
                    version: previous.plan.version() + 1,
                    supersedes,
                    supersedes_reference: reference,
                    reason: FreeText::default(),
                });
                // The rules read the plan's wording and its review by the day of the revision.
                revised.case.plan.made_on = Some(today);
                revised.previous = Some(previous);
                return revised;
            }
            WorkerAction::FromRequest(request) => {
                let mut opened = WorkerState::new(request.received_on);
                let case = &mut opened.case;
                case.opening.initiator = Some(tyokyky_engine::case::Initiator::Client);
                case.opening.urgent = request.answers["urgent"].as_bool();
                case.opening.from_request = Some(tyokyky_engine::case::RequestLink {
                    key: request.key,
                    reference: request.reference.clone(),
                });
                if let Some(field) = worker::field("client.language") {
                    let language = request.answers["contact_language"].as_str().map(str::to_owned);
                    (field.write)(case, Answer::Choice(language));
                }
                opened.request = Some(request);
                return opened;
            }
            WorkerAction::OpenDraft { id, version, case } => {
                return WorkerState {
                    case: (*case).clone(),
                    plan: None,
                    previous: None,
                    request: None,
                    draft: Some(DraftState {
                        id,
                        version,
                        saved: Some(case),
                        sync: DraftSync::Saved,
                        failures: 0,
                    }),
                };
            }
            WorkerAction::Finish(document) => {
                next.plan = Some(document);
                return next;
            }
            WorkerAction::Delivered(receipt) => {
                let handed = self.plan.as_ref();
                if handed.is_some_and(|plan| plan.idempotency_key == receipt.idempotency_key) {
                    // The plan is in the inbox: the answers leave memory; the document stays for printing.
                    let mut cleared = WorkerState::blank();
                    cleared.plan = self.plan.clone();
                    return cleared;
                }
                return next;
            }
            _ => {}
        }
        let case = &mut next.case;
        match action {
            WorkerAction::Finish(_)
            | WorkerAction::Delivered(_)
            | WorkerAction::DraftSaved { .. }
            | WorkerAction::DraftNotSaved { .. }
            | WorkerAction::DraftConflict { .. }
            | WorkerAction::DraftRebase { .. }
            | WorkerAction::Resolve(_)
            | WorkerAction::Revise { .. }
            | WorkerAction::FromRequest(_)
            | WorkerAction::PreviousFound(_)
            | WorkerAction::OpenDraft { .. } => {}
            WorkerAction::Answer { field, answer } => {
                if let Some(field) = worker::field(field) {
                    (field.write)(case, answer);
                }
            }
            WorkerAction::ToggleService(id) => {
                let services = &mut case.plan.services;
                match services.iter().position(|service| service.service_id == id) {
                    Some(index) => {
                        services.remove(index);
                    }
                    None => services.push(ChosenService {
                        service_id: id,
                        note: FreeText::default(),
                    }),
                }
            }
            WorkerAction::AddPartner => case.plan.partners.push(Partner::new()),
            WorkerAction::RemovePartner(index) => {
                if index < case.plan.partners.len() {
                    case.plan.partners.remove(index);
                }
            }
            WorkerAction::ChangePartner(index, change) => {
                if let Some(partner) = case.plan.partners.get_mut(index) {
                    match change {
                        PartnerChange::Name(text) => partner.name = text_of(&text),
                        PartnerChange::Sector(sector) => partner.sector = sector,
                        PartnerChange::Responsibility(text) => partner.responsibility = text_of(&text),
                        PartnerChange::Sharing(sharing) => partner.sharing = Some(sharing),
                        PartnerChange::LegalBasis(text) => partner.legal_basis = text_of(&text),
                    }
                }
            }
            WorkerAction::StartOver(today) => return WorkerState::new(today),
            WorkerAction::RevisionReason(text) => {
                if let Some(revision) = &mut case.plan.revision {
                    revision.reason = text_of(&text);
                }
            }
        }
        next
    }
}

/// Typed text, kept as typed up to the document's limit of 2,000 characters (counted as characters, not
/// as the UTF-16 units of the browser's `maxlength`); the field then shows what is kept, as `maxlength`
/// would.
fn text_of(text: &str) -> FreeText {
    FreeText::from(text)
}

impl Reducible for WorkerState {
    type Action = WorkerAction;

    fn reduce(self: Rc<Self>, action: WorkerAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tyokyky_engine::case::{Initiator, NamingException, Profession};

    fn day(text: &str) -> NaiveDate {
        tyokyky_engine::calendar::parse_date(text).unwrap()
    }

    fn answer(field: &'static str, answer: Answer) -> WorkerAction {
        WorkerAction::Answer { field, answer }
    }

    fn choice(value: &str) -> Answer {
        Answer::Choice(Some(value.to_owned()))
    }

    fn text(value: &str) -> Answer {
        Answer::Text(value.to_owned())
    }

    #[test]
    fn an_answer_to_a_field_the_form_does_not_have_changes_nothing() {
        let state = WorkerState::new(day("2026-04-02"));
        assert_eq!(
            state.apply(answer("client.shoe_size", Answer::Number(Some(44)))),
            state
        );
    }

    #[test]
    fn a_new_case_opens_today_and_assumes_an_assessment_is_made() {
        let state = WorkerState::new(day("2026-04-02"));
        assert_eq!(state.case.opening.opened_on, Some(day("2026-04-02")));
        assert_eq!(state.case.assessment.obviously_unnecessary, Some(false));
        assert_eq!(state.case.opening.initiator, None);
    }

    #[test]
    fn each_answer_lands_in_its_place_and_can_be_cleared() {
        let state = [
            answer("case.opened_on", Answer::Date(Some(day("2026-03-30")))),
            answer("case.initiator", choice("relative_or_close_person")),
            answer("case.urgent", Answer::Flag(Some(false))),
            answer("client.age", Answer::Number(Some(44))),
            answer("client.vpl_disabled", Answer::Flag(Some(true))),
            answer("client.highest_care_allowance", Answer::Flag(Some(false))),
            answer("client.special_support", Answer::Flag(Some(false))),
            answer("client.has_dependants", Answer::Flag(Some(true))),
        ]
        .into_iter()
        .fold(WorkerState::new(day("2026-04-02")), |state, action| {
            state.apply(action)
        });
        let case = &state.case;
        assert_eq!(case.opening.opened_on, Some(day("2026-03-30")));
        assert_eq!(case.opening.initiator, Some(Initiator::RelativeOrClosePerson));
        assert_eq!(case.opening.urgent, Some(false));
        assert_eq!(case.client.age, Some(44));
        assert_eq!(
            (
                case.client.vpl_disabled,
                case.client.highest_care_allowance,
                case.client.special_support
            ),
            (Some(true), Some(false), Some(false))
        );
        assert_eq!(case.client.has_dependants, Some(true));
        let cleared = state
            .apply(answer("client.age", Answer::Number(None)))
            .apply(answer("case.opened_on", Answer::Date(None)));
        assert_eq!(
            (cleared.case.client.age, cleared.case.opening.opened_on),
            (None, None)
        );
    }

    #[test]
    fn the_named_worker_and_the_co_worker_are_recorded_separately() {
        let state = [
            answer("named_worker.exception", choice("none")),
            answer("named_worker.name", text("Testi Sosionomi")),
            answer("named_worker.profession", choice("sosionomi")),
            answer("named_worker.in_public_office", Answer::Flag(Some(false))),
            answer("co_worker.profession", choice("social_worker")),
            answer("co_worker.in_public_office", Answer::Flag(Some(true))),
            answer("plan.item_04_meeting_frequency", text("Joka toinen viikko")),
        ]
        .into_iter()
        .fold(WorkerState::new(day("2026-02-02")), |state, action| {
            state.apply(action)
        });
        let named = &state.case.named_worker;
        assert_eq!(named.worker.name.as_str(), "Testi Sosionomi");
        assert_eq!(
            (named.worker.profession, named.worker.in_public_office),
            (Some(Profession::Sosionomi), Some(false))
        );
        assert_eq!(
            (named.co_worker.profession, named.co_worker.in_public_office),
            (Some(Profession::SocialWorker), Some(true))
        );
        assert_eq!(
            state.case.plan.items.meeting_frequency.as_str(),
            "Joka toinen viikko"
        );
        let excepted = state
            .apply(answer(
                "named_worker.exception",
                choice("other_responsible_worker"),
            ))
            .apply(answer(
                "named_worker.exception_reason",
                text("Asiakasvastaava nimetty"),
            ));
        assert_eq!(
            excepted.case.named_worker.exception,
            NamingException::OtherResponsibleWorker
        );
        assert_eq!(
            excepted.case.named_worker.exception_reason.as_str(),
            "Asiakasvastaava nimetty"
        );
    }

    #[test]
    fn the_case_is_kept_and_read_back_whole_until_its_plan_is_handed_over() {
        let today = day("2026-02-02");
        let fresh = WorkerState::new(today);
        assert!(!fresh.unsaved(today), "nothing entered, nothing to lose");
        let state = [
            answer("case.contacted_on", Answer::Date(Some(day("2026-02-05")))),
            answer("case.initiator", Answer::Choice(Some("other_authority".into()))),
            answer("client.age", Answer::Number(Some(44))),
            answer("client.special_support", Answer::Flag(Some(true))),
            answer("plan.item_06_goals", text("Työkokeilu \"syksyllä\" <b>")),
            answer("plan.joint", Answer::Flag(Some(true))),
            WorkerAction::ToggleService("tyokokeilu".into()),
            WorkerAction::AddPartner,
            WorkerAction::ChangePartner(0, PartnerChange::Name("Kela".into())),
            WorkerAction::ChangePartner(0, PartnerChange::Sector(Sector::Kela)),
            WorkerAction::ChangePartner(0, PartnerChange::Sharing(Sharing::SpecialAct)),
            WorkerAction::ChangePartner(0, PartnerChange::LegalBasis("189/2001 9 §".into())),
            WorkerAction::AddPartner,
        ]
        .into_iter()
        .fold(fresh, |state, action| state.apply(action));
        assert!(state.unsaved(today));
        let kept = state.kept();
        assert_eq!(WorkerState::from_kept(&kept), Some(state.clone()), "{kept}");
        let handed = state.apply(WorkerAction::Finish(plan_document(5, &state)));
        assert!(
            !handed.unsaved(today),
            "the plan is with the outbox, which keeps it: nothing more to keep"
        );
        assert_eq!(WorkerState::from_kept("{\"fields\": 3}"), None);
        assert_eq!(WorkerState::from_kept("not json"), None);
    }

    #[test]
    fn services_toggle_and_partners_are_added_changed_and_removed() {
        let state = [
            WorkerAction::ToggleService("tyokokeilu".into()),
            WorkerAction::ToggleService("rinnallakulkija".into()),
            WorkerAction::ToggleService("tyokokeilu".into()),
            WorkerAction::AddPartner,
            WorkerAction::AddPartner,
            WorkerAction::ChangePartner(0, PartnerChange::Name("Kela".into())),
            WorkerAction::ChangePartner(0, PartnerChange::Sector(Sector::Kela)),
            WorkerAction::ChangePartner(0, PartnerChange::Sharing(Sharing::SpecialAct)),
            WorkerAction::ChangePartner(0, PartnerChange::LegalBasis("189/2001 9 §".into())),
            WorkerAction::ChangePartner(0, PartnerChange::Sharing(Sharing::Consent)),
            WorkerAction::ChangePartner(1, PartnerChange::Responsibility("Työkokeilu".into())),
            WorkerAction::RemovePartner(1),
            WorkerAction::RemovePartner(7),
            answer("plan.item_06_goals", text("Työkokeilu syksyllä")),
            answer("plan.joint", Answer::Flag(Some(true))),
            answer("client.work_ability_score", Answer::Number(Some(11))),
        ]
        .into_iter()
        .fold(WorkerState::new(day("2026-02-02")), |state, action| {
            state.apply(action)
        });
        let plan = &state.case.plan;
        let services: Vec<&str> = plan
            .services
            .iter()
            .map(|service| service.service_id.as_str())
            .collect();
        assert_eq!(services, ["rinnallakulkija"]);
        assert_eq!(plan.partners.len(), 1);
        assert_eq!(
            (
                plan.partners[0].name.as_str(),
                plan.partners[0].sector,
                plan.partners[0].sharing,
                plan.partners[0].legal_basis.as_str()
            ),
            ("Kela", Sector::Kela, Some(Sharing::Consent), "189/2001 9 §"),
            "a provision typed stays while the ground changes, as any typed text does"
        );
        assert_eq!(plan.items.goals.as_str(), "Työkokeilu syksyllä");
        assert_eq!(plan.joint, Some(true));
        assert_eq!(
            state.case.client.work_ability_score, None,
            "a score above 10 is not kept"
        );
    }

    fn plan_document(key: u8, state: &WorkerState) -> Document {
        use tyokyky_engine::document::{DocumentBody, Language};
        use tyokyky_engine::plan::{CatalogueUsed, ClientPlan, RulesUsed};
        let plan = ClientPlan {
            case: state.case.clone(),
            findings: Vec::new(),
            rules: RulesUsed {
                name: "r".into(),
                version: "1".into(),
                source_hash: "h".into(),
            },
            catalogue: CatalogueUsed {
                county: "c".into(),
                version: "1".into(),
            },
            consents: Vec::new(),
            sharing: Vec::new(),
            context: None,
            groups: Vec::new(),
            gaps: Default::default(),
        };
        Document::new(
            uuid::Uuid::from_bytes([key; 16]),
            chrono::DateTime::UNIX_EPOCH,
            Language::FI,
            DocumentBody::ClientPlan(Box::new(plan)),
        )
    }

    #[test]
    fn finishing_sends_once_keeps_the_case_on_failure_and_clears_it_on_delivery() {
        let state = WorkerState::new(day("2026-02-02")).apply(answer("client.age", Answer::Number(Some(40))));
        let first = state.plan_to_send(plan_document(1, &state));
        let sending = state.apply(WorkerAction::Finish(first.clone()));
        assert_eq!(sending.plan.as_ref(), Some(&first), "handed over");
        let on_its_way = |_| Some(DeliveryView::Sending);
        assert!(
            !sending.takes(&answer("client.age", Answer::Number(Some(41))), on_its_way),
            "nothing changes while sending"
        );
        assert!(
            !sending.takes(&WorkerAction::Finish(first.clone()), on_its_way),
            "sent once"
        );
        let refused = |_| {
            Some(DeliveryView::Rejected {
                failure: crate::web::submit::SendFailure::Rejected {
                    status: 422,
                    message: "bad".into(),
                    refusal: crate::web::submit::Refusal::default(),
                },
            })
        };
        assert!(
            sending.takes(&answer("client.age", Answer::Number(Some(41))), refused)
                && sending.takes(&WorkerAction::Finish(first.clone()), refused),
            "a refused plan is the worker's again"
        );
        assert_eq!(sending.case.client.age, Some(40), "the case is kept");
        let document = sending.plan_to_send(plan_document(2, &sending));
        assert_eq!(
            document.idempotency_key,
            uuid::Uuid::from_bytes([1; 16]),
            "same key on retry"
        );
        let changed = sending.apply(answer("client.age", Answer::Number(Some(41))));
        assert_eq!(
            changed.plan_to_send(plan_document(2, &changed)).idempotency_key,
            uuid::Uuid::from_bytes([2; 16]),
            "a changed plan is a new document"
        );
        let retry = sending.apply(WorkerAction::Finish(document.clone()));
        let receipt = Receipt {
            document_id: uuid::Uuid::from_bytes([9; 16]),
            idempotency_key: document.idempotency_key,
            received_at: chrono::DateTime::UNIX_EPOCH,
        };
        let stranger = Receipt {
            idempotency_key: uuid::Uuid::from_bytes([7; 16]),
            ..receipt.clone()
        };
        assert_eq!(retry.apply(WorkerAction::Delivered(stranger)), retry);
        let sent = retry.apply(WorkerAction::Delivered(receipt));
        assert_eq!(sent.case.client.age, None, "the answers are cleared");
        assert_eq!(sent.plan, Some(document), "the plan stays for printing");
        assert!(
            sent.takes(&WorkerAction::StartOver(day("2026-02-03")), on_its_way),
            "starting over is always possible"
        );
    }

    #[test]
    fn starting_over_forgets_everything() {
        let state = WorkerState::new(day("2026-04-02")).apply(answer("client.age", Answer::Number(Some(50))));
        assert_eq!(
            state.apply(WorkerAction::StartOver(day("2026-04-03"))),
            WorkerState::new(day("2026-04-03"))
        );
    }

    #[test]
    fn a_draft_is_due_after_each_change_until_saved_and_a_conflict_waits_for_the_worker() {
        let today = day("2026-02-02");
        let id = Uuid::from_bytes([3; 16]);
        let fresh = WorkerState::new(today);
        assert!(!fresh.draft_due(today), "nothing entered, nothing to save");
        let typed = fresh.apply(answer("client.age", Answer::Number(Some(44))));
        assert!(typed.draft_due(today));
        let saved = typed.apply(WorkerAction::DraftSaved {
            id,
            version: 1,
            case: Rc::new(typed.case.clone()),
        });
        assert!(!saved.draft_due(today), "saved as it is");
        let changed = saved.apply(answer("client.age", Answer::Number(Some(45))));
        assert!(changed.draft_due(today));
        // The backend cannot be reached: the draft stays due, keeps its id and version, counts the failure.
        let waiting = changed.apply(WorkerAction::DraftNotSaved {
            id,
            sync: DraftSync::Waiting,
        });
        let draft = waiting.draft.as_ref().unwrap();
        assert_eq!((draft.id, draft.version, draft.failures), (id, 1, 1));
        assert!(waiting.draft_due(today));
        // Changed on another computer: nothing is saved until the worker chooses.
        let mut theirs = typed.case.clone();
        theirs.client.age = Some(50);
        let conflict = waiting.apply(WorkerAction::DraftConflict {
            latest: 2,
            theirs: Rc::new(theirs.clone()),
        });
        assert!(!conflict.draft_due(today));
        let mine = conflict.apply(WorkerAction::Resolve(Resolution::KeepMine));
        assert_eq!(mine.case.client.age, Some(45), "this computer's case stays");
        assert_eq!(mine.draft.as_ref().unwrap().version, 2, "saved next as version 3");
        assert!(mine.draft_due(today));
        let taken = conflict.apply(WorkerAction::Resolve(Resolution::TakeTheirs));
        assert_eq!(taken.case, theirs);
        assert!(!taken.draft_due(today), "their version is the saved one");
        // A backend without drafts: no more tries.
        let unsupported = changed.apply(WorkerAction::DraftNotSaved {
            id,
            sync: DraftSync::NotSupported,
        });
        assert!(!unsupported.draft_due(today));
    }

    #[test]
    fn a_reload_goes_on_saving_the_same_draft() {
        let today = day("2026-02-02");
        let id = Uuid::from_bytes([4; 16]);
        let state = WorkerState::new(today)
            .apply(answer("client.age", Answer::Number(Some(44))))
            .apply(WorkerAction::DraftSaved {
                id,
                version: 3,
                case: Rc::new(Case::default()),
            });
        let back = WorkerState::from_kept(&state.kept()).unwrap();
        let draft = back.draft.unwrap();
        assert_eq!((draft.id, draft.version), (id, 3));
    }

    #[test]
    fn an_opened_draft_continues_from_its_version() {
        let id = Uuid::from_bytes([5; 16]);
        let mut case = Case::default();
        case.client.age = Some(61);
        let opened = WorkerState::new(day("2026-02-02")).apply(WorkerAction::OpenDraft {
            id,
            version: 7,
            case: Rc::new(case.clone()),
        });
        assert_eq!(opened.case, case);
        assert_eq!(
            opened.draft.as_ref().map(|draft| (draft.id, draft.version)),
            Some((id, 7))
        );
        assert!(!opened.draft_due(day("2026-02-02")));
    }

    #[test]
    fn a_revision_starts_from_the_plan_made_today_names_what_it_replaces_and_keeps_it_for_the_changes() {
        let mut plan_case = Case::default();
        plan_case.client.age = Some(36);
        plan_case.plan.made_on = Some(day("2026-01-12"));
        let key = Uuid::from_bytes([6; 16]);
        let revised = WorkerState::new(day("2026-12-04")).apply(WorkerAction::Revise {
            previous: Rc::new(plan_case.clone()),
            supersedes: key,
            reference: Some("K7Q4-MZ2P".into()),
            today: day("2026-12-04"),
        });
        assert_eq!(revised.case.client.age, Some(36));
        assert_eq!(
            revised.case.plan.made_on,
            Some(day("2026-12-04")),
            "judged by the day of the revision"
        );
        let revision = revised.case.plan.revision.clone().unwrap();
        assert_eq!((revision.version, revision.supersedes), (2, key));
        assert_eq!(revised.previous.as_deref(), Some(&plan_case));
        let reasoned = revised.apply(WorkerAction::RevisionReason("Tilanne muuttui".into()));
        assert_eq!(
            reasoned.case.plan.revision.as_ref().unwrap().reason.as_str(),
            "Tilanne muuttui"
        );
        // A reload keeps the revision and the version it replaces.
        let back = WorkerState::from_kept(&reasoned.kept()).unwrap();
        assert_eq!(back.case.plan.revision, reasoned.case.plan.revision);
        assert_eq!(back.previous.as_deref(), Some(&plan_case));
    }

    #[test]
    fn a_case_opened_from_a_contact_request_starts_on_its_day_by_the_client_and_links_back() {
        let key = Uuid::from_bytes([8; 16]);
        let request = Rc::new(RequestView {
            key,
            reference: "K7Q4-MZ2P".into(),
            received_on: day("2026-11-30"),
            answers: serde_json::json!({ "name": "Testi Henkilö", "urgent": true, "contact_language": "sv" }),
        });
        let opened = WorkerState::new(day("2026-12-04")).apply(WorkerAction::FromRequest(request.clone()));
        let opening = &opened.case.opening;
        assert_eq!(
            opening.opened_on,
            Some(day("2026-11-30")),
            "pending from the day it arrived"
        );
        assert_eq!(opening.initiator, Some(Initiator::Client));
        assert_eq!(opening.urgent, Some(true));
        assert_eq!(
            opening
                .from_request
                .as_ref()
                .map(|link| (link.key, link.reference.as_str())),
            Some((key, "K7Q4-MZ2P"))
        );
        assert_eq!(
            opened.case.client.language,
            Some(tyokyky_engine::document::Language::SV)
        );
        let back = WorkerState::from_kept(&opened.kept()).unwrap();
        assert_eq!(
            back.request.as_deref(),
            Some(&*request),
            "a reload keeps what the person sent"
        );
        assert_eq!(back.case.opening.from_request, opened.case.opening.from_request);
    }
}
