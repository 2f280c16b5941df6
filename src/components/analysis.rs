//! The negotiation analysis on the page: warnings tied to the controls, suggested packages that
//! apply as a history entry, the Ukraine–Russia frontier chart with its data table, and the
//! robustness of the balance to the weights. The analysis runs off the click path: after the
//! click's frame is painted, one part per task, and the page says it is updating.

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use scoring::analysis::{
    Analyzer, Coalition, FrontierEntry, Pareto, References, Suggestion, Warning,
};
use scoring::export::NUMERIC_NOTE;
use scoring::robustness::Robustness;
use scoring::score::{
    format_percent, format_points, format_signed_hundredths, format_signed_points,
};
use scoring::share::describe_choice;
use scoring::{Package, Scenario};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::state::{Action, AppState, ScenarioRef};
use crate::text;

/// Monte-Carlo samples on the page (the CLI lets users choose).
pub const PAGE_SAMPLES: usize = 10_000;
/// The seed of the page's draws, fixed so that a link always shows the same bands.
pub const PAGE_SEED: u64 = 1;
pub const DEFAULT_CONCENTRATION: u32 = 50;

/// What does not depend on the package: computed once, after the first paint. (The zones of
/// agreement are reported by the CLI; the page shows the frontier and reference packages.)
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ScenarioLevel {
    pub references: Option<References>,
    pub frontier: Vec<FrontierEntry>,
}

/// What depends on the package: recomputed after each change, off the click path.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PackageLevel {
    /// The package these results belong to.
    pub package: Option<Package>,
    pub warnings: Vec<Warning>,
    pub nearest: Option<Option<Suggestion>>,
    pub pareto: Option<Pareto>,
    pub robustness: Option<Robustness>,
    pub updating: bool,
}

/// Runs the analysis for `package` in the background and returns the latest results.
#[hook]
pub fn use_analysis(
    scenario: ScenarioRef,
    package: Package,
    concentration: u32,
) -> (Rc<ScenarioLevel>, Rc<PackageLevel>) {
    let scenario_level = use_state(|| Rc::new(ScenarioLevel::default()));
    let package_level = use_state(|| Rc::new(PackageLevel::default()));
    let generation = use_mut_ref(|| Rc::new(Cell::new(0u64)));

    {
        let scenario = scenario.clone();
        let scenario_level = scenario_level.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // Let the first frame paint before any heavy work.
                browser::after_next_paint().await;
                let base = scenario.opening_package();
                let analyzer = Analyzer::new(&scenario, &base);
                let frontier = analyzer.frontier();
                TimeoutFuture::new(0).await;
                let references = Some(analyzer.references(Coalition::Belligerents).0);
                scenario_level.set(Rc::new(ScenarioLevel {
                    frontier,
                    references,
                }));
            });
        });
    }

    {
        let scenario = scenario.clone();
        let package_level = package_level.clone();
        let counter = generation.borrow().clone();
        use_effect_with((package.clone(), concentration), move |(package, _)| {
            let package = package.clone();
            let run = counter.get() + 1;
            counter.set(run);
            let current = {
                let mut next = (**package_level).clone();
                next.updating = true;
                next
            };
            package_level.set(Rc::new(current));
            wasm_bindgen_futures::spawn_local(async move {
                // The click's frame paints first; the analysis follows in later tasks.
                browser::after_next_paint().await;
                if counter.get() != run {
                    return;
                }
                let analyzer = Analyzer::new(&scenario, &package);
                let mut level = PackageLevel {
                    package: Some(package.clone()),
                    warnings: analyzer.warnings(),
                    updating: true,
                    ..PackageLevel::default()
                };
                level.nearest = Some(analyzer.nearest_acceptable().0);
                package_level.set(Rc::new(level.clone()));
                for step in 0..2 {
                    TimeoutFuture::new(0).await;
                    if counter.get() != run {
                        return;
                    }
                    if step == 0 {
                        level.pareto = Some(analyzer.pareto().0);
                    } else {
                        level.robustness = Some(scenario.robustness(
                            &package,
                            f64::from(concentration),
                            PAGE_SAMPLES,
                            PAGE_SEED,
                        ));
                        level.updating = false;
                    }
                    package_level.set(Rc::new(level.clone()));
                }
            });
        });
    }
    ((*scenario_level).clone(), (*package_level).clone())
}

