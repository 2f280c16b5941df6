// The classroom views: packages compared side by side, every plan against every provision,
// and the one-page term sheet, each in a disclosure of index.html's #classroom section.
//
// Nothing here scores. The analysis worker builds every view with the core (the same tables,
// CSV and JSON as the CLI's `compare`, `matrix` and `score --csv/--json`) and the app relays
// it as a message to this window; this script draws it with DOM methods and text only (never
// markup from data). It asks for a view with a message ("compare", "matrix", "sheet": the
// app adds the address bar's link, which is its whole state), again after every change of the
// link, and "paste <text>" (a link pasted into the comparison). It changes the compared
// packages as Back (and undo) do: it writes the link's `c=` parts and sends `popstate`, and the
// app reopens the link, which it then keeps writing with those parts.
// Plain JS, as the projector view and undo: the page's wasm has no room under its budget.
import { el, onLinkChange, qrImage, refill } from './dom.js';

const section = document.getElementById('classroom');
const panels = {
  compare: document.getElementById('compare'),
  matrix: document.getElementById('matrix'),
  sheet: document.getElementById('term-sheet-panel'),
};
const status = document.getElementById('classroom-status');
let slots = [];
// The package's own link (without `c=` parts), from the last comparison drawn.
let base = '';
let pasteProblems = [];
// Set when the reader pastes: a pasted column is used only then (any window can post the app
// a request; only this one's reader adds columns).
let pasting = false;

/** A request to the app, which relays it to the worker with the page's link. */
function send(text) {
  postMessage(text, location.origin);
}

/** Asks for every open view again (after a change of the link, or once the app listens). */
function refresh() {
  for (const [name, panel] of Object.entries(panels)) {
    if (panel.open) send(name === 'sheet' ? `sheet ${location.origin}${location.pathname}#` : name);
  }
}

// One refresh per frame after a change of the link.
onLinkChange(refresh);

/** Replaces a panel's body, keeping the keyboard on the same control when it is redrawn. */
function fill(panel, ...children) {
  const body = panel.querySelector('.classroom-body');
  refill(body, ...children);
  body.removeAttribute('aria-busy');
}

function table(data, id) {
  const caption = `${id}-caption`;
  return el('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': caption },
    el('table', { class: 'view-table', 'data-testid': id },
      el('caption', { id: caption }, data.caption),
      el('thead', {}, el('tr', {}, data.head.map((head) => el('th', { scope: 'col' }, head)))),
      el('tbody', {}, data.rows.map((row) => el('tr', { class: row.differs ? 'differs' : undefined },
        el('th', { scope: 'row' }, row.head, row.differs ? el('span', { class: 'differs-mark' }, ' (differs)') : null),
        row.cells.map((cell) => el('td', { class: cell.assumed ? 'assumed' : undefined },
          el('span', { class: 'cell-text' }, cell.text),
          cell.note ? el('span', { class: 'cell-note' }, cell.note) : null)))))));
}

/** Offers `text` as a file (a Blob behind a temporary link). */
function save(name, type, text) {
  try {
    const url = URL.createObjectURL(new Blob([text], { type }));
    el('a', { href: url, download: name }).click();
    setTimeout(() => URL.revokeObjectURL(url));
    status.textContent = `Offered for download: ${name}`;
  } catch (error) {
    status.textContent = `The file could not be offered for download (${error.message ?? error}).`;
  }
}

function download(name, type, text) {
  return el('button', { type: 'button', class: 'button-secondary', onclick: () => save(name, type, text) },
    name.endsWith('.csv') ? 'Download CSV' : 'Download JSON');
}

function setSlots(values) {
  const hash = `#${[base, ...values.map((value) => `c=${value}`)].join('&')}`;
  if (hash === location.hash) return;
  history.replaceState(history.state, '', hash);
  dispatchEvent(new PopStateEvent('popstate', { state: history.state }));
}

