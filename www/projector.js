// The projector view: a presentation layer over the page for a classroom screen. One button
// toggles it, and `?view=projector` in the address (kept by every link the page copies) opens
// it. In it the text is at least 24 px, the colours are the high-contrast set, the four parties
// and the verdict stand in one summary above one provision (the one under discussion), and the
// keyboard steps through provisions (PageDown or N, PageUp or P: what a presentation clicker
// sends) and through a provision's options (the arrow keys, as on any radio group).
//
// It only adds attributes the app does not manage (`data-projector-current`) and moves focus;
// every change of a provision is a real input event, so the app scores it as any other. It is
// plain JS because it needs no scoring and the page's wasm has no room under its budget.
const root = document.documentElement;
const button = document.getElementById('projector-toggle');
const CURRENT = 'data-projector-current';

const provisions = () => [...document.querySelectorAll('#provisions fieldset.issue')];

function current() {
  return document.querySelector(`fieldset.issue[${CURRENT}]`);
}

/** Makes `fieldset` the provision under discussion and puts the keyboard on its choice. */
function show(fieldset, focus = true) {
  if (!fieldset) return;
  for (const other of document.querySelectorAll(`[${CURRENT}]`)) other.removeAttribute(CURRENT);
  fieldset.setAttribute(CURRENT, '');
  if (focus) {
    const control = fieldset.querySelector('input:checked') ?? fieldset.querySelector('input, select, button');
    control?.focus({ preventScroll: true });
  }
  // Tall screens keep the summary at the top and the provision right below it; on a short one
  // a step brings the provision into view below the summary (entering the view shows the top).
  if (!focus || getComputedStyle(document.getElementById('balance')).position === 'sticky') scrollTo({ top: 0 });
  else fieldset.scrollIntoView({ block: 'start' });
  const status = document.getElementById('projector-status');
  const list = provisions();
  const legend = fieldset.querySelector('legend')?.textContent.trim() ?? '';
  if (status) status.textContent = `Provision ${list.indexOf(fieldset) + 1} of ${list.length}: ${legend}`;
}

function step(by) {
  const list = provisions();
  if (list.length === 0) return;
  const at = list.indexOf(current() ?? document.activeElement?.closest('fieldset.issue'));
  show(list[Math.min(list.length - 1, Math.max(0, at + by))]);
}

function writeAddress(on) {
  const url = new URL(location.href);
  if (on) url.searchParams.set('view', 'projector');
  else url.searchParams.delete('view');
  history.replaceState(history.state, '', url);
}

function setProjector(on, { write = true } = {}) {
  root.classList.toggle('projector', on);
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? 'Leave projector view' : 'Projector view';
  if (write) writeAddress(on);
  if (on) show(current() ?? document.activeElement?.closest('fieldset.issue') ?? provisions()[0], false);
  else for (const other of document.querySelectorAll(`[${CURRENT}]`)) other.removeAttribute(CURRENT);
}

function typing(target) {
  return target instanceof HTMLElement
    && (target.isContentEditable || target.matches('input[type="number"], input[type="text"], input[type="search"], textarea, select'));
}

document.addEventListener('keydown', (event) => {
  if (!root.classList.contains('projector') || event.altKey || event.ctrlKey || event.metaKey) return;
  const key = event.key;
  if (key === 'PageDown' || ((key === 'n' || key === 'N') && !typing(event.target))) {
    event.preventDefault();
    step(1);
  } else if (key === 'PageUp' || ((key === 'p' || key === 'P') && !typing(event.target))) {
    event.preventDefault();
    step(-1);
  }
});

// A provision the reader moves into by Tab or a click becomes the one under discussion.
document.addEventListener('focusin', (event) => {
  if (!root.classList.contains('projector')) return;
  const fieldset = event.target instanceof Element ? event.target.closest('fieldset.issue') : null;
  if (fieldset && fieldset !== current()) show(fieldset, false);
});

button?.addEventListener('click', () => setProjector(!root.classList.contains('projector')));

function start() {
  if (!button) return;
  if (new URLSearchParams(location.search).get('view') === 'projector') setProjector(true, { write: false });
}

// The button is live once the app is: it steps through the app's provisions.
if (root.dataset.ready === 'true') start();
else addEventListener('TrunkApplicationStarted', start, { once: true });
