// End-to-end tests of the page in Debian Chromium: load, toggles and sliders against the CLI,
// links (reload, copy, back/forward), presets against the golden corpus, damaged and hostile
// links, keyboard use, accessibility (axe-core) and the error banners.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, PARTIES, axe, changed, cli, cliNumbers, currentModel, fragment, goldenFiles, link as linkOf, pageNumbers, settle, start, waitReady } from './harness.mjs';

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.close();
});

function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'no uncaught page error');
  assert.deepEqual(problems.consoleErrors, [], 'no console error');
  assert.deepEqual(problems.offOrigin, [], 'no request to another origin');
  assert.deepEqual(problems.dialogs, [], 'no dialog');
}

describe('first load', () => {
  test('shows every issue, the four parties and the footer, with a clean console', async () => {
    const { page, context, problems } = await harness.open('');
    assert.equal(await page.locator('fieldset.issue').count(), 20);
    for (const party of PARTIES) {
      assert.match(await page.textContent(`[data-testid="concession-${party}"]`), /^[0-9]+\.[0-9]/);
    }
    assert.ok((await page.textContent('[data-testid="model-version"]')).includes(`Model ${currentModel()}`));
    assert.match(await page.textContent('footer'), /model assumptions, not findings or a forecast/);
    // The opening state is the 28-point plan, and its numbers are the CLI's for the empty link.
    assert.equal(await page.inputValue('#preset'), String(await presetIndex(page, 'US 28-point plan —')));
    assert.deepEqual(await pageNumbers(page), cliNumbers(''));
    // The model came from the page's own origin, as a file named by its hash.
    assert.equal(await page.locator('[data-testid="model-notice"]').count(), 0);
    assertClean(problems);
    await context.close();
  });

  test('ships a strict Content-Security-Policy and no inline script', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'every script is external');
  });

  test('the policy is enforced: without wasm-unsafe-eval the app cannot start and says so', async () => {
    const { page, context } = await harness.open('', {
      waitForApp: false,
      beforeLoad: (page) =>
        page.route('**/', async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(" 'wasm-unsafe-eval'", '');
          await route.fulfill({ response, body });
        }),
    });
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 5000 });
    assert.match(await page.textContent('#fatal'), /could not start/);
    await context.close();
  });
});

async function presetIndex(page, titleStart) {
  return page.evaluate((start) => {
    const option = [...document.querySelectorAll('#preset option')].find((o) => o.textContent.startsWith(start));
    return option ? Number(option.value) : -1;
  }, titleStart);
}

