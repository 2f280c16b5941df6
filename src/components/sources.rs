//! Source links: renders a list of source indices as "[key]" links to the cited pages.
//! URLs come only from the compiled-in scenario (validated as http/https), never from a link.

use yew::prelude::*;

use crate::state::ScenarioRef;

#[derive(Properties, PartialEq)]
pub struct SourceLinksProps {
    pub scenario: ScenarioRef,
    pub sources: Vec<usize>,
}

#[component]
pub fn SourceLinks(props: &SourceLinksProps) -> Html {
    if props.sources.is_empty() {
        return Html::default();
    }
    html! {
        <span class="sources">
            { for props.sources.iter().map(|&index| {
                let source = &props.scenario.sources[index];
                let title = if source.title.is_empty() { source.key.clone() } else { source.title.clone() };
                html! {
                    <a class="source" href={source.url.clone()} title={title} target="_blank" rel="noopener noreferrer">
                        { format!("[{}]", source.key) }
                    </a>
                }
            }) }
        </span>
    }
}
