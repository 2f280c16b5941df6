//! The balance panel's details, which the panels draw into it (`panels::Panels`, through
//! portals into elements the page app's balance panel leaves to them): how to read the panel,
//! the per-issue breakdown of one party's concession, largest first, with the party chosen
//! here, and a party's value explained term by term, for the party whose value button the
//! reader pressed.

use std::rc::Rc;

use scoring::score::format_points;
use scoring::share::describe_choice;
use scoring::{Package, Scores};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser::{self, Ask};
use crate::components::balance::banded_bar;
use crate::components::sources::cited_text;
use crate::state::{Action, AppState, ScenarioRef};
use crate::text;

/// What both details are drawn from: the panels' copy of the page app's state.
#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    pub scenario: ScenarioRef,
    pub package: Package,
    /// Whether each provision's choice is assumed (as the page app says).
    pub assumed: Rc<Vec<bool>>,
    pub breakdown_party: usize,
    /// The party whose value the reader asked to see explained, if any.
    pub explained_party: Option<usize>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// How to read the balance panel: what a value, a concession and the balance mean, with the
/// glossary and the assumptions behind them.
pub fn how_to_read() -> Html {
    let to_assumptions = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        browser::focus("assumptions-heading");
    });
    html! {
        <details class="how-to-read" data-testid="how-to-read">
            <summary>{ text::HOW_TO_READ }</summary>
            <ul>{ for text::HOW_TO_READ_POINTS.iter().map(|point| html! { <li>{ *point }</li> }) }</ul>
            <p><a href="glossary.html" target="_blank" rel="noopener">{ text::GLOSSARY_LINK }</a>{ " · " }<a href="#assumptions-heading" onclick={to_assumptions}>{ text::ASSUMPTIONS_LINK }</a></p>
        </details>
    }
}

