//! `<App/>`: owns the reducer, keeps the URL in step with the package (through browser.rs and
//! the core's codec only), computes the scores during render and lays out the page.

use std::rc::Rc;

use scoring::{Scenario, decode, encode};
use yew::prelude::*;

use crate::browser;
use crate::components::analysis::{AnalysisPanel, DEFAULT_CONCENTRATION, use_analysis};
use crate::components::balance::BalancePanel;
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::notice::LinkProblems;
use crate::components::provisions::Provisions;
use crate::state::{Action, AppState, UrlWrite};
use crate::text;

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        // The embedded scenario is validated by the test suite; if it were ever broken, the
        // panic hook shows the error banner instead of a blank page.
        let scenario = Rc::new(Scenario::builtin().unwrap_or_else(|error| panic!("{error}")));
        let decoded = decode(&scenario, &browser::fragment());
        AppState::open(scenario, decoded)
    });

    // Write the URL after each change of the package: replace for toggles, push for presets.
    {
        let scenario = state.scenario.clone();
        let package = state.package.clone();
        let url_write = state.url_write;
        use_effect_with(state.revision, move |_| match url_write {
            UrlWrite::Replace => browser::write_fragment(&encode(&scenario, &package), false),
            UrlWrite::Push => browser::write_fragment(&encode(&scenario, &package), true),
            UrlWrite::None => {}
        });
    }

    // Back/forward (and a hand-edited fragment) reopen the state from the URL.
    {
        let dispatch = state.dispatcher();
        let scenario = state.scenario.clone();
        use_effect_with((), move |_| {
            let listener = browser::listen_for_navigation(move |fragment| {
                dispatch.dispatch(Action::OpenLink {
                    decoded: decode(&scenario, &fragment),
                })
            });
            move || drop(listener)
        });
    }

    let scores = use_memo(
        (state.scenario.clone(), state.package.clone()),
        |(scenario, package)| scenario.score(package),
    );
    let previous = use_memo(
        (state.scenario.clone(), state.previous.clone()),
        |(scenario, package)| scenario.score(package),
    );
    let dispatch = state.dispatcher();
    let concentration = use_state(|| DEFAULT_CONCENTRATION);
    let (scenario_level, package_level) = use_analysis(
        state.scenario.clone(),
        state.package.clone(),
        *concentration,
    );
    let bands = package_level
        .robustness
        .as_ref()
        .filter(|_| package_level.package.as_ref() == Some(&state.package))
        .map(|robustness| robustness.concession.clone());
    let on_concentration = {
        let concentration = concentration.clone();
        Callback::from(move |value: u32| concentration.set(value))
    };

    html! {
        <>
            <a class="skip-link" href="#balance">{ text::SKIP_TO_BALANCE }</a>
            <Header scenario={state.scenario.clone()} package={state.package.clone()}
                base_document={state.base_document} dispatch={dispatch.clone()} />
            <LinkProblems problems={state.link_problems.clone()} dispatch={dispatch.clone()} />
            <div class="layout">
                <main id="provisions" class="provisions" aria-labelledby="provisions-heading">
                    <h2 id="provisions-heading" class="visually-hidden">{ text::PROVISIONS_HEADING }</h2>
                    <Provisions scenario={state.scenario.clone()} package={state.package.clone()}
                        previous={state.previous.clone()} revision={state.revision}
                        base_document={state.base_document} dispatch={dispatch.clone()} />
                </main>
                <aside id="balance" class="balance" aria-labelledby="balance-heading" tabindex="-1">
                    <BalancePanel scenario={state.scenario.clone()} package={state.package.clone()}
                        scores={scores.clone()} previous={previous.clone()} revision={state.revision}
                        breakdown_party={state.breakdown_party} {bands} dispatch={dispatch.clone()} />
                </aside>
            </div>
            <AnalysisPanel scenario={state.scenario.clone()} package={state.package.clone()}
                {scenario_level} {package_level} concentration={*concentration} {on_concentration}
                dispatch={dispatch.clone()} />
            <Footer scenario={state.scenario.clone()} />
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcement">
                { &state.announcement }
            </div>
        </>
    }
}
