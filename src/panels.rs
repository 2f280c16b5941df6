//! The panels: the page's second app (its own wasm, `src/bin/panels.rs`), started by
//! `www/boot.js` once the page app has drawn. It holds what is not needed to toggle a provision
//! and read the balance: the negotiation analysis (it owns the analysis worker), which verdicts
//! survive a change of one weight, the assumptions editor, the footer, the balance panel's
//! details (drawn into it through portals), and the relay of the classroom views to the
//! worker. It follows the page app's state (`browser::listen_for_states`) in an `AppState` of
//! its own, asks the page app for the changes its controls make (`browser::ask_page`) and
//! sends it the robustness bands (`browser::publish_bands`). See ARCHITECTURE.md, "Two apps".

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use scoring::models::ModelFile;
use scoring::{decode, link_model};
use yew::prelude::*;

use crate::browser::{self, Ask, Published};
use crate::components::analysis::{
    Analysis, AnalysisResultsProps, DEFAULT_CONCENTRATION, analysis_panel, use_analysis,
};
use crate::components::assumptions::{AssumptionsSection, verdict_flips};
use crate::components::details::{self, DetailsProps};
use crate::components::footer::Footer;
use crate::loader::{load_model, read_model};
use crate::protocol::Input;
use crate::state::{Action, AppState, ScenarioRef};
use crate::text;

/// A model the panels loaded: its file, the scenario and the file's bytes (for the worker).
#[derive(Clone)]
struct Loaded {
    model: &'static ModelFile,
    scenario: ScenarioRef,
    bytes: Rc<Vec<u8>>,
}

/// What the page app has on screen: what it last published, or the address bar's link
/// before it has.
fn page_state() -> Published {
    browser::published().unwrap_or_else(|| Published {
        link: browser::fragment(),
        assumed: String::new(),
    })
}

/// Which provisions are assumed, from the page app's list of their indices.
fn assumed_mask(issues: usize, assumed: &str) -> Rc<Vec<bool>> {
    let mut mask = vec![false; issues];
    for issue in assumed
        .split(',')
        .filter_map(|index| index.parse::<usize>().ok())
    {
        if let Some(slot) = mask.get_mut(issue) {
            *slot = true;
        }
    }
    Rc::new(mask)
}

/// The classroom scripts' messages (see `use_classroom`), relayed by the panels of the model
/// on screen; those that come while another model's panels are loading wait for them.
#[derive(Default)]
struct Relay {
    waiting: VecDeque<String>,
    to: Option<Callback<String>>,
}

/// The relay, shared by the root and the panels it draws (equal when the same).
#[derive(Clone, Default)]
struct SharedRelay(Rc<RefCell<Relay>>);

