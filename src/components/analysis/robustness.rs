//! How much the balance depends on the weights: Monte-Carlo bands computed in the worker, the
//! share of samples tilting each way, the most influential weights, and the concentration.

use scoring::score::{format_percent, format_signed_hundredths, format_signed_points};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::AnalysisResultsProps;
use crate::text;

pub(super) fn robustness_panel(props: &AnalysisResultsProps) -> Html {
    let scenario = &props.scenario;
    let robustness = props.package_level.robustness.as_ref();
    let on_concentration = props.on_concentration.clone();
    let onchange = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        if let Ok(value) = input.value().parse::<u32>() {
            on_concentration.emit(value.clamp(5, 500));
        }
    });
    let (first, second) = (&scenario.parties[0].name, &scenario.parties[1].name);
    html! {
        <section class="analysis-part robustness" aria-labelledby="robustness-heading">
            <h3 id="robustness-heading">{ text::ROBUSTNESS_HEADING }</h3>
            <p class="muted">{ text::ROBUSTNESS_HELP }</p>
            <label for="concentration">{ text::CONCENTRATION_LABEL }</label>
            <input type="range" autocomplete="off" id="concentration" min="5" max="500" step="5" value={props.concentration.to_string()}
                aria-valuetext={format!("concentration {}", props.concentration)} {onchange} />
            <span class="num">{ format!(" {}", props.concentration) }</span>
            if let Some(robustness) = robustness {
                <p data-testid="robustness-summary">
                    { format!("Over {} weight samples: the balance lies between {} and {} points (5–95 %); it tilts toward {first} in {} of samples, toward {second} in {}, and is even in {}.",
                        robustness.samples, format_signed_points(robustness.balance.p5), format_signed_points(robustness.balance.p95),
                        format_percent(robustness.toward_first), format_percent(robustness.toward_second), format_percent(robustness.even)) }
                </p>
                <p>{ text::INFLUENTIAL_HEADING }</p>
                <ol class="influential">
                    { for robustness.influential.iter().map(|influence| html! {
                        <li>{ format!("{}'s weight on {} (correlation with the balance {})", scenario.parties[influence.party].name, scenario.issues[influence.issue].label, format_signed_hundredths(influence.correlation)) }</li>
                    }) }
                </ol>
            } else {
                <p class="muted">{ text::ANALYSIS_UPDATING }</p>
            }
        </section>
    }
}