describe('toggles and sliders', () => {
  test('a radio click changes the scores, the URL, and matches the CLI', async () => {
    const { page, context, problems } = await harness.open('');
    const before = await pageNumbers(page);
    await page.click('label[for="option-territory_donetsk-hold_current_line"]');
    const after = await pageNumbers(page);
    assert.notDeepEqual(after, before);
    const link = await fragment(page);
    assert.equal(link, changed('territory_donetsk=hold_current_line'));
    assert.deepEqual(after, cliNumbers('#' + link));
    // The issue that changed is marked.
    assert.match(await page.getAttribute('#issue-territory_donetsk', 'class'), /changed/);
    assert.equal(await page.inputValue('#preset'), 'custom');
    assertClean(problems);
    await context.close();
  });

  test('a slider and a typed amount change the scores and match the CLI', async () => {
    const { page, context, problems } = await harness.open('');
    // The plan states no guarantee term, so the slider rests at its end, off the scale.
    await page.focus('#range-guarantee_duration');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await fragment(page), changed('guarantee_duration=48'));
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + linkOf('guarantee_duration=48')));
    await page.fill('#number-army_cap', '700000');
    await page.press('#number-army_cap', 'Tab');
    const link = await fragment(page);
    assert.equal(link, changed('army_cap=700000&guarantee_duration=48'));
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + link));
    // A typed value out of range is refused with a message, and nothing changes.
    await page.fill('#number-army_cap', '5');
    await page.press('#number-army_cap', 'Tab');
    assert.match(await page.textContent('#issue-army_cap .input-error'), /Enter a whole number from 50,000 to 800,000/);
    assert.equal(await fragment(page), link);
    // A documented reference point is one click.
    await page.click('#issue-army_cap button.ref >> text=800,000 troops');
    assert.equal(await fragment(page), changed('army_cap=cap_800k_peacetime&guarantee_duration=48'));
    assertClean(problems);
    await context.close();
  });

  test('a long ladder is a native select that changes the scores', async () => {
    const { page, context } = await harness.open('');
    const index = await page.evaluate(() =>
      [...document.querySelectorAll('#select-nato_membership option')].findIndex((o) => o.textContent === 'Permanent neutrality'),
    );
    await page.selectOption('#select-nato_membership', String(index));
    assert.equal(await fragment(page), changed('nato_membership=permanent_neutrality'));
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + linkOf('nato_membership=permanent_neutrality')));
    await context.close();
  });

  test('the live region announces committed changes, not every slider step', async () => {
    const { page, context } = await harness.open('');
    const announcement = () => page.textContent('[data-testid="announcement"]');
    assert.equal((await announcement()).trim(), '');
    await page.click('label[for="option-amnesty_accountability-accountability"]');
    await settle(page);
    const first = (await announcement()).trim();
    assert.match(first, /^Tilts toward|^Even/);
    assert.match(first, /Ukraine concedes [0-9.]+, Russia concedes/);
    // An input event alone (a drag in progress) updates the numbers but not the announcement.
    await page.evaluate(() => {
      const range = document.querySelector('#range-elections_timing');
      range.value = '50';
      range.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.equal(await fragment(page), changed('amnesty_accountability=accountability&elections_timing=50'));
    assert.equal((await announcement()).trim(), first);
    await page.evaluate(() => document.querySelector('#range-elections_timing').dispatchEvent(new Event('change', { bubbles: true })));
    await settle(page);
    assert.notEqual((await announcement()).trim(), first);
    await context.close();
  });

  test('the change rehearsed once the page is idle is drawn, then undone unseen', async () => {
    // In each page: the states published once the page is drawn, and every class change
    // that put on or took off the mark of a changed provision.
    const watch = (page) => page.addInitScript(() => {
      window.__seen = { states: 0, marks: 0 };
      addEventListener('pps:state', () => {
        if (document.getElementById('root')?.hasAttribute('data-drawn')) window.__seen.states += 1;
      });
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.target.matches?.('fieldset.issue') && `${record.oldValue} ${record.target.className}`.includes('changed')) window.__seen.marks += 1;
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'], attributeOldValue: true });
    });
    // The idle callback is held until the page is scrolled half-way down: a rehearsal drawn
    // while the reader is further down the page must not move it.
    const rehearsed = await harness.open('', {
      beforeLoad: async (page) => {
        await watch(page);
        await page.addInitScript(() => {
          window.__idle = [];
          window.requestIdleCallback = (callback) => window.__idle.push(callback);
        });
      },
    });
    await rehearsed.page.waitForFunction(() => window.__idle.length > 0 && document.getElementById('root').hasAttribute('data-drawn'));
    await rehearsed.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    // The provisions drawn as they come into view take their real height, and the browser
    // keeps the view where it was: the position settles a few frames later.
    let scrolled = -1;
    for (let reads = 0; reads < 20; reads += 1) {
      await settle(rehearsed.page);
      const now = await rehearsed.page.evaluate(() => window.scrollY);
      if (now === scrolled) break;
      scrolled = now;
    }
    assert.ok(scrolled > 500, `scrolled to ${scrolled}`);
    await rehearsed.page.evaluate(() => window.__idle.splice(0).forEach((callback) => callback({ didTimeout: false, timeRemaining: () => 50 })));
    await rehearsed.page.waitForSelector('#root[data-rehearsed]');
    await settle(rehearsed.page);
    assert.equal(await rehearsed.page.evaluate(() => window.scrollY), scrolled, 'the rehearsal did not move the page');
    // The same page where the browser has no idle callback: no rehearsal, and nothing breaks.
    const plain = await harness.open('', {
      beforeLoad: async (page) => {
        await watch(page);
        await page.addInitScript(() => { window.requestIdleCallback = undefined; });
      },
    });
    const settled = async ({ page }) => {
      await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 60000 });
      await settle(page);
      return page.evaluate(() => ({
        seen: window.__seen,
        root: document.getElementById('root').innerHTML,
        // What the markup does not hold: the controls' state.
        controls: [...document.querySelectorAll('#root input, #root select')].map((control) =>
          `${control.id}=${control.type === 'radio' || control.type === 'checkbox' ? control.checked : control.value}`),
        announcement: document.querySelector('[data-testid="announcement"]').textContent,
        address: location.href,
        history: history.length,
        rehearsed: document.getElementById('root').hasAttribute('data-rehearsed'),
      }));
    };
    const [after, without] = [await settled(rehearsed), await settled(plain)];
    assert.ok(after.seen.marks >= 2, `the rehearsal drew a change and undid it (${after.seen.marks} marks)`);
    assert.equal(without.seen.marks, 0);
    assert.equal(without.rehearsed, false);
    assert.equal(after.seen.states, 0, 'nothing was published to the panels');
    assert.equal(without.seen.states, 0);
    assert.equal(after.address, without.address);
    assert.equal(after.history, without.history);
    assert.equal(after.announcement.trim(), '');
    assert.equal(after.root, without.root, 'the page is as it would be without the rehearsal');
    assert.ok(after.controls.length > 50, `${after.controls.length} controls`);
    assert.deepEqual(after.controls, without.controls);
    assert.deepEqual(await pageNumbers(rehearsed.page), cliNumbers('#' + linkOf()));
    assertClean(rehearsed.problems);
    assertClean(plain.problems);
    await rehearsed.context.close();
    await plain.context.close();
  });

  test('the breakdown lists every issue for the chosen party', async () => {
    const { page, context } = await harness.open('');
    await page.click('label[for="breakdown-ru"]');
    assert.equal(await page.locator('.breakdown-table tbody tr').count(), 20);
    assert.match(await page.textContent('.breakdown-table caption'), /Russia's concession/);
    await context.close();
  });
});

