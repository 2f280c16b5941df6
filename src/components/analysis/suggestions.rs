//! The reference packages of the model, by these assumptions: the nearest package that passes the
//! model's tests, a package better for every party, and the Nash and Kalai–Smorodinsky packages,
//! each loaded with one click as a new history entry.

use scoring::analysis::Suggestion;
use scoring::score::format_points;
use scoring::share::describe_choice;
use scoring::{Package, Scenario};
use yew::prelude::*;

use super::AnalysisResultsProps;
use crate::state::Action;
use crate::text;

#[allow(clippy::too_many_arguments)]
fn suggestion_card(
    scenario: &Scenario,
    base: &Package,
    id: &str,
    title: &str,
    explanation: &str,
    suggestion: Option<&Suggestion>,
    stale: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let Some(suggestion) = suggestion else {
        return html! {
            <li class="suggestion" data-testid={format!("suggestion-{id}")}>
                <h4>{ title }</h4>
                <p class="muted">{ explanation }</p>
                <p>{ text::NO_SUGGESTION }</p>
            </li>
        };
    };
    // Changes are listed against the package on screen, whatever the suggestion was computed from.
    let changes: Vec<usize> = (0..scenario.issues.len())
        .filter(|&issue| suggestion.package.choice(issue) != base.choice(issue))
        .collect();
    let package = suggestion.package.clone();
    let dispatch = dispatch.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        dispatch.emit(Action::ApplySuggestion {
            package: package.clone(),
        });
        // This card is redrawn against the new package a task after its frame, which takes
        // the button away or disables it: the keyboard goes to the "Package applied — Undo"
        // that the change shows (www/undo.js), not to the top of the page.
        crate::browser::focus_soon("applied-undo".into());
    });
    let values: Vec<String> = scenario
        .parties
        .iter()
        .zip(&suggestion.scores.parties)
        .map(|(party, score)| format!("{} {}", party.name, format_points(score.value)))
        .collect();
    html! {
        <li class="suggestion" data-testid={format!("suggestion-{id}")}>
            <h4>{ title }</h4>
            <p class="muted">{ explanation }</p>
            if changes.is_empty() {
                <p>{ text::SUGGESTION_IS_CURRENT }</p>
            } else {
                <details class="changes-details" open={changes.len() <= 4}>
                    <summary>{ format!("{} provision{} change", changes.len(), if changes.len() == 1 { "" } else { "s" }) }</summary>
                    { changes_list(scenario, base, &suggestion.package, &changes) }
                </details>
            }
            <p class="suggestion-scores">
                { format!("Values: {}. {}{}", values.join(", "),
                    if suggestion.scores.ratified { text::RATIFIED } else { text::NOT_RATIFIED },
                    if suggestion.proven { "." } else { ". Best found within the search budget, not proven optimal." }) }
            </p>
            if !changes.is_empty() {
                <button type="button" class="button-secondary apply" disabled={stale} {onclick}>{ text::APPLY }</button>
            }
        </li>
    }
}

/// The provisions `changes` on which `package` differs from `base`: "Label: from → to" each
/// (the suggestion cards, and the header for a package changed from a document).
pub fn changes_list(
    scenario: &Scenario,
    base: &Package,
    package: &Package,
    changes: &[usize],
) -> Html {
    html! {
        <ul class="changes">
            // Keyed: a change added in the middle is one new item, not every item after it
            // redrawn (Yew matches an unkeyed list by position from its end).
            { for changes.iter().map(|&issue| html! {
                <li key={scenario.issues[issue].id.as_str()}>
                    <strong>{ &scenario.issues[issue].label }</strong>
                    { format!(": {} → {}", describe_choice(scenario, issue, base.choice(issue)), describe_choice(scenario, issue, package.choice(issue))) }
                </li>
            }) }
        </ul>
    }
}

pub(super) fn suggestions_panel(props: &AnalysisResultsProps, fresh: bool) -> Html {
    let scenario = &props.scenario;
    let level = &props.package_level;
    let references = props.scenario_level.references.as_ref();
    let base = level
        .package
        .clone()
        .unwrap_or_else(|| props.package.clone());
    let stale = !fresh || level.updating;
    let pending = html! { <p class="muted">{ text::ANALYSIS_UPDATING }</p> };
    html! {
        <section class="analysis-part suggestions" aria-labelledby="suggestions-heading">
            <h3 id="suggestions-heading">{ text::SUGGESTIONS_HEADING }</h3>
            <ul class="suggestion-list">
                if let Some(pareto) = &level.pareto {
                    { suggestion_card(scenario, &base, "improvement", text::IMPROVEMENT_TITLE,
                        if pareto.improvable { text::IMPROVEMENT_HELP } else { text::NO_IMPROVEMENT },
                        pareto.improvement.as_ref(), stale, &props.dispatch) }
                } else {
                    <li class="suggestion"><h4>{ text::IMPROVEMENT_TITLE }</h4>{ pending.clone() }</li>
                }
                if let Some(nearest) = &level.nearest {
                    { suggestion_card(scenario, &base, "nearest", text::NEAREST_TITLE, text::NEAREST_HELP,
                        nearest.as_ref(), stale, &props.dispatch) }
                } else {
                    <li class="suggestion"><h4>{ text::NEAREST_TITLE }</h4>{ pending.clone() }</li>
                }
                if let Some(references) = references {
                    { suggestion_card(scenario, &props.package, "nash", text::NASH_TITLE, text::NASH_HELP, references.nash.as_ref(), false, &props.dispatch) }
                    { suggestion_card(scenario, &props.package, "kalai-smorodinsky", text::KS_TITLE, text::KS_HELP, references.kalai_smorodinsky.as_ref(), false, &props.dispatch) }
                } else {
                    <li class="suggestion"><h4>{ text::NASH_TITLE }</h4>{ pending.clone() }</li>
                }
            </ul>
        </section>
    }
}