#[derive(Properties, PartialEq)]
pub struct AnalysisPanelProps {
    pub scenario: ScenarioRef,
    pub package: Package,
    pub scenario_level: Rc<ScenarioLevel>,
    pub package_level: Rc<PackageLevel>,
    pub concentration: u32,
    pub on_concentration: Callback<u32>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

#[component]
pub fn AnalysisPanel(props: &AnalysisPanelProps) -> Html {
    let scenario = &props.scenario;
    let level = &props.package_level;
    // While an update runs, the previous results stay on screen, marked stale, rather than
    // being swapped out in the click's own frame.
    let fresh = level.package.as_ref() == Some(&props.package);
    let updating = level.updating || !fresh;
    html! {
        <section class={classes!("analysis", updating.then_some("stale"))} id="analysis" aria-labelledby="analysis-heading" aria-busy={updating.to_string()}>
            <h2 id="analysis-heading">{ text::ANALYSIS_HEADING }</h2>
            <p class="analysis-status" role="status" data-testid="analysis-status">
                { if updating { text::ANALYSIS_UPDATING } else { text::ANALYSIS_READY } }
            </p>
            <p class="assumption-note"><span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ " " }{ text::ANALYSIS_NOTE }{ " " }{ NUMERIC_NOTE }</p>
            <div class="analysis-grid">
                { warnings_panel(props, fresh) }
                { suggestions_panel(props, fresh) }
                <FrontierChart scenario={scenario.clone()} package={props.package.clone()} level={props.scenario_level.clone()} />
                { robustness_panel(props) }
            </div>
        </section>
    }
}

