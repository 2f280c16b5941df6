// The core flows in three browser engines, each test named by its engine: Debian Chromium
// (playwright-core), Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK
// (selenium-webdriver and WebKitWebDriver under xvfb-run). Each compares the page's numbers
// with the command-line tool's for the same link, so every engine shows the same results, and
// checks that a delegation's view hides the other parties in every engine.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DIST, PARTIES, changed, cli, cliNumbers, link } from './harness.mjs';
import { ENGINES, launch, missing, probeScript } from './engines.mjs';
import { serve } from './serve.mjs';

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** What the page shows, read in the page: the numbers `cliNumbers` gives, and the link. */
function read() {
  const text = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent.trim();
  const numbers = {};
  for (const party of ['ua', 'ru', 'us', 'eu']) {
    numbers[party] = {
      value: text(`value-${party}`),
      concession: text(`concession-${party}`).match(/^[0-9.]+/)[0],
      gain: text(`gain-${party}`),
    };
  }
  numbers.balance = text('balance-points').split(' ')[0];
  return { numbers, hash: location.hash.replace(/^#/, '') };
}

function ready() {
  return document.documentElement.dataset.ready === 'true' && document.querySelector('[data-testid="balance-points"]') !== null;
}

/** The CLI's numbers without the ratification flag, which `read` leaves out. */
function expected(body) {
  const { ratified, ...numbers } = cliNumbers(body ? '#' + body : '');
  return numbers;
}

function assertClean(problems, where) {
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], cspViolations: [], dialogs: [] }, where);
}

let server;
let base;
before(async () => {
  ({ server, url: base } = await serve(DIST, '127.0.0.1', 0, '/', { probe: probeScript }));
});
after(async () => {
  await new Promise((done) => server?.close(done));
});

