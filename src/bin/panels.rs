//! Entry point of the panels, the page's second wasm (`src/panels.rs`): `www/boot.js` starts it
//! once the page app has drawn; it reports a panic in its own place and mounts `<PanelsRoot/>`
//! on `#panels-root`.

// As in the page's wasm: talc is faster than dlmalloc for many small vectors, and smaller.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // A panic stops the panels only: the scores above are the page app's and go on working.
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = format!("{info}");
        web_sys::console::error_1(&message.clone().into());
        peace_plan_sandbox::browser::show_panels_failure(&message);
    }));
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("panels-root"))
    else {
        peace_plan_sandbox::browser::show_panels_failure("The page has no #panels-root element.");
        return;
    };
    yew::Renderer::<peace_plan_sandbox::panels::PanelsRoot>::with_root(root).render();
}
