// End-to-end tests of the negotiation analysis on the page: it runs off the click path and says
// so, warnings focus their provision, suggestions apply as history entries with the CLI's
// numbers, the frontier chart has its data table, and the robustness bands match the CLI.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axe, changed, cli, cliNumbers, fragment, packageOnly, pageNumbers, start } from './harness.mjs';

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.close();
});

async function analysisReady(page) {
  await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 30000 });
  await page.waitForSelector('[data-testid="frontier-chart"]', { timeout: 30000 });
}

describe('analysis', () => {
  test('runs after the click, shows that it is updating, and ends up to date', async () => {
    const { page, context, problems } = await harness.open('');
    await analysisReady(page);
    // The page app applies the click in the next frame, before its rendering, and the panels,
    // told then, ask for a frame and follow once it is painted: the second frame after the
    // click's already says the analysis is updating (read in that frame's requestAnimationFrame
    // callback, before it is drawn, so the words come from the panels' task before it).
    const status = await page.evaluate(() => new Promise((resolve) => {
      document.querySelector('label[for="option-territory_donetsk-hold_current_line"]').click();
      const read = () => document.querySelector('[data-testid="analysis-status"]').textContent;
      const frame = (then) => requestAnimationFrame(() => setTimeout(then));
      // The click's frame, the next one (the panels follow after it), then the one after.
      frame(() => frame(() => requestAnimationFrame(() => resolve(read()))));
    }));
    assert.match(status, /Updating the analysis/);
    assert.equal(await fragment(page), changed('territory_donetsk=hold_current_line'));
    await analysisReady(page);
    assert.equal(await page.getAttribute('#analysis', 'aria-busy'), 'false');
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('the worker starts once the first render is drawn, and answers what was asked before', async () => {
    const { page, context, problems } = await harness.open('', {
      beforeLoad: (page) => page.addInitScript(() => {
        // Records, for each worker the page makes, whether the panels' last part (their
        // footer) was drawn.
        const Native = window.Worker;
        window.workersStarted = [];
        window.Worker = class extends Native {
          constructor(...args) {
            window.workersStarted.push(document.querySelector('#app .site-footer') !== null);
            super(...args);
          }
        };
      }),
    });
    await analysisReady(page);
    // The model-level parts and the opening package's analysis were asked for at the first
    // render, queued, and answered by the one worker.
    assert.deepEqual(await page.evaluate(() => window.workersStarted), [true]);
    assert.ok(await page.locator('[data-testid^="suggestion-"]').count() >= 1);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a warning names its provision and focuses it', async () => {
    const { page, context } = await harness.open('');
    await analysisReady(page);
    const report = JSON.parse(cli(['analyze', '', '--json', '--samples', '100']));
    const warnings = page.locator('[data-testid="warning"]');
    assert.equal(await warnings.count(), report.warnings.length);
    assert.equal((await warnings.first().textContent()).trim(), report.warnings[0]);
    await warnings.first().click();
    const focused = await page.evaluate(() => document.activeElement.id);
    assert.match(focused, /^issue-/);
    assert.match((await warnings.first().textContent()), new RegExp(await page.evaluate(
      (id) => document.querySelector(`#${id} legend`).textContent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), focused)));
    await context.close();
  });

  test('a suggestion applies as a new history entry, matches the CLI, and Back undoes it', async () => {
    const { page, context } = await harness.open('');
    await analysisReady(page);
    const report = JSON.parse(cli(['analyze', '', '--json', '--samples', '100']));
    for (const [id, expected] of [['nearest', report.nearest_acceptable], ['improvement', report.pareto.improvement]]) {
      const card = page.locator(`[data-testid="suggestion-${id}"]`);
      const hashBefore = await page.evaluate(() => location.hash);
      await card.locator('button.apply').click();
      assert.equal('#' + packageOnly(await fragment(page)), expected.link, id);
      assert.deepEqual(await pageNumbers(page), cliNumbers(expected.link), id);
      await page.goBack();
      await page.waitForFunction((hash) => location.hash === hash, hashBefore);
      assert.deepEqual(await pageNumbers(page), cliNumbers(''), `${id}: Back restores the package`);
      await analysisReady(page);
    }
    // The reference packages apply the same way.
    await page.locator('[data-testid="suggestion-nash"] button.apply').click();
    const nash = report.references[0].nash.link;
    assert.equal('#' + packageOnly(await fragment(page)), nash);
    assert.deepEqual(await pageNumbers(page), cliNumbers(nash));
    await context.close();
  });

  test('the frontier chart plots every frontier package and has a data table', async () => {
    const { page, context } = await harness.open('');
    await analysisReady(page);
    const report = JSON.parse(cli(['analyze', '', '--json', '--samples', '100']));
    // Two paths, a circle (a subpath) per point: the acceptable points and the others.
    const drawn = await page.evaluate(() => [...document.querySelectorAll('[data-testid="frontier-chart"] path.frontier-points')]
      .map((path) => ({ acceptable: path.classList.contains('acceptable'), label: Number(path.dataset.points), circles: (path.getAttribute('d').match(/M/g) ?? []).length })));
    assert.equal(drawn.length, 2);
    for (const { acceptable, label, circles } of drawn) {
      assert.equal(circles, report.frontier.filter((point) => point.acceptable_to_both === acceptable).length, `acceptable: ${acceptable}`);
      assert.equal(label, circles);
    }
    // Every amount counts: the packages on straight stretches are counted, not drawn.
    const total = report.frontier.reduce((sum, point) => sum + 1 + point.between, 0);
    assert.ok(total > report.frontier.length, `${total} frontier packages, ${report.frontier.length} listed`);
    const caption = await page.locator('.frontier > p.muted').first().textContent();
    assert.match(caption, new RegExp(`joins the ${total} packages .* Dots: the ${report.frontier.length} where`));
    for (const marker of ['marker-current', 'marker-no-deal', 'marker-nash']) {
      assert.equal(await page.locator(`.frontier-wrap .${marker}`).count(), 1, marker);
    }
    const summary = page.locator('.frontier-data summary');
    await summary.focus();
    // The table is built when the disclosure is first opened.
    assert.equal(await page.locator('[data-testid="frontier-table"]').count(), 0);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="frontier-table"] tbody tr');
    assert.equal(await page.locator('[data-testid="frontier-table"] tbody tr').count(), report.frontier.length);
    const between = await page.locator('[data-testid="frontier-table"] tbody tr td:nth-child(4)').allTextContents();
    assert.deepEqual(between.map(Number), report.frontier.map((point) => point.between));
    await context.close();
  });

  test('robustness bands on the bars and the summary match the CLI for the same seed', async () => {
    const { page, context } = await harness.open('');
    await analysisReady(page);
    await page.waitForSelector('[data-testid="band-ua"]');
    const text = cli(['analyze', '', '--samples', '10000', '--concentration', '50', '--seed', '1']);
    for (const party of ['ua', 'ru', 'us', 'eu']) {
      const line = text.split('\n').find((row) => row.trim().startsWith(`${party.toUpperCase()} concession 5–95 %`));
      const [, low, high] = line.match(/: ([0-9.]+) – ([0-9.]+)/);
      assert.equal((await page.textContent(`[data-testid="band-${party}"]`)).trim(), `${low}–${high}`, party);
    }
    assert.match(await page.textContent('[data-testid="robustness-summary"]'), /Over 10000 weight samples/);
    // A different concentration gives narrower or wider bands, recomputed off the click path.
    const before = await page.textContent('[data-testid="band-ua"]');
    await page.evaluate(() => {
      const range = document.querySelector('#concentration');
      range.value = '500';
      range.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForFunction((old) => {
      const band = document.querySelector('[data-testid="band-ua"]');
      return band && band.textContent !== old;
    }, before, { timeout: 30000 });
    // With a text on screen (its link says `from=`), the bands are its package's, and shown.
    const plan = await page.$eval('#preset', (select) =>
      [...select.options].find((option) => option.textContent.startsWith('US 28-point plan —')).value);
    await page.selectOption('#preset', plan);
    await page.click(`label[for="${await page.$eval('#issue-army_cap input:not(:checked)', (input) => input.id)}"]`);
    await page.waitForFunction(() => /[#&]from=/.test(location.hash));
    await page.waitForSelector('.balance-panel:not(.bands-stale) [data-testid="band-ua"]', { timeout: 30000 });
    await context.close();
  });

  test('axe finds no critical or serious violation with the analysis shown', async () => {
    const { page, context } = await harness.open('');
    await analysisReady(page);
    await page.click('.frontier-data summary');
    await page.waitForSelector('[data-testid="frontier-table"]');
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
});
