// The projector view in Debian Chromium: toggled by its button and held by the link
// (`?view=projector`); at 1366x768 zoomed to 150 % (911x512 CSS px) and at 1920x1080 the text is
// 24 px or more at 7:1 contrast or more, the four parties, the verdict and the line that labels
// the scores as model assumptions fit in one screen,
// the keyboard steps through provisions and options with the change marked and the CLI's
// numbers, and axe finds nothing.
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

/** Smallest font size and lowest contrast over the visible text of the summary and provision. */
function readability() {
  const channel = (c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+(\.\d+)?/g).map(Number);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const color = getComputedStyle(node).backgroundColor;
      if (!/rgba\(0, 0, 0, 0\)|transparent/.test(color)) return color;
    }
    return 'rgb(255, 255, 255)';
  };
  let smallest = Infinity;
  let lowest = Infinity;
  const scope = [...document.querySelectorAll('#balance, fieldset.issue[data-projector-current], #projector-status')];
  for (const root of scope) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent.trim() || !element.checkVisibility() || element.closest('.visually-hidden')) continue;
      const style = getComputedStyle(element);
      smallest = Math.min(smallest, parseFloat(style.fontSize));
      const [a, b] = [luminance(style.color), luminance(background(element))].sort((x, y) => y - x);
      lowest = Math.min(lowest, (a + 0.05) / (b + 0.05));
    }
  }
  const box = (selector) => document.querySelector(selector).getBoundingClientRect();
  const parties = [...document.querySelectorAll('#balance .party')].map((party) => party.getBoundingClientRect());
  return {
    smallest,
    lowest,
    summaryBottom: Math.max(box('#balance').bottom, box('.balance-words').bottom, box('#balance .verdict').bottom, box('.projector-assumption').bottom, ...parties.map((party) => party.bottom)),
    // Neutrality: the projected scores stay labelled as model assumptions.
    assumption: document.querySelector('.projector-assumption').checkVisibility() ? document.querySelector('.projector-assumption').textContent : '',
    verdict: document.querySelector('#balance .verdict').checkVisibility() ? document.querySelector('#balance .verdict strong').textContent : '',
    summaryTop: Math.min(box('.balance-number').top, ...parties.map((party) => party.top)),
    parties: parties.length,
    others: ['#analysis', '.verdict-flips', '#assumptions', '.site-footer'].filter((selector) => document.querySelector(selector)?.checkVisibility()),
    shown: document.querySelectorAll('#provisions fieldset.issue:not([hidden])').length
      - [...document.querySelectorAll('#provisions fieldset.issue')].filter((f) => !f.checkVisibility()).length,
  };
}

describe('projector view', () => {
  for (const [name, viewport, scale] of [['1366x768 at 150 %', { width: 911, height: 512 }, 1.5], ['1920x1080', { width: 1920, height: 1080 }, 1]]) {
    test(`at ${name}: 24 px text, 7:1 contrast, the summary in one screen, one provision, axe clean`, async () => {
      const { page, context, problems } = await harness.open('', { contextOptions: { viewport, deviceScaleFactor: scale } });
      await page.click('#projector-toggle');
      assert.equal(await page.getAttribute('#projector-toggle', 'aria-pressed'), 'true');
      assert.match(page.url(), /\?view=projector/);
      const seen = await page.evaluate(readability);
      assert.ok(seen.smallest >= 24, `smallest text ${seen.smallest} px`);
      assert.ok(seen.lowest >= 7, `lowest contrast ${seen.lowest.toFixed(2)}:1`);
      assert.equal(seen.parties, 4);
      assert.match(seen.assumption, /^model assumption values, weights and walk-away values/);
      assert.match(seen.verdict, /ratification test/);
      assert.ok(seen.summaryTop >= 0 && seen.summaryBottom <= viewport.height, `summary ${seen.summaryTop}–${seen.summaryBottom} in ${viewport.height}`);
      assert.equal(seen.shown, 1, 'one provision is shown');
      assert.deepEqual(seen.others, [], 'nothing but the summary and the provision');
      assert.deepEqual(await axe(page), []);
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });
  }

  test('the keyboard steps through provisions and options; the link opens the view', async () => {
    const { page, context, problems } = await harness.open('?view=projector', { contextOptions: { viewport: { width: 1920, height: 1080 } } });
    await page.waitForSelector('html.projector');
    assert.match(await page.textContent('#projector-status'), /^Provision 1 of 20: /);
    await page.click('#projector-toggle');
    await page.click('#projector-toggle');
    await page.keyboard.press('PageDown');
    assert.match(await page.textContent('#projector-status'), /^Provision 2 of 20: /);
    const id = await page.evaluate(() => document.activeElement.closest('fieldset.issue').id);
    assert.equal(await page.getAttribute(`#${id}`, 'data-projector-current'), '');
    await page.keyboard.press('ArrowRight');
    const body = await fragment(page);
    assert.notEqual(body, link());
    assert.match(await page.getAttribute(`#${id}`, 'class'), /changed/);
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + body));
    await page.keyboard.press('p');
    assert.match(await page.textContent('#projector-status'), /^Provision 1 of 20: /);
    // The copied link keeps the view.
    assert.match(page.url(), /\?view=projector#v=2/);
    await page.click('#projector-toggle');
    assert.doesNotMatch(page.url(), /view=projector/);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('projector')), false);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
