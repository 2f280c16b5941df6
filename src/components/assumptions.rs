//! The model's assumptions, listed where anyone can read them: each party's walk-away value
//! and issue weights with their rationales, and the option assumed where a text is silent.
//! They are assumptions of this model version, not findings.

use scoring::score::format_points;
use yew::prelude::*;

use crate::components::sources::CitedText;
use crate::state::ScenarioRef;
use crate::text;

#[derive(Properties, PartialEq)]
pub struct AssumptionsSectionProps {
    pub scenario: ScenarioRef,
}

#[component]
pub fn AssumptionsSection(props: &AssumptionsSectionProps) -> Html {
    let scenario = &props.scenario;
    let assumptions = &scenario.assumptions;
    html! {
        <section class="assumptions" id="assumptions" aria-labelledby="assumptions-heading" data-testid="assumptions">
            <h2 id="assumptions-heading" tabindex="-1">{ text::ASSUMPTIONS_HEADING }</h2>
            <p class="assumption-note"><span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ " " }{ text::ASSUMPTIONS_INTRO }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={text::WEIGHTS_CAPTION}>
                <table class="weights-table">
                    <caption>{ text::WEIGHTS_CAPTION }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ text::PROVISION_HEADING }</th>
                            { for scenario.parties.iter().map(|party| html! { <th scope="col" class="num">{ &party.name }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="walk-away-row">
                            <th scope="row">{ text::WALK_AWAY }</th>
                            { for assumptions.parties.iter().zip(&scenario.parties).map(|(assumed, party)| html! {
                                <td class="num" data-testid={format!("walk-away-{}", party.id)}>{ format_points(assumed.reservation) }</td>
                            }) }
                        </tr>
                        { for scenario.issues.iter().enumerate().map(|(issue, spec)| html! {
                            <tr key={spec.id.clone()}>
                                <th scope="row">{ &spec.label }</th>
                                { for assumptions.parties.iter().map(|assumed| html! { <td class="num">{ assumed.weights[issue] }</td> }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="party-assumptions">
                { for scenario.parties.iter().zip(&assumptions.parties).map(|(party, assumed)| html! {
                    <details key={party.id.clone()}>
                        <summary>{ format!("{}: {} {}", party.name, text::WHY_PREFIX, text::WHY_SUFFIX) }</summary>
                        <p><strong>{ format!("{} {}. ", text::WALK_AWAY, format_points(assumed.reservation)) }</strong>
                            <CitedText scenario={scenario.clone()} text={assumed.reservation_rationale.clone()} /></p>
                        <p><strong>{ format!("{}. ", text::WEIGHTS) }</strong>
                            <CitedText scenario={scenario.clone()} text={assumed.weights_rationale.clone()} /></p>
                        if party.red_lines.is_empty() {
                            <p>{ text::NO_RED_LINES }</p>
                        } else {
                            <p>{ format!("{}: ", text::RED_LINES_MODELLED) }
                                { party.red_lines.iter().map(|line| scenario.issues[line.issue].label.clone()).collect::<Vec<_>>().join("; ") }
                            </p>
                        }
                    </details>
                }) }
            </div>
            <details class="silent-assumptions">
                <summary>{ text::WHEN_SILENT_HEADING }</summary>
                <dl>
                    { for scenario.issues.iter().zip(&assumptions.when_silent).map(|(spec, silent)| html! {
                        <>
                            <dt>{ format!("{}: {}", spec.label, spec.options[silent.option].label) }</dt>
                            <dd><CitedText scenario={scenario.clone()} text={silent.rationale.clone()} /></dd>
                        </>
                    }) }
                </dl>
            </details>
        </section>
    }
}
