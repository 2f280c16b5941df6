//! `<App/>`: owns the reducer for one model, keeps the URL in step with the package (through
//! browser.rs and the core's codec only), computes the scores during render and lays out the
//! page's top: the header, the provisions and the balance. `<Root/>` (loader.rs) mounts it
//! once the model a link names is loaded. The analysis, the assumptions editor and the footer
//! are the panels' (panels.rs, a second wasm): App publishes its link for them and takes the
//! changes and the robustness bands they send.

use scoring::{Decoded, decode, link_model};
use yew::prelude::*;

use crate::browser::{self, Ask};
use crate::components::balance::BalancePanel;
use crate::components::header::Header;
use crate::components::notice::{link_problems, model_notice};
use crate::components::provisions::{ProvisionsProps, provisions};
use crate::loader::ModelRequest;
use crate::state::{Action, AppState, ScenarioRef, UrlWrite};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub scenario: ScenarioRef,
    /// The link the page opened (or the package carried over from another model).
    pub decoded: Decoded,
    /// Write the opened package's link as a new history entry (after a change of model).
    pub push: bool,
    pub on_request: Callback<ModelRequest>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let scenario = props.scenario.clone();
        let decoded = props.decoded.clone();
        use_reducer(move || AppState::open_with(scenario, decoded))
    };

    // The page is drawn: the skeleton goes (style.css already hides it from the app's first frame).
    use_effect_with((), |_| browser::hide_skeleton());

    // The first render comes in parts, one per frame: the header (and the balance where it
    // stands beside the provisions), then a few issues at a time. Drawn at once, the page was
    // one task that Lighthouse's mobile run puts at 230–350 ms, in which nothing could be
    // clicked; in parts its longest is about 110 ms, and the top of the page, which the first
    // screen shows, is painted first. Later renders are whole. Once the last part is drawn, `www/boot.js`
    // starts the panels (`browser::mark_drawn`).
    let issues = state.scenario.issues.len();
    let part = use_state(|| 0usize);
    {
        let part = part.clone();
        let dispatch = state.dispatcher();
        use_effect_with(*part, move |&drawn| {
            if drawn < last_part(issues) {
                wasm_bindgen_futures::spawn_local(async move {
                    browser::after_next_paint().await;
                    part.set(drawn + 1);
                });
            } else {
                browser::mark_drawn();
                // A rehearsal, once the browser is idle: a change drawn, laid out and undone in
                // one task, before any paint, with nothing published, announced or written. The
                // browser compiles the page's code as it first runs, and a change runs code that
                // loading does not; the first layout of a change's marks is slower too. At 4×
                // CPU the first click took 64–80 ms with it and 88–96 without (five runs each,
                // taking turns), and its frame ran past 50 ms in 2 runs of 5 against 5 of 5.
                browser::when_idle(move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        browser::set_unseen(true);
                        dispatch.dispatch(Action::Rehearse);
                        browser::microtask().await;
                        browser::lay_out();
                        dispatch.dispatch(Action::EndRehearsal);
                        browser::microtask().await;
                        browser::set_unseen(false);
                    })
                });
            }
        });
    }
    let shown = (FIRST_ISSUES + *part * ISSUES_PER_PART).min(issues);
    // Beside the provisions (wide screens) the balance is in the first screen, so it is in the
    // first part; below them (phones, with the bar in view) it comes with the last issues, or
    // each part would push it down while it is on screen.
    let beside = use_memo((), |_| browser::matches_media(WIDE_LAYOUT));
    let balance_drawn = *beside || shown == issues;

    // The link of what is on screen: written into the address bar, and published for the
    // panels (`browser::publish`, with the provisions that are assumed, which a link does not
    // say once a text is applied on top) in the task of the change; they follow it once its
    // frame is painted.
    let link = use_memo(
        (
            state.scenario.clone(),
            state.package.clone(),
            state.base_document,
            state.compare.clone(),
        ),
        |(scenario, package, from, compare)| scenario.link(package, *from, compare),
    );
    let mut assumed = String::new();
    for (issue, origin) in state.origins.iter().enumerate() {
        if origin.is_assumed() {
            assumed += &format!("{issue},");
        }
    }
    use_effect_with((link.clone(), assumed), |(link, assumed)| {
        browser::publish(&browser::Published {
            link: link.to_string(),
            assumed: assumed.clone(),
        })
    });
    use_effect_with(state.explained_party, |&party| {
        browser::publish_explained(party)
    });
    // The package's own link (no text, no comparison): what the panels' robustness bands are
    // for, made the same way by both apps.
    let package_link = use_memo(
        (state.scenario.clone(), state.package.clone()),
        |(scenario, package)| scenario.link(package, None, &[]),
    );

    // A package carried over from another model gets its own link, as a new history entry.
    {
        let link = link.clone();
        use_effect_with(props.push, move |push| {
            if *push {
                browser::write_fragment(&link, true);
            }
        });
    }

    // Write the URL after each change of the package: replace for toggles, push for presets.
    // The compared packages change only by a link reopened (www/classroom.js), never here.
    {
        let link = link.clone();
        let url_write = state.url_write;
        use_effect_with(state.revision, move |_| {
            if url_write != UrlWrite::None {
                browser::write_fragment(&link, url_write == UrlWrite::Push);
            }
        });
    }

    // Back/forward (and a hand-edited fragment) reopen the state from the URL; a link made with
    // another model goes back to the loader.
    {
        let dispatch = state.dispatcher();
        let scenario = state.scenario.clone();
        let on_request = props.on_request.clone();
        use_effect_with((), move |_| {
            let listener = browser::listen_for_navigation(move |fragment| {
                if link_model(&fragment).model.version == scenario.meta.version {
                    dispatch.dispatch(Action::OpenLink {
                        decoded: decode(&scenario, &fragment),
                    })
                } else {
                    on_request.emit(ModelRequest::Open(fragment))
                }
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

    // What the panels ask for: a suggested package (a new history entry) or edited
    // assumptions, each carried by a link under this model, or to close the explanation of a
    // party's value, which they draw for the party this app says (its value buttons are here).
    {
        let dispatch = dispatch.clone();
        let scenario = state.scenario.clone();
        use_effect_with((), move |_| {
            let listener = browser::listen_for_asks(move |ask| {
                // A link made under another model (panels not yet on this app's) is not this
                // app's to open.
                let ours = |link: &str| link_model(link).model.version == scenario.meta.version;
                dispatch.dispatch(match ask {
                    Ask::Suggestion(link) if ours(&link) => Action::ApplySuggestion {
                        package: decode(&scenario, &link).package,
                    },
                    Ask::Edits(link) if ours(&link) => Action::EditAssumptions {
                        edits: decode(&scenario, &link).edits,
                    },
                    Ask::CloseExplanation => {
                        // The Close button goes with the explanation: the keyboard goes back
                        // to the value button that opened it (the party this app published).
                        if let Some(party) = browser::published_explained() {
                            browser::focus_soon(
                                format!("value-{}", scenario.parties[party].id).into(),
                            );
                        }
                        Action::ExplainValue { party: None }
                    }
                    _ => return,
                })
            });
            move || drop(listener)
        });
    }

    let on_use_current = {
        let on_request = props.on_request.clone();
        let from = state.scenario.rc().clone();
        let package = state.package.clone();
        Callback::from(move |_: MouseEvent| {
            on_request.emit(ModelRequest::UseCurrent {
                from: from.clone(),
                package: package.clone(),
            })
        })
    };

    let phone_bar = phone_bar(&state.scenario, &scores);
    // The edits in words change only with the edits, not with each toggle.
    let edit_lines = use_memo(state.scenario.clone(), |scenario| {
        scenario.edits().describe_by_party(scenario)
    });
    html! {
        <>
            <a class="skip-link" href="#balance" onclick={Callback::from(|event: MouseEvent| {
                // The fragment holds the package: move focus instead of following the link.
                event.prevent_default();
                browser::focus("balance");
            })}>{ text::SKIP_TO_BALANCE }</a>
            <Header scenario={state.scenario.clone()} package={state.package.clone()}
                base_document={state.base_document} applied={state.applied.clone()} compare={state.compare.clone()} dispatch={dispatch.clone()} />
            { model_notice(&state.scenario, &on_use_current) }
            { link_problems(&state.link_problems, &dispatch) }
            { edits_notice(&state.scenario, &edit_lines, &dispatch) }
            <div class="layout">
                <main id="provisions" class="provisions" aria-labelledby="provisions-heading">
                    <h2 id="provisions-heading" class="visually-hidden">{ text::PROVISIONS_HEADING }</h2>
                    { provisions(&ProvisionsProps {
                        scenario: state.scenario.clone(),
                        package: state.package.clone(),
                        previous: state.previous.clone(),
                        origins: state.origins.clone(),
                        base_document: state.base_document,
                        dispatch: dispatch.clone(),
                        shown,
                    }) }
                </main>
                <aside id="balance" class="balance" aria-labelledby="balance-heading" tabindex="-1">
                    if balance_drawn {
                        <BalancePanel scenario={state.scenario.clone()} package={state.package.clone()}
                            scores={scores.clone()} previous={previous.clone()} revision={state.revision}
                            origins={state.origins.clone()} base_document={state.base_document}
                            explained_party={state.explained_party}
                            link={package_link.clone()} dispatch={dispatch.clone()} />
                    }
                </aside>
            </div>
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcement">
                { &state.announcement }
            </div>
            { phone_bar }
        </>
    }
}

/// The media query of style.css under which the balance stands beside the provisions.
const WIDE_LAYOUT: &str = "(min-width: 60rem)";

/// Issues drawn by the first part of the first render, and by each part after it. The first
/// part draws the header alone: it is the first code to run, and the browser compiles what it
/// runs first, so it is the longest part. Lighthouse's mobile TBT over nine runs each: median
/// 152 ms with 3 and 3, 129 ms with 1 and 2; later, six runs each (alternating builds):
/// 12/16/18/21/25/32 ms with 1 and 2, 0/1/6/10/19/33 ms with 0 and 2.
const FIRST_ISSUES: usize = 0;
const ISSUES_PER_PART: usize = 2;

/// The part of the first render that draws the last issues: the page's first render is then
/// whole.
fn last_part(issues: usize) -> usize {
    issues
        .saturating_sub(FIRST_ISSUES)
        .div_ceil(ISSUES_PER_PART)
}

/// While the reader's own assumptions are in force, every number says so: the edits, each with
/// the model's value, and a way back to the model's.
fn edits_notice(
    scenario: &ScenarioRef,
    lines: &[(usize, String)],
    dispatch: &UseReducerDispatcher<AppState>,
) -> Html {
    if lines.is_empty() {
        return Html::default();
    }
    let reset = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::EditAssumptions {
                edits: scoring::Edits::none(),
            })
        })
    };
    html! {
        <section class="notice edits-notice" role="region" aria-labelledby="edits-notice-heading" data-testid="edits-notice">
            <h2 id="edits-notice-heading">{ format!("{} ({})", text::EDITS_NOTICE_HEADING, lines.len()) }</h2>
            <p>{ format!("{} {}.", text::EDITS_NOTICE_INTRO, scenario.meta.version) }</p>
            <ul>{ for lines.iter().map(|(party, line)| html! { <li class={format!("party-{}", scenario.parties[*party].id)}>{ line }</li> }) }</ul>
            <a href="#assumptions" onclick={Callback::from(|event: MouseEvent| {
                event.prevent_default();
                browser::focus("assumptions-heading");
            })}>{ text::EDITS_NOTICE_EDIT }</a>{ " " }
            <button type="button" class="button-secondary" onclick={reset} data-testid="edits-notice-reset">{ text::RESET_ALL }</button>
        </section>
    }
}

