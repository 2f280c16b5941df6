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

async function start() {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showFailure('This browser cannot run WebAssembly, which the sandbox needs. Please use a current version of Firefox, Chrome, Edge or Safari.');
    return;
  }
  if (!script) {
    showFailure('The page is incomplete: its start-up script is missing.');
    return;
  }
  try {
    const { default: init } = await import(script.dataset.js);
    await init({ module_or_path: script.dataset.wasm });
  } catch (error) {
    showFailure('The sandbox could not start. Check your connection and reload the page.', String(error && error.message ? error.message : error));
    return;
  }
  // Yew renders on its scheduler; the page is interactive once its first render is in the DOM.
  for (let frame = 0; frame < 600 && !document.querySelector('#app .balance-panel'); frame += 1) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  // The app hides the skeleton itself when it renders; this is the fallback if it never did.
  const skeleton = document.getElementById('skeleton');
  if (skeleton) skeleton.hidden = true;
  performance.mark('app-ready');
  document.documentElement.dataset.ready = 'true';
  dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
}

start();
