//! The concession-balance panel: a bar per party with value, concession, gain and acceptance,
//! red-line badges with their reasons, the ratification verdict, the balance in one number and
//! in words, and the per-issue breakdown of one party's concession.

use std::rc::Rc;

use scoring::score::{format_points, format_signed_points};
use scoring::share::describe_choice;
use scoring::{Package, Role, Scores};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::sources::SourceLinks;
use crate::state::{Action, AppState, ScenarioRef};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct BalancePanelProps {
    pub scenario: ScenarioRef,
    pub package: Package,
    pub scores: Rc<Scores>,
    pub previous: Rc<Scores>,
    pub revision: u64,
    pub breakdown_party: usize,
    /// Per party, the 5–95 % band of its concession under uncertain weights, once computed.
    pub bands: Option<Vec<scoring::robustness::Band>>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A horizontal bar from 0 to 100 as SVG: attributes, not inline styles, so the strict CSP holds.
fn bar(class: &str, value: f64) -> Html {
    banded_bar(class, value, None)
}

/// A bar with, optionally, the 5–95 % band of the value drawn over its end. Coordinates are
/// integer tenths of a point, so no float formatting is needed.
fn banded_bar(class: &str, value: f64, band: Option<(f64, f64)>) -> Html {
    let tenths = |value: f64| (value.clamp(0.0, 100.0) * 10.0).round() as i64;
    html! {
        <svg class={classes!("bar", class.to_string())} viewBox="0 0 1000 80" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="bar-track" x="0" y="0" width="1000" height="80" />
            <rect class="bar-fill" x="0" y="0" width={tenths(value).to_string()} height="80" />
            if let Some((low, high)) = band {
                <rect class="bar-band" x={tenths(low).to_string()} y="25" width={(tenths(high) - tenths(low)).max(0).to_string()} height="30" />
            }
        </svg>
    }
}

fn delta(now: f64, before: f64) -> Html {
    let change = now - before;
    if format_points(change.abs()) == "0.0" {
        return Html::default();
    }
    let (arrow, word) = if change > 0.0 {
        ("▲", "up")
    } else {
        ("▼", "down")
    };
    html! {
        <span class="delta" title={text::CHANGED}>
            <span aria-hidden="true">{ arrow }</span>
            <span class="visually-hidden">{ word }</span>
            { format_points(change.abs()) }
        </span>
    }
}

#[component]
pub fn BalancePanel(props: &BalancePanelProps) -> Html {
    let scenario = &props.scenario;
    let scores = &props.scores;
    let previous = &props.previous;
    let flash = if props.revision == 0 {
        None
    } else if props.revision.is_multiple_of(2) {
        Some("flash-even")
    } else {
        Some("flash-odd")
    };

    let parties = scenario.parties.iter().enumerate().map(|(index, party)| {
        let score = &scores.parties[index];
        let before = &previous.parties[index];
        let changed = format_points((score.concession - before.concession).abs()) != "0.0";
        let below = score.gain < 0.0;
        html! {
            <li class={classes!("party", format!("party-{}", party.id), changed.then_some(flash).flatten())} key={party.id.clone()}>
                <div class="party-head">
                    <span class="party-name">{ &party.name }</span>
                    <span class="party-role">{ format!(" ({})", party.role.as_str()) }</span>
                    if score.accepts {
                        <span class="badge badge-accepts">{ format!("✓ {}", text::ACCEPTS) }</span>
                    } else {
                        <span class="badge badge-rejects">{ format!("✗ {}", text::REJECTS) }</span>
                    }
                </div>
                { banded_bar("bar-value", score.value, props.bands.as_ref().and_then(|bands| bands.get(index)).map(|band| (100.0 - band.p95, 100.0 - band.p5))) }
                <dl class="party-numbers">
                    <div><dt>{ text::CONCESSION }</dt><dd class="num" data-testid={format!("concession-{}", party.id)}>{ format_points(score.concession) }{ delta(score.concession, before.concession) }</dd></div>
                    <div><dt>{ text::VALUE }</dt><dd class="num" data-testid={format!("value-{}", party.id)}>{ format_points(score.value) }</dd></div>
                    <div><dt>{ text::GAIN }</dt><dd class="num" data-testid={format!("gain-{}", party.id)}>{ format_signed_points(score.gain) }</dd></div>
                    if let Some(band) = props.bands.as_ref().and_then(|bands| bands.get(index)) {
                        <div><dt>{ format!("{} {}", text::CONCESSION, text::BAND) }</dt><dd class="num band" data-testid={format!("band-{}", party.id)}>{ format!("{}–{}", format_points(band.p5), format_points(band.p95)) }</dd></div>
                    }
                </dl>
                if below || !score.red_lines_crossed.is_empty() {
                    <ul class="reasons">
                        if below {
                            <li class="reason">
                                { format!("{} {} (walk-away point {} ", party.name, text::BELOW_WALK_AWAY, format_points(scenario.assumptions.parties[index].reservation)) }
                                <span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ ")" }
                            </li>
                        }
                        { for score.red_lines_crossed.iter().map(|&line| {
                            let red_line = &party.red_lines[line];
                            let tip_id = format!("redline-{}-{}", party.id, red_line.id);
                            let issue = &scenario.issues[red_line.issue];
                            html! {
                                <li class="reason redline" key={red_line.id.clone()}>
                                    <button type="button" class="badge badge-redline" aria-describedby={tip_id.clone()}>
                                        { format!("Red line crossed: {}", issue.label) }
                                    </button>
                                    <span class="tip" role="tooltip" id={tip_id}>
                                        { format!("{} Crossed by “{}”. ", red_line.statement, describe_choice(scenario, red_line.issue, props.package.choice(red_line.issue))) }
                                        <SourceLinks scenario={scenario.clone()} sources={red_line.sources.clone()} />
                                    </span>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </li>
        }
    });

    let guarantors_accepting: Vec<&str> = scenario
        .parties
        .iter()
        .zip(&scores.parties)
        .filter(|(party, score)| party.role == Role::Guarantor && score.accepts)
        .map(|(party, _)| party.name.as_str())
        .collect();
    let dispatch = props.dispatch.clone();
    let breakdown = props.breakdown_party;
    let breakdown_score = &scores.parties[breakdown];
    let mut rows: Vec<usize> = (0..scenario.issues.len()).collect();
    scoring::search::sort_small_by(&mut rows, |&a, &b| {
        breakdown_score.concession_by_issue[b]
            .total_cmp(&breakdown_score.concession_by_issue[a])
            .then(a.cmp(&b))
    });

    html! {
        <div class="balance-panel">
            <h2 id="balance-heading">{ text::BALANCE_HEADING }</h2>
            <div class={classes!("balance-summary", flash)}>
                <p class="balance-number" data-testid="balance-points">
                    { format_signed_points(scores.balance.points) }
                    <span class="balance-unit">{ format!(" points ({} − {} concession)", scenario.parties[scores.balance.first].name, scenario.parties[scores.balance.second].name) }</span>
                </p>
                <p class="balance-words" data-testid="balance-words">{ scenario.balance_words(&scores.balance) }</p>
                <p class="spread-words">{ scenario.spread_words(&scores.spread) }</p>
            </div>
            <ul class="parties">{ for parties }</ul>
            <div class={classes!("verdict", if scores.ratified { "verdict-yes" } else { "verdict-no" })} data-testid="ratified">
                <strong>{ if scores.ratified { format!("✓ {}", text::RATIFIED) } else { format!("✗ {}", text::NOT_RATIFIED) } }</strong>
                { if guarantors_accepting.is_empty() { String::new() } else { format!(" — guarantors accepting: {}", guarantors_accepting.join(", ")) } }
                <p class="rule">{ text::RATIFICATION_RULE }</p>
            </div>
            <p class="assumption-note"><span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ " " }{ text::ASSUMPTION_NOTE }</p>
            <section class="breakdown" aria-labelledby="breakdown-heading">
                <h3 id="breakdown-heading">{ text::BREAKDOWN_HEADING }</h3>
                <fieldset class="breakdown-party">
                    <legend>{ text::BREAKDOWN_PARTY }</legend>
                    { for scenario.parties.iter().enumerate().map(|(index, party)| {
                        let dispatch = dispatch.clone();
                        let onchange = Callback::from(move |event: Event| {
                            let input: HtmlInputElement = event.target_unchecked_into();
                            if input.checked() {
                                dispatch.dispatch(Action::ShowBreakdownFor { party: index });
                            }
                        });
                        let id = format!("breakdown-{}", party.id);
                        html! {
                            <span class="breakdown-choice" key={party.id.clone()}>
                                <input type="radio" name="breakdown-party" id={id.clone()} checked={index == breakdown} {onchange} />
                                <label for={id}>{ &party.name }</label>
                            </span>
                        }
                    }) }
                </fieldset>
                <table class="breakdown-table">
                    <caption class="visually-hidden">{ format!("{}'s concession by provision, largest first", scenario.parties[breakdown].name) }</caption>
                    <thead><tr><th scope="col">{ "Provision" }</th><th scope="col">{ "Points" }</th><th scope="col"><span class="visually-hidden">{ "Share" }</span></th></tr></thead>
                    <tbody>
                        { for rows.into_iter().map(|issue| {
                            let points = breakdown_score.concession_by_issue[issue];
                            html! {
                                <tr key={scenario.issues[issue].id.clone()}>
                                    <th scope="row">
                                        { &scenario.issues[issue].label }
                                        <span class="breakdown-choice-label">{ describe_choice(scenario, issue, props.package.choice(issue)) }</span>
                                    </th>
                                    <td class="num">{ format_points(points) }</td>
                                    <td class={format!("party-{}", scenario.parties[breakdown].id)}>{ bar("bar-breakdown", points * 4.0) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </section>
        </div>
    }
}
