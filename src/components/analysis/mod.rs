//! The negotiation analysis on the page: the hook that asks the analysis worker for it (the page's
//! thread never runs a search), and the panel that shows it: warnings, reference packages, the
//! frontier chart and robustness, one file each. Results carry the request they answer; those of
//! a stale request are dropped, the page says when it is updating, and if the worker cannot start
//! or stops, the panel says so while the scores above go on working.

mod frontier;
mod robustness;
pub mod suggestions;
mod warnings;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use gloo_worker::{Spawnable, WorkerBridge};
use scoring::analysis::robustness::Robustness;
use scoring::analysis::{Pareto, References, Suggestion, Warning};
use scoring::export::NUMERIC_NOTE;
use scoring::{Edits, Package, PartyFlips};
use yew::prelude::*;

use self::frontier::FrontierChart;
use crate::browser;
use crate::protocol::{Bytes, FrontierPoint, Input, Output, PROTOCOL, Packet, Part, WORKER_LOADER};
use crate::state::{Action, ScenarioRef};
use crate::text;
use crate::worker::AnalysisWorker;

pub const DEFAULT_CONCENTRATION: u32 = 50;

/// An assumptions file the worker read, numbered: its edits, or every problem with its place.
pub type FileRead = (u64, Rc<Result<Edits, Vec<String>>>);

/// How long the worker may take to start (a download on a slow connection included), and to
/// finish one request, before the page says it is not responding.
const START_TIMEOUT_MS: u32 = 20_000;
const REQUEST_TIMEOUT_MS: u32 = 60_000;

/// What does not depend on the package: computed once per model, in the worker. (The zones of
/// agreement are reported by the CLI; the page shows the frontier and reference packages.)
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ScenarioLevel {
    pub references: Option<References>,
    pub frontier: Vec<FrontierPoint>,
}

/// What depends on the package: asked for after each change, answered part by part.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PackageLevel {
    /// The package these results belong to.
    pub package: Option<Package>,
    pub warnings: Vec<Warning>,
    pub nearest: Option<Option<Suggestion>>,
    pub pareto: Option<Pareto>,
    pub robustness: Option<Robustness>,
    /// What one weight would change (the assumptions section shows it).
    pub flips: Option<Vec<PartyFlips>>,
    pub updating: bool,
}

/// The analysis as the page knows it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AnalysisState {
    pub scenario_level: Rc<ScenarioLevel>,
    pub package_level: Rc<PackageLevel>,
    /// The newest analysis request, and the package it is for.
    latest: u64,
    pub requested: Option<Package>,
    /// The parts of the newest request received so far. They replace `package_level` together
    /// when the request is done: the panels then change once, in place, instead of emptying
    /// at its first part and being rebuilt at each of the next (1,000 nodes made and dropped
    /// per click, in tasks of up to 160 ms at 4× CPU). Kept in a cell, so that taking a part in
    /// is not a new state: the page is not drawn again until the request is done (it was drawn
    /// once per part, seven times a click, with nothing on screen changed).
    pending: RefCell<Option<PackageLevel>>,
    overview: u64,
    ready: bool,
    /// Why the analysis is unavailable, once it is.
    pub failure: Option<String>,
    /// The last assumptions file the worker read, numbered so that reading the same file
    /// twice is seen twice.
    pub assumptions_file: Option<FileRead>,
}

// An action is dispatched and dropped at once; boxing the worker's output would only allocate.
#[allow(clippy::large_enum_variant)]
pub enum AnalysisAction {
    Requested {
        id: u64,
        package: Package,
    },
    OverviewRequested {
        id: u64,
    },
    Received(Output),
    /// The worker did not answer in time: `None` for starting, `Some(id)` for a request.
    TimedOut(Option<u64>),
    Failed(String),
    Restart,
}

