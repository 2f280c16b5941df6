//! The model's assumptions, where anyone can read and edit them: each party's issue weights
//! (shares of 100 %, rebalanced by the core's rule), walk-away value, red lines on or off and,
//! in an advanced part, its value of each option; each edited number beside the model's; reset
//! per number, per party or all; the assumptions file; which verdicts survive a change of one
//! weight (`VerdictFlips`, rendered apart); and the rationales. They are assumptions of this model version, not findings.

use scoring::edits::{Verdict, points_text};
use scoring::{Edits, PartyFlips};
use yew::prelude::*;

use crate::browser;
use crate::components::analysis::FileRead;
use crate::components::disclosure::use_opened;
use crate::components::sources::cited_text;
use crate::state::{Action, ScenarioRef};
use crate::text;

/// What a range input does with its number: one of the core's setters, for one party.
type RangeEdit = dyn Fn(&mut Edits, &scoring::Scenario, u32) -> Result<(), String>;

#[derive(Properties, PartialEq)]
pub struct AssumptionsSectionProps {
    /// The model with the reader's edits applied (its `model_assumptions` are the model's own).
    pub scenario: ScenarioRef,
    /// Where edits go (the panels ask the page app to score under them).
    pub dispatch: Callback<Action>,
    /// The last assumptions file read, numbered.
    pub file: Option<FileRead>,
    pub on_read_file: Callback<String>,
}

