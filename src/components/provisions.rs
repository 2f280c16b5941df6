//! The provision controls, one fieldset per issue, grouped by theme: radio groups for ladders, a
//! native select for long ladders, and a range plus number input for numeric issues, each with
//! the documents that took each option and an info disclosure with meanings and sources.

use scoring::provenance::Origin;
use scoring::score::format_amount;
use scoring::{Choice, Theme};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::browser;
use crate::components::disclosure::use_opened;
use crate::components::sources::{SourceLinks, caution, cited_text};
use crate::state::{Action, AppState, ScenarioRef};
use crate::text;

/// Ladders longer than this are shown as a native select rather than radio buttons.
const LONGEST_RADIO_LADDER: usize = 6;

pub struct ProvisionsProps {
    pub scenario: ScenarioRef,
    pub package: scoring::Package,
    pub previous: scoring::Package,
    /// Where each provision's choice comes from.
    pub origins: Vec<Origin>,
    pub base_document: Option<usize>,
    pub dispatch: UseReducerDispatcher<AppState>,
    /// How many issues to draw, in the page's order (themes in order, issues in the model's
    /// order within each): the first render comes in parts (app.rs), the later ones whole.
    pub shown: usize,
}

/// Every provision's control, by theme, with the themes' navigation. A function, not a
/// component: `App` draws it on every change of the package, which changes its props anyway,
/// and a component type costs the page's wasm about 2 KiB of Yew's generic code. Each issue's
/// control is a memoised component, so only the changed ones are drawn again.
pub fn provisions(props: &ProvisionsProps) -> Html {
    let scenario = &props.scenario;
    let themes: Vec<Theme> = Theme::ALL
        .into_iter()
        .filter(|&theme| scenario.issues.iter().any(|issue| issue.theme == theme))
        .collect();
    html! {
        <>
            <nav class="theme-nav" aria-label={text::THEME_NAV}>
                { for themes.iter().map(|&theme| {
                    let target = format!("theme-{}", theme.id());
                    html! {
                        <button type="button" class="theme-link" onclick={Callback::from(move |_: MouseEvent| browser::focus(&target))}>
                            { theme.label() }
                        </button>
                    }
                }) }
            </nav>
            { for Theme::ALL.into_iter().scan(props.shown, |left, theme| {
                let issues: Vec<usize> = (0..scenario.issues.len())
                    .filter(|&issue| scenario.issues[issue].theme == theme)
                    .take(*left)
                    .collect();
                *left -= issues.len();
                Some((theme, issues))
            }).map(|(theme, issues)| {
                if issues.is_empty() {
                    return Html::default();
                }
                // The heading and the issues are one keyed list. The first render adds issues
                // part by part; with an unkeyed heading before them, Yew matched the grown
                // list by position from its end and each part re-created every fieldset of
                // the theme (measured: 20 fieldsets drawn 55 times).
                let heading = html! {
                    <h2 key="heading" id={format!("theme-{}", theme.id())} tabindex="-1">{ theme.label() }</h2>
                };
                html! {
                    <section class="theme" aria-labelledby={format!("theme-{}", theme.id())} key={theme.id()}>
                        { for std::iter::once(heading).chain(issues.into_iter().map(|issue| {
                            let choice = props.package.choice(issue);
                            let changed = choice != props.previous.choice(issue);
                            html! {
                                <IssueControl
                                    key={scenario.issues[issue].id.clone()}
                                    scenario={scenario.clone()}
                                    {issue}
                                    {choice}
                                    highlight={changed}
                                    origin={props.origins[issue]}
                                    base_document={props.base_document}
                                    dispatch={props.dispatch.clone()}
                                />
                            }
                        })) }
                    </section>
                }
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct IssueControlProps {
    pub scenario: ScenarioRef,
    pub issue: usize,
    pub choice: Choice,
    /// Whether the last change touched this issue (marked until the next change).
    pub highlight: bool,
    /// Where the choice comes from: a text (with its position, sources and caveats), an
    /// assumption, or the user.
    pub origin: Origin,
    /// The document the package was loaded from, named where it is silent.
    pub base_document: Option<usize>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// What the package's texts say on an issue, or what is assumed and why, shown with the
/// control: the position's option, note, sources and caution, or the when-silent assumption.
fn provenance_note(
    scenario: &ScenarioRef,
    issue: usize,
    choice: Choice,
    origin: Origin,
    base_document: Option<usize>,
) -> Html {
    let spec = &scenario.issues[issue];
    let label = scoring::share::describe_choice(scenario, issue, choice);
    let silent = &scenario.assumptions.when_silent[issue];
    let assumed = |lead: String, shown: String, why: &str| {
        html! {
            <div class="provenance provenance-assumed" data-testid="assumed">
                <p>
                    { lead }{ " " }<strong>{ text::ASSUMED }</strong>{ " " }<strong>{ shown }</strong>
                    { format!(" — {why} ") }
                    <span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>
                </p>
            </div>
        }
    };
    match origin {
        Origin::Stated { document } => {
            let spec_document = &scenario.documents[document];
            let Some(position) = spec_document.positions[issue].as_ref() else {
                return Html::default();
            };
            html! {
                <div class="provenance provenance-stated" data-testid="stated">
                    <p>
                        { format!("{} {} ", spec_document.title, text::WHAT_SAYS_SUFFIX) }
                        <strong>{ label }</strong>
                        if !position.note.is_empty() {
                            { " — " }{ cited_text(scenario, &position.note) }
                        }
                        { " " }
                        <SourceLinks scenario={scenario.clone()} sources={position.sources.clone()} />
                    </p>
                    { caution(scenario, &position.sources, &position.caution) }
                </div>
            }
        }
        Origin::Silent => assumed(
            base_document.map_or_else(
                || text::NO_TEXT_SETTLES.to_string(),
                |document| {
                    format!(
                        "{} {}",
                        scenario.documents[document].title,
                        text::SAYS_NOTHING
                    )
                },
            ),
            spec.options[silent.option].label.clone(),
            &silent.rationale,
        ),
        Origin::Removed { document } => assumed(
            format!(
                "{} {}",
                scenario.documents[document].title,
                text::DROPS_PROVISION
            ),
            spec.options[silent.option].label.clone(),
            &silent.rationale,
        ),
        Origin::Open { document } => assumed(
            format!(
                "{} {}",
                scenario.documents[document].title,
                text::LEAVES_OPEN
            ),
            label,
            text::OPEN_RATIONALE,
        ),
        Origin::Chosen => Html::default(),
    }
}

/// The comparison's table.
fn comparison_body(scenario: &ScenarioRef, issue: usize) -> Html {
    let Some(comparison) = &scenario.issues[issue].comparison else {
        return Html::default();
    };
    html! {
            <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{}: {}", scenario.issues[issue].label, text::COMPARISON_TABLE)}>
                <table>
                    <thead><tr>
                        <th scope="col"><span class="visually-hidden">{ text::ASPECT }</span></th>
                        { for comparison.columns.iter().map(|column| html! { <th scope="col">{ column }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for comparison.rows.iter().map(|row| html! {
                            <tr>
                                <th scope="row">{ &row.aspect }</th>
                                { for row.cells.iter().map(|cell| html! {
                                    <td>
                                        { cited_text(scenario, &cell.text) }
                                        { " " }
                                        <SourceLinks scenario={scenario.clone()} sources={cell.sources.clone()} compact=true />
                                    </td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
    }
}

/// The sourced comparison of an issue (the seed article's guarantee comparison) as a table.
fn comparison_table(
    scenario: &ScenarioRef,
    issue: usize,
    opened: bool,
    ontoggle: Callback<Event>,
) -> Html {
    let Some(comparison) = &scenario.issues[issue].comparison else {
        return Html::default();
    };
    html! {
        <details class="comparison" data-testid="comparison" {ontoggle}>
            <summary>{ &comparison.title }</summary>
            if opened {
                { comparison_body(scenario, issue) }
            }
        </details>
    }
}

/// Short "taken by" text for an option: the titles of the documents that took it.
fn taken_by(scenario: &scoring::Scenario, issue: usize, option: usize) -> Vec<String> {
    scenario
        .documents_taking(issue, option)
        .map(|document| {
            let document = &scenario.documents[document];
            format!("{} ({})", document.title, &document.date[..4])
        })
        .collect()
}

#[component]
pub fn IssueControl(props: &IssueControlProps) -> Html {
    let (about_opened, toggle_about) = use_opened();
    let (comparison_opened, toggle_comparison) = use_opened();
    // The select of a long ladder (`ladder_select`), kept at the package's option: a browser
    // keeps a select's own value when only the `selected` attributes change.
    let select_node = use_node_ref();
    let typed_error = use_state(|| None::<String>);
    {
        let node = select_node.clone();
        let selected = match props.choice {
            Choice::Option(option) => Some(option),
            Choice::Amount(_) => None,
        };
        use_effect_with(selected, move |selected| {
            if let Some(option) = selected {
                browser::set_select_value(&node, &option.to_string());
            }
        });
    }
    let scenario = &props.scenario;
    let issue = props.issue;
    let spec = &scenario.issues[issue];
    let dom_id = format!("issue-{}", spec.id);
    let highlight = props.highlight.then_some("changed");

    let control = if spec.scale.is_some() {
        numeric_control(props, &typed_error)
    } else if spec.options.len() > LONGEST_RADIO_LADDER {
        ladder_select(props, &select_node)
    } else {
        radio_options(
            scenario,
            issue,
            props.choice,
            &props.dispatch,
            &(0..spec.options.len()).collect::<Vec<_>>(),
        )
    };

    html! {
        <fieldset id={dom_id.clone()} class={classes!("issue", highlight)} tabindex="-1">
            <legend>{ &spec.label }</legend>
            <p class="issue-description">{ cited_text(scenario, &spec.description) }</p>
            { provenance_note(scenario, issue, props.choice, props.origin, props.base_document) }
            { control }
            { comparison_table(scenario, issue, comparison_opened, toggle_comparison) }
            <details class="info" ontoggle={toggle_about}>
                <summary>{ text::ABOUT_ISSUE }</summary>
                if about_opened {
                    { about_issue(scenario, issue) }
                }
            </details>
        </fieldset>
    }
}

/// The "About this provision" panel: notes, every option's meaning, who took it, its values and
/// their rationale, and the issue's sources.
fn about_issue(scenario: &ScenarioRef, issue: usize) -> Html {
    let spec = &scenario.issues[issue];
    html! {
        <>
            if let Some(notes) = &spec.notes {
                <p>{ cited_text(scenario, notes) }</p>
            }
            <dl class="option-meanings">
                { for spec.options.iter().enumerate().map(|(option, spec_option)| {
                    let documents = taken_by(scenario, issue, option);
                    html! {
                        <>
                            <dt>{ &spec_option.label }</dt>
                            <dd>
                                { cited_text(scenario, &spec_option.meaning) }
                                <br />
                                <span class="taken-by">{ format!("{}: {}", text::TAKEN_BY, if documents.is_empty() { text::TAKEN_BY_NONE.to_string() } else { documents.join("; ") }) }</span>
                                <span class="option-values">
                                    <br />
                                    <span class="assumption-tag">{ text::ASSUMPTION_BADGE }</span>
                                    { format!(" {} — ", value_summary(scenario, issue, option)) }
                                    { cited_text(scenario, &scenario.assumptions.values[issue][option].rationale) }
                                </span>
                            </dd>
                        </>
                    }
                }) }
            </dl>
            <div class="issue-sources">{ format!("{}: ", text::SOURCES) }<SourceLinks scenario={scenario.clone()} sources={spec.sources.clone()} /></div>
        </>
    }
}

/// "Values: Ukraine 100, Russia 0, …" for one option.
fn value_summary(scenario: &scoring::Scenario, issue: usize, option: usize) -> String {
    let values: Vec<String> = scenario
        .parties
        .iter()
        .zip(&scenario.assumptions.values[issue][option].values)
        .map(|(party, value)| format!("{} {value}", party.name))
        .collect();
    format!("values: {}", values.join(", "))
}

/// Options of an issue as a native radio group, each with the documents that took it. Used
/// for whole ladders and for the off-scale options of numeric issues.
fn radio_options(
    scenario: &scoring::Scenario,
    issue: usize,
    choice: Choice,
    dispatch: &UseReducerDispatcher<AppState>,
    options: &[usize],
) -> Html {
    let spec = &scenario.issues[issue];
    html! {
        <div class="options" role="presentation">
            { for options.iter().map(|&option| {
                let input_id = format!("option-{}-{}", spec.id, spec.options[option].id);
                let documents = taken_by(scenario, issue, option);
                let dispatch = dispatch.clone();
                let onchange = Callback::from(move |_: Event| {
                    in_next_frame(&dispatch, Action::ChooseOption { issue, option })
                });
                // `autocomplete="off"` on every control: the link holds the state, so the browser
                // need not save the controls' state into the history entry at each address write
                // (that made each write 0.3–0.6 ms slower at 1×, with 85 controls), nor restore it
                // over the link's on Back.
                html! {
                    <div class="option" key={spec.options[option].id.clone()}>
                        <input type="radio" autocomplete="off" id={input_id.clone()} name={format!("issue-{}", spec.id)}
                            value={spec.options[option].id.clone()}
                            checked={choice == Choice::Option(option)} {onchange} />
                        <label for={input_id}>
                            <span class="option-label">{ &spec.options[option].label }</span>
                            if !documents.is_empty() {
                                <span class="taken-by">{ format!("{}: {}", text::TAKEN_BY, documents.join("; ")) }</span>
                            }
                        </label>
                    </div>
                }
            }) }
        </div>
    }
}

/// A long ladder as a native select, kept in step with the state through a node ref.
/// A long ladder as a native select. A function over the issue control's hook (`node`, which
/// keeps the select's value in step), not a component: a component costs the page's wasm about
/// 2 KiB of Yew's generic code.
fn ladder_select(props: &IssueControlProps, node: &NodeRef) -> Html {
    let scenario = &props.scenario;
    let issue = props.issue;
    let spec = &scenario.issues[issue];
    let select_id = format!("select-{}", spec.id);
    let dispatch = props.dispatch.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        if let Ok(option) = select.value().parse::<usize>() {
            in_next_frame(&dispatch, Action::ChooseOption { issue, option });
        }
    });
    let selected = match props.choice {
        Choice::Option(option) => Some(option),
        Choice::Amount(_) => None,
    };
    let documents = selected
        .map(|option| taken_by(scenario, issue, option))
        .unwrap_or_default();
    html! {
        <div class="select-control">
            <label for={select_id.clone()} class="visually-hidden">{ &spec.label }</label>
            <select autocomplete="off" id={select_id} ref={node.clone()} {onchange}>
                { for spec.options.iter().enumerate().map(|(option, spec_option)| html! {
                    <option value={option.to_string()} selected={selected == Some(option)}>{ &spec_option.label }</option>
                }) }
            </select>
            <p class="taken-by">{ format!("{}: {}", text::TAKEN_BY, if documents.is_empty() { text::TAKEN_BY_NONE.to_string() } else { documents.join("; ") }) }</p>
        </div>
    }
}

/// A provision's change, applied in the next frame, before its rendering: the page is then
/// drawn and laid out once, in that frame. Applied in the input's own task, the change was
/// laid out there and again by the browser's handling of the mouse release, and at 4× CPU
/// that task was often over 50 ms (measured over 40 paced clicks on a loaded machine: 10, 19,
/// 19 and 27 long tasks against 9, 10, 10 and 13).
fn in_next_frame(dispatch: &UseReducerDispatcher<AppState>, action: Action) {
    let dispatch = dispatch.clone();
    browser::in_next_frame(move || dispatch.dispatch(action));
}

/// A callback that sets `issue` to the amount in the event's input element.
fn amount_callback<E: AsRef<web_sys::Event> + 'static>(
    dispatch: &UseReducerDispatcher<AppState>,
    issue: usize,
    commit: bool,
) -> Callback<E> {
    let dispatch = dispatch.clone();
    Callback::from(move |event: E| {
        let Some(input) = event
            .as_ref()
            .target()
            .and_then(|target| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(target).ok())
        else {
            return;
        };
        if let Ok(amount) = input.value().parse::<i64>() {
            in_next_frame(
                &dispatch,
                Action::SetAmount {
                    issue,
                    amount,
                    commit,
                },
            );
        }
    })
}

/// Off-scale options as radios, then the scale: a range input, a number input that accepts
/// typed values, and the documented reference points as buttons labelled by their documents.
/// A numeric issue: its off-scale options, a range and a number input. A function over the
/// issue control's hook (`typed_error`: what the number field refused), not a component.
fn numeric_control(
    props: &IssueControlProps,
    typed_error: &UseStateHandle<Option<String>>,
) -> Html {
    let scenario = &props.scenario;
    let issue = props.issue;
    let spec = &scenario.issues[issue];
    let scale = spec.scale.as_ref().expect("numeric issues have a scale");
    let typed_error = typed_error.clone();
    let amount = scenario.amount_of(issue, props.choice);
    let on_scale = amount.is_some();
    // Off the scale, the slider rests at the last documented amount so that one click moves it.
    let shown = amount.unwrap_or(scale.max);
    let unit = scale.unit.clone();
    let off_scale: Vec<usize> = spec
        .options
        .iter()
        .enumerate()
        .filter(|(_, option)| option.at.is_none())
        .map(|(index, _)| index)
        .collect();

    let range_id = format!("range-{}", spec.id);
    let number_id = format!("number-{}", spec.id);
    // Dragging updates the scores on every step; the live region waits for the change event.
    let oninput = amount_callback::<InputEvent>(&props.dispatch, issue, false);
    let onchange_range = amount_callback::<Event>(&props.dispatch, issue, true);
    let dispatch = props.dispatch.clone();
    let (min, max) = (scale.min, scale.max);
    let error_state = typed_error.clone();
    let unit_for_error = unit.clone();
    let onchange_number = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        let raw = input.value();
        match raw.trim().replace([',', ' ', '_'], "").parse::<i64>() {
            Ok(amount) if (min..=max).contains(&amount) => {
                error_state.set(None);
                in_next_frame(
                    &dispatch,
                    Action::SetAmount {
                        issue,
                        amount,
                        commit: true,
                    },
                );
            }
            _ => error_state.set(Some(format!(
                "Enter a whole number from {} to {} {}; the value was not changed.",
                format_amount(min),
                format_amount(max),
                unit_for_error
            ))),
        }
    });
    let error_id = format!("number-error-{}", spec.id);

    html! {
        <div class="numeric">
            { radio_options(scenario, issue, props.choice, &props.dispatch, &off_scale) }
            <div class={classes!("scale", (!on_scale).then_some("scale-inactive"))}>
                <label for={range_id.clone()} class="scale-label">{ &scale.label }</label>
                <div class="scale-inputs">
                    <input type="range" autocomplete="off" id={range_id} min={scale.min.to_string()} max={scale.max.to_string()}
                        step={scale.step.to_string()} value={shown.to_string()}
                        aria-valuetext={format!("{} {}", format_amount(shown), unit)}
                        {oninput} onchange={onchange_range} />
                    <input type="number" autocomplete="off" id={number_id.clone()} class="amount-input" min={scale.min.to_string()}
                        max={scale.max.to_string()} step="1" value={shown.to_string()}
                        aria-label={format!("{} ({})", scale.label, unit)}
                        aria-describedby={typed_error.is_some().then(|| error_id.clone())}
                        onchange={onchange_number} />
                    <span class="unit" aria-hidden="true">{ &unit }</span>
                </div>
                if let Some(message) = &*typed_error {
                    <p class="input-error" id={error_id} role="alert">{ message }</p>
                }
                <p class="refs-heading">{ text::REFERENCE_POINTS }</p>
                <ul class="refs">
                    { for scale.points.iter().map(|&(at, option)| {
                        let documents = taken_by(scenario, issue, option);
                        let dispatch = props.dispatch.clone();
                        let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ChooseOption { issue, option }));
                        let current = props.choice == Choice::Option(option);
                        html! {
                            <li key={spec.options[option].id.clone()}>
                                <button type="button" class={classes!("ref", current.then_some("ref-current"))}
                                    aria-pressed={current.to_string()} {onclick}>
                                    <span class="ref-amount">{ format!("{} {}", format_amount(at), unit) }</span>
                                    <span class="option-label">{ format!(" — {}", spec.options[option].label) }</span>
                                </button>
                                if !documents.is_empty() {
                                    <span class="taken-by">{ format!("{}: {}", text::TAKEN_BY, documents.join("; ")) }</span>
                                }
                            </li>
                        }
                    }) }
                </ul>
            </div>
        </div>
    }
}