for (const engine of ENGINES) {
  describe(`${engine}`, { concurrency: 1 }, () => {
    let browser;
    const sessions = [];
    before(async () => {
      const absent = missing(engine);
      if (absent) throw new Error(`${absent} is missing: scripts/dev test installs it`);
      browser = await launch(engine);
    });
    after(async () => {
      for (const session of sessions) await session.close().catch(() => {});
      await browser?.close();
    });

    async function open(body = '', viewport = DESKTOP, query = '') {
      // One page at a time: a page left open would go on running its analysis meanwhile.
      while (sessions.length) await sessions.pop().close().catch(() => {});
      const session = await browser.session(viewport);
      sessions.push(session);
      await session.goto(base + query + (body ? '#' + body : ''));
      await session.waitFor(ready, null, 60000);
      return session;
    }

    let toggled;
    test(`[${engine}] loads with a clean console and the CLI's numbers`, async () => {
      const session = await open();
      assert.deepEqual((await session.evaluate(read)).numbers, expected(''));
      assert.equal(await session.evaluate(() => document.getElementById('fatal').hidden), true);
      assertClean(await session.problems(), 'console on load');
    });

    test(`[${engine}] a toggle changes the numbers and the link`, async () => {
      const session = await open();
      const before = await session.evaluate(read);
      await session.click('label[for="option-territory_donetsk-hold_current_line"]');
      toggled = changed('territory_donetsk=hold_current_line');
      await session.waitFor((hash) => location.hash === '#' + hash, toggled);
      const after = await session.evaluate(read);
      assert.notDeepEqual(after.numbers, before.numbers);
      assert.deepEqual(after.numbers, expected(toggled));
      assertClean(await session.problems(), 'console after a toggle');
    });

    test(`[${engine}] the link round-trips in a fresh profile`, async () => {
      const body = toggled ?? changed('territory_donetsk=hold_current_line');
      const session = await open(body);
      const shown = await session.evaluate(read);
      assert.equal(shown.hash, body);
      assert.deepEqual(shown.numbers, expected(body));
      assert.equal(await session.evaluate(() => document.querySelector('#preset').value), 'custom');
      assertClean(await session.problems(), 'console with a link');
    });

    test(`[${engine}] a preset applies and writes its link`, async () => {
      const session = await open();
      const value = await session.evaluate(() =>
        [...document.querySelectorAll('#preset option')].find((o) => o.textContent.startsWith('UK–France–Germany rewrite')).value);
      await session.select('#preset', value);
      // The page opened with no fragment; the preset's link is written after its frame is painted.
      await session.waitFor(() => location.hash.replace(/^#/, '') !== '');
      const shown = await session.evaluate(read);
      assert.deepEqual(shown.numbers, expected(shown.hash));
      assert.equal(await session.evaluate(() => document.querySelector('#preset').value), value);
      assertClean(await session.problems(), 'console after a preset');
    });

    test(`[${engine}] a hostile link shows the notice and injects nothing`, async () => {
      const session = await open(link('"><img src=x onerror=window.__xss=1>=1&army_cap=<script>window.__xss=1</script>&d.ua=999'));
      await session.waitFor(() => document.querySelectorAll('#link-problems li').length >= 3);
      assert.equal(await session.evaluate(() => window.__xss ?? null), null);
      assert.equal(await session.evaluate(() => document.querySelectorAll('#app img, #app script').length), 0);
      assert.deepEqual((await session.evaluate(read)).numbers, expected(''));
      assertClean(await session.problems(), 'console with a hostile link');
    });

    test(`[${engine}] the analysis panels fill in from the worker`, async () => {
      const session = await open();
      await session.waitFor(
        () => /Analysis up to date/.test(document.querySelector('[data-testid="analysis-status"]')?.textContent ?? '')
          && document.querySelector('[data-testid="frontier-chart"]') !== null,
        null,
        120000,
      );
      const report = JSON.parse(cli(['analyze', '', '--json', '--samples', '100']));
      assert.equal(
        await session.evaluate(() => [...document.querySelectorAll('[data-testid="frontier-chart"] path.frontier-points')]
          .reduce((sum, path) => sum + (path.getAttribute('d').match(/M/g) ?? []).length, 0)),
        report.frontier.length,
      );
      assert.ok(await session.evaluate(() => document.querySelectorAll('[data-testid^="suggestion-"]').length) >= 1);
      assertClean(await session.problems(), 'console with the analysis');
    });

    test(`[${engine}] a delegation link hides the other parties until revealed`, async () => {
      const seen = (session) => session.evaluate(() => {
        const shown = (selector) => [...document.querySelectorAll(selector)].filter((node) => node.getClientRects().length > 0).length;
        return {
          parties: Object.fromEntries(['ua', 'ru', 'us', 'eu'].map((party) => [party, shown(`.party-${party}`) > 0])),
          balance: shown('[data-testid="balance-points"]') > 0,
          analysis: shown('#analysis') > 0,
          columns: shown('.weights-table thead th'),
          concession: document.querySelector('[data-testid="concession-ru"]').textContent.match(/^[0-9.]+/)[0],
        };
      });
      const body = changed('territory_donetsk=hold_current_line');
      let session = await open(body, DESKTOP, '?role=ru');
      await session.waitFor(() => document.documentElement.dataset.roleIndex === '2' && !document.getElementById('role-banner').hidden);
      assert.deepEqual(await seen(session), {
        parties: { ua: false, ru: true, us: false, eu: false },
        balance: false,
        analysis: false,
        columns: 2,
        concession: expected(body).ru.concession,
      });
      assertClean(await session.problems(), 'console in a delegation view');
      session = await open(body, DESKTOP, '?role=ru&reveal=all');
      await session.waitFor(() => !document.getElementById('role-banner').hidden);
      const revealed = await seen(session);
      assert.deepEqual(revealed.parties, { ua: true, ru: true, us: true, eu: true });
      assert.equal(revealed.columns, 5);
      assert.equal(revealed.balance, true);
      assertClean(await session.problems(), 'console in a revealed delegation view');
    });

    test(`[${engine}] on a phone the bar keeps the balance in view and updates`, async () => {
      const session = await open('', PHONE);
      // MiniBrowser's window keeps its toolbar's width (447 px of page here); the phone layout
      // holds up to 60 rem, so the bar is tested at the narrowest window the engine gives.
      const width = await session.evaluate(() => innerWidth);
      if (engine === 'webkit') assert.ok(width >= PHONE.width && width < 480, `page width ${width}`);
      else assert.equal(width, PHONE.width);
      await session.evaluate(() => document.querySelector('#issue-sanctions_relief').scrollIntoView());
      await session.click('label[for="option-sanctions_relief-phased_reintegration_g8"]');
      const body = changed('sanctions_relief=phased_reintegration_g8');
      await session.waitFor((hash) => location.hash === '#' + hash, body);
      const numbers = expected(body);
      const bar = await session.waitFor((want) => {
        const bar = document.querySelector('[data-testid="phone-bar"]');
        const box = bar?.getBoundingClientRect();
        const text = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent.trim();
        return box && box.top >= 0 && box.bottom <= innerHeight + 0.5 && text('phone-bar-balance') === want
          ? { balance: text('phone-bar-balance'), parties: ['ua', 'ru', 'us', 'eu'].map((p) => text(`phone-bar-${p}`)) }
          : null;
      }, numbers.balance);
      assert.equal(bar.balance, numbers.balance);
      assert.deepEqual(bar.parties, PARTIES.map((party) => numbers[party].concession));
      assert.equal(await session.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
      assertClean(await session.problems(), 'console on a phone');
    });
  });
}
