// Delegation links in Debian Chromium: the panel gives one link per party and one for the
// facilitator (with QR codes that decode to them); a delegation's link shows its own
// priorities, editable, and its own scores, and hides every other party's assumptions and the
// figures computed from them until the facilitator reveals them; the delegation's proposal
// comes back as a link that opens in the facilitator's view, with the CLI's numbers once
// revealed. axe finds nothing in each view; a bad role is refused with a message.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { PARTIES, axe, cliNumbers, fragment, link, pageNumbers, start } from './harness.mjs';

const NAMES = { ua: 'Ukraine', ru: 'Russia', us: 'United States', eu: 'Europe' };

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.close();
});

/** Opens `path` and waits until the role's view is drawn (the balance is hidden in it). */
async function openRole(path, options = {}) {
  const opened = await harness.open(path, { ...options, waitForApp: false });
  await opened.page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  await opened.page.waitForSelector('#role-banner:not([hidden])', { timeout: 15000 });
  return opened;
}

/**
 * What the page shows of each party: the visible elements that belong to it, the weights
 * table's visible columns, the rationales, the editor's and the breakdown's parties, and
 * whether the views computed from every party are visible.
 */
function exposure(names) {
  const visible = (selector) => [...document.querySelectorAll(selector)].filter((node) => node.checkVisibility());
  const text = document.body.innerText;
  const parties = {};
  for (const [id, name] of Object.entries(names)) {
    parties[id] = {
      elements: visible(`.party-${id}`).length,
      rationale: text.includes(`${name}: why these numbers`),
      announced: text.includes(`${name} concedes`),
    };
  }
  return {
    parties,
    weightColumns: visible('.weights-table thead th').map((th) => th.textContent.trim()),
    picker: visible('.party-choice').map((label) => label.textContent.trim()),
    breakdown: visible('.breakdown-choice').map((choice) => choice.textContent.trim()),
    optionValues: /values: Ukraine/.test(text),
    shared: Object.fromEntries(['#analysis', '.verdict-flips', '[data-testid="balance-points"]', '[data-testid="balance-words"]',
      '[data-testid="ratified"]', '#compare', '#term-sheet-panel', '#delegations', '#matrix', '[data-testid="announcement"]']
      .map((selector) => [selector, Boolean(document.querySelector(selector)?.checkVisibility())])),
  };
}

async function readQr(page, locator) {
  const png = PNG.sync.read(await locator.screenshot());
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(read, 'the screenshot holds a readable QR code');
  return read.data;
}