describe('links', () => {
  test('reload and a fresh page from the copied link restore the same state', async () => {
    const { page, context, problems } = await harness.open('', {
      contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] },
    });
    await page.click('label[for="option-foreign_troops-reassurance_force_after_ceasefire"]');
    await page.fill('#number-guarantee_duration', '25');
    await page.press('#number-guarantee_duration', 'Tab');
    const numbers = await pageNumbers(page);
    // As a reader's reload key does, a press writes the waiting link first (src/browser.rs).
    assert.equal(await fragment(page), changed('foreign_troops=reassurance_force_after_ceasefire&guarantee_duration=25'));
    await page.reload();
    await waitReady(page);
    assert.deepEqual(await pageNumbers(page), numbers);
    await page.click('#share');
    await page.waitForSelector('.share-status >> text=Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, harness.url + '#' + changed('foreign_troops=reassurance_force_after_ceasefire&guarantee_duration=25'));
    const fresh = await harness.browser.newContext();
    const other = await fresh.newPage();
    await other.goto(copied);
    await waitReady(other);
    assert.deepEqual(await pageNumbers(other), numbers);
    assert.equal(await other.isChecked('#option-foreign_troops-reassurance_force_after_ceasefire'), true);
    assert.equal(await other.inputValue('#number-guarantee_duration'), '25');
    assertClean(problems);
    await fresh.close();
    await context.close();
  });

  test('presets are history entries: back and forward restore them', async () => {
    const { page, context } = await harness.open('');
    const e3 = String(await presetIndex(page, 'UK–France–Germany'));
    const plan20 = String(await presetIndex(page, '20-point'));
    await page.selectOption('#preset', e3);
    const e3Numbers = await pageNumbers(page);
    const e3Link = await fragment(page);
    await page.selectOption('#preset', plan20);
    const plan20Link = await fragment(page);
    assert.notEqual(plan20Link, e3Link);
    await page.goBack();
    await page.waitForFunction((link) => location.hash === '#' + link, e3Link);
    assert.equal(await page.inputValue('#preset'), e3);
    assert.deepEqual(await pageNumbers(page), e3Numbers);
    await page.goForward();
    await page.waitForFunction((link) => location.hash === '#' + link, plan20Link);
    assert.equal(await page.inputValue('#preset'), plan20);
    await context.close();
  });

  test('a link made after changing a plan opens as that plan with its changes, not as a custom package', async () => {
    const { page, context, problems } = await harness.open('');
    const plan20 = await page.evaluate(() => [...document.querySelectorAll('#preset option')].find((o) => o.textContent.trim().startsWith('20-point framework')).value);
    await page.selectOption('#preset', plan20);
    await fragment(page);
    const fieldset = page.locator('fieldset.issue:has(input[type=radio]:not(:checked))').first();
    const label = (await fieldset.locator('legend').textContent()).trim();
    await fieldset.locator('input[type=radio]:not(:checked)').first().check();
    const body = await fragment(page);
    assert.match(body, /&from=plan20_dec2025/);
    await context.close();

    const fresh = await harness.open('#' + body);
    const shown = await fresh.page.evaluate(() => document.querySelector('#preset').selectedOptions[0].textContent.trim());
    assert.equal(shown, '20-point framework, 1 change');
    const changes = await fresh.page.textContent('[data-testid="changes-from"]');
    assert.match(changes, /^20-point framework, 1 change:/);
    assert.ok(changes.includes(label) && changes.includes('→'), changes);
    assert.match(await fresh.page.textContent('[data-testid="based-on"]'), /Started from: 20-point framework/);
    assert.deepEqual(await pageNumbers(fresh.page), cliNumbers('#' + body));
    assert.equal(await fragment(fresh.page), body, 'the link is kept as it was');
    assertClean(problems);
    assertClean(fresh.problems);
    await fresh.context.close();
  });

  test('the picker groups the plans by kind, each group by date, with dates as people write them', async () => {
    const { page, context, problems } = await harness.open('');
    const presets = JSON.parse(cli(['presets', '--json']));
    const groups = await page.evaluate(() => [...document.querySelectorAll('#preset optgroup')].map((group) => ({
      label: group.label,
      options: [...group.querySelectorAll('option')].map((option) => ({ value: Number(option.value), text: option.textContent.trim() })),
    })));
    const kinds = { 'Whole settlement texts': 'settlement', 'Revisions of a text': 'revision', 'Texts combined': 'combination', 'Partial texts (a few provisions)': 'partial' };
    assert.deepEqual(groups.map((group) => group.label), Object.keys(kinds));
    assert.equal(groups.flatMap((group) => group.options).length, presets.length, 'every plan once');
    for (const group of groups) {
      // By date: a text dated by a span ("2025-09/2026-02") counts at its end.
      const ends = group.options.map((option) => presets[option.value].date.split('/').pop());
      assert.deepEqual(ends, [...ends].sort(), `${group.label} by date`);
      for (const option of group.options) {
        const preset = presets[option.value];
        assert.equal(preset.kind, kinds[group.label], preset.id);
        assert.ok(option.text.startsWith(`${preset.title} — `), option.text);
        // "20 Nov 2025", "Apr 2025", "2022": never "2025-11-20".
        assert.doesNotMatch(option.text, /\d{4}-\d{2}/, option.text);
      }
    }
    assertClean(problems);
    await context.close();
  });

  test('every preset loads and matches its golden scores', async () => {
    const { page, context, problems } = await harness.open('');
    const presets = goldenFiles().filter((golden) => golden.name.startsWith('preset-') && golden.model_version === currentModel());
    assert.ok(presets.length >= 27, `golden presets: ${presets.length}`);
    const count = await page.locator('#preset option:not([value="custom"])').count();
    assert.equal(count, presets.length, 'one picker entry per preset');
    for (let index = 0; index < count; index += 1) {
      await page.selectOption('#preset', String(index));
      const link = '#' + (await fragment(page));
      const golden = presets.find((candidate) => candidate.canonical === link);
      assert.ok(golden, `preset ${index} (${link}) is in the golden corpus`);
      assert.deepEqual(await pageNumbers(page), cliNumbers(golden.link), golden.name);
    }
    assertClean(problems);
    await context.close();
  });

  test('a corrupt link shows the notice and a usable page', async () => {
    const { page, context, problems } = await harness.open('#' + linkOf('no_such_issue=1&army_cap=lots&nato_membership=permanent_neutrality'));
    const notice = page.locator('#link-problems');
    await notice.waitFor();
    assert.equal(await notice.locator('li').count(), 2);
    assert.match(await notice.textContent(), /Unknown provision “no_such_issue” was ignored/);
    assert.match(await notice.textContent(), /Ceiling on Ukraine's armed forces: “lots”/);
    // The valid part applied, and the page works.
    assert.equal(await page.inputValue('#select-nato_membership'), await page.evaluate(() =>
      [...document.querySelectorAll('#select-nato_membership option')].find((o) => o.selected).value));
    await page.click('label[for="option-amnesty_accountability-accountability"]');
    assert.equal(await fragment(page), linkOf('nato_membership=permanent_neutrality&amnesty_accountability=accountability'));
    await page.click('#link-problems button');
    assert.equal(await notice.count(), 0);
    assertClean(problems);
    await context.close();
  });

  test('an XSS-style link injects nothing', async () => {
    const hostile = [
      '#' + linkOf('<script>window.__xss=1</script>=1'),
      '#v=2&m="><img src=x onerror=window.__xss=1>',
      '#v=1&<script>window.__xss=1</script>=1',
      '#v=1&army_cap="><img src=x onerror=window.__xss=1>',
      '#javascript:window.__xss=1',
      '#v=1&' + 'a'.repeat(10000),
    ];
    for (const link of hostile) {
      const { page, context, problems } = await harness.open(link);
      assert.equal(await page.evaluate(() => window.__xss), undefined, link);
      assert.equal(await page.locator('#app img, #app script').count(), 0, link);
      assert.ok((await page.locator('#link-problems li').count()) >= 1, link);
      assert.deepEqual(problems.dialogs, []);
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    }
  });
});

