//! Sources as people read them: each link shows its outlet and title with the source's class
//! (primary text, major outlet, regional outlet, state media, mirror) beside it, never a
//! bracketed key; long lists fold away; a fact whose sources are all weak carries a visible
//! caution; and free text with inline `[key]` citations shows them as outlet links. URLs come
//! only from the model file (validated as http/https), never from a link.

use scoring::Scenario;
use scoring::evidence::citation_groups;
use yew::prelude::*;

use crate::components::disclosure::use_opened;
use crate::state::ScenarioRef;
use crate::text;

/// Lists longer than this fold into a disclosure, so that keyboard users do not tab through
/// a dozen links to reach the controls.
const OPEN_LIST: usize = 3;

#[derive(Properties, PartialEq)]
pub struct SourceLinksProps {
    pub scenario: ScenarioRef,
    pub sources: Vec<usize>,
    /// Show the outlet only (for inline citations), not the title.
    #[prop_or_default]
    pub compact: bool,
}

pub use scoring::score::format_date;

fn source_item(scenario: &Scenario, index: usize, compact: bool) -> Html {
    let source = &scenario.sources[index];
    // Models from before sources were classed have no outlet: the title stands in.
    let name = if source.outlet.is_empty() {
        source.title.clone()
    } else {
        source.outlet.clone()
    };
    let title = (!compact && !source.outlet.is_empty() && !source.title.is_empty())
        .then(|| source.title.clone());
    html! {
        <span class="source-item">
            <a class="source" href={source.url.clone()} title={source.title.clone()} target="_blank" rel="noopener noreferrer">
                { name }
                if let Some(title) = title {
                    <span class="source-title">{ format!(": {title}") }</span>
                }
            </a>
            if let Some(date) = source.date.as_deref() {
                <span class="source-date">{ format!(" {}", format_date(date)) }</span>
            }
            if let Some(class) = source.class {
                <span class={classes!("source-class", format!("class-{}", class.id()))}>{ class.label() }</span>
            }
        </span>
    }
}

/// Source links, each with its outlet, title, date and class.
#[component]
pub fn SourceLinks(props: &SourceLinksProps) -> Html {
    let (opened, ontoggle) = use_opened();
    if props.sources.is_empty() {
        return Html::default();
    }
    let items = {
        let scenario = props.scenario.clone();
        let sources = props.sources.clone();
        let compact = props.compact;
        move || {
            html! {
                <span class={classes!("sources", compact.then_some("sources-compact"))}>
                    { for sources.iter().map(|&index| source_item(&scenario, index, compact)) }
                </span>
            }
        }
    };
    if props.compact || props.sources.len() <= OPEN_LIST {
        return items();
    }
    html! {
        <details class="source-list-details" {ontoggle}>
            <summary>{ format!("{} ({})", text::SOURCES, props.sources.len()) }</summary>
            if opened {
                { items() }
            }
        </details>
    }
}

/// A visible caution where every source of a fact is weak, or the scenario gives a reason
/// (`caution`, "" for none). A function, not a component: its callers render once per change of
/// their own fact, and a component costs the page's wasm about 2 KiB of Yew's generic code.
pub fn caution(scenario: &ScenarioRef, sources: &[usize], caution: &str) -> Html {
    let all_weak = !sources.is_empty()
        && sources
            .iter()
            .all(|&source| scenario.sources[source].is_weak());
    if !all_weak && caution.is_empty() {
        return Html::default();
    }
    html! {
        <p class="caution" data-testid="caution">
            <span class="caution-mark" aria-hidden="true">{ "⚠ " }</span>
            <strong>{ text::CAUTION }</strong>{ " " }
            if all_weak {
                { text::CAUTION_WEAK }{ " " }
            }
            { caution.to_string() }
        </p>
    }
}

/// Text whose inline `[key]` citations are shown as outlet links with their class. A function,
/// not a component: its callers render once per change of their own text.
pub fn cited_text(scenario: &ScenarioRef, text: &str) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut rest = 0;
    for group in citation_groups(text) {
        let sources: Vec<usize> = group
            .keys
            .iter()
            .filter_map(|key| {
                scenario
                    .sources
                    .iter()
                    .position(|source| source.key == *key)
            })
            .collect();
        if sources.is_empty() {
            continue;
        }
        parts.push(html! { { text[rest..group.start].trim_end().to_string() } });
        parts.push(html! {
            <span class="cite">
                { " (" }<SourceLinks scenario={scenario.clone()} {sources} compact=true />{ ")" }
            </span>
        });
        rest = group.end;
    }
    parts.push(html! { { text[rest..].to_string() } });
    html! { <>{ for parts }</> }
}
