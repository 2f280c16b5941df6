//! The concession-balance panel: a short "how to read this", the balance in one number and in
//! words (and, for a package from texts, the balance over the provisions the texts settle
//! beside the whole-package balance), a bar per party with value, concession, gain and the
//! model's acceptance test, red-line badges with their reasons (marked where an assumed
//! provision crosses them), and the model's ratification test. The longer "how to read
//! this", the explanation of a party's value term by term and the per-issue breakdown of one
//! party's concession are the panels' (`components::details`), drawn into elements of this
//! panel that it leaves to them.

use std::rc::Rc;

use scoring::provenance::{Origin, Provenance};
use scoring::score::{format_points, format_signed_points};
use scoring::share::describe_choice;
use scoring::{Package, Role, Scores};
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
    /// Where each provision's choice comes from.
    pub origins: Vec<Origin>,
    pub base_document: Option<usize>,
    /// The party whose value is explained (by the panels), if any: its value button is pressed.
    pub explained_party: Option<usize>,
    /// The link of the package on screen, alone (`Scenario::link` without a text or a
    /// comparison): the panels' robustness bands are shown while they belong to it
    /// (`browser::listen_for_bands`).
    pub link: Rc<String>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A horizontal bar from 0 to 100 as SVG (attributes, not inline styles, so the strict CSP
/// holds), with, optionally, the 5–95 % band of the value drawn over its end. Coordinates are
/// integer tenths of a point, so no float formatting is needed.
pub fn banded_bar(class: &str, value: f64, band: Option<(f64, f64)>) -> Html {
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
    // What the last change moved stays tinted until the next change (see `.just-changed`).
    let mark = (props.revision != 0).then_some("just-changed");
    let balance_moved = format_signed_points(scores.balance.points)
        != format_signed_points(previous.balance.points);

    let explain = |party: usize| {
        let dispatch = props.dispatch.clone();
        let open = props.explained_party == Some(party);
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::ExplainValue {
                party: (!open).then_some(party),
            });
            if !open {
                crate::browser::focus_soon("explanation".into());
            }
        })
    };
    // Per party, the 5–95 % band of its concession under uncertain weights, as the panels
    // computed it, with the link of the package it is for. Bands of the package before stay in
    // the page, hidden (`.bands-stale`), until the new ones arrive: a click then changes their
    // numbers in place, where taking the rows out and putting them back laid out the four
    // party cards twice more.
    let bands = use_state(|| None::<(String, Vec<(f64, f64)>)>);
    // The elements left to the panels are new with each mount of this panel (a model's page
    // drawn anew): the panels are told to draw into them.
    use_effect_with((), |_| crate::browser::announce_hosts());
    {
        let bands = bands.clone();
        use_effect_with((), move |_| {
            let listener = crate::browser::listen_for_bands(move |link, values| {
                bands.set((!values.is_empty()).then_some((link, values)))
            });
            move || drop(listener)
        });
    }
    let band = |index: usize| {
        bands
            .as_ref()
            .and_then(|(_, values)| values.get(index).copied())
    };
    let bands_stale = bands.as_ref().is_some_and(|(link, _)| *link != *props.link);
    let parties = scenario.parties.iter().enumerate().map(|(index, party)| {
        let score = &scores.parties[index];
        let before = &previous.parties[index];
        let changed = format_points((score.concession - before.concession).abs()) != "0.0";
        let below = score.gain < 0.0;
        html! {
            <li class={classes!("party", format!("party-{}", party.id), changed.then_some(mark).flatten())} key={party.id.clone()}>
                <div class="party-head">
                    <span class="party-name">{ &party.name }</span>
                    <span class="party-role">{ format!(" ({})", party.role.as_str()) }</span>
                    if score.accepts {
                        <span class="badge badge-accepts" data-testid={format!("verdict-{}", party.id)}>{ format!("✓ {}", text::ACCEPTS) }</span>
                    } else {
                        <span class="badge badge-rejects" data-testid={format!("verdict-{}", party.id)}>{ format!("✗ {}", text::REJECTS) }</span>
                    }
                </div>
                { banded_bar("bar-value", score.value, band(index).map(|(p5, p95)| (100.0 - p95, 100.0 - p5))) }
                <dl class="party-numbers">
                    <div><dt>{ text::CONCESSION }</dt><dd class="num" data-testid={format!("concession-{}", party.id)}>{ format_points(score.concession) }{ delta(score.concession, before.concession) }</dd></div>
                    <div><dt>{ text::VALUE }</dt><dd class="num"><button type="button" class="value-button" id={format!("value-{}", party.id)} data-testid={format!("value-{}", party.id)}
                        aria-expanded={(props.explained_party == Some(index)).to_string()} aria-controls="explanation"
                        title={format!("{} {}", text::EXPLAIN_VALUE, party.name)}
                        onclick={explain(index)}>{ format_points(score.value) }</button></dd></div>
                    <div><dt>{ text::GAIN }</dt><dd class="num" data-testid={format!("gain-{}", party.id)}>{ format_signed_points(score.gain) }</dd></div>
                    if let Some((p5, p95)) = band(index) {
                        <div class="band-row"><dt>{ format!("{} {}", text::CONCESSION, text::BAND) }</dt><dd class="num band" data-testid={format!("band-{}", party.id)}>{ format!("{}–{}", format_points(p5), format_points(p95)) }</dd></div>
                    }
                </dl>
                if below || !score.red_lines_crossed.is_empty() {
                    // One keyed list: Yew matches an unkeyed list by position from its end, so
                    // a red line crossed or no longer crossed would redraw every reason after it.
                    <ul class="reasons">
                        { for below.then(|| html! {
                            <li class="reason" key="below">
                                { format!("{} {} (walk-away value {} ", party.name, text::BELOW_WALK_AWAY, format_points(scenario.assumptions.parties[index].reservation)) }
                                <span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ ")" }
                            </li>
                        }).into_iter().chain(score.red_lines_crossed.iter().map(|&line| {
                            let red_line = &party.red_lines[line];
                            let tip_id = format!("redline-{}-{}", party.id, red_line.id);
                            let issue = &scenario.issues[red_line.issue];
                            let through_assumed = props.origins[red_line.issue].is_assumed();
                            html! {
                                <li class={classes!("reason", "redline", through_assumed.then_some("redline-assumed"))} key={red_line.id.clone()}>
                                    <button type="button" class="badge badge-redline" aria-describedby={tip_id.clone()} data-testid="redline">
                                        { format!("{}: {}", text::RED_LINE_CROSSED, issue.label) }
                                        if through_assumed {
                                            <span class="redline-assumed-note">{ format!(" ({})", text::THROUGH_ASSUMED) }</span>
                                        }
                                    </button>
                                    { " " }<span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>
                                    <span class="tip" role="tooltip" id={tip_id}>
                                        { format!("{} {} “{}”. {} ", text::STATED_POSITION, red_line.statement, describe_choice(scenario, red_line.issue, props.package.choice(red_line.issue)), text::REDLINE_MODELLING) }
                                        <SourceLinks scenario={scenario.clone()} sources={red_line.sources.clone()} compact=true />
                                    </span>
                                </li>
                            }
                        })) }
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

    let provenance = Provenance {
        package: props.package.clone(),
        origins: props.origins.clone(),
    };
    let coverage = scenario.coverage(&provenance);
    let from_texts = !coverage.stated.is_empty();
    let names = format!(
        "{} − {}",
        scenario.parties[scores.balance.first].name, scenario.parties[scores.balance.second].name
    );
    html! {
        <div class={classes!("balance-panel", bands_stale.then_some("bands-stale"))}>
            <h2 id="balance-heading">{ text::BALANCE_HEADING }</h2>
            <p class="how-to-read-short">{ text::HOW_TO_READ_SHORT }</p>
            // How to read the panel, in a disclosure: the panels', as its details below.
            <div id="how-to-read-host" class="how-to-read-host"></div>
            <div class={classes!("balance-summary", mark.filter(|_| balance_moved))}>
                <p class="balance-number" data-testid="balance-points">
                    { format_signed_points(scores.balance.points) }
                    <span class="balance-unit">{ format!(" {} ({names} {})", text::POINTS, text::CONCESSION_LOWER) }</span>
                </p>
                <p class="balance-words" data-testid="balance-words">{ scenario.balance_words(&scores.balance) }</p>
                if from_texts && !coverage.assumed.is_empty() {
                    <div class="coverage" data-testid="coverage">
                        <p>
                            { format!("{} ", text::WHOLE_PACKAGE_PREFIX) }
                            <strong>{ format!("{} {}", coverage.assumed.len(), if coverage.assumed.len() == 1 { text::PROVISION } else { text::PROVISIONS }) }</strong>
                            { format!(" {} {} ", if coverage.assumed.len() == 1 { text::IS } else { text::ARE }, text::ASSUMED_LOWER) }<span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>
                            { format!(" {}", text::MARKED_BELOW) }
                        </p>
                        <p class="settled-balance">
                            { format!("{} {} {} ", text::SETTLED_PREFIX, coverage.stated.len(), if coverage.stated.len() == 1 { text::PROVISION } else { text::PROVISIONS }) }
                            { format!("{} ", text::SETTLED_SUFFIX) }
                            <strong data-testid="settled-balance">{ coverage.balance.map_or_else(|| text::NOT_AVAILABLE.to_string(), format_signed_points) }</strong>
                            { format!(" {} ({names} {})", text::POINTS, text::CONCESSION_LOWER) }
                        </p>
                    </div>
                } else if from_texts {
                    <p class="coverage" data-testid="coverage">{ format!("{} {} {}.", text::ALL_SETTLED_PREFIX, coverage.stated.len(), text::ALL_SETTLED_SUFFIX) }</p>
                }
                <p class="spread-words">{ scenario.spread_words(&scores.spread) }</p>
            </div>
            <ul class="parties">{ for parties }</ul>
            // A party's value explained term by term: the panels', as the breakdown below.
            <div id="explanation-host" class="explanation-host"></div>
            <div class={classes!("verdict", if scores.ratified { "verdict-yes" } else { "verdict-no" })} data-testid="ratified">
                <strong>{ if scores.ratified { format!("✓ {}", text::RATIFIED) } else { format!("✗ {}", text::NOT_RATIFIED) } }</strong>
                if !guarantors_accepting.is_empty() {
                    <span class="verdict-guarantors">{ format!(" — {}: {}", text::GUARANTORS_PASSING, guarantors_accepting.join(", ")) }</span>
                }
                <p class="rule">{ text::RATIFICATION_RULE }</p>
            </div>
            // The projector view hides the notes below; this one line keeps the scores labelled as
            // model assumptions on the projected screen too.
            <p class="projector-assumption" data-testid="projector-assumption"><span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ " " }{ text::PROJECTOR_ASSUMPTION }</p>
            <p class="assumption-note"><span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ " " }{ text::ASSUMPTION_NOTE }</p>
            // The breakdown of one party's concession by provision: the panels' (panels.rs), drawn
            // here through a portal; an element of its own, which this app never changes.
            <div id="breakdown-host" class="breakdown-host"></div>
        </div>
    }
}
