//! The dismissible notice listing what a shared link could not set, so nothing is lost silently.

use yew::prelude::*;

use crate::state::{Action, AppState};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct LinkProblemsProps {
    pub problems: Vec<String>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn LinkProblems(props: &LinkProblemsProps) -> Html {
    if props.problems.is_empty() {
        return Html::default();
    }
    let dispatch = props.dispatch.clone();
    let onclick =
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::DismissLinkProblems));
    html! {
        <section class="notice" id="link-problems" role="region" aria-labelledby="link-problems-heading">
            <h2 id="link-problems-heading">{ text::LINK_PROBLEMS_HEADING }</h2>
            <p>{ text::LINK_PROBLEMS_INTRO }</p>
            <ul>
                { for props.problems.iter().map(|problem| html! { <li>{ problem }</li> }) }
            </ul>
            <button type="button" class="button-secondary" {onclick}>{ text::DISMISS }</button>
        </section>
    }
}