describe('delegation links', () => {
  const body = link('army_cap=cap_800k_peacetime&nato_membership=silent_core_text');

  test('the panel gives each delegation and the facilitator a link, with a QR code that decodes to it', async () => {
    const { page, context, problems } = await harness.open('#' + body, { contextOptions: { viewport: { width: 1920, height: 1080 } } });
    await page.click('#delegations > summary');
    const read = async (who) => (await page.textContent(`[data-testid="delegation-link-${who}"] code`)).trim();
    await page.waitForFunction((expected) => document.querySelector('[data-testid="delegation-link-ua"] code')?.textContent.endsWith(expected), `#${body}`);
    for (const party of PARTIES) assert.equal(await read(party), `${harness.url}?role=${party}#${body}`);
    assert.equal(await read('facilitator'), `${harness.url}?role=facilitator#${body}`);
    // For the debrief, the links reveal.
    await page.check('#delegation-reveal');
    assert.equal(await read('ru'), `${harness.url}?role=ru&reveal=all#${body}`);
    await page.uncheck('#delegation-reveal');
    assert.deepEqual(await axe(page), []);

    // The QR code of Russia's link, large enough to scan from the back of a room.
    const button = page.locator('[data-testid="delegation-link-ru"] button', { hasText: 'QR code' });
    await button.click();
    const svg = page.locator('.qr-dialog .qr-code svg');
    await svg.waitFor();
    assert.equal(await readQr(page, svg), `${harness.url}?role=ru#${body}`);
    assert.equal((await page.textContent('[data-testid="qr-link"]')).trim(), `${harness.url}?role=ru#${body}`);
    const box = await svg.boundingBox();
    assert.ok(box.height >= 0.6 * 1080, `code ${box.height} px high`);
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="qr-dialog"]').waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'QR code');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test("a delegation link hides the other parties' assumptions until they are revealed; the proposal comes back as a link", async () => {
    const expected = cliNumbers('#' + body);
    for (const party of PARTIES) {
      const { page, context, problems } = await openRole(`?role=${party}#${body}`);
      // Its own view opens on its priorities.
      await page.waitForSelector(`[data-testid="walk-away-${party}"]`);
      await page.waitForFunction((id) => document.querySelector(`[data-testid="edit-party-${id}"]`)?.checked
        && document.querySelector(`#breakdown-${id}`)?.checked, party);
      const seen = await page.evaluate(exposure, NAMES);
      for (const other of PARTIES) {
        const own = other === party;
        assert.equal(seen.parties[other].elements > 0, own, `${party}'s view: ${other}'s elements`);
        assert.equal(seen.parties[other].rationale, own, `${party}'s view: ${other}'s rationale`);
        assert.equal(seen.parties[other].announced, own, `${party}'s view: ${other}'s announcement`);
      }
      assert.deepEqual(seen.weightColumns, ['Provision', NAMES[party]]);
      assert.deepEqual(seen.picker, [NAMES[party]]);
      assert.deepEqual(seen.breakdown, [NAMES[party]]);
      assert.equal(seen.optionValues, false);
      assert.deepEqual(seen.shared, {
        '#analysis': false, '.verdict-flips': false, '[data-testid="balance-points"]': false, '[data-testid="balance-words"]': false,
        '[data-testid="ratified"]': false, '#compare': false, '#term-sheet-panel': false, '#delegations': false, '#matrix': true,
        '[data-testid="announcement"]': false,
      });
      // Its own scores are the CLI's, and are announced to screen readers.
      const concession = (await page.textContent(`[data-testid="concession-${party}"]`)).trim();
      assert.equal(concession.replace(/[^\d.].*$/, ''), expected[party].concession);
      assert.match(await page.textContent('#role-status'), new RegExp(`^${NAMES[party]} concedes ${expected[party].concession}\\.`));
      assert.match(await page.textContent('[data-testid="role-hidden"]'), /Hidden until the facilitator reveals them/);
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    }

    // Another party's edits in the link stay hidden, their count included.
    const edited = await openRole(`?role=ua#${body}&d.ru=30`);
    await edited.page.waitForSelector('[data-testid="walk-away-ua"]');
    assert.equal(await edited.page.locator('[data-testid="edits-notice"]').isVisible(), false);
    assert.equal(await edited.page.locator('[data-testid="edit-summary"] p').isVisible(), false);
    assert.doesNotMatch(await edited.page.evaluate(() => document.body.innerText), /Russia: walk-away value 30/);
    await edited.context.close();

    // Ukraine's delegation edits its own priorities and sends its proposal.
    const { page, context, problems } = await openRole(`?role=ua#${body}`, { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } });
    await page.waitForSelector('[data-testid="walk-away-ua"]');
    await page.locator('[data-testid="walk-away-input"]').fill('30');
    await page.click('#option-foreign_troops-reassurance_force_after_ceasefire');
    const proposed = await fragment(page);
    assert.match(await page.textContent('[data-testid="edits-notice"]'), /Ukraine: walk-away value 30 \(model: 40\)/);
    assert.ok(await page.locator('[data-testid="edits-notice"]').isVisible(), 'its own edits are listed');
    // Its own scores are announced after the change, with the CLI's number for the new link.
    await page.waitForFunction((text) => document.getElementById('role-status').textContent.startsWith(text),
      `Ukraine concedes ${cliNumbers(proposed).ua.concession}.`);
    assert.match(proposed, /&d\.ua=30/);
    assert.match(proposed, /foreign_troops=reassurance_force_after_ceasefire/);
    assert.match(page.url(), /\?role=ua#/, 'the address keeps the role after a change');
    const proposal = `${harness.url}?role=facilitator&proposal=ua#${proposed}`;
    await page.waitForFunction((text) => document.querySelector('[data-testid="proposal-link"] code')?.textContent === text, proposal);
    await page.click('[data-testid="proposal-link"] button:has-text("Copy")');
    await page.waitForSelector('#delegation-status:has-text("Copied")');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), proposal);
    // The page's own QR code keeps the delegation's view.
    await page.click('#qr-button');
    await page.waitForFunction(() => document.querySelector('[data-testid="qr-link"]')?.textContent.includes('?role=ua#'));
    assert.deepEqual(problems.pageErrors, []);
    await context.close();

    // The facilitator opens it: whose proposal it is, and nobody's assumptions until revealed.
    const facilitator = await openRole(proposal.slice(harness.url.length));
    const view = facilitator.page;
    assert.equal((await view.textContent('[data-testid="proposal-from"]')).trim(), 'Proposal from the Ukraine delegation.');
    const hidden = await view.evaluate(exposure, NAMES);
    for (const party of PARTIES) assert.equal(hidden.parties[party].elements, 0, `facilitator's view: ${party}`);
    assert.deepEqual(hidden.weightColumns, []);
    assert.equal(hidden.shared['#analysis'], false);
    assert.equal(hidden.shared['#delegations'], true);
    assert.equal(await view.locator('[data-testid="edits-notice"]').isVisible(), false);
    assert.deepEqual(await axe(view), []);
    // Revealed by the keyboard: everything shows, with the CLI's numbers for the proposal.
    await view.focus('#reveal-toggle');
    await view.keyboard.press('Enter');
    await view.waitForSelector('html[data-reveal="all"]');
    assert.match(view.url(), /\?role=facilitator&proposal=ua&reveal=all#/);
    assert.equal(await view.evaluate(() => document.activeElement.id), 'reveal-toggle');
    const shown = await view.evaluate(exposure, NAMES);
    for (const party of PARTIES) assert.ok(shown.parties[party].elements > 0, `revealed: ${party}`);
    assert.equal(shown.shared['#analysis'], true);
    assert.deepEqual(await pageNumbers(view), cliNumbers(proposed));
    assert.match(await view.textContent('[data-testid="edits-notice"]'), /Ukraine: walk-away value 30 \(model: 40\)/);
    assert.deepEqual(await axe(view), []);
    assert.deepEqual(facilitator.problems.pageErrors, []);
    await facilitator.context.close();

    // A revealed delegation link shows everything.
    const revealed = await openRole(`?role=ru&reveal=all#${body}`);
    const all = await revealed.page.evaluate(exposure, NAMES);
    for (const party of PARTIES) assert.ok(all.parties[party].elements > 0, `revealed link: ${party}`);
    assert.deepEqual(await pageNumbers(revealed.page), expected);
    await revealed.context.close();
  });

  test('a role that is no party is refused with a message, as text; a phone shows the view without overflow', async () => {
    const { page, context, problems } = await openRole(`?role=${encodeURIComponent('<img src=x onerror=alert(1)>')}#${body}`);
    assert.match(await page.textContent('[data-testid="role-problem"]'), /is neither a delegation of this model \(ua, ru, us, eu\) nor the facilitator; the page shows everything/);
    assert.equal(await page.locator('#role-banner img').count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.role), undefined);
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + body));
    assert.deepEqual(problems.dialogs, []);
    await context.close();

    const unknown = await openRole(`?role=xx#${body}`);
    assert.match(await unknown.page.textContent('[data-testid="role-problem"]'), /“xx”/);
    const seen = await unknown.page.evaluate(exposure, NAMES);
    for (const party of PARTIES) assert.ok(seen.parties[party].elements > 0);
    await unknown.context.close();

    const phone = await openRole(`?role=eu#${body}`, { contextOptions: { viewport: { width: 320, height: 640 }, isMobile: true } });
    await phone.page.waitForSelector('[data-testid="walk-away-eu"]');
    assert.ok(await phone.page.evaluate(() => document.documentElement.scrollWidth <= 320), 'no horizontal overflow at 320 px');
    assert.ok(await phone.page.locator('.phone-bar-party.party-eu').isVisible(), "the phone bar shows Europe's concession");
    assert.equal(await phone.page.locator('[data-testid="phone-bar-balance"]').isVisible(), false);
    assert.deepEqual(await axe(phone.page), []);
    await phone.context.close();
  });
});