describe('keyboard', () => {
  test('every control type can be reached and operated from the keyboard', async () => {
    const { page, context } = await harness.open('');
    // Tab order starts with the skip link, then the preset picker and the share button.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'preset');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'apply-document');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'apply-document-button');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'share');
    const outline = await page.evaluate(() => parseFloat(getComputedStyle(document.activeElement).outlineWidth));
    assert.ok(outline >= 2, `focus outline ${outline}px`);
    // Radio group: arrows move the choice.
    await page.focus('#option-territory_donetsk-withdraw_dmz_recognised_russian');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.isChecked('#option-territory_donetsk-full_withdrawal_russian_control'), true);
    assert.equal(await fragment(page), changed('territory_donetsk=full_withdrawal_russian_control'));
    // Select.
    await page.focus('#select-guarantee_strength');
    await page.keyboard.press('ArrowDown');
    assert.match(await fragment(page), /guarantee_strength=/);
    // Range: arrows, Page Up, Home and End.
    await page.focus('#range-elections_timing');
    await page.keyboard.press('Home');
    assert.match(await fragment(page), /elections_timing=before_treaty/);
    await page.keyboard.press('ArrowRight');
    assert.match(await fragment(page), /elections_timing=1(&|$)/);
    await page.keyboard.press('PageUp');
    const paged = Number((await fragment(page)).match(/elections_timing=(\d+)/)[1]);
    assert.ok(paged > 1, `PageUp moved to ${paged}`);
    await page.keyboard.press('End');
    assert.doesNotMatch(await fragment(page), /elections_timing/, "End is 100 days, the plan's own");
    // Number input: type and leave.
    await page.focus('#number-frozen_assets_compensation');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('150');
    await page.keyboard.press('Tab');
    assert.match(await fragment(page), /frozen_assets_compensation=150/);
    // Reference-point button and disclosure.
    await page.focus('#issue-guarantee_duration button.ref');
    await page.keyboard.press('Enter');
    assert.match(await fragment(page), /guarantee_duration=g0_none/);
    const summary = page.locator('#issue-army_cap details.info > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('#issue-army_cap details.info', 'open'), '');
    // Focus stays on the control after the update, never on <body>.
    await page.focus('#option-amnesty_accountability-accountability');
    await page.keyboard.press('Space');
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'option-amnesty_accountability-accountability');
    await context.close();
  });
});

