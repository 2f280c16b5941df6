//! Peace Plan Sandbox in the browser: two Yew apps over the `scoring` core, the page's (`app`)
//! and the panels' (`panels`), each its own wasm, and the analysis worker (`worker`). Browser
//! calls live only in `browser`; the reducer in `state` is pure and tested natively.

// Every wasm of this package (the page app, the panels, the worker) allocates many small
// vectors; talc serves them faster than the default dlmalloc and is smaller in the wasm.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
pub mod browser;
pub mod components;
pub mod loader;
pub mod panels;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod protocol;
pub mod qr;
pub mod state;
pub mod text;
pub mod worker;
