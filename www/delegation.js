// Delegation links: the role-play's views of one package. `?role=<party id>` opens a
// delegation's view, `?role=facilitator` the facilitator's (for the projector), and
// `reveal=all` shows what they hide; the app keeps the query in every link it writes, as it
// keeps `?view=projector`, so undo, Back and a copied link stay in the role.
//
// A delegation sees its own priorities (weights, walk-away value, red lines, option values),
// editable with the assumptions editor, and its own scores. Hidden until the facilitator
// reveals them: the other parties' assumptions and every figure computed from them (their
// scores and verdicts, the balance, the ratification test, the analysis, the verdict flips,
// the comparison and the term sheet, the option values of the provision notes). The
// facilitator's view hides every party's. A delegation's proposal goes back as a link: the
// facilitator's view of the same package, saying whose proposal it is.
//
// The hiding is `www/style.css`'s, keyed on `html[data-role]`, set here before the app first
// paints; this script also keeps the editor and the concession breakdown on the delegation's
// own party, announces the delegation's own scores (the app's announcement names every party,
// so it is silenced), draws the banner and the panel of links, and has `www/qr.js` show their QR codes.
// It scores nothing. Hiding is a classroom convention, not a secret: the link can be edited,
// and the page says so.
import { el, onLinkChange, refill } from './dom.js';

const root = document.documentElement;
const query = new URLSearchParams(location.search);
const asked = query.get('role');
// Only ids in the attribute; anything else is refused below with a message, once the parties
// are known.
const role = asked && /^[a-z][a-z0-9_-]{0,31}$/.test(asked) ? asked : null;
if (role) root.dataset.role = role;
if (role && query.get('reveal') === 'all') root.dataset.reveal = 'all';

const banner = document.getElementById('role-banner');
const panel = document.getElementById('delegations');
let parties = [];

const partyOf = (id) => parties.find((party) => party.id === id);
const isParty = () => Boolean(root.dataset.role && root.dataset.role !== 'facilitator');
const hiding = () => Boolean(root.dataset.role) && !root.dataset.reveal;
const delegationName = (party) => `${party.name} delegation`;

