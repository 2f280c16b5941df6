// QR codes of links: the header's "QR code" button (the link it holds is the app's, in
// `data-link`) and the delegation links (`www/delegation.js` sends a `qr-show` event). The
// analysis worker draws each code with the `qrcode` crate's encoder (no network; the page's
// wasm carries no encoder), the app relays the request and the answer, and this script shows
// the code as SVG, with DOM methods only, in index.html's modal dialog, large enough to scan
// from the back of a room, with the link in text beside it.
//
// The page's own code holds its address without `?view=projector` (a student who scans a
// projected code wants the ordinary view) but with a delegation's `role=`, so that a
// delegation's code opens that delegation's view. The dialog keeps the code of the link it was
// opened on: an answer for another link is not shown. Plain JS, as the classroom views.
import { qrImage } from './dom.js';

const dialog = document.getElementById('qr-dialog');
const heading = dialog.querySelector('h2');
const code = dialog.querySelector('.qr-code');
let wanted = '';
let label = '';
let watching = null;

/** The page's address with the link body `body`, without `view=`. */
function pageLink(body) {
  const kept = location.search.slice(1).split('&').filter((pair) => pair && !pair.startsWith('view='));
  return `${location.origin}${location.pathname}${kept.length ? `?${kept.join('&')}` : ''}#${body}`;
}

function say(text, alert = false) {
  const message = document.createElement('p');
  if (alert) message.setAttribute('role', 'alert');
  message.textContent = text;
  code.replaceChildren(message);
}

/** Says so when the worker is not running (it draws the code): its failure is on the page. */
function checkWorker() {
  // The worker is the panels' (the page's second app): it is not running if they failed to
  // start, or if it failed itself.
  const failure = document.querySelector('#panels-failure:not([hidden]), [data-testid="analysis-failure"]');
  if (!failure || !wanted || !code.hasAttribute('aria-busy')) return Boolean(failure);
  say(`The QR code is drawn by the analysis worker, which is not running: ${failure.textContent.trim()}`, true);
  code.removeAttribute('aria-busy');
  return true;
}

function show(link, title, name) {
  wanted = link;
  label = name;
  heading.textContent = title;
  dialog.querySelector('code').textContent = link;
  code.setAttribute('aria-busy', 'true');
  say('Drawing the QR code…');
  if (!dialog.open) dialog.showModal();
  if (checkWorker()) return;
  postMessage(`qr ${link}`, location.origin);
  // The worker may fail while the code is awaited.
  watching ??= new MutationObserver(() => checkWorker());
  watching.observe(document.getElementById('app'), { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
}

addEventListener('message', (event) => {
  if (event.origin !== location.origin || typeof event.data !== 'string' || !event.data.startsWith('{')) return;
  const view = JSON.parse(event.data);
  if (view.view !== 'qr' || view.url !== wanted) return;
  watching?.disconnect();
  code.removeAttribute('aria-busy');
  if (!view.qr) {
    say(`No QR code: ${view.qr_error}`, true);
    return;
  }
  const image = qrImage(view.qr, label);
  code.replaceChildren(image);
});

dialog.addEventListener('close', () => {
  watching?.disconnect();
  wanted = '';
});
dialog.querySelector('button').addEventListener('click', () => dialog.close());

// The button is the app's; it is live once the app is.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('#qr-button') : null;
  if (button) show(pageLink(button.dataset.link ?? ''), 'Scan to open this package', 'QR code of the link to this package');
});
addEventListener('qr-show', (event) => show(event.detail.link, event.detail.title, event.detail.title));
