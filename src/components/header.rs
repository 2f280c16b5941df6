//! The header: title, the preset picker (every document with its date, nature, kind and how many
//! provisions it settles), the control that applies a partial text on top of the package, the
//! description of the document on screen with its sources, and the share button that copies
//! the exact link, with a visible confirmation.

use scoring::{DocumentKind, Package};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser;
use crate::components::analysis::suggestions::changes_list;
use crate::components::sources::{SourceLinks, caution, cited_text, format_date};
use crate::state::{Action, AppState, ScenarioRef};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub scenario: ScenarioRef,
    pub package: Package,
    pub base_document: Option<usize>,
    /// Partial documents applied on top since.
    pub applied: Vec<usize>,
    /// The packages compared side by side, which the copied link carries.
    pub compare: Vec<String>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// The picker's line for a document: "US 28-point plan — 20 Nov 2025, leaked draft, 20 of 20
/// provisions" (its kind is the group it is listed in).
fn picker_label(scenario: &ScenarioRef, document: usize) -> String {
    let spec = &scenario.documents[document];
    let settled = scenario.settled(document);
    format!(
        "{} — {}, {}; {settled} of {} provisions",
        spec.title,
        format_date(&spec.date),
        spec.nature.label(),
        scenario.issues.len()
    )
}

/// The picker's groups, in this order, each listing its documents by date (the model's order).
const PICKER_GROUPS: [(DocumentKind, &str); 4] = [
    (DocumentKind::Settlement, text::GROUP_SETTLEMENT),
    (DocumentKind::Revision, text::GROUP_REVISION),
    (DocumentKind::Combination, text::GROUP_COMBINATION),
    (DocumentKind::Partial, text::GROUP_PARTIAL),
];

#[derive(Clone, PartialEq)]
enum ShareStatus {
    Idle,
    Copied,
    Failed(String),
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let scenario = &props.scenario;
    let current = use_memo(
        (props.scenario.clone(), props.package.clone()),
        |(scenario, package)| scenario.matching(package),
    );
    let status = use_state_eq(|| ShareStatus::Idle);
    let select = use_node_ref();
    {
        let select = select.clone();
        let value = current.map_or_else(|| "custom".to_string(), |document| document.to_string());
        use_effect_with(value, move |value| {
            browser::set_select_value(&select, value)
        });
    }