impl PartialEq for SharedRelay {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Follows the model the page app's link names and loads it (the same file the page app read,
/// from the browser's cache); the panels are drawn once it is read, and drawn anew for
/// another model.
#[component]
pub fn PanelsRoot() -> Html {
    let wanted = use_state_eq(|| link_model(&page_state().link).model);
    {
        let wanted = wanted.clone();
        use_effect_with((), move |_| {
            let listener =
                browser::listen_for_states(move |state| wanted.set(link_model(&state.link).model));
            move || drop(listener)
        });
    }
    let relay = (*use_memo((), |_| SharedRelay::default())).clone();
    {
        let relay = relay.clone();
        use_effect_with((), move |_| {
            let listener = browser::listen_for_messages(move |message| {
                let mut relay = relay.0.borrow_mut();
                match relay.to.clone() {
                    Some(to) => {
                        drop(relay);
                        to.emit(message)
                    }
                    None => relay.waiting.push_back(message),
                }
            });
            move || drop(listener)
        });
    }
    let wanted = *wanted;
    let loaded = use_state(|| None::<Loaded>);
    let failure = use_state(|| None::<String>);
    // Each load is numbered: one that ends after a later one began (the reader went to another
    // model and back) is dropped.
    let loads = use_mut_ref(|| 0u64);
    {
        let loaded = loaded.clone();
        let failure = failure.clone();
        use_effect_with(wanted.version, move |_| {
            *loads.borrow_mut() += 1;
            let this = *loads.borrow();
            let current = move || *loads.borrow() == this;
            if loaded.as_ref().is_none_or(|loaded| loaded.model != wanted) {
                failure.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    // Reading the model, resolving its documents and drawing the panels are
                    // three tasks, a paint apart, so that none of them is long (the panels start
                    // while the page loads, and Lighthouse counts what blocks then).
                    browser::after_next_paint().await;
                    // The file the page app read, handed over; fetched only if it has not.
                    let read = match browser::model_bytes_from_page(wanted.version) {
                        Some(bytes) => read_model(wanted, bytes),
                        None => load_model(wanted).await,
                    };
                    match read {
                        Ok((scenario, bytes)) => {
                            browser::after_next_paint().await;
                            let scenario = ScenarioRef::new(Rc::new(scenario));
                            browser::after_next_paint().await;
                            if current() {
                                loaded.set(Some(Loaded {
                                    model: wanted,
                                    scenario,
                                    bytes: Rc::new(bytes),
                                }))
                            }
                        }
                        Err(reason) if current() => failure.set(Some(reason)),
                        Err(_) => {}
                    }
                });
            }
        });
    }
    match (&*loaded, &*failure) {
        (Some(loaded), _) if loaded.model == wanted => html! {
            <Panels key={wanted.version} scenario={loaded.scenario.clone()}
                model_bytes={loaded.bytes.clone()} relay={relay.clone()} />
        },
        (_, Some(reason)) => html! {
            <p class="notice" role="alert" data-testid="panels-model-failure">
                { format!("{} ({reason}). {}", text::PANELS_MODEL_FAILED, text::WORKER_SCORES_STILL_WORK) }
            </p>
        },
        _ => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
struct PanelsProps {
    /// The model as published, without the reader's edits (the link carries them).
    scenario: ScenarioRef,
    model_bytes: Rc<Vec<u8>>,
    relay: SharedRelay,
}

#[component]
fn Panels(props: &PanelsProps) -> Html {
    let state = {
        let scenario = props.scenario.clone();
        use_reducer(move || {
            let decoded = decode(&scenario, &page_state().link);
            AppState::open_with(scenario, decoded)
        })
    };
    let issues = props.scenario.issues.len();
    // Which provisions the page app says are assumed (its link does not say it once a text is
    // applied on top of a package).
    let assumed = use_state_eq(|| assumed_mask(issues, &page_state().assumed));
    // The page app's state, mirrored: each new link is opened as Back would open it, once the
    // change's frame is painted (the latest of the changes before it): drawn with the change,
    // the analysis as updating and its layout cost that frame about 5 ms at 4× CPU, and the
    // click's task (where the change was drawn then) ran past 50 ms.
    {
        let dispatch = state.dispatcher();
        let scenario = props.scenario.clone();
        let assumed = assumed.clone();
        let waiting = use_mut_ref(|| None::<Published>);
        use_effect_with((), move |_| {
            let listener = browser::listen_for_states(move |state| {
                if link_model(&state.link).model.version != scenario.meta.version {
                    return;
                }
                if waiting.borrow_mut().replace(state).is_some() {
                    return;
                }
                let (waiting, dispatch, scenario, assumed) = (
                    waiting.clone(),
                    dispatch.clone(),
                    scenario.clone(),
                    assumed.clone(),
                );
                wasm_bindgen_futures::spawn_local(async move {
                    browser::after_next_paint().await;
                    let Some(state) = waiting.borrow_mut().take() else {
                        return;
                    };
                    assumed.set(assumed_mask(issues, &state.assumed));
                    dispatch.dispatch(Action::OpenLink {
                        decoded: decode(&scenario, &state.link),
                    })
                });
            });
            move || drop(listener)
        });
    }
    // How many times the page app has drawn the elements the details go into: the details are
    // drawn anew into each new set.
    let hosts = use_state_eq(browser::published_hosts);
    {
        let hosts = hosts.clone();
        use_effect_with((), move |_| {
            let listener = browser::listen_for_hosts(move |count| hosts.set(count));
            move || drop(listener)
        });
    }
    // The party whose value the page app's reader asked to see explained.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            dispatch.dispatch(Action::ExplainValue {
                party: browser::published_explained(),
            });
            let listener = browser::listen_for_explained({
                let dispatch = dispatch.clone();
                move |party| dispatch.dispatch(Action::ExplainValue { party })
            });
            move || drop(listener)
        });
    }
    // The state the controls' changes are made from, read when they happen (the callback
    // below is made once, so that the components taking it are not drawn again on each click).
    let latest: Rc<RefCell<UseReducerHandle<AppState>>> = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    let on_action = (*use_memo((), {
        let latest = latest.clone();
        move |_| {
            Callback::from(move |action: Action| {
                let state = latest.borrow().clone();
                match action {
                    Action::ApplySuggestion { package } => browser::ask_page(&Ask::Suggestion(
                        state
                            .scenario
                            .link(&package, state.base_document, &state.compare),
                    )),
                    Action::EditAssumptions { edits } => {
                        let edited = state.scenario.edited(&edits);
                        browser::ask_page(&Ask::Edits(edited.link(
                            &state.package,
                            state.base_document,
                            &state.compare,
                        )))
                    }
                    // The panels make no other change.
                    _ => {}
                }
            })
        }
    }))
    .clone();

    // The first render comes in parts, a paint apart (as the page app's): the analysis, then
    // the verdict flips and the assumptions section, then the footer and the balance panel's
    // details. The worker starts once the last is drawn: on two cores its compilation and
    // first searches took a core from the parts, and its early answers drew them again.
    let part = use_state(|| 0u8);
    {
        let part = part.clone();
        use_effect_with(*part, move |&drawn| {
            if drawn < LAST_PART {
                wasm_bindgen_futures::spawn_local(async move {
                    browser::after_next_paint().await;
                    part.set(drawn + 1);
                });
            }
        });
    }
    let concentration = use_state(|| DEFAULT_CONCENTRATION);
    let Analysis {
        state: analysis,
        restart: on_restart,
        read_assumptions: on_read_file,
        request_view,
    } = use_analysis(
        state.scenario.clone(),
        props.model_bytes.clone(),
        state.package.clone(),
        *concentration,
        *part == LAST_PART,
    );
    use_classroom(&state.scenario, &request_view, &props.relay);
    let package_level = analysis.package_level.clone();
    // The package the worker was last asked about, a frame after each change: what the
    // analysis draws its results against (see `analysis_panel`), and what the bands and the
    // flip points shown must belong to.
    let analysed = analysis
        .requested
        .clone()
        .unwrap_or_else(|| state.package.clone());
    // The latest flip points, and whether they belong to the package asked about.
    let flips = package_level.flips.clone();
    let flips_fresh = package_level.package.as_ref() == Some(&analysed) && !package_level.updating;

    // The robustness bands go to the page app's balance, with the package's own link (no text,
    // no comparison: the page app makes it the same way): it shows them only while that
    // package is on screen.
    {
        let scenario = state.scenario.clone();
        use_effect_with(package_level.clone(), move |level| {
            if let (Some(package), Some(robustness)) = (&level.package, &level.robustness) {
                let bands: Vec<(f64, f64)> = robustness
                    .concession
                    .iter()
                    .map(|band| (band.p5, band.p95))
                    .collect();
                let link = scenario.link(package, None, &[]);
                // A paint after the panels take the answer in: the page app's balance is then
                // drawn again in a task of its own, not in the answer's (at load, one task of
                // up to 200 ms at 4× CPU in Lighthouse's runs).
                wasm_bindgen_futures::spawn_local(async move {
                    browser::after_next_paint().await;
                    browser::publish_bands(&link, &bands);
                });
            }
        });
    }

    // The balance panel's details, drawn with the panels' state: a frame after the change's,
    // since the panels follow a change once its frame is painted (re-sorting and redrawing the
    // breakdown's rows cost 4–5 ms at 4× CPU with their layout, out of the change's frame).
    let details = (*part >= LAST_PART).then(|| {
        html! {
            <Details key={*hosts} scenario={state.scenario.clone()} package={state.package.clone()}
                assumed={(*assumed).clone()} breakdown_party={state.breakdown_party}
                explained_party={state.explained_party} dispatch={state.dispatcher()} />
        }
    });

    let on_concentration = {
        let concentration = concentration.clone();
        Callback::from(move |value: u32| concentration.set(value))
    };
    html! {
        <>
            { analysis_panel(&state.package, analysis.failure.as_deref(), &on_restart, AnalysisResultsProps {
                scenario: state.scenario.clone(),
                package: analysed,
                scenario_level: analysis.scenario_level.clone(),
                package_level,
                concentration: *concentration,
                on_concentration,
                dispatch: on_action.clone(),
            }) }
            if *part >= 1 {
                { verdict_flips(&state.scenario, flips.as_ref(), flips_fresh, analysis.failure.is_some()) }
                <AssumptionsSection scenario={state.scenario.clone()} dispatch={on_action}
                    file={analysis.assumptions_file.clone()} {on_read_file} />
            }
            if *part >= LAST_PART {
                <Footer scenario={state.scenario.clone()} />
            }
            { for details }
        </>
    }
}

