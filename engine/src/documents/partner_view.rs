//! What a partner organisation of a joint plan may read of it (39 § 3 mom: a joint plan made with the
//! client's consent holds "suunnitelman laatimiseen ja käyttöön nähden tarpeellisia tietoja", the
//! information needed to make and use it).
//!
//! A partner reads the plan's content items, the services chosen, its review dates and who to contact,
//! and its own entry among the partners: never the service-need assessment, the client's answers about
//! health or situation, the findings of the rules, the other partners, or what the client consented to or
//! refused with them. And only when the plan records that it is shared with that partner, by the client's
//! consent or under a special act; a partner kept out, or one the plan does not name, reads nothing.

use chrono::NaiveDate;
use serde::Serialize;

use crate::catalogue::Sector;
use crate::documents::plan::{ClientPlan, WorkerContact};
use crate::forms::case::{ChosenService, PlanItems, Sharing};

/// The part of a joint plan one partner may read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerView {
    /// The partner as the plan names it, and its task in the plan.
    pub partner: PartnerEntry,
    /// The plan's version (1, or the revision's number).
    pub version: u32,
    /// The day the plan was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub made_on: Option<NaiveDate>,
    /// When the plan is to be reviewed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub review_dates: Vec<NaiveDate>,
    /// The plan's content items (39 § 2 mom).
    pub items: PlanItems,
    /// The services chosen from the county's catalogue, with what was agreed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ChosenService>,
    /// The worker responsible for the plan.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub responsible_worker: String,
    /// The organisation that made the plan, as the host system passed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The case's reference in that organisation's system.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_reference: Option<String>,
    /// The client's name, when the host system passed one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_name: Option<String>,
    /// Whom the partner contacts about the plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<WorkerContact>,
}

/// One partner's entry in a joint plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PartnerEntry {
    /// The partner as the plan names it.
    pub name: String,
    /// Its sector.
    pub sector: Sector,
    /// What it is responsible for in the plan.
    pub responsibility: String,
    /// Why it receives the plan: `consent` or `special_act`.
    pub ground: Sharing,
    /// For a special act: the provision.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub legal_basis: String,
}

