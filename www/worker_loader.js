// Starts the analysis worker: wasm-bindgen's no-modules glue, then its wasm. (Trunk's own shim
// calls the glue's deprecated one-argument form, which logs a warning in every worker.)
// Both files are checked against the sha384 that scripts/integrity.mjs writes below at build
// time; a worker script takes no integrity attribute, so the glue is fetched with its hash
// first and run from the same URL once it matched. A mismatch is thrown from a task, which the
// page sees as the worker's error, and the page's analysis panel says the worker did not start.
const GLUE = './worker.js';
const WASM = './worker_bg.wasm';
const GLUE_INTEGRITY = '__WORKER_JS_INTEGRITY__';
const WASM_INTEGRITY = '__WORKER_WASM_INTEGRITY__';

async function start() {
  const glue = await fetch(GLUE, { integrity: GLUE_INTEGRITY });
  if (!glue.ok) throw new Error(`${GLUE}: HTTP ${glue.status}`);
  importScripts(GLUE);
  const exports = await wasm_bindgen({ module_or_path: fetch(WASM, { integrity: WASM_INTEGRITY }) });
  // Read by the long-use memory benchmark (tests/e2e/memory.mjs): a worker's wasm memory is
  // visible to no other tool.
  self.wasmMemory = exports.memory;
}

start().catch((error) => {
  setTimeout(() => {
    throw error;
  });
});
