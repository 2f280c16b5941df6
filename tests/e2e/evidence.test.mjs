// End-to-end tests of the evidence on the page: sources shown by outlet with their class and a
// caution where every source is weak; documents scored on what they settle, with the assumed
// provisions marked; a partial text applied on top; the 28-point plan with the US guarantee
// draft; a party's value explained term by term; and a link made with an older model.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axe, cli, cliNumbers, cliReport, currentModel, fragment, link, pageNumbers, start } from './harness.mjs';

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.close();
});

const CLASS_LABELS = ['primary text', 'major outlet', 'regional outlet', 'state media', 'mirror or aggregator', 'unidentified site'];

function scenario() {
  return JSON.parse(cli(['export']));
}

async function loadPreset(page, id) {
  const index = scenario().facts.documents.findIndex((document) => document.id === id);
  assert.ok(index >= 0, id);
  await page.selectOption('#preset', String(index));
  return index;
}

/** The page shows numbers as one-decimal text; the CLI's JSON has the full numbers. */
function signed(points) {
  const tenths = Math.round(Math.abs(points) * 10 + 1e-7);
  const text = `${Math.floor(tenths / 10)}.${tenths % 10}`;
  return text === '0.0' ? text : (points < 0 ? '−' : '+') + text;
}

describe('evidence', () => {
  test('sources show their outlet and class, never a bracketed key, and weak-only facts carry a caution', async () => {
    const { page, context, problems } = await harness.open('');
    const text = await page.textContent('#app');
    const keys = scenario().facts.sources.map((source) => source.key);
    for (const key of keys) assert.ok(!text.includes(`[${key}]`), `no bracketed key [${key}] on the page`);
    const classes = await page.locator('.source-class').allTextContents();
    assert.ok(classes.length > 20, `classes shown: ${classes.length}`);
    for (const label of classes) assert.ok(CLASS_LABELS.includes(label.trim()), label);
    // Every source link shows its outlet as its text.
    const outlets = new Set(scenario().facts.sources.map((source) => source.outlet));
    for (const name of (await page.locator('a.source').evaluateAll((links) => links.map((link) => link.firstChild.textContent))).slice(0, 40)) {
      assert.ok(outlets.has(name.trim()), `a source link is named by its outlet: ${name}`);
    }
    // A position of the 28-point plan that rests only on weak sources shows its caution there.
    const us28 = scenario().facts.documents.find((document) => document.id === 'us28_nov2025');
    const cautioned = us28.positions.filter((position) => position.caution);
    assert.ok(cautioned.length > 0, 'the plan has cautioned positions');
    for (const position of cautioned) {
      const caution = page.locator(`#issue-${position.issue} [data-testid="caution"]`);
      assert.equal(await caution.count(), 1, position.issue);
      assert.ok((await caution.textContent()).includes(position.caution), position.issue);
    }
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  test("a red line's tooltip shows its sources with their class, readable on its dark ground", async () => {
    const { page, context, problems } = await harness.open('');
    const badges = page.locator('[data-testid="redline"]');
    const count = await badges.count();
    assert.ok(count > 0, 'the default package crosses a red line');
    for (let index = 0; index < count; index += 1) {
      // The keyboard opens a tooltip as the pointer does (:focus-within).
      await badges.nth(index).focus();
      const tip = page.locator(`#${await badges.nth(index).getAttribute('aria-describedby')}`);
      assert.equal(await tip.isVisible(), true, `tooltip ${index} shown`);
      assert.ok(await tip.locator('.source-class').count() > 0, `tooltip ${index} names its sources' class`);
      assert.deepEqual(await axe(page), [], `tooltip ${index}`);
    }
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a partial text shows what it settles, the balance over those alone, and its assumed provisions', async () => {
    const { page, context, problems } = await harness.open('');
    await loadPreset(page, 'usg_nov2025');
    const report = cliReport(['--preset', 'usg_nov2025']);
    const coverage = report.coverage;
    assert.equal(coverage.kind, 'partial');
    const assumed = coverage.provisions - coverage.settled;
    assert.match(await page.textContent('[data-testid="coverage"]'), new RegExp(`${assumed} provisions are assumed`));
    assert.equal((await page.textContent('[data-testid="settled-balance"]')).trim(), signed(coverage.settled_balance));
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + (await fragment(page))));
    // The balance over the two provisions the draft settles has the opposite sign of the
    // whole package, which is mostly assumptions: both are on the page.
    assert.notEqual(Math.sign(coverage.settled_balance), Math.sign(coverage.full_balance));
    assert.equal(await page.locator('[data-testid="assumed"]').count(), assumed);
    assert.equal(await page.locator('[data-testid="stated"]').count(), coverage.settled);
    // The breakdown (the panels') marks the same provisions as assumed.
    await page.waitForFunction((count) => document.querySelectorAll('#breakdown-host .assumed-mark').length === count, assumed);
    // Red lines crossed only through an assumed provision say so; the others do not.
    const through = await page.locator('.redline-assumed').count();
    assert.equal(through, coverage.red_lines_through_assumed.length);
    assert.ok(through > 0, 'the draft alone crosses no red line of its own making');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a partial text applied on top of a package is a new history entry with the CLI numbers', async () => {
    const { page, context, problems } = await harness.open('');
    const before = await pageNumbers(page);
    const index = scenario().facts.documents.findIndex((document) => document.id === 'usg_nov2025');
    await page.selectOption('#apply-document', String(index));
    await page.click('#apply-document-button');
    const after = await pageNumbers(page);
    assert.notDeepEqual(after, before);
    const expected = cliReport(['--apply', 'usg_nov2025']);
    assert.equal('#' + (await fragment(page)), expected.link);
    assert.deepEqual(after, cliNumbers(expected.link));
    // The plan with the draft applied is itself a preset: the page says which.
    assert.equal(expected.matches_document, 'us28_usg_nov2025');
    assert.match(await page.textContent('[data-testid="based-on"]'), /Showing: US 28-point plan with the US guarantee draft/);
    assert.match(await page.textContent('#issue-guarantee_strength [data-testid="stated"]'), /US draft security guarantee says/);
    // The panels' breakdown marks what the page marks as assumed, which the link alone does
    // not say once a text is applied on top.
    const marked = await page.locator('[data-testid="assumed"]').count();
    await page.waitForFunction((count) => document.querySelectorAll('#breakdown-host .assumed-mark').length === count, marked);
    await page.goBack();
    await page.waitForFunction((hash) => location.hash !== hash, expected.link);
    assert.deepEqual(await pageNumbers(page), before, 'Back undoes it');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test("the seed's guarantee: the 28-point plan with the US guarantee draft, and the comparison it makes", async () => {
    const { page, context } = await harness.open('');
    // The plan's own point 10 is not "words only".
    assert.doesNotMatch(await page.textContent('#issue-guarantee_strength'), /Words only/);
    assert.match(await page.textContent('#issue-guarantee_strength [data-testid="stated"]'), /US 28-point plan says/);
    await loadPreset(page, 'us28_usg_nov2025');
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + (await fragment(page))));
    const report = cliReport(['--preset', 'us28_usg_nov2025']);
    assert.equal(report.coverage.kind, 'combination');
    const strength = report.coverage.origins.find((origin) => origin.issue === 'guarantee_strength');
    assert.equal(strength.by, 'usg_nov2025');
    const comparison = page.locator('#issue-guarantee_strength [data-testid="comparison"]');
    await comparison.locator('summary').click();
    // The content is built when the disclosure first opens.
    await comparison.locator('tbody tr').first().waitFor();
    const columns = await comparison.locator('thead th').allTextContents();
    assert.ok(columns.some((column) => /Article 5/.test(column)), columns.join(' | '));
    assert.ok(columns.some((column) => /Budapest/.test(column)), columns.join(' | '));
    assert.ok((await comparison.locator('tbody tr').count()) >= 3);
    // Every cell carries its sources.
    const cells = await comparison.locator('tbody td').count();
    assert.equal(await comparison.locator('tbody td:has(a.source)').count(), cells);
    // The army cap's description gives both figures, each with its source.
    const army = await page.textContent('#issue-army_cap .issue-description');
    assert.match(army, /2\.1 million/);
    assert.match(army, /880,000/);
    assert.ok((await page.locator('#issue-army_cap .issue-description a.source').count()) >= 2);
    await context.close();
  });

  test("a click on a party's value shows how it is made, term by term", async () => {
    const { page, context } = await harness.open('');
    const value = (await page.textContent('[data-testid="value-ru"]')).trim();
    await page.click('[data-testid="value-ru"]');
    const panel = page.locator('[data-testid="explanation"]');
    await panel.waitFor();
    assert.match(await panel.locator('h3').textContent(), /Russia's value/);
    assert.equal(await panel.locator('tbody tr').count(), 20);
    assert.equal((await page.textContent('[data-testid="explanation-total"]')).trim(), value);
    // Each row is weight × value ÷ 100, with the reason for the valuation.
    const rows = await panel.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent.trim())));
    let total = 0;
    for (const [weight, optionValue, points] of rows) {
      assert.ok(Math.abs(Number(weight) * Number(optionValue) / 100 - Number(points)) < 0.051, `${weight} × ${optionValue}`);
      total += Number(weight) * Number(optionValue) / 100;
    }
    assert.equal(total.toFixed(1), value);
    assert.ok((await panel.locator('.rationale').count()) === 20);
    assert.equal(await page.getAttribute('[data-testid="value-ru"]', 'aria-expanded'), 'true');
    await panel.locator('button:has-text("Close")').click();
    assert.equal(await panel.count(), 0);
    // The keyboard goes back to the value button that opened it.
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'value-ru');
    await context.close();
  });

  test('a link made with an older model opens with its own numbers and updates in one click', async () => {
    const old = '#v=1&army_cap=cap_800k_peacetime';
    const { page, context, problems } = await harness.open(old);
    const notice = page.locator('[data-testid="model-notice"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /made with model 2026\.11\.26; the current model is/);
    const oldNumbers = await pageNumbers(page);
    assert.deepEqual(oldNumbers, cliNumbers(old), 'the numbers it was shared with');
    assert.match(await page.textContent('[data-testid="model-version"]'), /Model 2026\.11\.26/);
    await page.click('#use-current-model');
    await page.waitForFunction((prefix) => location.hash.startsWith('#' + prefix), link());
    await page.waitForSelector('[data-testid="balance-points"]');
    assert.equal(await notice.count(), 0);
    const current = await fragment(page);
    assert.match(current, /army_cap=cap_800k_peacetime/);
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + current));
    assert.deepEqual(cliReport(['#' + current]).model_version, currentModel());
    // The panels draw the balance panel's details into the new model's page: once each.
    const details = () => page.evaluate(() => ['#how-to-read-host [data-testid="how-to-read"]', '#breakdown-host .breakdown']
      .map((selector) => document.querySelectorAll(selector).length));
    await page.waitForFunction(() => document.querySelector('#breakdown-host .breakdown'));
    assert.deepEqual(await details(), [1, 1]);
    // Back returns to the old link, with the old model's numbers.
    await page.goBack();
    await page.waitForFunction((hash) => location.hash === hash, old);
    await notice.waitFor();
    assert.deepEqual(await pageNumbers(page), oldNumbers);
    await page.waitForFunction(() => document.querySelector('#breakdown-host .breakdown'));
    assert.deepEqual(await details(), [1, 1]);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.offOrigin, []);
    await context.close();
  });

  test('an older model that cannot be loaded: the link opens with the current model and says why', async () => {
    const { page, context } = await harness.open('#v=1&army_cap=cap_800k_peacetime', {
      beforeLoad: (page) => page.route('**/models/*@2026.11.26.*', (route) => route.abort()),
    });
    const problemsNotice = page.locator('#link-problems');
    await problemsNotice.waitFor();
    assert.match(await problemsNotice.textContent(), /made with model 2026\.11\.26, which could not be loaded/);
    assert.equal(await page.locator('[data-testid="model-notice"]').count(), 0);
    await context.close();
  });

  test('the glossary is a page of its own, on the same origin, linked from the balance', async () => {
    const { page, context } = await harness.open('');
    const href = await page.getAttribute('.how-to-read a[href="glossary.html"]', 'href');
    assert.equal(href, 'glossary.html');
    await page.goto(harness.url + href);
    assert.match(await page.textContent('body'), /Passes the model's acceptance test/);
    assert.match(await page.textContent('body'), /Balance over the settled provisions/);
    await context.close();
  });
});
