//! The frontier chart: Ukraine's value against Russia's for the packages no other beats for both,
//! the zone both pass, the reference packages and no deal (a static layer drawn once per model),
//! the current package (the only mark that moves on a click), and the data table.

use std::rc::Rc;

use scoring::Package;
use scoring::score::format_points;
use yew::prelude::*;

use crate::components::disclosure::use_opened;

use super::ScenarioLevel;
use crate::protocol::FrontierPoint;
use crate::state::ScenarioRef;
use crate::text;

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
            <p class="muted">{ format!("Every package's value to {} (across) and {} (up); the line joins the {} packages that no other package beats for both, every amount included. Dots: the {} where the line turns; the packages between two dots on a straight stretch lie on it (to within {} points).",
                scenario.parties[0].name, scenario.parties[1].name,
                props.level.frontier.iter().map(|entry| 1 + entry.between as usize).sum::<usize>(),
                props.level.frontier.len(), scoring::analysis::FRONTIER_TOLERANCE_TEXT) }</p>
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
    // A staircase through the frontier points: each point is reachable, the steps between are
    // not; a straight stretch where the packages between two points lie on the line.
    let mut path = String::new();
    for (index, entry) in level.frontier.iter().enumerate() {
        let (x, y) = (chart_x(entry.values[0]), chart_y(entry.values[1]));
        if index == 0 {
            path.push_str(&format!("M{x},{y}"));
        } else if entry.between > 0 {
            path.push_str(&format!(" L{x},{y}"));
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
                <desc id="frontier-desc">{ format!("Frontier through {} points, from {} to {} for {}; the data table below lists them.", level.frontier.len(), format_points(level.frontier[0].values[0]), format_points(level.frontier[level.frontier.len() - 1].values[0]), first.name) }</desc>
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
                // The points as two paths, the acceptable ones and the others, one small circle
                // a subpath each: as a circle element each they were 280 of the page's 2,200
                // elements and 1,100 of its 3,800 attributes, each made through the DOM.
                { for [false, true].into_iter().map(|acceptable| {
                    let (d, count) = points_path(&level.frontier, acceptable);
                    html! {
                        <path key={u8::from(acceptable)} class={classes!("frontier-points", acceptable.then_some("acceptable"))}
                            data-points={count.to_string()} {d} />
                    }
                }) }
                <g class="marker marker-no-deal">
                    <path d={format!("M{},{} l6,6 m0,-6 l-6,6", chart_x(no_deal.0) - 3, chart_y(no_deal.1) - 3)} />
                    <text x={(chart_x(no_deal.0) + 6).to_string()} y={(chart_y(no_deal.1) + 12).to_string()}>{ text::NO_DEAL_LABEL }</text>
                </g>
                <g class="markers">
                    { for markers.iter().zip(label_positions(&markers, no_deal)).map(|(&(label, class, x, y), (label_x, label_y))| html! {
                        <g key={class} class={classes!("marker", class)}>
                            <rect x={(chart_x(x) - 4).to_string()} y={(chart_y(y) - 4).to_string()} width="8" height="8" transform={format!("rotate(45 {} {})", chart_x(x), chart_y(y))} />
                            <text x={label_x.to_string()} y={label_y.to_string()}>{ label }</text>
                        </g>
                    }) }
                </g>
            </svg>
    }
}

/// The frontier points acceptable to both (or the others) as one path, a circle of radius
/// 2.2 per point (two arcs from its left edge), and how many it holds. (Literal decimals: the
/// page's wasm has no float formatting.)
fn points_path(frontier: &[FrontierPoint], acceptable: bool) -> (String, usize) {
    use std::fmt::Write;
    let mut d = String::new();
    let mut count = 0;
    for entry in frontier
        .iter()
        .filter(|entry| entry.acceptable_to_both == acceptable)
    {
        let (x, y) = (chart_x(entry.values[0]), chart_y(entry.values[1]));
        let _ = write!(
            d,
            "M{x},{y}m-2.2,0a2.2,2.2 0 1,0 4.4,0a2.2,2.2 0 1,0 -4.4,0"
        );
        count += 1;
    }
    (d, count)
}

/// Where each reference package's label goes: beside its marker, moved down a line while it
/// would overlap a label already placed (the no-deal label first), so no two labels overlap
/// however close the packages are. Widths are estimated at 6 units a character.
fn label_positions(markers: &[(&str, &str, f64, f64)], no_deal: (f64, f64)) -> Vec<(i64, i64)> {
    const LINE: i64 = 12;
    let mut placed: Vec<(i64, i64, i64)> = vec![(
        chart_x(no_deal.0) + 6,
        chart_y(no_deal.1) + 12,
        6 * text::NO_DEAL_LABEL.chars().count() as i64,
    )];
    markers
        .iter()
        .map(|&(label, _, x, y)| {
            let width = 6 * label.chars().count() as i64;
            let left = chart_x(x) + 7;
            let mut top = chart_y(y) - 6;
            while placed.iter().any(|&(other_left, other_top, other_width)| {
                (top - other_top).abs() < LINE
                    && left < other_left + other_width
                    && other_left < left + width
            }) {
                top += LINE;
            }
            placed.push((left, top, width));
            (left, top)
        })
        .collect()
}

#[component]
pub fn FrontierTable(props: &FrontierStaticProps) -> Html {
    let scenario = &props.scenario;
    let level = &props.level.0;
    let (first, second) = (&scenario.parties[0], &scenario.parties[1]);
    // Hundreds of rows (1,700 nodes, two fifths of the page) that few readers open: built on
    // first opening, not with every analysis result.
    let (opened, ontoggle) = use_opened();
    if !opened {
        return html! {
            <details class="frontier-data" {ontoggle}>
                <summary>{ text::FRONTIER_TABLE }</summary>
            </details>
        };
    }
    html! {
            <details class="frontier-data" {ontoggle}>
                <summary>{ text::FRONTIER_TABLE }</summary>
                <table data-testid="frontier-table">
                    <caption class="visually-hidden">{ text::FRONTIER_HEADING }</caption>
                    <thead><tr>
                        <th scope="col">{ format!("{} value", first.name) }</th>
                        <th scope="col">{ format!("{} value", second.name) }</th>
                        <th scope="col">{ text::FRONTIER_ACCEPTABLE }</th>
                        <th scope="col">{ text::FRONTIER_BETWEEN }</th>
                    </tr></thead>
                    <tbody>
                        { for level.frontier.iter().map(|entry| html! {
                            <tr>
                                <td class="num">{ format_points(entry.values[0]) }</td>
                                <td class="num">{ format_points(entry.values[1]) }</td>
                                <td>{ if entry.acceptable_to_both { "yes" } else { "no" } }</td>
                                <td class="num">{ entry.between }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
    }
}
