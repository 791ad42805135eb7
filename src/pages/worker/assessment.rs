//! Step 2: the service-need assessment (36–37 §, 43–44 §): whether it is made, who is responsible, and
//! its content: the summary, the professional's conclusions, the client's own view, both views on a named
//! worker, and the nature of the need.

use tyokyky_engine::case::{CloseNetworkGround, NamedWorkerNeed, NeedNature};
use yew::prelude::*;

use super::fields::{ProfessionSelect, YesNo, radio_group, set_flag, set_text, text_area, yes_no_labels};
use super::state::{Flag, TextField, WorkerAction, WorkerRole};
use super::use_worker;
use crate::hooks::use_i18n::use_i18n;

/// The assessment form.
#[component]
pub fn AssessmentStep() -> Html {
    let i18n = use_i18n();
    let state = use_worker();
    let assessment = &state.case.assessment;
    let yes_no = yes_no_labels(&i18n);
    let text = |field: TextField| set_text(&state, field);
    let flag = |flag: Flag| set_flag(&state, flag);
    let need_view = |by_client: bool| {
        let state = state.clone();
        Callback::from(move |value| state.dispatch(WorkerAction::SetNamedWorkerNeed(by_client, value)))
    };
    let need_options = |prefix: &'static [&'static str; 2]| {
        vec![
            (NamedWorkerNeed::Needed, prefix[0], i18n.t("need-needed")),
            (NamedWorkerNeed::NotNeeded, prefix[1], i18n.t("need-not-needed")),
        ]
    };
    let unnecessary = assessment.obviously_unnecessary == Some(true);

    html! {
        <div class="tk-worker__form">
            <h1 class="tk-title" id="screen-heading" tabindex="-1">{ i18n.t("worker-assessment-title") }</h1>
            <p class="tk-lead">{ i18n.t("worker-assessment-lead") }</p>
            <form id="assessment" class="tk-form" novalidate=true onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
                <YesNo name="assessment_unnecessary" legend={i18n.t("assessment-unnecessary")}
                    hint={Some(AttrValue::from(i18n.t("assessment-unnecessary-hint")))} labels={yes_no.clone()}
                    value={assessment.obviously_unnecessary} on_change={flag(Flag::AssessmentUnnecessary)} />
                if unnecessary {
                    { text_area("assessment_unnecessary_reason", i18n.t("assessment-unnecessary-reason"),
                        assessment.unnecessary_reason.as_str().to_owned(), text(TextField::AssessmentUnnecessaryReason)) }
                } else {
                    <ProfessionSelect id="assessment_responsible_profession" label={i18n.t("assessment-responsible-profession")}
                        value={assessment.responsible.profession}
                        on_change={{
                            let state = state.clone();
                            Callback::from(move |value| state.dispatch(WorkerAction::SetProfession(WorkerRole::AssessmentResponsible, value)))
                        }} />
                    <YesNo name="assessment_responsible_in_office" legend={i18n.t("in-public-office")} labels={yes_no.clone()}
                        value={assessment.responsible.in_public_office}
                        on_change={{
                            let state = state.clone();
                            Callback::from(move |value| state.dispatch(WorkerAction::SetInPublicOffice(WorkerRole::AssessmentResponsible, value)))
                        }} />
                    { text_area("assessment_summary", i18n.t("assessment-summary"),
                        assessment.summary.as_str().to_owned(), text(TextField::Summary)) }
                    { text_area("assessment_conclusions", i18n.t("assessment-conclusions"),
                        assessment.professional_conclusions.as_str().to_owned(), text(TextField::ProfessionalConclusions)) }
                    { text_area("assessment_client_view", i18n.t("assessment-client-view"),
                        assessment.client_view.as_str().to_owned(), text(TextField::ClientView)) }
                    { text_area("assessment_client_view_obstacle", i18n.t("assessment-client-view-obstacle"),
                        assessment.client_view_obstacle.as_str().to_owned(), text(TextField::ClientViewObstacle)) }
                    { radio_group(i18n.t("named-worker-need-client"), "need_client",
                        need_options(&["need_client-needed", "need_client-not-needed"]),
                        assessment.named_worker_need_client, need_view(true)) }
                    { radio_group(i18n.t("named-worker-need-professional"), "need_professional",
                        need_options(&["need_professional-needed", "need_professional-not-needed"]),
                        assessment.named_worker_need_professional, need_view(false)) }
                    <YesNo name="needs_support" legend={i18n.t("assessment-needs-support")} labels={yes_no.clone()}
                        value={assessment.needs_support} on_change={flag(Flag::NeedsSupport)} />
                    if assessment.needs_support == Some(true) {
                        { radio_group(i18n.t("need-nature"), "need_nature", vec![
                            (NeedNature::Temporary, "need_nature-temporary", i18n.t("need-temporary")),
                            (NeedNature::Recurring, "need_nature-recurring", i18n.t("need-recurring")),
                            (NeedNature::LongTerm, "need_nature-long-term", i18n.t("need-long-term")),
                        ], assessment.need_nature, {
                            let state = state.clone();
                            Callback::from(move |value| state.dispatch(WorkerAction::SetNeedNature(value)))
                        }) }
                    }
                    <YesNo name="close_network_mapping" legend={i18n.t("close-network-mapping")} labels={yes_no.clone()}
                        value={assessment.close_network_mapping} on_change={flag(Flag::CloseNetworkMapping)} />
                    if assessment.close_network_mapping == Some(true) {
                        { radio_group(i18n.t("close-network-ground"), "close_network_ground", vec![
                            (CloseNetworkGround::Consent, "ground-consent", i18n.t("ground-consent")),
                            (CloseNetworkGround::UnableToCareForSelf, "ground-unable", i18n.t("ground-unable")),
                            (CloseNetworkGround::ChildInterest, "ground-child", i18n.t("ground-child")),
                        ], assessment.close_network_ground, {
                            let state = state.clone();
                            Callback::from(move |value| state.dispatch(WorkerAction::SetCloseNetworkGround(value)))
                        }) }
                    }
                    if state.case.client.has_dependants == Some(true) {
                        <YesNo name="dependants_assessed" legend={i18n.t("dependants-assessed")} labels={yes_no.clone()}
                            value={assessment.dependants_assessed} on_change={flag(Flag::DependantsAssessed)} />
                    }
                }
            </form>
        </div>
    }
}
