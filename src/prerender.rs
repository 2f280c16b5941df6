//! The default page's header (the current model, no link) rendered by Yew's server renderer at
//! build time: `src/bin/prerender.rs` writes it into `dist/index.html`'s skeleton, so the first
//! paint shows the words the app then draws in the same place (ARCHITECTURE.md, "Choices").

use std::rc::Rc;

use scoring::{Scenario, decode};
use yew::prelude::*;

use crate::components::header::Header;
use crate::state::{AppState, ScenarioRef};

#[derive(Properties, PartialEq)]
struct DefaultHeaderProps {
    scenario: ScenarioRef,
}

/// The header as `<App/>` draws it for an empty fragment.
#[component]
fn DefaultHeader(props: &DefaultHeaderProps) -> Html {
    let state = {
        let scenario = props.scenario.clone();
        use_reducer(move || {
            let decoded = decode(&scenario, "");
            AppState::open_with(scenario, decoded)
        })
    };
    html! {
        <Header scenario={state.scenario.clone()} package={state.package.clone()}
            base_document={state.base_document} applied={state.applied.clone()}
            compare={state.compare.clone()} dispatch={state.dispatcher()} />
    }
}

/// The default page's header as HTML, without what belongs to the live header alone: `id`,
/// `for` and `data-testid` (the app's own header carries them while both are in the
/// document), `role` (no second status line) and the QR button's link.
pub fn default_header() -> Result<String, String> {
    let scenario =
        Scenario::builtin().map_err(|error| format!("the current model does not load: {error}"))?;
    let html = futures::executor::block_on(
        yew::ServerRenderer::<DefaultHeader>::with_props(move || DefaultHeaderProps {
            scenario: ScenarioRef::new(Rc::new(scenario)),
        })
        .hydratable(false)
        .render(),
    );
    Ok(without_attributes(
        &html,
        &["id", "for", "data-testid", "role", "data-link"],
    ))
}

/// `html` with the named attributes taken out of every tag (values are quoted and escaped, as
/// Yew writes them; text between tags is left alone).
pub fn without_attributes(html: &str, names: &[&str]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        out.push_str(&strip_tag(&rest[open..open + close + 1], names));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn strip_tag(tag: &str, names: &[&str]) -> String {
    let mut out = tag.to_string();
    for name in names {
        let needle = format!(" {name}=\"");
        while let Some(start) = out.find(&needle) {
            let value = start + needle.len();
            let Some(end) = out[value..].find('"') else {
                break;
            };
            out.replace_range(start..value + end + 1, "");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::without_attributes;

    #[test]
    fn takes_out_the_named_attributes_only_inside_tags() {
        let html = r#"<label for="preset">id="kept"</label><select id="preset" class="x" data-testid="a"><option value="1">One</option></select>"#;
        assert_eq!(
            without_attributes(html, &["id", "for", "data-testid"]),
            r#"<label>id="kept"</label><select class="x"><option value="1">One</option></select>"#
        );
    }
}