function drawCompare(view) {
  slots = view.slots.map((slot) => slot.value);
  base = view.base;
  if (slots.length === 0 && view.suggest) {
    // Opened with nothing to compare: this package beside the first plan that differs.
    setSlots(['here', view.suggest]);
    return;
  }
  // A link whose compared packages are not written canonically (or hold something unusable)
  // is rewritten as read; the problems stay listed.
  if (!view.canonical) {
    pasteProblems = view.problems;
    setSlots(slots);
  }
  const groups = [...new Set(view.documents.map((document) => document.group))];
  const columns = view.slots.map((slot, index) => {
    const id = `compare-${index}`;
    const select = el('select', {
      id,
      autocomplete: 'off',
      onchange: () => {
        if (select.value === slot.value) return;
        setSlots(slots.map((value, at) => (at === index ? select.value : value)));
      },
    },
    el('option', { value: 'here' }, 'This package (as set on the page)'),
    /^p(~|$)/.test(slot.value) ? el('option', { value: slot.value }, 'Package from a pasted link') : null,
    groups.map((group) => el('optgroup', { label: group },
      view.documents.filter((document) => document.group === group)
        .map((document) => el('option', { value: document.id }, document.title)))));
    select.value = slot.value;
    return el('li', {},
      el('label', { for: id }, `Package ${index + 1}`),
      select,
      el('button', {
        type: 'button',
        class: 'button-secondary',
        'aria-label': `Remove package ${index + 1}`,
        onclick: () => setSlots(slots.filter((_, at) => at !== index)),
      }, 'Remove'));
  });
  const adding = slots.length < view.max ? [
    el('button', {
      type: 'button',
      class: 'button-secondary',
      onclick: () => {
        const next = slots.includes('here')
          ? view.documents.find((document) => !slots.includes(document.id))?.id ?? 'here'
          : 'here';
        setSlots([...slots, next]);
      },
    }, 'Add a package'),
    el('form', {
      class: 'compare-paste',
      onsubmit: (event) => {
        event.preventDefault();
        pasting = true;
        send(`paste ${event.target.querySelector('input').value}`);
      },
    },
    el('label', { for: 'compare-paste' }, 'Or paste a link:'),
    el('input', { id: 'compare-paste', type: 'text', inputmode: 'url', autocomplete: 'off' }),
    el('button', { type: 'submit', class: 'button-secondary' }, 'Add this link')),
  ] : [el('p', {}, `At most ${view.max} packages can be compared.`)];
  const pasteValue = document.getElementById('compare-paste')?.value ?? '';
  fill(panels.compare,
    el('p', {}, 'Up to four packages: this one as you set it, any plan, or a pasted link. Every package is scored under the same assumptions (the model\'s, with your edits if any); the link holds the comparison. Rows that differ are marked.'),
    el('ol', { class: 'compare-columns' }, columns),
    adding,
    el('ul', { class: 'compare-problems', role: 'status' }, [...view.problems, ...pasteProblems].map((problem) => el('li', {}, problem))),
    view.comparison
      ? [table(view.comparison.provisions, 'compare-table-0'), table(view.comparison.parties, 'compare-table-1'),
        el('p', {}, download('comparison.csv', 'text/csv', view.csv), ' ', download('comparison.json', 'application/json', view.json))]
      : el('p', {}, 'Add a second package to compare.'));
  const input = document.getElementById('compare-paste');
  if (input) input.value = pasteValue;
}

function drawPaste(view) {
  if (!pasting) return;
  pasting = false;
  pasteProblems = view.problems;
  const list = panels.compare.querySelector('.compare-problems');
  if (list) list.replaceChildren(...pasteProblems.map((problem) => el('li', {}, problem)));
  if (view.slot) {
    const input = document.getElementById('compare-paste');
    if (input) input.value = '';
    setSlots([...slots, view.slot]);
  }
}

function drawMatrix(view) {
  fill(panels.matrix,
    el('p', {}, 'What each plan\'s package takes on each provision, with the text that says so and its sources, or marked as assumed where the text is silent. The CSV has one line per plan and provision, with every source\'s address.'),
    el('p', {}, download('plans-by-provision.csv', 'text/csv', view.csv)),
    table(view.table, 'matrix-table'));
}

function drawSheet(view) {
  const { sheet } = view;
  const code = view.qr
    ? qrImage(view.qr, 'QR code of the live version', { class: 'term-sheet-qr' })
    : el('p', { role: 'alert' }, `No QR code: ${view.qr_error}`);
  fill(panels.sheet,
    el('p', {},
      el('button', { type: 'button', class: 'button-primary', onclick: () => print() }, 'Print the term sheet'), ' ',
      download('term-sheet.json', 'application/json', view.json), ' ',
      download('term-sheet.csv', 'text/csv', view.csv)),
    el('section', { class: 'term-sheet', 'aria-labelledby': 'term-sheet-title', 'data-testid': 'term-sheet' },
      el('h3', { id: 'term-sheet-title' }, 'Term sheet'),
      el('p', { class: 'term-sheet-label' }, 'MODEL ASSUMPTION: values, weights and walk-away values are the model\'s editable assumptions, not findings. Each provision shows the text that settles it and its sources, or that it is assumed.'),
      table(sheet.provisions, 'term-sheet-table-0'),
      table(sheet.parties, 'term-sheet-table-1'),
      el('div', { class: 'term-sheet-link' }, code,
        el('div', {},
          el('p', {}, sheet.balance),
          el('p', {}, sheet.ratified),
          el('p', {}, sheet.model),
          el('p', {}, 'Live version: ', el('code', {}, view.url))))));
}

// Every download of the page comes this way, the assumptions editor's file included.
const draw = {
  compare: drawCompare,
  paste: drawPaste,
  matrix: drawMatrix,
  sheet: drawSheet,
  download: (view) => save(view.name, view.type, view.text),
};

// The views the app relays from the worker: JSON objects; the requests are plain words.
addEventListener('message', (event) => {
  if (event.origin !== location.origin || typeof event.data !== 'string' || !event.data.startsWith('{')) return;
  const view = JSON.parse(event.data);
  draw[view.view]?.(view);
});

for (const panel of Object.values(panels)) {
  panel.addEventListener('toggle', () => {
    const body = panel.querySelector('.classroom-body');
    if (panel.open && !body.hasChildNodes()) {
      body.setAttribute('aria-busy', 'true');
      body.append(el('p', {}, 'Building the view…'));
    }
    if (panel.open) refresh();
  });
}
// The panels relay the views from their first render, before the page is marked ready
// (www/boot.js says it is started once they are drawn).
addEventListener('TrunkApplicationStarted', refresh);
// A link that compares packages opens with its comparison.
if (/[#&]c=/.test(location.hash)) panels.compare.open = true;
// Shown once the app is live, so that nothing looks live before it is.
if (document.documentElement.dataset.ready === 'true') section.hidden = false;
else addEventListener('TrunkApplicationStarted', () => { section.hidden = false; });
