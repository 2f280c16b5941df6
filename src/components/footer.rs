//! The footer: values and weights are model assumptions, not a forecast; the model and scenario
//! versions; the caveats on the data; every source.

use yew::prelude::*;

use crate::components::sources::SourceLinks;
use crate::state::ScenarioRef;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub scenario: ScenarioRef,
}

#[component]
pub fn Footer(props: &FooterProps) -> Html {
    let scenario = &props.scenario;
    let meta = &scenario.meta;
    html! {
        <footer class="site-footer">
            <p class="assumption-note"><span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ " " }{ text::ASSUMPTION_NOTE }{ " " }{ &scenario.assumptions.note }</p>
            <p>{ text::FOOTER_NEUTRAL }</p>
            <p data-testid="model-version">
                { format!("{} {} · {} “{}” ({}), compiled {}", text::FOOTER_MODEL, meta.version, text::FOOTER_SCENARIO, meta.title, meta.id, meta.compiled) }
            </p>
            <details>
                <summary>{ text::FOOTER_CAVEATS }</summary>
                <ul>{ for meta.caveats.iter().map(|caveat| html! { <li>{ caveat }</li> }) }</ul>
            </details>
            <details>
                <summary>{ format!("{} ({})", text::FOOTER_ALL_SOURCES, scenario.sources.len()) }</summary>
                <ul class="source-list">
                    { for scenario.sources.iter().enumerate().map(|(index, source)| html! {
                        <li key={source.key.clone()}>
                            <SourceLinks scenario={scenario.clone()} sources={vec![index]} />
                            { format!(" {}", source.title) }
                        </li>
                    }) }
                </ul>
            </details>
        </footer>
    }
}
