//! The header: title, the preset picker (every document with its date and nature) and the share
//! button that copies the exact link, with a visible confirmation.

use scoring::Package;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser;
use crate::components::sources::SourceLinks;
use crate::state::{Action, AppState, ScenarioRef, matching_document};
use crate::text;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub scenario: ScenarioRef,
    pub package: Package,
    pub base_document: Option<usize>,
    pub dispatch: UseReducerDispatcher<AppState>,
}

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
        |(scenario, package)| matching_document(scenario, package),
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

    let onclick = {
        let status = status.clone();
        let link = scoring::encode(scenario, &props.package);
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

    let based_on = props.base_document.map(|document| {
        let document = &scenario.documents[document];
        html! {
            <p class="based-on">
                { if *current == props.base_document { "Showing: " } else { "Started from: " } }
                <strong>{ &document.title }</strong>
                { format!(" ({}, {}). {} ", document.date, document.nature.label(), document.summary) }
                <SourceLinks scenario={scenario.clone()} sources={document.sources.clone()} />
            </p>
        }
    });

    html! {
        <header class="site-header">
            <div class="title-block">
                <h1>{ text::TITLE }</h1>
                <p class="tagline">{ text::TAGLINE }</p>
            </div>
            <div class="header-controls">
                <div class="preset">
                    <label for="preset">{ text::PRESET_LABEL }</label>
                    <select id="preset" ref={select} {onchange}>
                        <option value="custom" selected={current.is_none()} disabled=true>{ text::PRESET_CUSTOM }</option>
                        { for scenario.documents.iter().enumerate().map(|(index, document)| html! {
                            <option value={index.to_string()} selected={*current == Some(index)}>
                                { format!("{} — {}, {}", document.title, document.date, document.nature.label()) }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="share">
                    <button type="button" class="button-primary" id="share" {onclick}>{ text::SHARE }</button>
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
