// Starts the analysis worker: wasm-bindgen's no-modules glue, then its wasm. (Trunk's own shim
// calls the glue's deprecated one-argument form, which logs a warning in every worker.)
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' });
