// Starts the WebAssembly app and, whatever fails (no WebAssembly, a file that does not load, a
// policy that blocks compilation, a panic), shows a readable message instead of a blank page.
const script = document.querySelector('script[data-wasm]');

function showFailure(message, detail) {
  const banner = document.getElementById('fatal');
  const detailNode = document.getElementById('fatal-detail');
  if (!banner || !detailNode) return;
  // A panic message written by the app itself is more precise than the trap that follows it.
  if (banner.hidden || !detailNode.textContent) {
    detailNode.textContent = detail ? `${message} (${detail})` : message;
  }
  banner.hidden = false;
  const skeleton = document.getElementById('skeleton');
  if (skeleton) skeleton.hidden = true;
}

/** Waits, a frame at a time and ten seconds at most, until `ready()` holds. */
async function frames(ready) {
  for (let frame = 0; frame < 600 && !ready(); frame += 1) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Says in the panels' place that they could not start; the page app goes on scoring. */
function panelsFailure(detail) {
  const notice = document.getElementById('panels-failure');
  const detailNode = document.getElementById('panels-failure-detail');
  if (!notice || !detailNode) return;
  detailNode.textContent = detail;
  notice.hidden = false;
}

/**
 * Starts the panels' wasm (src/panels.rs): its glue through a modulepreload link that carries
 * the glue's sha384, so that the import takes the module that link checked, and its wasm by a
 * fetch with its own. Resolves to whether they started.
 */
async function startPanels() {
  const { panelsJs, panelsJsIntegrity, panelsWasm, panelsWasmIntegrity } = script.dataset;
  try {
    if (!panelsJs || !panelsWasm) throw new Error('the page names no panels');
    await new Promise((resolve, reject) => {
      const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', crossOrigin: 'anonymous', href: panelsJs });
      if (panelsJsIntegrity) link.integrity = panelsJsIntegrity;
      link.addEventListener('load', resolve);
      link.addEventListener('error', () => reject(new Error(`${panelsJs} did not load, or does not match the page`)));
      document.head.append(link);
    });
    const { default: init } = await import(panelsJs);
    await init({ module_or_path: panelsWasmIntegrity ? fetch(panelsWasm, { integrity: panelsWasmIntegrity }) : panelsWasm });
    return true;
  } catch (error) {
    panelsFailure(String(error && error.message ? error.message : error));
    return false;
  }
}

async function start() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showFailure('This browser cannot run WebAssembly, which the sandbox needs. Please use a current version of Firefox, Chrome, Edge or Safari.');
    return;
  }
  if (!script) {
    showFailure('The page is incomplete: its start-up script is missing.');
    return;
  }
  // The first paint (the title, and the default page's header) waits for nothing below: the
  // page wasm and the model are asked for once it is on screen, so a slow connection carries
  // the page's text and style first. Lighthouse's mobile LCP: 2.26–2.41 s with both preloaded
  // in the head, 1.20–1.31 s when they wait for it (24 runs).
  // A tab opened in the background paints nothing until shown, and need not wait for that.
  if (document.visibilityState !== 'hidden') await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  // Each file is checked against the sha384 written at build time (scripts/integrity.mjs): the
  // glue by its modulepreload link, the wasm by this fetch, the model by the preload added
  // here (the app's fetch of it carries the same integrity, so it takes this response), and
  // the worker's loader here, since a browser takes no integrity for a worker script (the
  // loader checks the worker's files).
  try {
    const { worker, workerIntegrity, model, modelIntegrity } = script.dataset;
    if (model && modelIntegrity) {
      const preload = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: model, integrity: modelIntegrity });
      document.head.append(preload);
    }
    // The three fetches run at once; the app starts only once the loader has matched. A loader
    // that cannot be fetched at all is the app's to report (the analysis is then unavailable
    // and scoring goes on); one that arrives with other bytes stops the start.
    const loaderCheck = worker && workerIntegrity
      ? fetch(worker, { integrity: workerIntegrity }).then(
        () => null,
        (error) => fetch(worker).then((response) => (response.ok ? error : null), () => null),
      )
      : Promise.resolve(null);
    const glue = import(script.dataset.js);
    const { wasmIntegrity } = script.dataset;
    const wasm = wasmIntegrity ? fetch(script.dataset.wasm, { integrity: wasmIntegrity }) : script.dataset.wasm;
    const failure = await loaderCheck;
    if (failure) {
      showFailure('A file of the page does not match the page, so the sandbox did not start. Reload the page; if this stays, the site serves altered files.', `${worker}: ${failure.message ?? failure}`);
      return;
    }
    const { default: init } = await glue;
    await init({ module_or_path: wasm });
  } catch (error) {
    showFailure('The sandbox could not start. Check your connection and reload the page.', String(error && error.message ? error.message : error));
    return;
  }
  // Yew renders on its scheduler, and the first render comes in parts, one per frame (app.rs);
  // the app marks #root once the last part is drawn. Then the panels (the analysis, the
  // assumptions editor, the footer: the page's second app) start, and the page is ready once
  // their footer is in the DOM, or once they have said they cannot start.
  await frames(() => document.querySelector('#root[data-drawn]'));
  if (await startPanels()) await frames(() => document.querySelector('#panels-root .site-footer, #panels-root [data-testid="panels-model-failure"], #panels-failure:not([hidden])'));
  // The app hides the skeleton itself when it renders; this is the fallback if it never did.
  const skeleton = document.getElementById('skeleton');
  if (skeleton) skeleton.hidden = true;
  performance.mark('app-ready');
  document.documentElement.dataset.ready = 'true';
  dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
  // Offline after this visit (www/sw.js). It is an addition: where a browser has no service
  // worker, or refuses one (a private window), the page works as before, and says why in the
  // console.
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((error) => {
      console.warn(`Peace Plan Sandbox will not open offline here: ${error && error.message ? error.message : error}`);
    });
  }
}

start();
