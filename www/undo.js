// Undo and redo of the reader's changes: Undo and Redo buttons, Ctrl+Z and Ctrl+Shift+Z (or
// Ctrl+Y; Cmd on a Mac), and, when a package is applied (a plan picked, a text applied on top,
// a suggested package applied), a "Package applied" message with its own Undo that keeps the
// keyboard's place.
//
// The state of the page is its link: the app writes it after every change (replaceState for a
// toggle or an edit, pushState for a whole package) and reopens any link it is given, edits to
// the assumptions included. So a step of the history is a link: undo puts the previous one in
// the address bar and tells the app, as Back does (a popstate event), and the app reopens it
// exactly. Successive writes that change the same one part within a second (a slider dragged,
// a number typed) are one step. Plain JS: it scores nothing, and the page's wasm has no room
// under its budget. Where the reader types in a text or number field, Ctrl+Z stays the field's.
const LIMIT = 200;
const SAME_GESTURE_MS = 1000;

const undoButton = document.getElementById('undo');
const redoButton = document.getElementById('redo');
const toast = document.getElementById('applied-toast');
const toastUndo = document.getElementById('applied-undo');
const toastClose = document.getElementById('applied-close');

const past = [];
const future = [];
let current = location.hash;
let lastPart = null;
let lastAt = -Infinity;
// Set while this script itself moves the address, so that the move is not recorded as a change.
let moving = false;

/** The parts of a link's fragment, by name. */
function parts(hash) {
  return new Map(hash.replace(/^#/, '').split('&').filter(Boolean).map((pair) => {
    const at = pair.indexOf('=');
    return at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
  }));
}

/** The names of the parts that differ between two fragments. */
function changed(a, b) {
  const [left, right] = [parts(a), parts(b)];
  const names = new Set([...left.keys(), ...right.keys()]);
  return [...names].filter((name) => left.get(name) !== right.get(name));
}

function refresh() {
  undoButton.disabled = past.length === 0;
  redoButton.disabled = future.length === 0;
}

function hideToast() {
  toast.hidden = true;
}

/** A change of the address by the app or by a navigation: one more step to undo. */
function record(hash, whole) {
  if (moving || hash === current) return;
  const names = changed(current, hash);
  const now = performance.now();
  const sameGesture = !whole && names.length === 1 && names[0] === lastPart && now - lastAt < SAME_GESTURE_MS;
  if (!sameGesture) {
    past.push(current);
    if (past.length > LIMIT) past.shift();
  }
  future.length = 0;
  current = hash;
  lastPart = names.length === 1 ? names[0] : null;
  lastAt = now;
  refresh();
  if (whole) applied();
  else hideToast();
}

/** A whole package was applied: say so, with an Undo; a control the change removed or
 * disabled hands the keyboard to that Undo, not to the top. (The suggestion's Apply button,
 * redrawn by the app a task after the change's frame, moves the keyboard there itself.) */
function applied() {
  toast.hidden = false;
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active.disabled) toastUndo.focus({ preventScroll: true });
  });
}

function go(from, to) {
  if (from.length === 0) return;
  const target = from.pop();
  to.push(current);
  current = target;
  lastPart = null;
  moving = true;
  try {
    const url = new URL(location.href);
    url.hash = target;
    history.replaceState(history.state, '', url);
    dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
  } finally {
    moving = false;
  }
  hideToast();
  refresh();
}

const undo = () => go(past, future);
const redo = () => go(future, past);

for (const name of ['pushState', 'replaceState']) {
  const original = History.prototype[name];
  History.prototype[name] = function (state, title, url) {
    const result = original.call(this, state, title, url);
    if (url !== undefined && url !== null) record(new URL(url, location.href).hash, name === 'pushState');
    return result;
  };
}
addEventListener('popstate', () => record(location.hash, false));
addEventListener('hashchange', () => record(location.hash, false));

function typing(target) {
  return target instanceof HTMLElement
    && (target.isContentEditable || target.matches('input[type="number"], input[type="text"], input[type="search"], textarea'));
}

document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || typing(event.target)) return;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) {
    event.preventDefault();
    undo();
  } else if ((key === 'z' && event.shiftKey) || key === 'y') {
    event.preventDefault();
    redo();
  }
});

undoButton?.addEventListener('click', undo);
redoButton?.addEventListener('click', redo);
toastUndo?.addEventListener('click', () => {
  undo();
  undoButton.focus({ preventScroll: true });
});
toastClose?.addEventListener('click', hideToast);

function start() {
  current = location.hash;
  refresh();
}
if (document.documentElement.dataset.ready === 'true') start();
else addEventListener('TrunkApplicationStarted', start, { once: true });
