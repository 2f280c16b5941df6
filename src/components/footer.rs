//! The footer: values and weights are model assumptions, not a forecast; what "every fact
//! carries its source" covers; the model version the numbers come from; the caveats on the
//! data; every source with its outlet and class, counted by class.

use scoring::SourceClass;
use yew::prelude::*;

use crate::components::disclosure::use_opened;
use crate::components::sources::{SourceLinks, cited_text, format_date};
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
    let (sources_opened, toggle_sources) = use_opened();
    let counts: Vec<String> = SourceClass::ALL
        .iter()
        .filter_map(|&class| {
            let count = scenario
                .sources
                .iter()
                .filter(|source| source.class == Some(class))
                .count();
            (count > 0).then(|| format!("{} {count}", class.label()))
        })
        .collect();
    let published: Vec<&str> = scoring::models::MODELS
        .iter()
        .map(|model| model.version)
        .collect();
    html! {
        <footer class="site-footer">
            <p class="assumption-note"><span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ " " }{ text::ASSUMPTION_NOTE }{ " " }{ &scenario.assumptions.note }</p>
            <p>{ text::FOOTER_NEUTRAL }</p>
            <p data-testid="model-version">
                { format!("{} {} · {} “{}” ({}), compiled {} · {}: {}", text::FOOTER_MODEL, meta.version, text::FOOTER_SCENARIO, meta.title, meta.id, format_date(&meta.compiled), text::FOOTER_PUBLISHED, published.join(", ")) }
            </p>
            <p><a href="glossary.html" target="_blank" rel="noopener">{ text::GLOSSARY_LINK }</a></p>
            <details>
                <summary>{ text::FOOTER_CAVEATS }</summary>
                <ul>{ for meta.caveats.iter().map(|caveat| html! { <li>{ cited_text(scenario, caveat) }</li> }) }</ul>
            </details>
            <details ontoggle={toggle_sources}>
                <summary>{ format!("{} ({})", text::FOOTER_ALL_SOURCES, scenario.sources.len()) }</summary>
                if sources_opened {
                    if !counts.is_empty() {
                        <p>{ format!("{}: {}.", text::FOOTER_BY_CLASS, counts.join(", ")) }</p>
                    }
                    <ul class="source-list">
                        { for scenario.sources.iter().enumerate().map(|(index, source)| html! {
                            <li key={source.key.clone()}>
                                <SourceLinks scenario={scenario.clone()} sources={vec![index]} />
                            </li>
                        }) }
                    </ul>
                }
            </details>
        </footer>
    }
}
