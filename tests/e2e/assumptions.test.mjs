// End-to-end tests of the assumptions editor: a weight, a walk-away value and a red line edited
// on the page travel in the copied link to a fresh context, with the CLI's numbers for that
// link; the analysis follows the edits; reset gives back the link without edits; a file with
// errors is listed and changes nothing; the editor is clean under axe and usable by keyboard.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { axe, cli, cliNumbers, fragment, link, pageNumbers, start, tempDir, waitReady } from './harness.mjs';

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.close();
});

/** Sets a range input to `value` as a person's drag would end: input, then change. */
async function setRange(page, selector, value) {
  await page.locator(selector).evaluate((input, next) => {
    input.value = String(next);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
}

describe('assumptions editor', () => {
  test('edits travel in the link to a fresh context, with the CLI numbers, and reset removes them', async () => {
    const { page, context, problems } = await harness.open('', {
      contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    const before = await pageNumbers(page);
    // The editor is closed until opened (a link with edits opens it).
    assert.equal(await page.locator('[data-testid="weight-ua-territory_donetsk"]').count(), 0);
    await page.click('[data-testid="editor"] > summary');
    // Ukraine's weight on Donetsk to 20 %, its walk-away value to 30, Russia's first red line off.
    await setRange(page, '[data-testid="weight-ua-territory_donetsk"]', 20);
    await page.waitForSelector('[data-testid="edits-notice"]');
    assert.equal((await page.textContent('output[for="weight-ua-territory_donetsk"]')).trim(), '20 %');
    await setRange(page, '[data-testid="walk-away-input"]', 30);
    await page.check('[data-testid="edit-party-ru"]');
    const redLine = page.locator('[data-testid^="red-line-ru-"]').first();
    await redLine.uncheck();
    const body = await fragment(page);
    assert.match(body, /&w\.ua=[0-9.]+/);
    assert.match(body, /&d\.ua=30/);
    assert.match(body, /&r\.ru\.[a-z0-9_]+=0/);
    // The numbers follow the edits, and equal the CLI's for the same link.
    const edited = await pageNumbers(page);
    assert.notDeepEqual(edited, before);
    assert.deepEqual(edited, cliNumbers(body));
    // The notice lists every edit, each with the model's value.
    const notice = await page.textContent('[data-testid="edits-notice"]');
    assert.match(notice, /Ukraine: walk-away value 30 \(model: 40\)/);
    assert.match(notice, /Ukraine: weight on .+ 20 % \(model: 12 %\)/);
    assert.match(notice, /Russia: red line on .+ off \(model: on\)/);
    // The analysis is recomputed in the worker under the edits: the flip points name the
    // edited weights as their starting point.
    await page.waitForSelector('[data-testid="flips"]');

    await page.click('#share');
    await page.waitForSelector('.share-status >> text=Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, harness.url + '#' + body);
    const fresh = await harness.browser.newContext();
    const other = await fresh.newPage();
    await other.goto(copied);
    await waitReady(other);
    assert.deepEqual(await pageNumbers(other), edited);
    assert.equal(await other.inputValue('[data-testid="weight-ua-territory_donetsk"]'), '20');
    assert.equal(await other.inputValue('[data-testid="walk-away-input"]'), '30');
    await other.check('[data-testid="edit-party-ru"]');
    assert.equal(await other.locator('[data-testid^="red-line-ru-"]').first().isChecked(), false);
    await fresh.close();

    // Reset everything: the link has no edit part left and the numbers are the model's again.
    await page.click('[data-testid="reset-all"]');
    await page.waitForSelector('[data-testid="edits-notice"]', { state: 'detached' });
    assert.equal(await fragment(page), link());
    assert.deepEqual(await pageNumbers(page), before);
    assertClean(problems);
    await context.close();
  });

  test('one number or one party resets on its own, and a refused value says why', async () => {
    const { page, context, problems } = await harness.open('#' + link('d.ua=25&d.ru=35'));
    assert.equal((await page.textContent('[data-testid="walk-away-ua"]')).trim(), '25');
    await page.click('.edit-row.edited .reset-one');
    assert.equal(await fragment(page), link('d.ru=35'));
    await page.check('[data-testid="edit-party-ru"]');
    await page.click('[data-testid="reset-party"]');
    assert.equal(await fragment(page), link());
    // An option value that would leave no option at 100 on a weighted provision is refused.
    await page.click('.values-editor summary');
    const inputs = page.locator('.values-table').first().locator('input.value-input');
    const values = await inputs.evaluateAll((fields) => fields.map((field) => field.value));
    const best = inputs.nth(values.indexOf('100'));
    await best.fill('90');
    await best.press('Tab');
    await page.waitForSelector('[data-testid="edit-message"]');
    assert.match(await page.textContent('[data-testid="edit-message"]'), /best option must stay at 100/);
    assert.equal(await fragment(page), link());
    assertClean(problems);
    await context.close();
  });

  test('a hostile or inconsistent assumption in a link is reset and listed', async () => {
    const hostile = link('w.ua=50.50&d.ru=400&r.us.nothing=0&x.eu.army_cap.no_cap=abc&d.ua=33');
    const { page, context, problems } = await harness.open('#' + hostile);
    const listed = await page.textContent('#link-problems');
    assert.match(listed, /Ukraine's weights in the link are not \d+ whole numbers summing to 100/);
    assert.match(listed, /Russia's walk-away value “400” is not a whole number/);
    assert.match(listed, /United States has no red line “nothing”/);
    assert.match(listed, /Europe's value “abc”/);
    // What could be read is applied: Ukraine's walk-away value.
    assert.equal((await page.textContent('[data-testid="walk-away-ua"]')).trim(), '33');
    assert.deepEqual(await pageNumbers(page), cliNumbers(hostile));
    assert.deepEqual(await pageNumbers(page), cliNumbers(link('d.ua=33')));
    assertClean(problems);
    await context.close();
  });

  test('an assumptions file: a good one applies whole, one with errors lists them and changes nothing', async () => {
    const { page, context, problems } = await harness.open('');
    const dir = tempDir();
    const exported = cli(['export', '--assumptions', '#' + link('d.us=60')]);
    const good = join(dir, 'good.json');
    writeFileSync(good, exported);
    await page.setInputFiles('[data-testid="load-assumptions"]', good);
    await page.waitForSelector('[data-testid="edits-notice"]');
    assert.equal(await fragment(page), link('d.us=60'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, exported.replace('"reservation": 60', '"reservation": 160').replace('"army_cap": 9', '"army_cap": 19'));
    await page.setInputFiles('[data-testid="load-assumptions"]', bad);
    await page.waitForSelector('[data-testid="assumptions-file-problems"]');
    const listed = await page.textContent('[data-testid="assumptions-file-problems"]');
    assert.match(listed, /nothing changed/);
    assert.match(listed, /parties\.us\.reservation: must be a whole number from 0 to 100/);
    assert.match(listed, /parties\.ua\.weights: the weights sum to 110/);
    assert.equal(await fragment(page), link('d.us=60'));
    // The download offers the same file the CLI writes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-assumptions"]')]);
    const saved = join(dir, 'saved.json');
    await download.saveAs(saved);
    assert.equal((await import('node:fs')).readFileSync(saved, 'utf8'), exported);
    assertClean(problems);
    await context.close();
  });

  test('the editor is usable by keyboard and clean under axe', async () => {
    const { page, context, problems } = await harness.open('#' + link('d.ua=30'));
    await page.focus('[data-testid="weight-ua-army_cap"]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.inputValue('[data-testid="weight-ua-army_cap"]'), '11');
    assert.match(await fragment(page), /&w\.ua=11\./);
    await page.focus('[data-testid="edit-party-ua"]');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.isChecked('[data-testid="edit-party-ru"]'), true);
    await page.click('.values-editor summary');
    assert.deepEqual(await axe(page), []);
    assertClean(problems);
    await context.close();
  });
});
