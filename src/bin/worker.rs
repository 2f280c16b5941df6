//! Entry point of the analysis worker (a second wasm that Trunk builds as a web worker): it
//! reports panics to the page and registers the worker with its byte codec.

use gloo_worker::Registrable;
use peace_plan_sandbox::protocol::Bytes;
use peace_plan_sandbox::worker::{AnalysisWorker, install_panic_report};

// The analysis allocates many small vectors; talc serves them faster than dlmalloc.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    install_panic_report();
    AnalysisWorker::registrar().encoding::<Bytes>().register();
}
