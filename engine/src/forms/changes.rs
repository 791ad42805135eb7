//! What changed between two versions of a case, for instance a client plan and its revision: every answer
//! that differs, read through the worker form's own table ([`FIELDS`]), and the partners and chosen
//! services added, removed or changed. It compares what was written; it does not judge whether a change
//! matters in law.

use super::case::{Case, ChosenService, Partner};
use super::worker::{Answer, FIELDS, Field, Input, Section};

/// One difference between two versions of a case.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// A field's answer differs.
    Field {
        /// The field, as the worker form declares it.
        field: &'static Field,
        /// Its answer in the earlier version.
        before: Answer,
        /// Its answer in the later version.
        after: Answer,
    },
    /// A partner from another sector (39 § 2 mom 8 k) was added (`before` is `None`), removed (`after`
    /// is `None`) or changed.
    Partner {
        /// The partner in the earlier version.
        before: Option<Partner>,
        /// The partner in the later version.
        after: Option<Partner>,
    },
    /// A service chosen from the catalogue was added, removed or its note changed.
    Service {
        /// The service in the earlier version.
        before: Option<ChosenService>,
        /// The service in the later version.
        after: Option<ChosenService>,
    },
}

/// What changed from `before` to `after`, in the order of the worker form: the fields in the order of
/// [`FIELDS`] (rows the case only implies, [`Input::Derived`], are left out: their lists are compared
/// item by item instead), the chosen services where the plan step shows them (after the plan's items) and
/// the partners after the joint-plan question. Equal cases give no changes.
pub fn changes(before: &Case, after: &Case) -> Vec<Change> {
    let mut found = Vec::new();
    let mut services_done = false;
    let mut partners_done = false;
    for field in FIELDS {
        if !services_done && shows_after_services(field.section) {
            services_done = true;
            found.extend(service_changes(&before.plan.services, &after.plan.services));
        }
        if !partners_done && shows_after_partners(field.section) {
            partners_done = true;
            found.extend(partner_changes(&before.plan.partners, &after.plan.partners));
        }
        if field.input == Input::Derived {
            continue;
        }
        let (was, is) = ((field.read)(before), (field.read)(after));
        if was != is {
            found.push(Change::Field {
                field,
                before: was,
                after: is,
            });
        }
    }
    if !services_done {
        found.extend(service_changes(&before.plan.services, &after.plan.services));
    }
    if !partners_done {
        found.extend(partner_changes(&before.plan.partners, &after.plan.partners));
    }
    found
}

/// Whether the plan step draws `section` after its chosen services (which follow the plan's items).
fn shows_after_services(section: Section) -> bool {
    matches!(
        section,
        Section::PlanJoint
            | Section::PlanPartners
            | Section::PlanClosing
            | Section::Naming
            | Section::CoWorker
            | Section::NamingEnd
    )
}

/// Whether `section` is drawn after the partner list (which follows the joint-plan question).
fn shows_after_partners(section: Section) -> bool {
    matches!(
        section,
        Section::PlanClosing | Section::Naming | Section::CoWorker | Section::NamingEnd
    )
}

/// Pairs the items of two lists: first those that `same` says are one item, then, of the rest, those at
/// the same place in their lists that `alike` accepts (an item edited where it stands). Gives
/// `(before, after)` positions in the order of the later list, then the items only in the earlier list,
/// in its order.
fn pair<T>(
    before: &[T],
    after: &[T],
    same: impl Fn(&T, &T) -> bool,
    alike: impl Fn(&T, &T) -> bool,
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut partner_of: Vec<Option<usize>> = vec![None; after.len()];
    let mut taken = vec![false; before.len()];
    for (at, item) in after.iter().enumerate() {
        let found = before
            .iter()
            .enumerate()
            .position(|(was, earlier)| !taken.get(was).copied().unwrap_or(true) && same(earlier, item));
        if let (Some(was), Some(slot)) = (found, partner_of.get_mut(at)) {
            *slot = Some(was);
            if let Some(flag) = taken.get_mut(was) {
                *flag = true;
            }
        }
    }
    for (at, slot) in partner_of.iter_mut().enumerate() {
        let free = !taken.get(at).copied().unwrap_or(true);
        let edited = matches!((before.get(at), after.get(at)), (Some(was), Some(is)) if alike(was, is));
        if slot.is_none() && free && edited {
            *slot = Some(at);
            if let Some(flag) = taken.get_mut(at) {
                *flag = true;
            }
        }
    }
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = partner_of
        .into_iter()
        .enumerate()
        .map(|(at, was)| (was, Some(at)))
        .collect();
    pairs.extend(
        taken
            .iter()
            .enumerate()
            .filter(|(_, taken)| !**taken)
            .map(|(was, _)| (Some(was), None)),
    );
    pairs
}

