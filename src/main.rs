//! Entry point of the web app: installs the panic banner and mounts `<Root/>` on `#root`.

// The analysis allocates many small vectors; talc serves them faster than the default
// dlmalloc and is smaller in the wasm.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = format!("{info}");
        web_sys::console::error_1(&message.clone().into());
        peace_plan_sandbox::browser::show_fatal_error(&message);
    }));
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
