// Shared set-up for the end-to-end tests: a loopback server over dist/ started by the test
// itself, Debian Chromium driven by playwright-core, and helpers that read the page and run
// the real command-line tool for comparison.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const PARTIES = ['ua', 'ru', 'us', 'eu'];

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Starts the server (over `dist`, by default dist/, under `prefix`, by default `/`) and the
 * browser; returns helpers and a `close()`.
 */
export async function start(dist = DIST, extraFlags = [], prefix = '/') {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist} is missing: run \`trunk build --release\` first (scripts/dev test does)`);
  }
  const { server, url } = await serve(dist, '127.0.0.1', 0, prefix);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...CHROMIUM_FLAGS, ...extraFlags],
    ignoreDefaultArgs: ['--headless=old'],
    // playwright-core creates a fresh profile; this keeps every run independent.
  });
  const origin = new URL(url).origin;

  /**
   * Opens `path` in a fresh context and waits for the app. Records console errors, page
   * errors and every request that leaves the page's origin.
   */
  async function open(path = '', options = {}) {
    const { contextOptions = {}, waitForApp = true, beforeLoad } = options;
    // The offline worker is blocked unless a test asks for it (offline.test.mjs): requests a
    // service worker makes pass by the page's routes, which other tests use to break files.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...contextOptions });
    const page = await context.newPage();
    const problems = { consoleErrors: [], pageErrors: [], offOrigin: [], dialogs: [] };
    page.on('console', (message) => {
      if (message.type() === 'error') problems.consoleErrors.push(message.text());
    });
    // With its stack, so that a failure says where the error came from.
    page.on('pageerror', (error) => problems.pageErrors.push(error.stack ? `${error}\n${error.stack}` : String(error)));
    page.on('request', (request) => {
      const target = request.url();
      if (!target.startsWith(origin) && !target.startsWith('data:') && !target.startsWith('blob:')) {
        problems.offOrigin.push(target);
      }
    });
    page.on('dialog', async (dialog) => {
      problems.dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    if (beforeLoad) await beforeLoad(page, context);
    await page.goto(url + path);
    if (waitForApp) await waitReady(page);
    return { page, context, problems };
  }

  return {
    url,
    origin,
    browser,
    open,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Waits until the app has started and rendered the balance panel. */
export async function waitReady(page) {
  await page.waitForSelector('html[data-ready="true"]', { timeout: 15000 });
  await page.waitForSelector('[data-testid="balance-points"]', { timeout: 15000 });
}

/** The numbers the page shows for every party, as displayed text. */
export async function pageNumbers(page) {
  await settle(page);
  const numbers = {};
  for (const party of PARTIES) {
    numbers[party] = {
      value: (await page.textContent(`[data-testid="value-${party}"]`)).trim(),
      concession: firstNumber(await page.textContent(`[data-testid="concession-${party}"]`)),
      gain: (await page.textContent(`[data-testid="gain-${party}"]`)).trim(),
    };
  }
  numbers.balance = (await page.textContent('[data-testid="balance-points"]')).trim().split(' ')[0];
  numbers.ratified = (await page.textContent('[data-testid="ratified"]')).includes('✓');
  return numbers;
}

function firstNumber(text) {
  return text.trim().match(/^[0-9.]+/)[0];
}

/**
 * Resolves once the page has settled: two frames in a row pass with no DOM change. A provision's
 * change is applied in the next frame (src/components/provisions.rs `in_next_frame`), the
 * panels follow once that frame is painted, and while Yew's scheduler is busy (rendering
 * analysis results, under a loaded machine) a render can come a few frames later.
 */
export async function settle(page) {
  await page.evaluate(async () => {
    let changed = false;
    const observer = new MutationObserver(() => {
      changed = true;
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    for (let quiet = 0, frames = 0; quiet < 2 && frames < 600; frames += 1) {
      changed = false;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      quiet = changed ? 0 : quiet + 1;
    }
    observer.disconnect();
  });
}

/**
 * The page's current link body (after '#'), once the page has settled (`settle`). The app
 * writes the address bar once the reader pauses or presses a key or pointer (src/browser.rs
 * `write_fragment`): this presses Shift (a key press, as a reader's next step would be, writes
 * any waiting link) and reads the address bar.
 */
export async function fragment(page) {
  await settle(page);
  await page.keyboard.press('Shift');
  return page.evaluate(() => location.hash.replace(/^#/, ''));
}

let cliPath;
/** Runs the real `peaceplan` binary (built by cargo if needed) and returns stdout. */
export function cli(args) {
  if (!cliPath) {
    cliPath = join(ROOT, 'target/debug/peaceplan');
    if (!existsSync(cliPath)) {
      execFileSync('cargo', ['build', '-q', '-p', 'peaceplan'], { cwd: ROOT, stdio: 'inherit' });
    }
  }
  return execFileSync(cliPath, args, { cwd: ROOT, encoding: 'utf8' });
}

/** The CLI's table for a link, read into the same shape as `pageNumbers`. */
export function cliNumbers(link) {
  const text = cli(['score', link]);
  const names = { ua: 'Ukraine', ru: 'Russia', us: 'United States', eu: 'Europe' };
  const numbers = {};
  for (const party of PARTIES) {
    const line = text.split('\n').find((row) => row.startsWith(names[party] + ' '));
    const cells = line.slice(names[party].length).trim().split(/\s+/);
    numbers[party] = { value: cells[0], concession: cells[1], gain: cells[2] };
  }
  numbers.balance = text.match(/^Balance: (\S+) points/m)[1];
  numbers.ratified = /^Passes the model's ratification test: yes/m.test(text);
  return numbers;
}

let current;
/** The current model's version, as the CLI reports it. */
export function currentModel() {
  current ??= JSON.parse(cli(['score', '--json'])).model_version;
  return current;
}

/** The canonical link body of the current model with `rest` set (`a=b&c=d`), as the page writes it. */
export function link(rest = '') {
  return `v=2&m=${currentModel()}` + (rest ? `&${rest}` : '');
}

/** The document the model opens on (the opening page's package). */
export function openingDocument() {
  return JSON.parse(cli(['score', '--json'])).matches_document;
}

/**
 * The link the page writes after changes made from the opening page: `link(rest)` naming the
 * document the package started from (`from=`, docs/link-format.md).
 */
export function changed(rest) {
  return `${link(rest)}&from=${openingDocument()}`;
}

/** A link without its `from=` part: the package alone, as the CLI's reports write it. */
export function packageOnly(body) {
  return body.replace(/&from=[a-z0-9_]+/, '');
}

/** The CLI's JSON report for `args` (after `score`). */
export function cliReport(args) {
  return JSON.parse(cli(['score', ...args, '--json']));
}

/** Every golden link file, of every link format. */
export function goldenFiles() {
  return ['v1', 'v2'].flatMap((format) => {
    const dir = join(ROOT, 'scoring/tests/links', format);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
  });
}

/** Runs axe-core in the page and returns violations of impact critical or serious. */
export async function axe(page) {
  const source = readFileSync(join(ROOT, 'tests/e2e/node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }),
  );
  return result.violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')}`);
}

export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'pps-e2e-'));
}
