//! Disclosures whose content is built only once they are first opened. The page has hundreds
//! of sources and twenty "About this provision" panels; building them all while closed doubled
//! the first render and every toggle's diff, for content most readers never open. A hook, not
//! a component: each component type costs the wasm its own copy of Yew's machinery.

use yew::prelude::*;

/// Whether a `<details>` has been opened yet, and the `ontoggle` handler that records it.
#[hook]
pub fn use_opened() -> (bool, Callback<Event>) {
    let opened = use_state_eq(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |event: Event| {
            let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
            if details.open() {
                opened.set(true);
            }
        })
    };
    (*opened, ontoggle)
}