/// The part of the panels' first render after which they are whole (see `Panels`).
const LAST_PART: u8 = 2;

/// The balance panel's details (`components::details`), drawn into the elements the page app's
/// balance panel leaves to them.
#[component]
fn Details(props: &DetailsProps) -> Html {
    let scores = use_memo(
        (props.scenario.clone(), props.package.clone()),
        |(scenario, package)| scenario.score(package),
    );
    html! {
        <>
            <HowToRead />
            { in_balance_panel("breakdown-host", details::breakdown(props, &scores)) }
            // Each portal keeps its place in this list (an `if` holds one, drawn or not): Yew
            // matches an unkeyed list from its end, and a portal matched with another's keeps
            // that one's event listeners, on the other host (the explanation's Close button
            // then did nothing).
            if let Some(party) = props.explained_party {
                { in_balance_panel("explanation-host", details::explanation(props, &scores, party)) }
            }
        </>
    }
}

/// How to read the balance panel, drawn into it once: it has no props, so it is not drawn again
/// with the details after each change.
#[component]
fn HowToRead() -> Html {
    in_balance_panel("how-to-read-host", details::how_to_read())
}

/// `content` drawn into the page app's balance panel, in its element `host` (which that app
/// never changes); nothing where the panel has none.
fn in_balance_panel(host: &str, content: Html) -> Html {
    match browser::element(host) {
        Some(host) => create_portal(content, host),
        None => Html::default(),
    }
}