/// The differences between two lists, items paired by [`pair`].
fn list_changes<T: Clone + PartialEq>(
    before: &[T],
    after: &[T],
    (same, alike): (impl Fn(&T, &T) -> bool, impl Fn(&T, &T) -> bool),
    change: impl Fn(Option<T>, Option<T>) -> Change,
) -> Vec<Change> {
    pair(before, after, same, alike)
        .into_iter()
        .filter_map(|(was, is)| {
            let was = was.and_then(|index| before.get(index));
            let is = is.and_then(|index| after.get(index));
            (was != is).then(|| change(was.cloned(), is.cloned()))
        })
        .collect()
}

/// Partners are the same partner when their names are, ignoring case and surrounding spaces; a partner
/// renamed where it stands, in the same sector, is that partner edited.
fn partner_changes(before: &[Partner], after: &[Partner]) -> Vec<Change> {
    let name = |partner: &Partner| partner.name.as_str().trim().to_lowercase();
    list_changes(
        before,
        after,
        (
            |earlier: &Partner, later: &Partner| !name(earlier).is_empty() && name(earlier) == name(later),
            |earlier: &Partner, later: &Partner| earlier.sector == later.sector,
        ),
        |before, after| Change::Partner { before, after },
    )
}

/// Services are the same service when their catalogue ids are; nothing else makes two services one.
fn service_changes(before: &[ChosenService], after: &[ChosenService]) -> Vec<Change> {
    list_changes(
        before,
        after,
        (
            |earlier: &ChosenService, later: &ChosenService| earlier.service_id == later.service_id,
            |_: &ChosenService, _: &ChosenService| false,
        ),
        |before, after| Change::Service { before, after },
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::catalogue::Sector;
    use crate::forms::case::Sharing;
    use crate::forms::worker::field;

    fn partner(name: &str, responsibility: &str) -> Partner {
        let sector = match name.trim().to_lowercase().as_str() {
            "kela" => Sector::Kela,
            "järjestö ry" => Sector::Organisations,
            _ => Sector::EmploymentServices,
        };
        Partner {
            name: name.into(),
            sector,
            responsibility: responsibility.into(),
            sharing: Some(Sharing::Consent),
            legal_basis: Default::default(),
        }
    }

    fn service(id: &str, note: &str) -> ChosenService {
        ChosenService {
            service_id: id.to_owned(),
            note: note.into(),
        }
    }

    /// A plan made on 2 March 2026, with two partners and one service.
    fn plan() -> Case {
        let mut case = Case::default();
        case.opening.opened_on = NaiveDate::from_ymd_opt(2026, 2, 16);
        case.plan.made_on = NaiveDate::from_ymd_opt(2026, 3, 2);
        case.plan.items.goals = "Työkokeilu keväällä".into();
        case.plan.joint = Some(true);
        case.plan.review_dates = NaiveDate::from_ymd_opt(2026, 9, 1).into_iter().collect();
        case.plan.partners = vec![
            partner("Työllisyyspalvelut", "Työkokeilun järjestäminen"),
            partner("Kela", "Ammatillinen kuntoutus"),
        ];
        case.plan.services = vec![service("kuntouttava-tyotoiminta", "Kaksi päivää viikossa")];
        case
    }

    fn keys(found: &[Change]) -> Vec<&str> {
        found
            .iter()
            .map(|change| match change {
                Change::Field { field, .. } => field.key,
                Change::Partner { .. } => "partner",
                Change::Service { .. } => "service",
            })
            .collect()
    }

    #[test]
    fn equal_cases_have_no_changes() {
        assert_eq!(changes(&plan(), &plan()), Vec::new());
        assert_eq!(changes(&Case::default(), &Case::default()), Vec::new());
    }

    #[test]
    fn a_changed_text_date_and_choice_are_each_one_change_in_the_forms_order() {
        let before = plan();
        let mut after = plan();
        after.plan.items.goals = "Opiskelu syksyllä".into();
        after.plan.review_dates = NaiveDate::from_ymd_opt(2027, 1, 11).into_iter().collect();
        after.plan.made_on = NaiveDate::from_ymd_opt(2026, 9, 1);
        after.client.goal = Some(crate::catalogue::Goal::Education);
        let found = changes(&before, &after);
        assert_eq!(
            keys(&found),
            [
                "client.goal",
                "plan.made_on",
                "plan.item_06_goals",
                "plan.review_date"
            ]
        );
        assert_eq!(
            found.get(2),
            Some(&Change::Field {
                field: field("plan.item_06_goals").unwrap(),
                before: Answer::Text("Työkokeilu keväällä".to_owned()),
                after: Answer::Text("Opiskelu syksyllä".to_owned()),
            })
        );
        assert_eq!(
            found.first(),
            Some(&Change::Field {
                field: field("client.goal").unwrap(),
                before: Answer::Choice(None),
                after: Answer::Choice(Some("education".to_owned())),
            })
        );
        assert_eq!(
            found.get(3),
            Some(&Change::Field {
                field: field("plan.review_date").unwrap(),
                before: Answer::Date(NaiveDate::from_ymd_opt(2026, 9, 1)),
                after: Answer::Date(NaiveDate::from_ymd_opt(2027, 1, 11)),
            })
        );
    }

    #[test]
    fn a_partner_added_removed_and_changed_are_matched_by_name_and_come_after_the_joint_plan_question() {
        let before = plan();
        let mut after = plan();
        // Kela's responsibility changes, the employment services leave, and an organisation joins; the
        // list is also in another order, which is no change.
        after.plan.partners = vec![
            partner("Järjestö ry", "Vertaistuki"),
            partner("KELA ", "Ammatillinen kuntoutus ja kuntoutusraha"),
        ];
        after.plan.responsible_worker = "Testi Ohjaaja".into();
        let found = changes(&before, &after);
        assert_eq!(
            found,
            vec![
                Change::Partner {
                    before: None,
                    after: Some(partner("Järjestö ry", "Vertaistuki")),
                },
                Change::Partner {
                    before: Some(partner("Kela", "Ammatillinen kuntoutus")),
                    after: Some(partner("KELA ", "Ammatillinen kuntoutus ja kuntoutusraha")),
                },
                Change::Partner {
                    before: Some(partner("Työllisyyspalvelut", "Työkokeilun järjestäminen")),
                    after: None,
                },
                Change::Field {
                    field: field("plan.responsible_worker").unwrap(),
                    before: Answer::Text(String::new()),
                    after: Answer::Text("Testi Ohjaaja".to_owned()),
                },
            ]
        );

        // Renamed where it stands, in the same sector: the same partner, edited.
        let mut renamed = plan();
        if let Some(first) = renamed.plan.partners.first_mut() {
            first.name = "Kunnan työllisyyspalvelut".into();
        }
        assert_eq!(
            changes(&before, &renamed),
            vec![Change::Partner {
                before: Some(partner("Työllisyyspalvelut", "Työkokeilun järjestäminen")),
                after: Some(partner("Kunnan työllisyyspalvelut", "Työkokeilun järjestäminen")),
            }]
        );

        let mut added = plan();
        added.plan.partners.push(partner("Järjestö ry", "Vertaistuki"));
        assert_eq!(
            changes(&before, &added),
            vec![Change::Partner {
                before: None,
                after: Some(partner("Järjestö ry", "Vertaistuki")),
            }]
        );
        let mut removed = plan();
        removed.plan.partners.remove(0);
        assert_eq!(
            changes(&before, &removed),
            vec![Change::Partner {
                before: Some(partner("Työllisyyspalvelut", "Työkokeilun järjestäminen")),
                after: None,
            }]
        );
        let mut reordered = plan();
        reordered.plan.partners.reverse();
        assert_eq!(changes(&before, &reordered), Vec::new());
    }

    #[test]
    fn a_service_added_removed_or_with_another_note_is_a_change_after_the_plans_items() {
        let before = plan();
        let mut after = plan();
        after.plan.services = vec![
            service("kuntouttava-tyotoiminta", "Kolme päivää viikossa"),
            service("talous-ja-velkaneuvonta", ""),
        ];
        after.plan.items.follow_up = "Kuukauden välein".into();
        after.plan.joint = Some(false);
        let found = changes(&before, &after);
        assert_eq!(
            keys(&found),
            ["plan.item_09_follow_up", "service", "service", "plan.joint"]
        );
        assert_eq!(
            found.get(2),
            Some(&Change::Service {
                before: None,
                after: Some(service("talous-ja-velkaneuvonta", "")),
            })
        );
        let mut removed = plan();
        removed.plan.services.clear();
        assert_eq!(
            changes(&before, &removed),
            vec![Change::Service {
                before: Some(service("kuntouttava-tyotoiminta", "Kaksi päivää viikossa")),
                after: None,
            }]
        );
    }
}
