//! Entry point of the analysis worker (a wasm of its own, which Trunk builds as a web worker): it
//! reports panics to the page and registers the worker with its byte codec.

use gloo_worker::Registrable;
use peace_plan_sandbox::protocol::Bytes;
use peace_plan_sandbox::worker::{AnalysisWorker, install_panic_report};

fn main() {
    install_panic_report();
    AnalysisWorker::registrar().encoding::<Bytes>().register();
}
