// DOM helpers shared by the page's plain scripts (the classroom views, the delegation links, the
// QR dialog), which draw from data with DOM methods and text only, never markup. Loaded by its
// own <script type="module"> tag before the scripts that import it, so the module the browser
// keeps for this URL is the one its integrity hash checked (scripts/integrity.mjs verifies the
// order).

/** An element with attributes and children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const node = tag === 'svg' || tag === 'rect' || tag === 'path'
    ? document.createElementNS('http://www.w3.org/2000/svg', tag)
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false || value === null) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

const CONTROLS = 'a[href], button, input, select, summary, textarea';

/**
 * Replaces `container`'s children, keeping the keyboard on the same control when it is
 * redrawn: the one with the same id, or else the one at the same place among the controls.
 */
export function refill(container, ...children) {
  const focused = container.contains(document.activeElement) ? document.activeElement : null;
  const at = focused ? [...container.querySelectorAll(CONTROLS)].indexOf(focused) : -1;
  container.replaceChildren(...children.flat());
  if (!focused) return;
  const again = (focused.id && document.getElementById(focused.id)) || container.querySelectorAll(CONTROLS)[at];
  again?.focus();
}

/** A QR code from the worker (`{ size, path }`) as an SVG image named `label`. */
export function qrImage(qr, label, attributes = {}) {
  return el('svg', { viewBox: `0 0 ${qr.size} ${qr.size}`, 'shape-rendering': 'crispEdges', role: 'img', 'aria-label': label, ...attributes },
    el('rect', { width: qr.size, height: qr.size, fill: '#fff' }),
    el('path', { fill: '#000', d: qr.path }));
}

/**
 * Calls `listener` once per frame after the link changes: the app writes its link after every
 * change (`replaceState` or `pushState`, recorded here from the first script on, before the app
 * writes its first), and Back, Forward and undo move it (`popstate`).
 */
export function onLinkChange(listener) {
  let pending = false;
  const changed = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      listener();
    });
  };
  linkListeners.push(changed);
  addEventListener('popstate', changed);
}

const linkListeners = [];
for (const method of ['pushState', 'replaceState']) {
  const original = History.prototype[method];
  History.prototype[method] = function wrapped(...args) {
    const result = original.apply(this, args);
    for (const listener of linkListeners) listener();
    return result;
  };
}