#[component]
pub fn AssumptionsSection(props: &AssumptionsSectionProps) -> Html {
    let scenario = &props.scenario;
    let edits = scenario.edits().clone();
    let model = scenario.model_assumptions();
    let party = use_state_eq(|| 0usize);
    // A refused edit (the convention on values, the cap), or a file's problems.
    let message = use_state_eq(|| None::<String>);
    let file_problems = use_state_eq(Vec::<String>::new);
    let (values_opened, on_values_toggle) = use_opened();
    // The editor's controls are built when it is first opened (or at once when a link brings
    // edits): hundreds of nodes most readers never use would otherwise slow every render.
    let (editor_opened, on_editor_toggle) = use_opened();
    let open_at_start = *use_state(|| !scenario.edits().is_empty());

    // An assumptions file read by the worker: applied whole, or its problems listed.
    {
        let dispatch = props.dispatch.clone();
        let file_problems = file_problems.clone();
        use_effect_with(props.file.clone(), move |file| {
            if let Some((_, result)) = file {
                match &**result {
                    Ok(edits) => {
                        file_problems.set(Vec::new());
                        dispatch.emit(Action::EditAssumptions {
                            edits: edits.clone(),
                        });
                    }
                    Err(problems) => file_problems.set(problems.clone()),
                }
            }
        });
    }

    let apply = {
        let dispatch = props.dispatch.clone();
        let message = message.clone();
        move |result: Result<Edits, String>| match result {
            Ok(edits) => {
                message.set(None);
                dispatch.emit(Action::EditAssumptions { edits });
            }
            Err(reason) => message.set(Some(reason)),
        }
    };
    let p = *party;
    // A reset button: the edits with one of the core's resets applied for this party.
    let reset_with = |reset: fn(&mut Edits, usize)| {
        let apply = apply.clone();
        let edits = edits.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = edits.clone();
            reset(&mut next, p);
            apply(Ok(next));
        })
    };
    let party_spec = &scenario.parties[p];
    let party_edits = edits.party(p).cloned().unwrap_or_default();
    let weights = edits.weights(scenario, p).to_vec();
    let reservation = party_edits
        .reservation
        .map_or(model.parties[p].reservation, f64::from);
    // One per edited number: the same list the notice above the page shows.
    let count = edits.describe_by_party(scenario).len();

    let on_reset_all = {
        let apply = apply.clone();
        Callback::from(move |_: MouseEvent| apply(Ok(Edits::none())))
    };
    let on_reset_party = reset_with(Edits::reset_party);
    // The file is written by the worker from the page's link, which carries the edits, and
    // offered by www/classroom.js, as every download is: the page's wasm carries no writer.
    let on_download = Callback::from(|_: MouseEvent| browser::post_message("assumptions"));
    let on_file = {
        let on_read_file = props.on_read_file.clone();
        let file_problems = file_problems.clone();
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let on_read_file = on_read_file.clone();
            let file_problems = file_problems.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match browser::read_chosen_file(&input).await {
                    Some(Ok(text)) => on_read_file.emit(text),
                    Some(Err(reason)) => file_problems.set(vec![reason]),
                    None => {}
                }
                // The same file can be chosen again after it is fixed.
                input.set_value("");
            });
        })
    };
    let on_party = |index: usize| {
        let party = party.clone();
        let message = message.clone();
        Callback::from(move |_: Event| {
            party.set(index);
            message.set(None);
        })
    };
    // A range input: its whole number through one of the core's setters, on every step.
    let on_range = |edit: Box<RangeEdit>| {
        let apply = apply.clone();
        let edits = edits.clone();
        let scenario = scenario.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Ok(number) = input.value().parse::<u32>() {
                let mut next = edits.clone();
                apply(edit(&mut next, &scenario, number).map(|()| next));
            }
        })
    };
    let on_reservation = on_range(Box::new(move |next, scenario, points| {
        next.set_reservation(scenario, p, points);
        Ok(())
    }));
    let on_reset_reservation = reset_with(Edits::reset_reservation);
    let on_reset_weights = reset_with(Edits::reset_weights);

    let weight_rows = scenario.issues.iter().enumerate().map(|(issue, spec)| {
        let id = format!("weight-{}-{}", party_spec.id, spec.id);
        let was = model.parties[p].weights[issue];
        let now = weights[issue];
        let oninput = on_range(Box::new(move |next, scenario, target| {
            next.set_weight(scenario, p, issue, target)
        }));
        html! {
            <div key={spec.id.clone()} class={classes!("edit-row", (now != was).then_some("edited"))}>
                <label for={id.clone()}>{ &spec.label }</label>
                <input type="range" autocomplete="off" id={id.clone()} min="0" max="100" step="1" value={now.to_string()}
                    aria-valuetext={format!("{now} %")} data-testid={id.clone()} {oninput} />
                <output for={id} class="num">{ format!("{now} %") }</output>
                <span class="model-value">{ model_value(now != was, &format!("{was} %")) }</span>
            </div>
        }
    });

    let red_line_rows = party_spec.red_lines.iter().enumerate().map(|(line, red_line)| {
        let id = format!("red-line-{}-{}", party_spec.id, red_line.id);
        let on = edits.red_line_on(p, line);
        let onchange = {
            let apply = apply.clone();
            let edits = edits.clone();
            let scenario = scenario.clone();
            Callback::from(move |event: Event| {
                let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                let mut next = edits.clone();
                next.set_red_line(&scenario, p, line, input.checked());
                apply(Ok(next));
            })
        };
        html! {
            <div key={red_line.id.clone()} class={classes!("edit-row", "red-line-row", (!on).then_some("edited"))}>
                <input type="checkbox" autocomplete="off" id={id.clone()} checked={on} data-testid={id.clone()} {onchange} />
                <label for={id}>{ format!("{}: ", scenario.issues[red_line.issue].label) }
                    { cited_text(scenario, &red_line.statement) }</label>
                <span class="model-value">{ model_value(!on, text::MODEL_ON) }</span>
            </div>
        }
    });

    let value_tables = values_opened.then(|| {
        let tables = scenario.issues.iter().enumerate().map(|(issue, spec)| {
            let rows = spec.options.iter().enumerate().map(|(option, option_spec)| {
                let id = format!("value-{}-{}-{}", party_spec.id, spec.id, option_spec.id);
                let was = model.values[issue][option].values[p];
                let now = edits.value(scenario, p, issue, option);
                let onchange = {
                    let apply = apply.clone();
                    let edits = edits.clone();
                    let scenario = scenario.clone();
                    Callback::from(move |event: Event| {
                        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                        match input.value().parse::<u32>() {
                            Ok(value) if value <= 100 => {
                                let mut next = edits.clone();
                                let result = next.set_value(&scenario, p, issue, option, value).map(|()| next);
                                if result.is_err() {
                                    // The field shows the value in force again; the message says why.
                                    input.set_value(&now.to_string());
                                }
                                apply(result);
                            }
                            _ => {
                                input.set_value(&now.to_string());
                                apply(Err(text::VALUE_RANGE.to_string()));
                            }
                        }
                    })
                };
                html! {
                    <tr key={option_spec.id.clone()} class={classes!((now != was).then_some("edited"))}>
                        <th scope="row"><label for={id.clone()}>{ &option_spec.label }</label></th>
                        <td><input type="number" autocomplete="off" id={id.clone()} min="0" max="100" step="1" value={now.to_string()}
                            class="value-input" data-testid={id} {onchange} /></td>
                        <td class="model-value">{ model_value(now != was, &was.to_string()) }</td>
                    </tr>
                }
            });
            html! {
                <table key={spec.id.clone()} class="values-table">
                    <caption>{ &spec.label }</caption>
                    <thead><tr><th scope="col">{ text::OPTION_HEADING }</th><th scope="col">{ text::VALUE_HEADING }</th><th scope="col">{ text::MODEL_HEADING }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            }
        });
        html! { <>{ for tables }</> }
    });

    html! {
        <section class="assumptions" id="assumptions" aria-labelledby="assumptions-heading" data-testid="assumptions">
            <h2 id="assumptions-heading" tabindex="-1">{ text::ASSUMPTIONS_HEADING }</h2>
            <p class="assumption-note"><span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ " " }{ text::ASSUMPTIONS_INTRO }</p>
            <div class="edit-summary" data-testid="edit-summary">
                <p role="status">{ if count == 0 {
                    format!("{} {}.", text::EDITS_NONE, scenario.meta.version)
                } else {
                    format!("{count} {} {}.", if count == 1 { text::EDITS_ONE } else { text::EDITS_MANY }, scenario.meta.version)
                } }</p>
                <div class="edit-actions">
                    <button type="button" onclick={on_reset_all} disabled={count == 0} data-testid="reset-all">{ text::RESET_ALL }</button>
                    <button type="button" onclick={on_download} data-testid="download-assumptions">{ text::DOWNLOAD_ASSUMPTIONS }</button>
                    <label class="file-button">{ text::LOAD_ASSUMPTIONS }
                        <input type="file" accept=".json,application/json" onchange={on_file} data-testid="load-assumptions" /></label>
                </div>
                if !file_problems.is_empty() {
                    <div class="input-error" role="alert" data-testid="assumptions-file-problems">
                        <p>{ text::FILE_NOT_APPLIED }</p>
                        <ul>{ for file_problems.iter().map(|problem| html! { <li>{ problem }</li> }) }</ul>
                    </div>
                }
            </div>
            <details class="editor" data-testid="editor" open={open_at_start} ontoggle={on_editor_toggle}>
            <summary>{ text::EDITOR_SUMMARY }</summary>
            if editor_opened || open_at_start {
            <fieldset class="party-picker">
                <legend>{ text::EDIT_PARTY }</legend>
                { for scenario.parties.iter().enumerate().map(|(index, spec)| html! {
                    <label key={spec.id.clone()} class={classes!("party-choice", format!("party-{}", spec.id))}>
                        <input type="radio" autocomplete="off" name="edit-party" value={spec.id.clone()} checked={index == p}
                            data-testid={format!("edit-party-{}", spec.id)} onchange={on_party(index)} />
                        { &spec.name }
                        if edits.party(index).is_some() { <span class="edited-mark">{ text::EDITED_MARK }</span> }
                    </label>
                }) }
            </fieldset>
            if let Some(reason) = &*message {
                <p class="input-error" role="alert" data-testid="edit-message">{ reason }</p>
            }
            <div class={classes!("party-editor", format!("party-{}", party_spec.id))} data-testid="party-editor">
                <div class={classes!("edit-row", party_edits.reservation.is_some().then_some("edited"))}>
                    <label for="walk-away-input">{ format!("{}: {}", party_spec.name, text::WALK_AWAY) }</label>
                    <input type="range" autocomplete="off" id="walk-away-input" min="0" max="100" step="1" value={points_text(reservation)}
                        data-testid="walk-away-input" oninput={on_reservation} />
                    <output for="walk-away-input" class="num" data-testid={format!("walk-away-{}", party_spec.id)}>{ points_text(reservation) }</output>
                    <span class="model-value">{ model_value(party_edits.reservation.is_some(), &points_text(model.parties[p].reservation)) }</span>
                    if party_edits.reservation.is_some() {
                        <button type="button" class="reset-one" onclick={on_reset_reservation}>{ text::RESET }</button>
                    }
                </div>
                <fieldset class="weights-editor">
                    <legend>{ format!("{}: {}", party_spec.name, text::WEIGHTS_LEGEND) }</legend>
                    <p class="rule">{ text::WEIGHTS_RULE }</p>
                    { for weight_rows }
                    <button type="button" onclick={on_reset_weights} disabled={party_edits.weights.is_none()}>{ text::RESET_WEIGHTS }</button>
                </fieldset>
                <fieldset class="red-lines-editor">
                    <legend>{ format!("{}: {}", party_spec.name, text::RED_LINES_LEGEND) }</legend>
                    if party_spec.red_lines.is_empty() { <p>{ text::NO_RED_LINES }</p> }
                    { for red_line_rows }
                </fieldset>
                <details class="values-editor" ontoggle={on_values_toggle}>
                    <summary>{ format!("{}: {}", party_spec.name, text::VALUES_SUMMARY) }</summary>
                    <p class="rule">{ text::VALUES_RULE }</p>
                    { value_tables.unwrap_or_default() }
                </details>
                <button type="button" onclick={on_reset_party} disabled={edits.party(p).is_none()} data-testid="reset-party">
                    { format!("{} {}", text::RESET_PARTY, party_spec.name) }</button>
            </div>
            }
            </details>
            <div class="table-scroll" tabindex="0" role="region" aria-label={text::WEIGHTS_CAPTION}>
                <table class="weights-table">
                    <caption>{ text::WEIGHTS_CAPTION }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ text::PROVISION_HEADING }</th>
                            { for scenario.parties.iter().map(|party| html! { <th scope="col" class="num">{ &party.name }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="walk-away-row">
                            <th scope="row">{ text::WALK_AWAY }</th>
                            { for scenario.assumptions.parties.iter().zip(&model.parties).map(|(now, was)| html! {
                                <td class={classes!("num", (now.reservation != was.reservation).then_some("edited"))}>{ points_text(now.reservation) }</td>
                            }) }
                        </tr>
                        { for scenario.issues.iter().enumerate().map(|(issue, spec)| html! {
                            <tr key={spec.id.clone()}>
                                <th scope="row">{ &spec.label }</th>
                                { for scenario.assumptions.parties.iter().zip(&model.parties).map(|(now, was)| html! {
                                    <td class={classes!("num", (now.weights[issue] != was.weights[issue]).then_some("edited"))}>{ now.weights[issue] }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="party-assumptions">
                { for scenario.parties.iter().zip(&model.parties).map(|(party, assumed)| html! {
                    <details key={party.id.clone()}>
                        <summary>{ format!("{}: {} {}", party.name, text::WHY_PREFIX, text::WHY_SUFFIX) }</summary>
                        <p><strong>{ format!("{} {}. ", text::WALK_AWAY, points_text(assumed.reservation)) }</strong>
                            { cited_text(scenario, &assumed.reservation_rationale) }</p>
                        <p><strong>{ format!("{}. ", text::WEIGHTS) }</strong>
                            { cited_text(scenario, &assumed.weights_rationale) }</p>
                        if party.red_lines.is_empty() {
                            <p>{ text::NO_RED_LINES }</p>
                        } else {
                            <p>{ format!("{}: ", text::RED_LINES_MODELLED) }
                                { party.red_lines.iter().map(|line| scenario.issues[line.issue].label.clone()).collect::<Vec<_>>().join("; ") }
                            </p>
                        }
                    </details>
                }) }
            </div>
            <details class="silent-assumptions">
                <summary>{ text::WHEN_SILENT_HEADING }</summary>
                <dl>
                    { for scenario.issues.iter().zip(&model.when_silent).map(|(spec, silent)| html! {
                        <>
                            <dt>{ format!("{}: {}", spec.label, spec.options[silent.option].label) }</dt>
                            <dd>{ cited_text(scenario, &silent.rationale) }</dd>
                        </>
                    }) }
                </dl>
            </details>
        </section>
    }
}

/// Which verdicts survive a change of one weight, per party (`flips`: what one weight would
/// change for the package on screen, once the worker has said). Apart from the editor, so that
/// the worker's answer after each click re-renders these four lines, not the editor; a function
/// rather than a component, since a component costs the page's wasm about 2 KiB of Yew's code.
///
/// `failed`: the analysis is not running (its panel says why), so nothing is on its way.
pub fn verdict_flips(
    scenario: &ScenarioRef,
    flips: Option<&Vec<PartyFlips>>,
    fresh: bool,
    failed: bool,
) -> Html {
    let flips = flips.filter(|_| fresh || !failed);
    html! {
        <section class="verdict-flips" aria-labelledby="flips-heading" aria-busy={(!fresh && !failed).to_string()}>
            <h2 id="flips-heading">{ text::FLIPS_HEADING }</h2>
            <p class="rule"><span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>{ " " }{ text::FLIPS_INTRO }</p>
            { match flips {
                // The flips of the package before a change stay in place, hidden
                // (`.flips-stale`), until the new ones arrive: their words then change in place,
                // where taking the list out and putting it back laid it out twice per click.
                Some(flips) => html! {
                    <ul class={classes!("flips", (!fresh).then_some("flips-stale"))} data-testid="flips">
                        { for flips.iter().enumerate().map(|(index, flip)| html! {
                            <li key={index} class={format!("party-{}", scenario.parties[index].id)}>
                                <strong>{ format!("{}: ", scenario.parties[index].name) }</strong>
                                { format!("{}. {}.", flip.balance.words(scenario, index, Verdict::Balance),
                                    flip.acceptance.words(scenario, index, Verdict::Acceptance)) }
                            </li>
                        }) }
                    </ul>
                },
                None if failed => html! { <p class="flips-unavailable">{ text::FLIPS_UNAVAILABLE }</p> },
                None => html! { <p class="updating">{ text::FLIPS_PENDING }</p> },
            } }
        </section>
    }
}

/// The model's value beside an edited one, or just the model's value: "edited · model: 9 %".
fn model_value(edited: bool, model: &str) -> String {
    if edited {
        format!("{} · {} {model}", text::EDITED_MARK, text::MODEL_PREFIX)
    } else {
        format!("{} {model}", text::MODEL_PREFIX)
    }
}
