// Undo and redo in Debian Chromium: by the buttons and by Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, over
// toggles, a number typed and a plan picked, each step reopening the exact link with
// the CLI's numbers; a slider's run of writes is one step; Ctrl+Z in a number field stays the
// field's. Applying a suggested package says so with its own Undo, keeps the keyboard there
// (not at the top of the page) and does not move the card; axe finds nothing with the message.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { axe, cliNumbers, fragment, link, pageNumbers, start } from './harness.mjs';

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.close();
});

const viewport = { width: 1366, height: 768 };

/** Picks an unchosen option of the `index`th provision shown as radio buttons. */
async function toggle(page, index) {
  await page.locator('fieldset.issue:has(input[type=radio]:not(:checked))').nth(index).locator('input[type=radio]:not(:checked)').first().check();
}

async function expectState(page, body) {
  assert.equal(await fragment(page), body);
  assert.deepEqual(await pageNumbers(page), cliNumbers('#' + body));
}

describe('undo and redo', () => {
  test('buttons and keyboard step back and forth through toggles and a plan', async () => {
    const { page, context, problems } = await harness.open('', { contextOptions: { viewport } });
    const start = await fragment(page);
    // The opening page's address has no fragment until the first change.
    assert.ok(start === '' || start === link(), start);
    assert.equal(await page.isDisabled('#undo'), true);
    assert.equal(await page.isDisabled('#redo'), true);

    await toggle(page, 1);
    const one = await fragment(page);
    await toggle(page, 2);
    const two = await fragment(page);
    await page.selectOption('#preset', '2');
    const three = await fragment(page);
    assert.equal(new Set([start, one, two, three]).size, 4);
    assert.equal(await page.isHidden('#applied-toast'), false, 'picking a plan says it was applied');

    await page.click('#undo');
    await expectState(page, two);
    await page.keyboard.press('Control+z');
    await expectState(page, one);
    await page.click('#undo');
    await expectState(page, start);
    assert.equal(await page.isDisabled('#undo'), true);
    await page.click('#redo');
    await expectState(page, one);
    await page.keyboard.press('Control+Shift+z');
    await expectState(page, two);
    await page.keyboard.press('Control+y');
    await expectState(page, three);
    assert.equal(await page.isDisabled('#redo'), true);

    // A new change after an undo drops what could be redone.
    await page.keyboard.press('Control+z');
    await expectState(page, two);
    await toggle(page, 3);
    // The change reaches the history once the address bar takes it (a pause or the next press).
    await fragment(page);
    assert.equal(await page.isDisabled('#redo'), true);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('no control keeps its state in a history entry: the link alone is the state', async () => {
    const { page, context, problems } = await harness.open('', { contextOptions: { viewport } });
    // The editor's and the values' controls are drawn once opened.
    await page.click('[data-testid="editor"] > summary');
    await page.click('.values-editor > summary');
    await page.waitForSelector('.values-editor input[type=number]');
    const controls = await page.evaluate(() => [...document.querySelectorAll('input:not([type=file]), select, textarea')]
      .map((control) => ({ id: control.id || control.name || control.outerHTML.slice(0, 80), off: control.getAttribute('autocomplete') === 'off' })));
    // Every provision's control, the header's pickers, the editor's and the analysis' inputs.
    assert.ok(controls.length > 100, `${controls.length} controls`);
    // A control without autocomplete="off" has its state saved into the history entry at every
    // address write (measured: 85 such controls made each write 0.3–0.6 ms slower at 1× CPU) and
    // restored over the link's on Back.
    assert.deepEqual(controls.filter((control) => !control.off).map((control) => control.id), []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a number typed is one step, and Ctrl+Z in the field is the field\'s own', async () => {
    const { page, context, problems } = await harness.open('', { contextOptions: { viewport } });
    const start = await fragment(page);
    await page.fill('#number-army_cap', '700000');
    await page.press('#number-army_cap', 'Tab');
    const typed = await fragment(page);
    assert.match(typed, /army_cap=700000/);
    await page.focus('#number-army_cap');
    await page.keyboard.press('Control+z');
    assert.equal(await fragment(page), typed, 'the page did not undo while the field has the keyboard');
    await page.click('#undo');
    await expectState(page, start);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('applying a suggested package: the message, the keyboard kept, no jump, and its Undo', async () => {
    const { page, context, problems } = await harness.open('', { contextOptions: { viewport } });
    const start = await fragment(page);
    const card = page.locator('[data-testid="suggestion-nearest"]');
    const apply = card.locator('button.apply');
    await apply.waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="suggestion-nearest"] button.apply')?.disabled);
    await apply.scrollIntoViewIfNeeded();
    const top = (await card.boundingBox()).y;
    await apply.focus();
    await page.keyboard.press('Enter');
    const body = await fragment(page);
    assert.notEqual(body, start);
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + body));
    assert.equal(await page.textContent('#applied-toast span'), 'Package applied.');
    // The keyboard moves once the app has redrawn the card whose button it was on.
    // A keyboard that never gets there fails the assertion below, with its message.
    await page.waitForFunction(() => document.activeElement.id === 'applied-undo', null, { timeout: 5000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.id), 'applied-undo', 'the keyboard is on the message, not at the top');
    assert.ok(Math.abs((await card.boundingBox()).y - top) <= 2, `the card moved from ${top} to ${(await card.boundingBox()).y}`);
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('Enter');
    await expectState(page, start);
    assert.equal(await page.isHidden('#applied-toast'), true);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