impl AnalysisState {
    /// Puts a part of the newest request's package-level results in the cell; gives back a
    /// model-level part (frontier, references, benchmark), which is not the request's.
    fn hold(&self, part: Part) -> Option<Part> {
        let mut pending = self.pending.borrow_mut();
        let level = pending.get_or_insert_with(|| PackageLevel {
            package: self.requested.clone(),
            updating: true,
            ..PackageLevel::default()
        });
        match part {
            Part::Warnings(warnings) => level.warnings = warnings,
            Part::Nearest(nearest) => level.nearest = Some(nearest),
            Part::Pareto(pareto) => level.pareto = Some(pareto),
            Part::Robustness(robustness) => level.robustness = Some(robustness),
            Part::Flips(flips) => level.flips = Some(flips),
            part @ (Part::Frontier(_) | Part::References(_) | Part::Bench(_)) => return Some(part),
        }
        None
    }
}

impl Reducible for AnalysisState {
    type Action = AnalysisAction;

    fn reduce(self: Rc<Self>, action: AnalysisAction) -> Rc<Self> {
        // A part of the newest request goes into the cell, and the state stays the same.
        let action = match action {
            AnalysisAction::Received(Output::Part { id, part }) if id == self.latest => {
                match self.hold(part) {
                    None => return self,
                    Some(part) => AnalysisAction::Received(Output::Part { id, part }),
                }
            }
            action => action,
        };
        let mut next = (*self).clone();
        match action {
            AnalysisAction::Requested { id, package } => {
                next.latest = id;
                next.requested = Some(package);
                *next.pending.get_mut() = None;
                let mut level = (*next.package_level).clone();
                level.updating = true;
                next.package_level = Rc::new(level);
            }
            AnalysisAction::OverviewRequested { id } => next.overview = id,
            AnalysisAction::Received(output) => match output {
                Output::Ready { protocol } if protocol == PROTOCOL => next.ready = true,
                Output::Ready { protocol } => {
                    next.failure = Some(format!(
                        "{} (protocol {protocol}, this page speaks {PROTOCOL})",
                        text::WORKER_MISMATCH
                    ))
                }
                Output::Part { id, part } => match part {
                    Part::Frontier(frontier) if id == next.overview => {
                        let mut level = (*next.scenario_level).clone();
                        level.frontier = frontier;
                        next.scenario_level = Rc::new(level);
                    }
                    Part::References(references) if id == next.overview => {
                        let mut level = (*next.scenario_level).clone();
                        level.references = Some(references);
                        next.scenario_level = Rc::new(level);
                    }
                    Part::Bench(text) => bench_done(&text),
                    // A part of a stale request: dropped.
                    _ => return self,
                },
                Output::Done { id } if id == next.latest => {
                    let mut level = next
                        .pending
                        .get_mut()
                        .take()
                        .unwrap_or_else(|| PackageLevel {
                            package: next.requested.clone(),
                            ..PackageLevel::default()
                        });
                    level.updating = false;
                    next.package_level = Rc::new(level);
                }
                Output::Done { .. } => return self,
                Output::Assumptions(result) => {
                    let count = next
                        .assumptions_file
                        .as_ref()
                        .map_or(0, |(count, _)| count + 1);
                    next.assumptions_file = Some((count, Rc::new(result)));
                }
                // Drawn by www/classroom.js, which the page's state does not hold.
                Output::View(json) => {
                    browser::post_message(&json);
                    return self;
                }
                Output::Failed { id, message } => {
                    if id.is_some_and(|id| id != next.latest && id != next.overview) {
                        return self;
                    }
                    next.failure = Some(format!("{} ({message})", text::WORKER_FAILED));
                }
            },
            AnalysisAction::TimedOut(None) if !next.ready => {
                next.failure = Some(text::WORKER_NOT_STARTED.to_string())
            }
            AnalysisAction::TimedOut(Some(id))
                if id == next.latest && next.package_level.updating =>
            {
                next.failure = Some(text::WORKER_NOT_RESPONDING.to_string())
            }
            AnalysisAction::TimedOut(_) => return self,
            AnalysisAction::Failed(message) => next.failure = Some(message),
            AnalysisAction::Restart => {
                next = AnalysisState {
                    latest: next.latest,
                    overview: next.overview,
                    ..AnalysisState::default()
                }
            }
        }
        Rc::new(next)
    }
}