describe('accessibility', () => {
  test('axe finds no critical or serious violation on load, after toggles, with the notice, at 320 px', async () => {
    const { page, context } = await harness.open('');
    assert.deepEqual(await axe(page), [], 'first load');
    await page.click('label[for="option-territory_donetsk-hold_current_line"]');
    await page.fill('#number-army_cap', '700000');
    await page.press('#number-army_cap', 'Tab');
    await page.click('#issue-army_cap details.info > summary');
    assert.deepEqual(await axe(page), [], 'after toggles');
    await context.close();

    const withNotice = await harness.open('#v=1&no_such_issue=1');
    await withNotice.page.locator('#link-problems').waitFor();
    await withNotice.page.locator('[data-testid="model-notice"]').waitFor();
    assert.deepEqual(await axe(withNotice.page), [], 'with the notices');
    await withNotice.context.close();

    const narrow = await harness.open('', { contextOptions: { viewport: { width: 320, height: 640 } } });
    assert.deepEqual(await axe(narrow.page), [], 'at 320 px');
    const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scroll at 320 px (overflow ${overflow}px)`);
    await narrow.context.close();
  });

  test('interactive targets are at least 24 × 24 px', async () => {
    const { page, context } = await harness.open('', { contextOptions: { viewport: { width: 320, height: 640 } } });
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('button, select, input, summary')]
        .filter((element) => element.offsetParent !== null)
        .map((element) => {
          const box = element.getBoundingClientRect();
          return { id: element.id || element.className || element.tagName, width: box.width, height: box.height };
        })
        .filter((box) => box.width < 24 || box.height < 24),
    );
    assert.deepEqual(small, []);
    await context.close();
  });

  test('no animation runs after a change, and the change stays marked until the next', async () => {
    const { page, context } = await harness.open('', { contextOptions: { reducedMotion: 'reduce' } });
    await page.click('label[for="option-territory_donetsk-hold_current_line"]');
    await settle(page);
    assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
    await context.close();
    // With motion allowed, nothing animates either: the change stays marked until the next.
    const moving = await harness.open('');
    await moving.page.click('label[for="option-territory_donetsk-hold_current_line"]');
    await settle(moving.page);
    assert.equal(await moving.page.evaluate(() => document.getAnimations().length), 0);
    const marked = await moving.page.evaluate(() => [...document.querySelectorAll('.changed, .just-changed')]
      .map((element) => [element.id || element.className, getComputedStyle(element).backgroundColor]));
    assert.ok(marked.some(([id]) => id === 'issue-territory_donetsk'), JSON.stringify(marked));
    assert.ok(marked.length > 1, 'the balance marks what moved too');
    assert.ok(marked.every(([, colour]) => colour === 'rgb(255, 246, 196)'), JSON.stringify(marked));
    await moving.page.click('label[for="option-foreign_troops-total_ban_third_state_military"]');
    await settle(moving.page);
    assert.equal(await moving.page.getAttribute('#issue-territory_donetsk', 'class'), 'issue', 'the mark moves to the next change');
    await moving.context.close();
  });
});

describe('no blank page', () => {
  test('JavaScript off: the noscript message', async () => {
    const { page, context } = await harness.open('', { waitForApp: false, contextOptions: { javaScriptEnabled: false } });
    assert.match(await page.textContent('noscript'), /needs JavaScript and WebAssembly/);
    await context.close();
  });

  test('no WebAssembly: a message', async () => {
    const { page, context } = await harness.open('', {
      waitForApp: false,
      beforeLoad: (page) => page.addInitScript(() => { delete globalThis.WebAssembly; }),
    });
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 5000 });
    assert.match(await page.textContent('#fatal'), /cannot run WebAssembly/);
    await context.close();
  });

  test('the wasm fails to load: a message', async () => {
    const { page, context } = await harness.open('', {
      waitForApp: false,
      beforeLoad: (page) => page.route('**/*.wasm', (route) => route.abort()),
    });
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 5000 });
    assert.match(await page.textContent('#fatal'), /could not start/);
    await context.close();
  });

  test('the model file fails to load: a message', async () => {
    const { page, context } = await harness.open('', {
      waitForApp: false,
      beforeLoad: (page) => page.route('**/models/*.bin', (route) => route.abort()),
    });
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 5000 });
    assert.match(await page.textContent('#fatal'), /scenario data could not be loaded/);
    await context.close();
  });

  test('a damaged model file is refused with a message, not half-read', async () => {
    const { page, context } = await harness.open('', {
      waitForApp: false,
      beforeLoad: (page) =>
        page.route('**/models/*.bin', async (route) => {
          const response = await route.fetch();
          const body = Buffer.from(await response.body());
          body[body.length >> 1] ^= 1;
          await route.fulfill({ response, body });
        }),
    });
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 5000 });
    assert.match(await page.textContent('#fatal'), /not the one this version of the sandbox was built with/);
    await context.close();
  });

  test('a panic: the banner with the panic message', async () => {
    const { page, context } = await harness.open('?panic-test', { waitForApp: false });
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 5000 });
    assert.match(await page.textContent('#fatal-detail'), /panic requested by \?panic-test/);
    await context.close();
  });
});