/// A name as compared between a plan and a partner's credential: letters in lower case, runs of white
/// space as one space, none at either end.
pub fn comparable_name(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl ClientPlan {
    /// The names (see [`comparable_name`]) of the partners this plan is shared with, by consent or under a
    /// special act; none unless it is a joint plan.
    pub fn shared_with(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .shared_partners()
            .map(|partner| comparable_name(partner.name.as_str()))
            .filter(|name| !name.is_empty())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    fn shared_partners(&self) -> impl Iterator<Item = &crate::forms::case::Partner> {
        let plan = &self.case.plan;
        plan.partners
            .iter()
            .filter(move |_| plan.joint == Some(true))
            .filter(|partner| partner.receives_joint_plan())
    }

    /// What the partner known by any of `names` may read of this plan, or `None` when the plan is not
    /// shared with it.
    pub fn partner_view(&self, names: &[String]) -> Option<PartnerView> {
        let names: Vec<String> = names.iter().map(|name| comparable_name(name)).collect();
        let partner = self
            .shared_partners()
            .find(|partner| names.contains(&comparable_name(partner.name.as_str())))?;
        let plan = &self.case.plan;
        let context = self.context.as_ref();
        Some(PartnerView {
            partner: PartnerEntry {
                name: partner.name.as_str().to_owned(),
                sector: partner.sector,
                responsibility: partner.responsibility.as_str().to_owned(),
                ground: partner.sharing?,
                legal_basis: partner.legal_basis.as_str().to_owned(),
            },
            version: self.version(),
            made_on: plan.made_on,
            review_dates: plan.review_dates.clone(),
            items: plan.items.clone(),
            services: plan.services.clone(),
            responsible_worker: plan.responsible_worker.as_str().to_owned(),
            organisation: context.map(|context| context.organisation.as_str().to_owned()),
            case_reference: context.map(|context| context.case_reference.as_str().to_owned()),
            client_name: context
                .and_then(|context| context.client_name.as_ref())
                .map(|name| name.as_str().to_owned()),
            contact: context.map(|context| context.worker.clone()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A joint plan with three partners: employment services by consent, Kela under a special act, and
    /// an education provider kept out. Synthetic.
    fn joint_plan() -> ClientPlan {
        let answers = serde_json::json!({
            "case": {
                "opening": {"opened_on": "2026-04-02", "initiator": "client", "urgent": false},
                "client": {"age": 44, "illness_reduces_work_ability": true},
                "assessment": {"summary": "Arvion yhteenveto, ei kumppaneille."},
                "plan": {
                    "joint": true,
                    "made_on": "2026-04-20",
                    "review_dates": ["2026-10-05"],
                    "items": {"goals": "Työkokeilu syksyllä.", "support_need": "Tuki arjen rytmiin."},
                    "services": [{"service_id": "tyokokeilu", "note": "Aloitus syyskuussa."}],
                    "responsible_worker": "Testi Ohjaaja",
                    "partners": [
                        {"name": "Kunnan  työllisyyspalvelut", "sector": "employment_services",
                         "responsibility": "Työkokeilupaikka", "sharing": "consent"},
                        {"name": "Kela", "sector": "kela", "responsibility": "Ammatillinen kuntoutus",
                         "sharing": "special_act", "legal_basis": "laki … (566/2005) 19 §"},
                        {"name": "Esimerkin ammattiopisto", "sector": "education",
                         "responsibility": "Opintojen suunnittelu", "sharing": "not_shared"}
                    ]
                }
            },
            "findings": [],
            "rules": {"name": "tyokyky-shl", "version": "2026.11.0", "source_hash": "ab"},
            "catalogue": {"county": "Esimerkin hyvinvointialue", "version": "2026.11.0"},
            "consents": [{"scope": "share_joint_plan", "recipient": "Kunnan  työllisyyspalvelut", "given": true}],
            "context": {"organisation": "Esimerkin hyvinvointialue", "case_reference": "ASIA-2026-0042",
                        "worker": {"name": "Testi Ohjaaja", "phone": "+358 40 000 0000"},
                        "client_name": "Testi Asiakas"}
        });
        serde_json::from_value(answers).expect("a readable plan")
    }

    #[test]
    fn a_partner_with_consent_reads_the_plan_and_its_own_entry_only() {
        let view = joint_plan()
            .partner_view(&["KUNNAN TYÖLLISYYSPALVELUT".to_owned()])
            .expect("shared by consent");
        assert_eq!(view.partner.responsibility, "Työkokeilupaikka");
        assert_eq!(view.partner.ground, Sharing::Consent);
        assert_eq!(view.items.goals.as_str(), "Työkokeilu syksyllä.");
        assert_eq!(view.client_name.as_deref(), Some("Testi Asiakas"));
        let text = serde_json::to_string(&view).expect("serialises");
        for left_out in [
            "Kela",
            "ammattiopisto",
            "Arvion yhteenveto",
            "illness",
            "findings",
            "consents",
        ] {
            assert!(!text.contains(left_out), "{left_out} in {text}");
        }
    }

    #[test]
    fn a_partner_under_a_special_act_reads_it_with_the_provision() {
        let view = joint_plan()
            .partner_view(&["kela".to_owned()])
            .expect("shared by law");
        assert_eq!(view.partner.ground, Sharing::SpecialAct);
        assert_eq!(view.partner.legal_basis, "laki … (566/2005) 19 §");
    }

    #[test]
    fn a_partner_kept_out_or_not_named_reads_nothing() {
        let plan = joint_plan();
        assert_eq!(plan.partner_view(&["Esimerkin ammattiopisto".to_owned()]), None);
        assert_eq!(plan.partner_view(&["Toinen järjestö".to_owned()]), None);
        assert_eq!(plan.shared_with(), ["kela", "kunnan työllisyyspalvelut"]);
        let mut not_joint = plan;
        not_joint.case.plan.joint = Some(false);
        assert_eq!(not_joint.partner_view(&["Kela".to_owned()]), None);
        assert!(not_joint.shared_with().is_empty());
    }
}