#[cfg(feature = "bench")]
fn bench_done(text: &str) {
    browser::publish_bench(text);
}

#[cfg(not(feature = "bench"))]
fn bench_done(_text: &str) {}

/// The way to the worker: the messages asked for before it is started, then its bridge.
enum Link {
    Waiting(Vec<Packet>),
    Open(WorkerBridge<AnalysisWorker>),
    /// Dropped with the model (the page moved to another): nothing more is sent.
    Closed,
}

impl Link {
    fn send(&mut self, packet: Packet) {
        match self {
            Link::Waiting(queued) => queued.push(packet),
            Link::Open(bridge) => bridge.send(packet),
            Link::Closed => {}
        }
    }
}

/// Starts the analysis worker for this model once `start` holds, asks it for the analysis of
/// `package` after each change, and returns what it has answered so far. The worker gets the
/// model's bytes once. What is asked before the start waits for it.
///
/// The panels start it once their first render is drawn (`Panels`, after the page app's): on a
/// two-core machine the worker's compilation and first searches took a core from the render's
/// parts, and each of its early answers drew the page again between them (six renders of the
/// App in one part, measured when one app held it all).
#[hook]
pub fn use_analysis(
    scenario: ScenarioRef,
    model_bytes: Rc<Vec<u8>>,
    package: Package,
    concentration: u32,
    start: bool,
) -> Analysis {
    let edits = scenario.edits().clone();
    let state = use_reducer(AnalysisState::default);
    let bridge: Rc<RefCell<Link>> = use_mut_ref(|| Link::Waiting(Vec::new()));
    let next_id = use_mut_ref(|| 0u64);
    let attempt = use_state(|| 0u32);

    // Start (or restart) the worker, hand it the model and ask for the model-level parts.
    {
        let dispatch = state.dispatcher();
        let bridge = bridge.clone();
        let next_id = next_id.clone();
        let version = scenario.meta.version.clone();
        let package = package.clone();
        let edits = edits.clone();
        use_effect_with((*attempt, start), move |&(attempt, start)| {
            // Until the start, the queue stays as it is, through this effect's teardown too.
            let teardown = {
                let bridge = bridge.clone();
                move || {
                    if start {
                        *bridge.borrow_mut() = Link::Closed;
                    }
                }
            };
            if !start {
                return teardown;
            }
            let restarted = attempt > 0;
            let on_output = {
                let dispatch = dispatch.clone();
                move |packet: Packet| match packet.unpack::<Output>() {
                    Ok(output) => dispatch.dispatch(AnalysisAction::Received(output)),
                    Err(error) => dispatch.dispatch(AnalysisAction::Failed(format!(
                        "{} ({error})",
                        text::WORKER_MISMATCH
                    ))),
                }
            };
            let spawned = AnalysisWorker::spawner()
                .encoding::<Bytes>()
                .callback(on_output)
                .spawn_with_loader(WORKER_LOADER);
            spawned.send(Packet::pack(&Input::Hello));
            spawned.send(Packet::pack(&Input::Model {
                version: version.clone(),
                bytes: model_bytes.to_vec(),
            }));
            let mut id = next_id.borrow_mut();
            // On a restart, the current package is asked for again (on the first start the
            // effect below asks for it).
            if restarted {
                *id += 1;
                let request = *id;
                dispatch.dispatch(AnalysisAction::Requested {
                    id: request,
                    package: package.clone(),
                });
                spawned.send(Packet::pack(&Input::Analyse {
                    id: request,
                    version: version.clone(),
                    edits: edits.clone(),
                    package,
                    concentration,
                }));
            }
            #[cfg(feature = "bench")]
            if browser::bench_requested() {
                *id += 1;
                spawned.send(Packet::pack(&Input::Bench { id: *id, version }));
            }
            drop(id);
            // What was asked before the start follows the model, in the order it was asked.
            let mut link = bridge.borrow_mut();
            if let Link::Waiting(queued) = &mut *link {
                for packet in queued.drain(..) {
                    spawned.send(packet);
                }
            }
            *link = Link::Open(spawned);
            drop(link);
            // A worker whose script is missing never says so; the loader's own fetch does.
            wasm_bindgen_futures::spawn_local({
                let dispatch = dispatch.clone();
                async move {
                    if let Err(reason) = browser::fetch_bytes(WORKER_LOADER).await {
                        dispatch.dispatch(AnalysisAction::Failed(format!(
                            "{} ({reason})",
                            text::WORKER_NOT_STARTED
                        )));
                    }
                    TimeoutFuture::new(START_TIMEOUT_MS).await;
                    dispatch.dispatch(AnalysisAction::TimedOut(None));
                }
            });
            teardown
        });
    }

    // The model-level parts, for the model under the reader's assumptions: at the start, on a
    // restart and after each edit.
    {
        let dispatch = state.dispatcher();
        let bridge = bridge.clone();
        let next_id = next_id.clone();
        let version = scenario.meta.version.clone();
        use_effect_with((edits.clone(), *attempt), move |(edits, _)| {
            let mut id = next_id.borrow_mut();
            *id += 1;
            let overview = *id;
            drop(id);
            dispatch.dispatch(AnalysisAction::OverviewRequested { id: overview });
            bridge.borrow_mut().send(Packet::pack(&Input::Overview {
                id: overview,
                version,
                edits: edits.clone(),
            }));
        });
    }

    // Ask again after every change; the worker stops the older request.
    {
        let dispatch = state.dispatcher();
        let bridge = bridge.clone();
        let next_id = next_id.clone();
        let version = scenario.meta.version.clone();
        use_effect_with(
            (package, concentration, edits),
            move |(package, concentration, edits)| {
                let mut id = next_id.borrow_mut();
                *id += 1;
                let request = *id;
                drop(id);
                let package = package.clone();
                let input = Input::Analyse {
                    id: request,
                    version,
                    edits: edits.clone(),
                    package: package.clone(),
                    concentration: *concentration,
                };
                wasm_bindgen_futures::spawn_local(async move {
                    // Asked once the frame that says "Updating" is painted: on a two-core
                    // machine a busy worker takes the core that rasterises a frame (measured:
                    // the worker started 3 ms into the click and the click's frame waited),
                    // and the results' panels, drawn against the asked package, change in
                    // this later task, not in that frame. A request that a newer one replaced
                    // before then is never sent.
                    browser::after_next_paint().await;
                    if *next_id.borrow() != request {
                        return;
                    }
                    dispatch.dispatch(AnalysisAction::Requested {
                        id: request,
                        package,
                    });
                    bridge.borrow_mut().send(Packet::pack(&input));
                    TimeoutFuture::new(REQUEST_TIMEOUT_MS).await;
                    dispatch.dispatch(AnalysisAction::TimedOut(Some(request)));
                });
            },
        );
    }

    let restart = {
        let dispatch = state.dispatcher();
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(AnalysisAction::Restart);
            attempt.set(*attempt + 1);
        })
    };
    // Made once per model: a new callback each render would make the assumptions section,
    // which takes it, render again on every click.
    let read_assumptions = {
        let bridge = bridge.clone();
        let version = scenario.meta.version.clone();
        (*use_memo((), move |_| {
            Callback::from(move |text: String| {
                bridge
                    .borrow_mut()
                    .send(Packet::pack(&Input::ReadAssumptions {
                        version: version.clone(),
                        text,
                    }))
            })
        }))
        .clone()
    };
    let request_view = {
        let bridge = bridge.clone();
        (*use_memo((), move |_| {
            Callback::from(move |input: Input| bridge.borrow_mut().send(Packet::pack(&input)))
        }))
        .clone()
    };
    Analysis {
        state: (*state).clone().into(),
        restart,
        read_assumptions,
        request_view,
    }
}