/** The link of this package (the address bar's fragment) in `role`'s view. */
function roleLink(view, { reveal = false, proposal = null } = {}) {
  const search = new URLSearchParams();
  search.set('role', view);
  if (reveal) search.set('reveal', 'all');
  if (proposal) search.set('proposal', proposal);
  // The app's link, which its QR button holds (the address bar has none until a change).
  const body = document.getElementById('qr-button')?.dataset.link ?? location.hash.replace(/^#/, '');
  return `${location.origin}${location.pathname}?${search}${body ? `#${body}` : ''}`;
}

/** The parties in the balance panel's order, as the app renders them. */
function readParties() {
  return [...document.querySelectorAll('#balance li.party')].map((card) => ({
    id: [...card.classList].find((name) => name.startsWith('party-')).slice('party-'.length),
    name: card.querySelector('.party-name').textContent.trim(),
  }));
}

/** Says what a button did, beside it: in the panel or under the banner. */
function setStatus(from, text) {
  const status = document.getElementById(panel?.contains(from) ? 'delegations-status' : 'delegation-status');
  if (status) status.textContent = text;
}

async function copy(from, link, what) {
  try {
    await navigator.clipboard.writeText(link);
    setStatus(from, `Copied ${what}.`);
  } catch (error) {
    setStatus(from, `The link could not be copied (${error.message ?? error}): select it and copy it.`);
  }
}

/** The QR code of `link` (`www/qr.js` shows it; the worker draws it). */
function showQr(link, title) {
  dispatchEvent(new CustomEvent('qr-show', { detail: { link, title } }));
}

/** A link with its Copy and QR buttons. */
function linkRow(label, link, what, testid) {
  return el('li', { 'data-testid': testid },
    el('span', { class: 'delegation-label' }, label),
    el('code', { class: 'delegation-link' }, link),
    el('span', { class: 'delegation-actions' },
      el('button', { type: 'button', class: 'button-secondary', 'aria-label': `Copy ${what}`, onclick: (event) => copy(event.currentTarget, link, what) }, 'Copy'),
      ' ',
      el('button', { type: 'button', class: 'button-secondary', 'aria-label': `QR code of ${what}`, onclick: () => showQr(link, `QR code of ${what}`) }, 'QR code')));
}

function setReveal(on) {
  if (on) root.dataset.reveal = 'all';
  else delete root.dataset.reveal;
  const url = new URL(location.href);
  if (on) url.searchParams.set('reveal', 'all');
  else url.searchParams.delete('reveal');
  history.replaceState(history.state, '', url);
  drawBanner();
  keepOwnParty();
  drawPanel();
}

function drawBanner() {
  if (!banner) return;
  const view = root.dataset.role;
  if (!view) return;
  const own = partyOf(view);
  const others = parties.filter((party) => party !== own).map((party) => party.name);
  const children = [];
  if (own) {
    const proposal = roleLink('facilitator', { proposal: own.id });
    children.push(
      el('h2', { id: 'role-heading' }, `${delegationName(own)}'s view`),
      root.dataset.reveal
        ? el('p', {}, 'The facilitator has revealed every delegation\'s assumptions: the page shows everything.')
        : [
          el('p', {}, `Your priorities are yours to set: the assumptions editor below edits ${own.name}'s weights, walk-away value, red lines and option values, and your scores follow them.`),
          el('p', { 'data-testid': 'role-hidden' }, `Hidden until the facilitator reveals them: the assumptions of ${new Intl.ListFormat('en', { type: 'conjunction' }).format(others)}, and every figure computed from them (their scores and verdicts, the balance, the ratification test, the analysis, the verdict flips, the comparison, the term sheet and the option values in the provision notes).`),
        ],
      el('p', {}, el('a', { href: '#assumptions', onclick: (event) => {
        event.preventDefault();
        document.getElementById('assumptions-heading')?.focus();
      } }, `Go to ${own.name}'s priorities (the assumptions editor)`)),
      el('p', {}, 'Your proposal: set the provisions, then send the facilitator this link (it holds the package and your assumptions):'),
      el('ul', { class: 'delegation-links' }, linkRow('Your proposal', proposal, `${delegationName(own)}'s proposal link`, 'proposal-link')));
  } else {
    const from = partyOf(query.get('proposal'));
    children.push(
      el('h2', { id: 'role-heading' }, 'Facilitator\'s view'),
      from ? el('p', { 'data-testid': 'proposal-from' }, el('strong', {}, `Proposal from the ${delegationName(from)}.`)) : null,
      root.dataset.reveal
        ? el('p', {}, 'Every delegation\'s assumptions are revealed on this screen.')
        : el('p', { 'data-testid': 'role-hidden' }, 'Every delegation\'s assumptions, and every figure computed from them (the scores, the balance, the verdicts, the analysis), stay hidden on this screen until you reveal them. The delegations\' links are under “Role-play: delegation links” below.'),
      el('p', { class: 'role-actions' }, el('button', { type: 'button', class: 'button-primary', id: 'reveal-toggle', 'aria-pressed': String(Boolean(root.dataset.reveal)), onclick: () => setReveal(!root.dataset.reveal) },
        root.dataset.reveal ? 'Hide the assumptions again' : 'Reveal every delegation\'s assumptions')));
  }
  children.push(el('p', { class: 'muted' }, 'Hiding is a classroom convention, not a secret: anyone can edit the link.'));
  refill(banner, ...children);
  banner.setAttribute('aria-labelledby', 'role-heading');
  banner.hidden = false;
}

function drawPanel() {
  if (!panel?.open) return;
  const body = panel.querySelector('.classroom-body');
  const reveal = document.getElementById('delegation-reveal')?.checked ?? Boolean(root.dataset.reveal);
  refill(body,
    el('p', {}, 'One link per delegation and one for the facilitator, each opening this package (with any edits to the assumptions). A delegation\'s link shows its own priorities, editable, and its own scores; the other delegations\' assumptions, and every figure computed from them, stay hidden until the facilitator reveals them. A delegation sends its proposal back as a link, which opens in the facilitator\'s view.'),
    el('p', {},
      el('input', { type: 'checkbox', autocomplete: 'off', id: 'delegation-reveal', checked: reveal, onchange: drawPanel }),
      ' ',
      el('label', { for: 'delegation-reveal' }, 'These links reveal every delegation\'s assumptions (for the debrief)')),
    el('ul', { class: 'delegation-links' },
      parties.map((party) => linkRow(delegationName(party), roleLink(party.id, { reveal }), `the ${delegationName(party)}'s link`, `delegation-link-${party.id}`)),
      linkRow('Facilitator', roleLink('facilitator', { reveal }), 'the facilitator\'s link', 'delegation-link-facilitator')));
}

/** A delegation edits and reads only its own party: the editor and the breakdown follow it. */
function keepOwnParty() {
  if (!isParty() || !hiding()) return;
  for (const selector of [`[data-testid="edit-party-${root.dataset.role}"]`, `#breakdown-${root.dataset.role}`]) {
    const input = document.querySelector(selector);
    if (input && !input.checked) input.click();
  }
}

/** The delegation's own scores, for screen readers (the app's announcement names every party). */
let spoken = '';
function announce() {
  if (!isParty() || !hiding()) return;
  const own = partyOf(root.dataset.role);
  const concession = document.querySelector(`[data-testid="concession-${own.id}"]`)?.textContent;
  const verdict = document.querySelector(`[data-testid="verdict-${own.id}"]`)?.textContent;
  if (!concession) return;
  // The card's first number; a change marker may follow it.
  const text = `${own.name} concedes ${concession.match(/[\d.]+/)?.[0] ?? ''}. ${verdict ?? ''}`.trim();
  if (text === spoken) return;
  spoken = text;
  const status = document.getElementById('role-status');
  if (status) status.textContent = text;
}

// The app writes the link after each change: the links shown follow it (the scores' announcement
// follows the page's own changes, below).
onLinkChange(() => {
  if (parties.length === 0) return; // not started: start() draws
  drawBanner();
  drawPanel();
});

function start() {
  parties = readParties();
  if (partyOf(role)) root.dataset.roleIndex = String(parties.indexOf(partyOf(role)) + 1);
  if (asked && !(role === 'facilitator' || partyOf(role))) {
    delete root.dataset.role;
    delete root.dataset.reveal;
    delete root.dataset.roleIndex;
    banner.replaceChildren(el('p', { role: 'alert', 'data-testid': 'role-problem' },
      `This link asks for the view of “${asked.slice(0, 40)}”, which is neither a delegation of this model (${parties.map((party) => party.id).join(', ')}) nor the facilitator; the page shows everything.`));
    banner.hidden = false;
  } else {
    drawBanner();
  }
  if (root.dataset.role) {
    new MutationObserver(() => {
      keepOwnParty();
      announce();
    // Both apps: the editor is the panels' (#panels-root), the balance the page app's.
    }).observe(document.getElementById('app'), { childList: true, subtree: true, characterData: true });
    keepOwnParty();
    announce();
    // The facilitator's view opens on the delegations' links, a delegation's on its own
    // priorities.
    if (root.dataset.role === 'facilitator' && panel && !panel.open) panel.open = true;
    const editor = document.querySelector('details[data-testid="editor"]');
    if (isParty() && editor && !editor.open) editor.open = true;
  }
  panel?.addEventListener('toggle', drawPanel);
  drawPanel();
}

if (root.dataset.ready === 'true') start();
else addEventListener('TrunkApplicationStarted', start, { once: true });
