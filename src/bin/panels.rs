//! Entry point of the panels, the page's second wasm (`src/panels.rs`): `www/boot.js` starts it
//! once the page app has drawn; it reports a panic in its own place and mounts `<PanelsRoot/>`
//! on `#panels-root`.

fn main() {
    // A panic stops the panels only: the scores above are the page app's and go on working.
    peace_plan_sandbox::browser::on_panic(peace_plan_sandbox::browser::show_panels_failure);
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("panels-root"))
    else {
        peace_plan_sandbox::browser::show_panels_failure("The page has no #panels-root element.");
        return;
    };
    yew::Renderer::<peace_plan_sandbox::panels::PanelsRoot>::with_root(root).render();
}
