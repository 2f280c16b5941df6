// End-to-end tests of what keeps the page responsive: the skeleton before the wasm arrives, the
// worker's results never shown for a package the reader has left, the page scoring on when the
// worker cannot load, and the phone's bottom bar that keeps the balance in view.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axe, changed, cli, cliNumbers, fragment, packageOnly, pageNumbers, start, waitReady } from './harness.mjs';

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.close();
});

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

async function analysisReady(page) {
  await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 30000 });
}

/** A gate: requests matching `pattern` wait until `open()` is called. */
async function holdRequests(page, pattern) {
  let open;
  const opened = new Promise((resolve) => {
    open = resolve;
  });
  let seen;
  const requested = new Promise((resolve) => {
    seen = resolve;
  });
  await page.route(pattern, async (route) => {
    seen();
    await opened;
    await route.continue();
  });
  return { open, requested };
}

describe('first paint', () => {
  test('the default page\'s header shows before the wasm arrives, inert; the app draws the same words in the same place', async () => {
    let gate;
    const { page, context, problems } = await harness.open('', {
      waitForApp: false,
      beforeLoad: async (page) => {
        gate = await holdRequests(page, /_bg\.wasm$/);
      },
    });
    await gate.requested;
    await page.waitForSelector('#skeleton .prerender .based-on');
    assert.match(await page.textContent('h1'), /Peace Plan Sandbox/);
    assert.match(await page.textContent('#loading'), /Loading/);
    assert.equal(await page.locator('#skeleton .skeleton-controls').isVisible(), false);
    // Nothing prerendered works before the app can act on it: every control is inert, Tab
    // never reaches one, a click on the picker opens nothing, and the controls are greyed.
    const controls = '#skeleton :is(button, input, select, a, textarea, summary)';
    assert.ok(await page.locator(controls).count() > 3);
    assert.equal(await page.locator(`${controls}:not([inert] *)`).count(), 0);
    for (let press = 0; press < 6; press += 1) {
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('#skeleton'))), false);
    }
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#skeleton .header-controls')).opacity), '0.4');
    // No second element with the app's ids or test ids.
    assert.equal(await page.locator('#skeleton .prerender :is([id], [for], [data-testid])').count(), 0);
    const prerendered = await page.evaluate(() => {
      const description = document.querySelector('#skeleton .based-on > p');
      const box = description.getBoundingClientRect();
      return { text: description.textContent, top: box.top, height: box.height, picker: document.querySelector('#skeleton select').selectedOptions[0].textContent };
    });
    assert.match(prerendered.text, /^Showing: /);
    gate.open();
    await waitReady(page);
    assert.equal(await page.locator('#skeleton').count(), 0);
    assert.equal(await page.locator('h1').count(), 1);
    const live = await page.evaluate(() => {
      const description = document.querySelector('#root [data-testid="based-on"] > p');
      const box = description.getBoundingClientRect();
      return { text: description.textContent, top: box.top, height: box.height, picker: document.querySelector('#preset').selectedOptions[0].textContent };
    });
    assert.deepEqual(live, prerendered);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a link opens on grey blocks, not on the default page\'s header', async () => {
    let gate;
    const { link } = JSON.parse(cli(['score', '--preset', 'eu24_nov2025', '--json']));
    const { page, context, problems } = await harness.open(link, {
      waitForApp: false,
      beforeLoad: async (page) => {
        gate = await holdRequests(page, /_bg\.wasm$/);
      },
    });
    await gate.requested;
    await page.waitForSelector('#skeleton .skeleton-controls');
    assert.equal(await page.locator('#skeleton .skeleton-controls').isVisible(), true);
    assert.equal(await page.locator('#skeleton .prerender').isVisible(), false);
    assert.equal(await page.locator('#skeleton .based-on').isVisible(), false);
    gate.open();
    await waitReady(page);
    assert.match(await page.textContent('[data-testid="based-on"] > p'), /^Showing: European 24-point plan/);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});

describe('first render in parts', () => {
  test('on a phone the page draws part by part without moving anything painted, and ends whole', async () => {
    const { page, context, problems } = await harness.open('', {
      contextOptions: PHONE,
      beforeLoad: (page) => page.addInitScript(() => {
        // The fieldsets of the first part, kept to check that later parts add to them and do
        // not draw them again.
        const firstPart = () => {
          const drawn = [...document.querySelectorAll('#provisions fieldset.issue')];
          if (drawn.length > 0) window.__firstPart = drawn;
          else requestAnimationFrame(firstPart);
        };
        requestAnimationFrame(firstPart);
        window.__shifts = [];
        new PerformanceObserver((list) => {
          // Each shift with what moved, so that a failure says which element it was.
          for (const entry of list.getEntries()) {
            window.__shifts.push({
              value: entry.value,
              moved: entry.sources.map((source) => source.node?.id || source.node?.className || source.node?.nodeName),
            });
          }
        }).observe({ type: 'layout-shift', buffered: true });
      }),
    });
    // Ready is set once the last part, the footer, is drawn: every issue and the panels are in.
    const issues = JSON.parse(cli(['export'])).facts.issues.length;
    assert.ok(issues > 3);
    assert.equal(await page.locator('#provisions fieldset.issue').count(), issues);
    // Entries reach the observer after their frame.
    const shifts = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(window.__shifts)))));
    assert.deepEqual(shifts.map((shift) => shift.value), [], JSON.stringify(shifts));
    const firstPart = await page.evaluate(() => window.__firstPart.map((fieldset) => [fieldset.id, fieldset.isConnected]));
    assert.ok(firstPart.length > 0 && firstPart.length < issues);
    assert.deepEqual(firstPart, firstPart.map(([id]) => [id, true]));
    assert.equal(await page.locator('#skeleton').count(), 0);
    assert.equal(await page.locator('#balance .balance-panel').count(), 1);
    assert.equal(await page.locator('#analysis').count(), 1);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});

