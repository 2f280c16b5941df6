// The classroom views in Debian Chromium: packages compared side by side from a link (the
// CLI's `compare` numbers cell by cell, the differing rows marked, the link kept and changed by
// the column pickers, a pasted link added with what it did not carry, readable on a phone),
// every plan against every provision with its CSV (the CLI's `matrix`), and the term sheet,
// which prints on one A4 page alone and downloads the CLI's JSON and CSV. Axe finds nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { axe, cli, cliNumbers, fragment, link, start, tempDir } from './harness.mjs';

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.close();
});

/** A table view on the page as the CLI's JSON shape: caption, heads, rows of cell texts and notes. */
async function tableOnPage(page, testid) {
  return page.evaluate((testid) => {
    const table = document.querySelector(`[data-testid="${testid}"]`);
    return {
      caption: table.querySelector('caption').textContent,
      head: [...table.querySelectorAll('thead th')].map((th) => th.textContent),
      rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
        head: tr.querySelector('th').firstChild.textContent,
        differs: tr.classList.contains('differs'),
        cells: [...tr.querySelectorAll('td')].map((td) => ({
          text: td.querySelector('.cell-text').textContent,
          note: td.querySelector('.cell-note')?.textContent ?? '',
          assumed: td.classList.contains('assumed'),
        })),
      })),
    };
  }, testid);
}

/** The CLI's table in the same shape. */
function plain(table) {
  return {
    caption: table.caption,
    head: table.head,
    rows: table.rows.map((row) => ({ head: row.head, differs: row.differs, cells: row.cells })),
  };
}

async function downloaded(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const saved = join(tempDir(), download.suggestedFilename());
  await download.saveAs(saved);
  return { name: download.suggestedFilename(), text: readFileSync(saved, 'utf8') };
}