/// On phones, a bar fixed at the bottom of the screen with the balance and each party's
/// concession, rendered with the rest of the page so that it changes in the same frame as the
/// toggle; a tap moves to the full panel. Hidden on wide screens, where the panel stays in view.
fn phone_bar(scenario: &ScenarioRef, scores: &scoring::Scores) -> Html {
    use scoring::score::{format_points, format_signed_points};
    let balance = format_signed_points(scores.balance.points);
    let toward = if scores.balance.points.abs() < scoring::score::EVEN_BALANCE_POINTS {
        text::PHONE_BAR_EVEN.to_string()
    } else {
        let favoured = if scores.balance.points > 0.0 {
            scores.balance.second
        } else {
            scores.balance.first
        };
        format!(
            "{} {}",
            text::PHONE_BAR_TOWARD,
            scenario.parties[favoured].id.to_ascii_uppercase()
        )
    };
    let concessions: Vec<(String, String, String, String)> = scenario
        .parties
        .iter()
        .zip(&scores.parties)
        .map(|(party, score)| {
            (
                party.id.clone(),
                party.id.to_ascii_uppercase(),
                party.name.clone(),
                format_points(score.concession),
            )
        })
        .collect();
    html! {
        <button type="button" class="phone-bar" data-testid="phone-bar"
            onclick={Callback::from(|_: MouseEvent| browser::focus("balance"))}>
            <span class="visually-hidden">{ text::PHONE_BAR_BALANCE }</span>
            <span class="phone-bar-balance"><span class="phone-bar-label" data-testid="phone-bar-toward">{ toward }</span>
                <span class="num" data-testid="phone-bar-balance">{ balance }</span></span>
            <span class="visually-hidden">{ text::PHONE_BAR_CONCESSIONS }</span>
            { for concessions.into_iter().map(|(id, short, name, concession)| html! {
                <span class={classes!("phone-bar-party", format!("party-{id}"))}>
                    // The code fits the bar; a screen reader hears the name.
                    <span class="phone-bar-label" aria-hidden="true">{ short }</span>
                    <span class="visually-hidden">{ name }</span>
                    <span class="num" data-testid={format!("phone-bar-{id}")}>{ concession }</span>
                </span>
            }) }
            <span class="visually-hidden">{ text::PHONE_BAR_OPEN }</span>
        </button>
    }
}
