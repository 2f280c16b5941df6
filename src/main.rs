//! Entry point of the page app: installs the panic banner and mounts `<Root/>` on `#root`.

fn main() {
    peace_plan_sandbox::browser::on_panic(peace_plan_sandbox::browser::show_fatal_error);
    // R6 test hook: `?panic-test` proves that a panic shows the error banner, not a blank page.
    if peace_plan_sandbox::browser::panic_test_requested() {
        panic!("panic requested by ?panic-test");
    }
    let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("root"))
    else {
        peace_plan_sandbox::browser::show_fatal_error("The page has no #root element.");
        return;
    };
    yew::Renderer::<peace_plan_sandbox::loader::Root>::with_root(root).render();
}