describe('analysis worker', () => {
  test('after a burst of clicks the analysis shown belongs to the last package', async () => {
    const { page, context, problems } = await harness.open('');
    await analysisReady(page);
    // Five changes inside one task each, faster than the worker finishes any of them.
    const options = [
      'territory_donetsk-hold_current_line',
      'territory_south_and_other-full_russian_withdrawal',
      'humanitarian_exchange-unconditional_russian_returns',
      'amnesty_accountability-accountability',
      'territory_donetsk-reciprocal_pullback_dmz',
    ];
    for (const option of options) {
      await page.evaluate((id) => document.querySelector(`label[for="option-${id}"]`).click(), option);
    }
    const body = await fragment(page);
    await analysisReady(page);
    const report = JSON.parse(cli(['analyze', '#' + body, '--json', '--samples', '100']));
    const card = page.locator('[data-testid="suggestion-nearest"]');
    await card.locator('button.apply').click();
    assert.equal('#' + packageOnly(await fragment(page)), report.nearest_acceptable.link);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a worker that cannot load is reported, scores go on, and a retry recovers', async () => {
    let blocked = true;
    const { page, context, problems } = await harness.open('', {
      beforeLoad: async (page) => {
        await page.route(/worker_loader\.js$/, (route) =>
          blocked ? route.fulfill({ status: 404, body: 'not found' }) : route.continue());
      },
    });
    await page.waitForSelector('[data-testid="analysis-failure"]', { timeout: 30000 });
    assert.match(await page.textContent('[data-testid="analysis-failure"]'), /could not start/);
    assert.match(await page.textContent('[data-testid="analysis-status"]'), /unavailable/i);
    // The verdict flips, which the worker computes, say they are not coming (not busy forever).
    const flips = page.locator('section.verdict-flips');
    assert.equal(await flips.getAttribute('aria-busy'), 'false');
    assert.match(await flips.textContent(), /Not available: the analysis is not running/);
    await page.click('label[for="option-territory_donetsk-hold_current_line"]');
    const body = await fragment(page);
    assert.equal(body, changed('territory_donetsk=hold_current_line'));
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + body));
    // The worker draws QR codes: the dialog says why there is none.
    await page.click('#qr-button');
    await page.waitForSelector('[data-testid="qr-code"] [role="alert"]');
    assert.match(await page.textContent('[data-testid="qr-code"]'), /drawn by the analysis worker, which is not running: .*could not start/);
    await page.keyboard.press('Escape');
    blocked = false;
    await page.click('[data-testid="analysis-failure"] button');
    await analysisReady(page);
    await page.waitForSelector('section.verdict-flips[aria-busy="false"] [data-testid="flips"]');
    // Once it runs, the code is drawn.
    await page.click('#qr-button');
    await page.waitForSelector('[data-testid="qr-code"] svg');
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('[data-testid="analysis-failure"]').count(), 0);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});

describe('phones', () => {
  test('the bottom bar keeps the balance in view while toggling far down the page', async () => {
    const { page, context, problems } = await harness.open('', { contextOptions: PHONE });
    const bar = page.locator('[data-testid="phone-bar"]');
    await page.locator('#issue-sanctions_relief').scrollIntoViewIfNeeded();
    assert.equal(await page.evaluate(() => {
      const panel = document.querySelector('#balance').getBoundingClientRect();
      return panel.bottom > 0 && panel.top < innerHeight;
    }), false, 'the full panel is out of view here');
    await page.click('label[for="option-territory_donetsk-hold_current_line"]');
    const body = await fragment(page);
    const expected = cliNumbers('#' + body);
    const box = await bar.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 844 + 0.5, `bar in view: ${JSON.stringify(box)}`);
    assert.equal((await page.textContent('[data-testid="phone-bar-balance"]')).trim(), expected.balance);
    for (const party of ['ua', 'ru', 'us', 'eu']) {
      assert.equal((await page.textContent(`[data-testid="phone-bar-${party}"]`)).trim(), expected[party].concession, party);
    }
    assert.match(await page.textContent('[data-testid="phone-bar-toward"]'), /^(Toward (UA|RU)|Even)$/);
    // The page never scrolls sideways on a phone.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    await bar.tap();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'balance');
    assert.deepEqual(await pageNumbers(page), expected);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('the theme buttons move to their theme; on a wide screen the bar is hidden', async () => {
    const { page, context } = await harness.open('', { contextOptions: PHONE });
    const buttons = page.locator('nav.theme-nav button');
    assert.ok((await buttons.count()) >= 3);
    const last = buttons.last();
    const name = (await last.textContent()).trim();
    await last.click();
    const focused = await page.evaluate(() => ({ id: document.activeElement.id, text: document.activeElement.textContent }));
    assert.match(focused.id, /^theme-/);
    assert.equal(focused.text.trim(), name);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.equal(await page.locator('[data-testid="phone-bar"]').isVisible(), false);
    await context.close();
  });
});