fn warnings_panel(props: &AnalysisPanelProps, fresh: bool) -> Html {
    let scenario = &props.scenario;
    let level = &props.package_level;
    let warnings = level.warnings.clone();
    let base = level
        .package
        .clone()
        .unwrap_or_else(|| props.package.clone());
    html! {
        <section class="analysis-part warnings" aria-labelledby="warnings-heading">
            <h3 id="warnings-heading">{ text::WARNINGS_HEADING }</h3>
            if level.package.is_none() {
                <p class="muted">{ text::ANALYSIS_UPDATING }</p>
            } else if warnings.is_empty() {
                <p>{ text::NO_WARNINGS }</p>
            } else {
                <ul class="warning-list">
                    { for warnings.iter().enumerate().map(|(index, warning)| {
                        let issue = scenario.warning_issue(warning);
                        let target = issue.map(|issue| format!("issue-{}", scenario.issues[issue].id));
                        let onclick = Callback::from(move |_: MouseEvent| {
                            if let Some(target) = &target {
                                browser::focus(target);
                            }
                        });
                        html! {
                            <li key={index}>
                                <button type="button" class="warning" {onclick} data-testid="warning" data-fresh={fresh.to_string()}>
                                    { scenario.warning_text(warning, &base) }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

#[allow(clippy::too_many_arguments)]
fn suggestion_card(
    scenario: &Scenario,
    base: &Package,
    id: &str,
    title: &str,
    explanation: &str,
    suggestion: Option<&Suggestion>,
    stale: bool,
    dispatch: &UseReducerDispatcher<AppState>,
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
        dispatch.dispatch(Action::ApplySuggestion {
            package: package.clone(),
        })
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
                    <ul class="changes">
                        { for changes.iter().map(|&issue| html! {
                            <li>
                                <strong>{ &scenario.issues[issue].label }</strong>
                                { format!(": {} → {}", describe_choice(scenario, issue, base.choice(issue)), describe_choice(scenario, issue, suggestion.package.choice(issue))) }
                            </li>
                        }) }
                    </ul>
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

fn suggestions_panel(props: &AnalysisPanelProps, fresh: bool) -> Html {
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

fn robustness_panel(props: &AnalysisPanelProps) -> Html {
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
            <input type="range" id="concentration" min="5" max="500" step="5" value={props.concentration.to_string()}
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

/// The scenario-level results, compared by pointer: they are computed once and never change.
#[derive(Clone, Debug)]
pub struct SharedLevel(pub Rc<ScenarioLevel>);

impl PartialEq for SharedLevel {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct FrontierChartProps {
    pub scenario: ScenarioRef,
    pub package: Package,
    pub level: Rc<ScenarioLevel>,
}

/// Chart coordinates: values 0–100 mapped into a 280 × 280 plot with a margin for labels.
fn chart_x(value: f64) -> i64 {
    40 + (value.clamp(0.0, 100.0) * 2.8).round() as i64
}
fn chart_y(value: f64) -> i64 {
    290 - (value.clamp(0.0, 100.0) * 2.8).round() as i64
}

/// The chart: a static layer (frontier, zone, reference packages, data table) that renders
/// once, and an overlay with the current package, the only part that moves on a click.
#[component]
pub fn FrontierChart(props: &FrontierChartProps) -> Html {
    let scenario = &props.scenario;
    if props.level.frontier.is_empty() {
        return html! {
            <section class="analysis-part frontier" aria-labelledby="frontier-heading">
                <h3 id="frontier-heading">{ text::FRONTIER_HEADING }</h3>
                <p class="muted">{ text::ANALYSIS_UPDATING }</p>
            </section>
        };
    }
    let scores = scenario.score(&props.package);
    let (x, y) = (
        chart_x(scores.parties[0].value),
        chart_y(scores.parties[1].value),
    );
    let overlay = html! {
        <svg class="frontier-overlay" viewBox="0 0 340 330" aria-hidden="true" focusable="false">
            <g class="marker marker-current" data-testid="frontier-current">
                <circle cx={x.to_string()} cy={y.to_string()} r="5" />
                <text x={(x + 8).to_string()} y={(y + 4).to_string()}>{ text::CURRENT_LABEL }</text>
            </g>
        </svg>
    };
    let level = SharedLevel(props.level.clone());
    html! {
        <section class="analysis-part frontier" aria-labelledby="frontier-heading">
            <h3 id="frontier-heading">{ text::FRONTIER_HEADING }</h3>
            <p class="muted">{ format!("Every package's value to {} (across) and {} (up); the line joins the {} packages that no other package beats for both.",
                scenario.parties[0].name, scenario.parties[1].name, props.level.frontier.len()) }</p>
            <div class="frontier-wrap">
                <FrontierStatic scenario={scenario.clone()} level={level.clone()} />
                { overlay }
            </div>
            <p class="muted">{ text::FRONTIER_LEGEND }</p>
            <FrontierTable scenario={scenario.clone()} {level} />
        </section>
    }
}

/// Props of the parts of the chart that never change after the analysis is done.
#[derive(Properties, PartialEq)]
pub struct FrontierStaticProps {
    pub scenario: ScenarioRef,
    pub level: SharedLevel,
}

#[component]
pub fn FrontierStatic(props: &FrontierStaticProps) -> Html {
    let scenario = &props.scenario;
    let level = &props.level.0;
    let (first, second) = (&scenario.parties[0], &scenario.parties[1]);
    let no_deal = (
        scenario.assumptions.parties[0].reservation,
        scenario.assumptions.parties[1].reservation,
    );
    // A staircase through the frontier points: each point is reachable, the steps between are not.
    let mut path = String::new();
    for (index, entry) in level.frontier.iter().enumerate() {
        let (x, y) = (chart_x(entry.values[0]), chart_y(entry.values[1]));
        if index == 0 {
            path.push_str(&format!("M{x},{y}"));
        } else {
            path.push_str(&format!(" H{x} V{y}"));
        }
    }
    let mut markers: Vec<(&str, &str, f64, f64)> = Vec::new();
    if let Some(references) = &level.references {
        for (label, class, suggestion) in [
            (text::NASH_SHORT, "marker-nash", &references.nash),
            (text::KS_SHORT, "marker-ks", &references.kalai_smorodinsky),
            (
                text::EGALITARIAN_SHORT,
                "marker-egal",
                &references.egalitarian,
            ),
        ] {
            if let Some(suggestion) = suggestion {
                markers.push((
                    label,
                    class,
                    suggestion.scores.parties[0].value,
                    suggestion.scores.parties[1].value,
                ));
            }
        }
    }
    let ticks = [0u32, 25, 50, 75, 100];
    html! {
            <svg class="frontier-chart" viewBox="0 0 340 330" role="img" aria-labelledby="frontier-title frontier-desc" data-testid="frontier-chart">
                <title id="frontier-title">{ text::FRONTIER_HEADING }</title>
                <desc id="frontier-desc">{ format!("Frontier of {} points, from {} to {} for {}; the data table below lists every point.", level.frontier.len(), format_points(level.frontier[0].values[0]), format_points(level.frontier[level.frontier.len() - 1].values[0]), first.name) }</desc>
                { for ticks.iter().map(|&tick| html! {
                    <g class="tick">
                        <line x1={chart_x(f64::from(tick)).to_string()} y1="290" x2={chart_x(f64::from(tick)).to_string()} y2="294" />
                        <text x={chart_x(f64::from(tick)).to_string()} y="306" text-anchor="middle">{ tick }</text>
                        <line x1="36" y1={chart_y(f64::from(tick)).to_string()} x2="40" y2={chart_y(f64::from(tick)).to_string()} />
                        <text x="32" y={(chart_y(f64::from(tick)) + 4).to_string()} text-anchor="end">{ tick }</text>
                    </g>
                }) }
                <line class="axis" x1="40" y1="290" x2="320" y2="290" />
                <line class="axis" x1="40" y1="10" x2="40" y2="290" />
                <text class="axis-label" x="180" y="324" text-anchor="middle">{ format!("{} value", first.name) }</text>
                <text class="axis-label" x="12" y="150" text-anchor="middle" transform="rotate(-90 12 150)">{ format!("{} value", second.name) }</text>
                <rect class="zone" x={chart_x(no_deal.0).to_string()} y={chart_y(100.0).to_string()}
                    width={(chart_x(100.0) - chart_x(no_deal.0)).to_string()} height={(chart_y(no_deal.1) - chart_y(100.0)).to_string()} />
                <path class="frontier-line" d={path} />
                { for level.frontier.iter().map(|entry| html! {
                    <circle class={classes!("frontier-point", entry.acceptable_to_both.then_some("acceptable"))} cx={chart_x(entry.values[0]).to_string()} cy={chart_y(entry.values[1]).to_string()} r="2.2" />
                }) }
                <g class="marker marker-no-deal">
                    <path d={format!("M{},{} l6,6 m0,-6 l-6,6", chart_x(no_deal.0) - 3, chart_y(no_deal.1) - 3)} />
                    <text x={(chart_x(no_deal.0) + 6).to_string()} y={(chart_y(no_deal.1) + 12).to_string()}>{ text::NO_DEAL_LABEL }</text>
                </g>
                { for markers.iter().map(|&(label, class, x, y)| html! {
                    <g class={classes!("marker", class)}>
                        <rect x={(chart_x(x) - 4).to_string()} y={(chart_y(y) - 4).to_string()} width="8" height="8" transform={format!("rotate(45 {} {})", chart_x(x), chart_y(y))} />
                        <text x={(chart_x(x) + 7).to_string()} y={(chart_y(y) - 6).to_string()}>{ label }</text>
                    </g>
                }) }
            </svg>
    }
}

#[component]
pub fn FrontierTable(props: &FrontierStaticProps) -> Html {
    let scenario = &props.scenario;
    let level = &props.level.0;
    let (first, second) = (&scenario.parties[0], &scenario.parties[1]);
    html! {
            <details class="frontier-data">
                <summary>{ text::FRONTIER_TABLE }</summary>
                <table data-testid="frontier-table">
                    <caption class="visually-hidden">{ text::FRONTIER_HEADING }</caption>
                    <thead><tr>
                        <th scope="col">{ format!("{} value", first.name) }</th>
                        <th scope="col">{ format!("{} value", second.name) }</th>
                        <th scope="col">{ text::FRONTIER_ACCEPTABLE }</th>
                    </tr></thead>
                    <tbody>
                        { for level.frontier.iter().map(|entry| html! {
                            <tr>
                                <td class="num">{ format_points(entry.values[0]) }</td>
                                <td class="num">{ format_points(entry.values[1]) }</td>
                                <td>{ if entry.acceptable_to_both { "yes" } else { "no" } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
    }
}