    let dispatch = props.dispatch.clone();
    let onchange = Callback::from(move |event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        if let Ok(document) = select.value().parse::<usize>() {
            dispatch.dispatch(Action::LoadPreset { document });
        }
    });

    let link = scenario.link(&props.package, props.base_document, &props.compare);
    let onclick = {
        let status = status.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let url = browser::url_with_fragment(&link);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if browser::copy_to_clipboard(url.clone()).await {
                    status.set(ShareStatus::Copied);
                } else {
                    status.set(ShareStatus::Failed(url));
                }
            });
        })
    };
    // A stale confirmation would claim an older link was copied.
    {
        let status = status.clone();
        use_effect_with(props.package.clone(), move |_| {
            status.set(ShareStatus::Idle)
        });
    }

    // What changed from the document the package started from, provision by provision (none
    // while the package is a document's own).
    let changes: Vec<usize> = props
        .base_document
        .filter(|_| current.is_none())
        .map_or_else(Vec::new, |index| {
            let base = scenario.document_package(index);
            (0..scenario.issues.len())
                .filter(|&issue| base.choice(issue) != props.package.choice(issue))
                .collect()
        });
    let changes_words = |index: usize| {
        format!(
            "{}, {} {}",
            scenario.documents[index].title,
            changes.len(),
            if changes.len() == 1 {
                text::CHANGE
            } else {
                text::CHANGES
            }
        )
    };
    let based_on = props.base_document.map(|index| {
        let document = &scenario.documents[index];
        let showing = *current == props.base_document && props.applied.is_empty();
        let relation = match (document.kind, document.based_on) {
            (scoring::DocumentKind::Revision, Some(base)) => {
                format!(" {} {}.", text::REVISION_OF, scenario.documents[base].title)
            }
            (scoring::DocumentKind::Combination, Some(base)) => {
                let parts: Vec<&str> = document
                    .applies
                    .iter()
                    .map(|&part| scenario.documents[part].title.as_str())
                    .collect();
                format!(
                    " {} {} {} {}.",
                    text::COMBINATION_OF,
                    scenario.documents[base].title,
                    text::WITH_APPLIED,
                    parts.join(", ")
                )
            }
            _ => String::new(),
        };
        html! {
            <div class="based-on" data-testid="based-on">
                <p>
                    { if showing { text::SHOWING } else { text::STARTED_FROM } }{ " " }
                    <strong>{ &document.title }</strong>
                    { format!(" ({}, {}, {}).{relation} ", format_date(&document.date), document.nature.label(), document.kind.label()) }
                    { cited_text(scenario, &document.summary) }
                </p>
                if !changes.is_empty() {
                    <div data-testid="changes-from">
                        <p>{ format!("{}:", changes_words(index)) }</p>
                        { changes_list(scenario, &scenario.document_package(index), &props.package, &changes) }
                    </div>
                }
                if !props.applied.is_empty() {
                    <p>{ format!("{} {}.", text::APPLIED_ON_TOP, props.applied.iter().map(|&part| scenario.documents[part].title.as_str()).collect::<Vec<_>>().join(", ")) }</p>
                }
                <SourceLinks scenario={scenario.clone()} sources={document.sources.clone()} />
                { caution(scenario, &document.sources, &document.caution) }
            </div>
        }
    });
    let partials: Vec<usize> = (0..scenario.documents.len())
        .filter(|&document| scenario.documents[document].kind == scoring::DocumentKind::Partial)
        .collect();
    let apply_select = use_node_ref();
    let on_apply = {
        let dispatch = props.dispatch.clone();
        let apply_select = apply_select.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(select) = apply_select.cast::<HtmlSelectElement>()
                && let Ok(document) = select.value().parse::<usize>()
            {
                dispatch.dispatch(Action::ApplyDocument { document });
            }
        })
    };

    html! {
        <header class="site-header">
            <div class="header-controls">
                <div class="preset">
                    <label for="preset">{ text::PRESET_LABEL }</label>
                    <select id="preset" autocomplete="off" ref={select} {onchange}>
                        <option value="custom" selected={current.is_none()} disabled=true>
                            { props.base_document.filter(|_| !changes.is_empty()).map_or_else(|| text::PRESET_CUSTOM.to_string(), changes_words) }
                        </option>
                        { for PICKER_GROUPS.iter().map(|&(kind, group)| html! {
                            <optgroup label={group}>
                                { for (0..scenario.documents.len()).filter(|&index| scenario.documents[index].kind == kind).map(|index| html! {
                                    <option value={index.to_string()} selected={*current == Some(index)}>
                                        { picker_label(scenario, index) }
                                    </option>
                                }) }
                            </optgroup>
                        }) }
                    </select>
                </div>
                if !partials.is_empty() {
                    <div class="preset apply-partial">
                        <label for="apply-document">{ text::APPLY_PARTIAL_LABEL }</label>
                        <div class="apply-row">
                            <select id="apply-document" autocomplete="off" ref={apply_select}>
                                { for partials.iter().map(|&index| html! {
                                    <option value={index.to_string()}>{ picker_label(scenario, index) }</option>
                                }) }
                            </select>
                            <button type="button" class="button-secondary" id="apply-document-button" onclick={on_apply}>{ text::APPLY_PARTIAL }</button>
                        </div>
                    </div>
                }
                <div class="share">
                    <button type="button" class="button-primary" id="share" {onclick}>{ text::SHARE }</button>
                    // `www/qr.js` opens the QR code of the link the button holds (the worker
                    // draws it), in a dialog of index.html.
                    <button type="button" class="button-secondary" id="qr-button" aria-haspopup="dialog" data-link={link.clone()}>{ text::QR_BUTTON }</button>
                    <p class="share-status" role="status">
                        { match &*status {
                            ShareStatus::Idle => Html::default(),
                            ShareStatus::Copied => html! { { text::SHARE_COPIED } },
                            ShareStatus::Failed(url) => html! {
                                <>
                                    { text::SHARE_FAILED }
                                    <input class="share-fallback" type="text" readonly=true value={url.clone()} aria-label="Link to this package" />
                                </>
                            },
                        } }
                    </p>
                </div>
            </div>
            { based_on }
        </header>
    }
}