/// Where one party's concession comes from, provision by provision, largest first.
pub fn breakdown(props: &DetailsProps, scores: &Scores) -> Html {
    let scenario = &props.scenario;
    let breakdown = props.breakdown_party;
    let breakdown_score = &scores.parties[breakdown];
    let mut rows: Vec<usize> = (0..scenario.issues.len()).collect();
    scoring::score::sort_small_by(&mut rows, |&a, &b| {
        breakdown_score.concession_by_issue[b]
            .total_cmp(&breakdown_score.concession_by_issue[a])
            .then(a.cmp(&b))
    });
    html! {
    <section class="breakdown" aria-labelledby="breakdown-heading">
        <h3 id="breakdown-heading">{ text::BREAKDOWN_HEADING }</h3>
        <fieldset class="breakdown-party">
            <legend>{ text::BREAKDOWN_PARTY }</legend>
            { for scenario.parties.iter().enumerate().map(|(index, party)| {
                let dispatch = props.dispatch.clone();
                let onchange = Callback::from(move |event: Event| {
                    let input: HtmlInputElement = event.target_unchecked_into();
                    if input.checked() {
                        dispatch.dispatch(Action::ShowBreakdownFor { party: index });
                    }
                });
                let id = format!("breakdown-{}", party.id);
                html! {
                    <span class="breakdown-choice" key={party.id.clone()}>
                        <input type="radio" autocomplete="off" name="breakdown-party" id={id.clone()} checked={index == breakdown} {onchange} />
                        <label for={id}>{ &party.name }</label>
                    </span>
                }
            }) }
        </fieldset>
        <table class={classes!("breakdown-table", format!("party-{}", scenario.parties[breakdown].id))}>
            <caption class="visually-hidden">{ format!("{}'s concession by provision, largest first", scenario.parties[breakdown].name) }</caption>
            <thead><tr><th scope="col">{ "Provision" }</th><th scope="col">{ "Points" }</th><th scope="col"><span class="visually-hidden">{ "Share" }</span></th></tr></thead>
            <tbody>
                { for rows.into_iter().map(|issue| {
                    let points = breakdown_score.concession_by_issue[issue];
                    html! {
                        <tr key={scenario.issues[issue].id.clone()}>
                            <th scope="row">
                                { &scenario.issues[issue].label }
                                <span class="breakdown-choice-label">
                                    { describe_choice(scenario, issue, props.package.choice(issue)) }
                                    if props.assumed.get(issue).copied().unwrap_or(false) {
                                        { " " }<span class="assumed-mark">{ format!("({})", text::ASSUMED_LOWER) }</span>
                                    }
                                </span>
                            </th>
                            <td class="num">{ format_points(points) }</td>
                            <td class={format!("party-{}", scenario.parties[breakdown].id)}>{ banded_bar("bar-breakdown", points * 4.0, None) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    </section>
    }
}

/// How one party's value is made: each provision's weight × the party's value of the choice,
/// with the rationale of that valuation, summing to the value shown on its card.
pub fn explanation(props: &DetailsProps, scores: &Scores, party: usize) -> Html {
    let scenario = &props.scenario;
    let score = &scores.parties[party];
    let name = &scenario.parties[party].name;
    let weights = &scenario.assumptions.parties[party].weights;
    // The value buttons are the page app's, and so is which party is explained.
    let close = Callback::from(|_: MouseEvent| browser::ask_page(&Ask::CloseExplanation));
    html! {
        <section class="explanation" id="explanation" tabindex="-1" aria-labelledby="explanation-heading" data-testid="explanation">
            <h3 id="explanation-heading">{ format!("{} {name}{}", text::EXPLANATION_HEADING, text::EXPLANATION_HEADING_END) }</h3>
            <p class="muted">
                { text::EXPLANATION_HELP }{ " " }<span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>
            </p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="explanation-heading">
                <table class="explanation-table">
                    <caption class="visually-hidden">{ format!("{} {name}{}", text::EXPLANATION_HEADING, text::EXPLANATION_HEADING_END) }</caption>
                    <thead><tr>
                        <th scope="col">{ text::PROVISION_HEADING }</th>
                        <th scope="col" class="num">{ text::WEIGHT }</th>
                        <th scope="col" class="num">{ text::VALUE }</th>
                        <th scope="col" class="num">{ text::POINTS_HEADING }</th>
                    </tr></thead>
                    <tbody>
                        { for (0..scenario.issues.len()).map(|issue| {
                            let choice = props.package.choice(issue);
                            let value = scenario.choice_value(party, issue, choice);
                            let points = scenario.contribution_units(party, issue, choice);
                            let rationale = match choice {
                                scoring::Choice::Option(option) => scenario.assumptions.values[issue][option].rationale.clone(),
                                scoring::Choice::Amount(_) => text::INTERPOLATED.to_string(),
                            };
                            html! {
                                <tr key={scenario.issues[issue].id.clone()}>
                                    <th scope="row">
                                        { &scenario.issues[issue].label }
                                        <span class="breakdown-choice-label">{ describe_choice(scenario, issue, choice) }</span>
                                        <span class="rationale">{ cited_text(scenario, &rationale) }</span>
                                    </th>
                                    <td class="num">{ weights[issue] }</td>
                                    <td class="num">{ match choice { scoring::Choice::Option(_) => (value.round() as i64).to_string(), scoring::Choice::Amount(_) => format_points(value) } }</td>
                                    <td class="num">{ format_points(scoring::score::points(points)) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row">{ text::EXPLANATION_TOTAL }</th>
                        <td class="num">{ "100" }</td>
                        <td></td>
                        <td class="num" data-testid="explanation-total">{ format_points(score.value) }</td>
                    </tr></tfoot>
                </table>
            </div>
            <p class="muted">{ cited_text(scenario, &scenario.assumptions.parties[party].weights_rationale) }</p>
            <button type="button" class="button-secondary" onclick={close}>{ text::CLOSE }</button>
        </section>
    }
}
