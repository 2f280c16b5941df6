//! The notices above the page: what a shared link could not set (dismissible, so nothing is
//! lost silently), and that a link was made with an older model, with the one-click update.
//! Functions rather than components: both are empty on almost every render, and a component
//! costs the page's wasm about 2 KiB of Yew's generic code.

use yew::prelude::*;

use crate::state::{Action, AppState, ScenarioRef};
use crate::text;

/// What a shared link could not set, until dismissed.
pub fn link_problems(problems: &[String], dispatch: &UseReducerDispatcher<AppState>) -> Html {
    if problems.is_empty() {
        return Html::default();
    }
    let dispatch = dispatch.clone();
    let onclick =
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissLinkProblems));
    html! {
        <section class="notice" id="link-problems" role="region" aria-labelledby="link-problems-heading">
            <h2 id="link-problems-heading">{ text::LINK_PROBLEMS_HEADING }</h2>
            <p>{ text::LINK_PROBLEMS_INTRO }</p>
            <ul>
                { for problems.iter().map(|problem| html! { <li>{ problem }</li> }) }
            </ul>
            <button type="button" class="button-secondary" {onclick}>{ text::DISMISS }</button>
        </section>
    }
}

/// Shown when the link was made with an older model: the numbers are that model's, and one
/// click opens the same package with the current model (a new history entry).
pub fn model_notice(scenario: &ScenarioRef, on_use_current: &Callback<MouseEvent>) -> Html {
    let current = scoring::models::current().version;
    let made_with = &scenario.meta.version;
    if made_with == current {
        return Html::default();
    }
    html! {
        <section class="notice model-notice" id="model-notice" role="region" aria-labelledby="model-notice-heading" data-testid="model-notice">
            <h2 id="model-notice-heading">{ format!("{} {made_with}", text::MODEL_NOTICE_HEADING) }</h2>
            <p>{ format!("{} {made_with}; {} {current}. {}", text::MODEL_NOTICE_MADE_WITH, text::MODEL_NOTICE_CURRENT, text::MODEL_NOTICE_NUMBERS) }</p>
            <button type="button" class="button-primary" id="use-current-model" onclick={on_use_current.clone()}>
                { format!("{} {current}", text::MODEL_NOTICE_UPDATE) }
            </button>
        </section>
    }
}