/// The classroom views (`www/classroom.js` draws them; the worker builds them). The script
/// posts one message per request, and the panels relay it with the address bar's link, which
/// is the page's whole state: `compare`, `matrix`, `sheet <page address>` (asked again by the
/// script after each change of the link), `paste <text>` (a link pasted into the
/// comparison), `assumptions` (the editor's download) and `qr <address>` (`www/qr.js`); see
/// `ViewRequest::read`. The script changes the compared packages as Back does: it writes the
/// link's `c=` parts and sends `popstate`, and the page app reopens the link.
///
/// The messages reach these panels through the root's relay (`Relay`): those that came while
/// they were not drawn (another model's being read) are sent once they are.
#[hook]
fn use_classroom(scenario: &ScenarioRef, request_view: &Callback<Input>, relay: &SharedRelay) {
    let (version, request_view) = (scenario.meta.version.clone(), request_view.clone());
    let relay = relay.clone();
    use_effect_with((), move |_| {
        let to = Callback::from(move |message| {
            request_view.emit(Input::View {
                version: version.clone(),
                message,
                link: browser::fragment(),
            })
        });
        let waiting: Vec<String> = {
            let mut shared = relay.0.borrow_mut();
            shared.to = Some(to.clone());
            shared.waiting.drain(..).collect()
        };
        for message in waiting {
            to.emit(message);
        }
        move || relay.0.borrow_mut().to = None
    });
}