describe('comparing packages', () => {
  test('a comparison link opens with the CLI numbers, and the pickers change the link', async () => {
    const body = `${link('army_cap=no_cap')}&from=us28_nov2025&c=here&c=plan20_dec2025&c=ist_2022`;
    const { page, context, problems } = await harness.open('#' + body);
    await page.waitForSelector('[data-testid="compare-table-1"]');
    assert.equal(await fragment(page), body, 'the page keeps the comparison in its link');
    const expected = JSON.parse(cli(['compare', '#' + body, '--json']));
    assert.deepEqual(await tableOnPage(page, 'compare-table-0'), plain(expected.provisions));
    assert.deepEqual(await tableOnPage(page, 'compare-table-1'), plain(expected.parties));
    assert.ok(expected.differing > 0 && expected.differing < 20, `${expected.differing} provisions differ`);
    // A differing row says so in text, not only in colour.
    assert.equal(await page.locator('[data-testid="compare-table-0"] tr.differs .differs-mark').count(), expected.differing);
    // The page's own numbers for "This package" are the first column's.
    const own = cliNumbers('#' + body);
    const parties = expected.parties.rows;
    assert.equal(parties.find((row) => row.head === 'Ukraine: concession').cells[0].text, own.ua.concession);
    assert.deepEqual(await axe(page), []);

    // The keyboard: the second column's picker steps to the next plan; the link follows.
    await page.focus('#compare-1');
    await page.keyboard.press('ArrowDown');
    const next = await fragment(page);
    assert.notEqual(next, body);
    assert.match(next, /&c=here&c=[a-z0-9_]+&c=ist_2022$/);
    // A toggle changes "This package" and keeps the comparison.
    await page.click('label[for="option-territory_donetsk-hold_current_line"]');
    const toggled = await fragment(page);
    assert.match(toggled, /&c=here&c=[a-z0-9_]+&c=ist_2022$/);
    // The link opens the same comparison afresh.
    const fresh = await harness.open('#' + toggled);
    await fresh.page.waitForSelector('[data-testid="compare-table-1"]');
    const again = JSON.parse(cli(['compare', '#' + toggled, '--json']));
    assert.deepEqual(await tableOnPage(fresh.page, 'compare-table-1'), plain(again.parties));
    await fresh.context.close();

    // Removing a column and downloading: the CSV is the CLI's.
    await page.click('button[aria-label="Remove package 3"]');
    const removed = await fragment(page);
    assert.doesNotMatch(removed, /ist_2022/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-table-0"] thead th').length === 3);
    const csv = await downloaded(page, '#compare button:has-text("Download CSV")');
    assert.equal(csv.name, 'comparison.csv');
    assert.equal(csv.text, cli(['compare', '#' + removed, '--csv']));
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('opening Compare with nothing to compare sets this package beside a plan; a pasted link is added with what it left out', async () => {
    const { page, context, problems } = await harness.open('');
    await page.click('#compare > summary');
    await page.waitForSelector('[data-testid="compare-table-1"]');
    assert.match(await fragment(page), /&c=here&c=[a-z0-9_]+$/);
    // Not a link: a message, nothing added.
    await page.fill('#compare-paste', 'hello');
    await page.click('.compare-paste button');
    await page.waitForFunction(() => /not a link of this sandbox/.test(document.querySelector('.compare-problems').textContent));
    assert.equal(await page.locator('.compare-columns li').count(), 2);
    // A link with edits: added as a package of its own, its edits not carried, and said so.
    await page.fill('#compare-paste', `${harness.url}#${link('army_cap=no_cap&amnesty_accountability=accountability&d.ua=30')}`);
    await page.click('.compare-paste button');
    await page.waitForFunction(() => /edits to the assumptions were not carried/.test(document.querySelector('.compare-problems').textContent));
    await page.waitForFunction(() => document.querySelectorAll('.compare-columns li').length === 3);
    const body = await fragment(page);
    assert.match(body, /&c=p~army_cap-no_cap~amnesty_accountability-accountability$/);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-table-0"] thead th').length === 4);
    const expected = JSON.parse(cli(['compare', '#' + body, '--json']));
    assert.deepEqual(await tableOnPage(page, 'compare-table-1'), plain(expected.parties));
    assert.equal(expected.parties.head[3], 'Package 3');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('a comparison link with an unusable column lists it and is rewritten as read', async () => {
    const { page, context, problems } = await harness.open(`#${link()}&c=here&c=no_such_plan&c=plan20_dec2025`);
    await page.waitForFunction(() => /Unknown plan “no_such_plan” \(a compared package\)/.test(document.querySelector('.compare-problems')?.textContent ?? ''));
    await page.waitForFunction(() => location.hash.endsWith('&c=here&c=plan20_dec2025'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="compare-table-0"] thead th').length === 3);
    assert.match(await page.textContent('.compare-problems'), /no_such_plan/);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });

  test('on a phone the comparison stays readable: the page does not overflow, the table scrolls in place', async () => {
    const body = `${link()}&c=here&c=plan20_dec2025&c=geneva_nov2025&c=ist_2022`;
    const { page, context } = await harness.open('#' + body, { contextOptions: { viewport: { width: 320, height: 700 }, isMobile: true } });
    await page.waitForSelector('[data-testid="compare-table-1"]');
    const widths = await page.evaluate(() => ({
      page: document.scrollingElement.scrollWidth,
      region: document.querySelector('[data-testid="compare-table-0"]').parentElement.clientWidth,
      table: document.querySelector('[data-testid="compare-table-0"]').scrollWidth,
    }));
    assert.ok(widths.page <= 320, `page ${widths.page} px wide`);
    assert.ok(widths.region <= 320 && widths.table > widths.region, `table ${widths.table} px in a ${widths.region} px region`);
    // The provision names stay in view while the columns scroll.
    const sticky = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="compare-table-0"] tbody th')).position);
    assert.equal(sticky, 'sticky');
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
});

describe('every plan against every provision', () => {
  test('the matrix shows each cell with its standing, and its CSV is the CLI\'s', async () => {
    const { page, context, problems } = await harness.open('');
    await page.click('#matrix > summary');
    await page.waitForSelector('[data-testid="matrix-table"]');
    const expected = JSON.parse(cli(['matrix', '--json']));
    assert.deepEqual(await tableOnPage(page, 'matrix-table'), plain(expected));
    assert.ok(expected.rows.length >= 20 && expected.head.length === 21);
    const csv = await downloaded(page, '#matrix button:has-text("Download CSV")');
    assert.equal(csv.name, 'plans-by-provision.csv');
    assert.equal(csv.text, cli(['matrix']));
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});

describe('the term sheet', () => {
  test('prints alone on one A4 page, with its QR code and sources, and downloads the CLI\'s JSON and CSV', async () => {
    const body = `${link('army_cap=cap_800k_peacetime')}&from=us28_nov2025`;
    const { page, context, problems } = await harness.open('#' + body, { contextOptions: { deviceScaleFactor: 2 } });
    await page.click('#term-sheet-panel > summary');
    await page.waitForSelector('[data-testid="term-sheet"] svg.term-sheet-qr');
    const sheet = await page.textContent('[data-testid="term-sheet"]');
    assert.match(sheet, /MODEL ASSUMPTION/);
    assert.match(sheet, /LIGA\.net \(regional outlet\)/);
    assert.match(sheet, /Caution:/);
    assert.ok(sheet.includes(JSON.parse(cli(['score', '#' + body, '--json'])).model_version));
    // The QR code is the live link.
    const png = PNG.sync.read(await page.locator('[data-testid="term-sheet"] svg.term-sheet-qr').screenshot({ scale: 'device' }));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.equal(code?.data, `${harness.url}#${body}`);

    // Under print, the sheet alone, on one A4 page.
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ({
      balance: document.querySelector('#balance').getClientRects().length,
      title: document.querySelector('.site-title').getClientRects().length,
      sheet: document.querySelector('[data-testid="term-sheet"]').getClientRects().length,
    }));
    assert.deepEqual(shown, { balance: 0, title: 0, sheet: 1 });
    // page.pdf prints with the print stylesheet (the emulation above stays print).
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, `${pages} pages`);

    // Every plan's sheet fits the page printed at A4 less its margins (186 × 273 mm at 96 dpi).
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 703, height: 1032 });
    const tallest = [];
    for (const { id } of JSON.parse(cli(['presets', '--json']))) {
      const plan = JSON.parse(cli(['score', '--preset', id, '--json'])).link;
      await page.evaluate((plan) => {
        history.pushState(null, '', plan);
        dispatchEvent(new PopStateEvent('popstate'));
      }, plan);
      await page.waitForFunction((plan) => document.querySelector('[data-testid="term-sheet"] code')?.textContent.endsWith(plan), plan);
      await page.emulateMedia({ media: 'print' });
      tallest.push([await page.evaluate(() => document.body.scrollHeight), id]);
      await page.emulateMedia({ media: 'screen' });
    }
    tallest.sort((a, b) => b[0] - a[0]);
    assert.ok(tallest[0][0] <= 1032, `the sheet of ${tallest[0][1]} is ${tallest[0][0]} px high`);
    await page.evaluate((body) => {
      history.pushState(null, '', `#${body}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, body);
    await page.waitForFunction((body) => document.querySelector('[data-testid="term-sheet"] code')?.textContent.endsWith(body), body);

    const json = await downloaded(page, '#term-sheet-panel button:has-text("Download JSON")');
    assert.deepEqual(JSON.parse(json.text), JSON.parse(cli(['score', '#' + body, '--json'])));
    const csv = await downloaded(page, '#term-sheet-panel button:has-text("Download CSV")');
    assert.equal(csv.text, cli(['score', '#' + body, '--csv']));
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});