/// What [`use_analysis`] gives the page: the results so far, and the callbacks that ask the
/// worker for more. The callbacks are made once per model, so components taking them do not
/// render again on every click.
pub struct Analysis {
    pub state: Rc<AnalysisState>,
    pub restart: Callback<MouseEvent>,
    pub read_assumptions: Callback<String>,
    /// Build a classroom view (an `Input::View`; the answer goes to www/classroom.js).
    pub request_view: Callback<Input>,
}

/// The analysis section. Its status line follows the panels' package (`current`, the page
/// app's a frame later); the results below it are drawn for the package the worker was last
/// asked about, which changes a frame later still (see `use_analysis`), so the frame that says
/// "Updating" does not draw the four panels again. A function, not a component: App draws it
/// on every render anyway.
pub fn analysis_panel(
    current: &Package,
    failure: Option<&str>,
    on_restart: &Callback<MouseEvent>,
    results: AnalysisResultsProps,
) -> Html {
    let level = &results.package_level;
    let fresh = level.package.as_ref() == Some(current);
    let updating = failure.is_none() && (level.updating || !fresh);
    html! {
        <section class={classes!("analysis", updating.then_some("stale"))} id="analysis" aria-labelledby="analysis-heading" aria-busy={updating.to_string()}>
            <h2 id="analysis-heading">{ text::ANALYSIS_HEADING }</h2>
            <p class="analysis-status" role="status" data-testid="analysis-status">
                { if failure.is_some() { text::ANALYSIS_UNAVAILABLE } else if updating { text::ANALYSIS_UPDATING } else { text::ANALYSIS_READY } }
            </p>
            if let Some(failure) = failure {
                <div class="notice analysis-failure" role="alert" data-testid="analysis-failure">
                    <p>{ failure }</p>
                    <p>{ text::WORKER_SCORES_STILL_WORK }</p>
                    <button type="button" class="button-secondary" onclick={on_restart.clone()}>{ text::WORKER_RETRY }</button>
                </div>
            }
            <p class="assumption-note"><span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ " " }{ text::ANALYSIS_NOTE }{ " " }{ NUMERIC_NOTE }</p>
            <AnalysisResults ..results />
        </section>
    }
}

#[derive(Properties)]
pub struct AnalysisResultsProps {
    pub scenario: ScenarioRef,
    /// The package last sent to the worker: the results are drawn against it.
    pub package: Package,
    pub scenario_level: Rc<ScenarioLevel>,
    pub package_level: Rc<PackageLevel>,
    pub concentration: u32,
    pub on_concentration: Callback<u32>,
    /// Where a suggestion applied goes (the panels ask the page app for it).
    pub dispatch: Callback<Action>,
}

/// The results compared by pointer: each is a new `Rc` only when the worker's answer is taken
/// in, so a deep comparison of every result on each render bought nothing (and was 1.2 KB of
/// the page's wasm).
impl PartialEq for AnalysisResultsProps {
    fn eq(&self, other: &Self) -> bool {
        self.scenario == other.scenario
            && self.package == other.package
            && Rc::ptr_eq(&self.scenario_level, &other.scenario_level)
            && Rc::ptr_eq(&self.package_level, &other.package_level)
            && self.concentration == other.concentration
            && self.on_concentration == other.on_concentration
            && self.dispatch == other.dispatch
    }
}

#[component]
fn AnalysisResults(props: &AnalysisResultsProps) -> Html {
    let fresh = props.package_level.package.as_ref() == Some(&props.package);
    html! {
        <div class="analysis-grid">
            { warnings::warnings_panel(props, fresh) }
            { suggestions::suggestions_panel(props, fresh) }
            <FrontierChart scenario={props.scenario.clone()} package={props.package.clone()} level={props.scenario_level.clone()} />
            { robustness::robustness_panel(props) }
        </div>
    }
}
