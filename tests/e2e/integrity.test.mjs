// Subresource integrity (quality target S2), in Debian Chromium: every script, wasm and
// stylesheet of dist/ carries a sha384 that matches its bytes, recomputed here from the files,
// and the browser refuses a file whose bytes changed: the page wasm and the worker loader stop
// the start with a message; the panels' files leave the panels unstarted, and the worker's own
// files the analysis unavailable, while the scores go on.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { check, sri } from '../../scripts/integrity.mjs';
import { DIST, changed, cliNumbers, currentModel, fragment, pageNumbers, start } from './harness.mjs';

let harness;
before(async () => {
  harness = await start();
});
after(async () => {
  await harness?.close();
});

/**
 * The files index.html loads by a tag, with the integrity each tag carries, and the four the
 * start-up script fetches itself (the page wasm, the model, the panels' glue and wasm), with
 * the hashes on its tag.
 */
function tagged() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const byTag = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\.\/([^"]+)"[^>]*\sintegrity="([^"]+)"[^>]*>/g)]
    .map(([, file, integrity]) => ({ file, integrity }));
  const boot = html.match(/<script type="module" src="\.\/boot\.js"[^>]*>/)[0];
  const byStartUp = ['wasm', 'model', 'panels-js', 'panels-wasm'].map((name) => ({
    file: boot.match(new RegExp(`\\sdata-${name}="\\./([^"]+)"`))[1],
    integrity: boot.match(new RegExp(`\\sdata-${name}-integrity="([^"]+)"`))[1],
  }));
  return [...byTag, ...byStartUp];
}

describe('integrity hashes', () => {
  test('every script, wasm and stylesheet in index.html carries the sha384 of its bytes', () => {
    const files = tagged();
    const kinds = new Set(files.map(({ file }) => file.replace(/^.*\./, '')));
    for (const kind of ['js', 'wasm', 'css']) assert.ok(kinds.has(kind), `a ${kind} file is tagged: ${JSON.stringify(files)}`);
    for (const file of ['panels.js', 'panels_bg.wasm']) assert.ok(files.some((tagged) => tagged.file === file), `${file} carries a hash`);
    for (const { file, integrity } of files) {
      assert.equal(integrity, sri(readFileSync(join(DIST, file))), file);
    }
    assert.deepEqual(check(DIST), []);
  });

  test('the worker loader carries the hashes of the worker glue and wasm, and the page the loader’s', () => {
    const loader = readFileSync(join(DIST, 'worker_loader.js'), 'utf8');
    assert.ok(loader.includes(`'${sri(readFileSync(join(DIST, 'worker.js')))}'`));
    assert.ok(loader.includes(`'${sri(readFileSync(join(DIST, 'worker_bg.wasm')))}'`));
    assert.doesNotMatch(loader, /__WORKER_\w+_INTEGRITY__/);
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    assert.equal(html.match(/data-worker-integrity="([^"]+)"/)[1], sri(Buffer.from(loader)));
  });

  test('the check fails on a changed byte (a control)', () => {
    const copy = mkdtempSync(join(tmpdir(), 'integrity-'));
    try {
      cpSync(DIST, copy, { recursive: true });
      const wasm = tagged().find(({ file }) => file.endsWith('.wasm')).file;
      const bytes = readFileSync(join(copy, wasm));
      bytes[bytes.length - 1] ^= 1;
      writeFileSync(join(copy, wasm), bytes);
      writeFileSync(join(copy, 'worker.js'), readFileSync(join(copy, 'worker.js'), 'utf8') + '\n');
      const problems = check(copy);
      assert.equal(problems.length, 2, problems.join('; '));
      assert.match(problems.join('\n'), new RegExp(`${wasm.replace('.', '\\.')}: integrity does not match`));
      assert.match(problems.join('\n'), /no matching integrity for worker\.js/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test('a module imported before its own checked tag is caught (a control)', () => {
    const copy = mkdtempSync(join(tmpdir(), 'integrity-'));
    try {
      cpSync(DIST, copy, { recursive: true });
      const html = readFileSync(join(copy, 'index.html'), 'utf8');
      const dom = html.match(/\s*<script type="module" src="\.\/dom\.js"[^>]*><\/script>/)[0];
      // The shared helpers' tag moved to the end of the head: the scripts before it import an
      // unchecked module.
      writeFileSync(join(copy, 'index.html'), html.replace(dom, '').replace('</head>', `${dom}\n</head>`));
      const problems = check(copy);
      for (const script of ['classroom.js', 'delegation.js', 'qr.js']) {
        assert.ok(problems.includes(`${script} imports dom.js, which no earlier <script type="module"> tag loads with its integrity`), problems.join('; '));
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

/** Opens the page with one file's last byte flipped in transit (the CSP is unchanged). */
async function openTampered(pattern, waitForApp) {
  return harness.open('', {
    waitForApp,
    beforeLoad: (page) =>
      page.route(pattern, async (route) => {
        const response = await route.fetch();
        const body = await response.body();
        body[body.length - 1] ^= 1;
        // The body arrives decoded; the original encoding and length no longer describe it.
        const headers = Object.fromEntries(Object.entries(response.headers())
          .filter(([name]) => !['content-encoding', 'content-length'].includes(name)));
        await route.fulfill({ status: response.status(), headers, body });
      }),
  });
}

describe('the model preload', () => {
  test('the start-up script preloads the current model after the first paint, and the app takes that response: one request', async () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    // Nothing big is fetched before the first paint: no preload in the head but the glue's.
    // (Trunk writes the hash as a number in hex, without leading zeros: 16 digits or fewer.)
    assert.deepEqual([...html.matchAll(/<link rel="(preload|modulepreload)" href="\.\/([^"]+)"/g)].map((match) => match[2].replace(/-[0-9a-f]{1,16}(?=\.)/, '')), ['peace-plan-sandbox.js']);
    const preload = html.match(/<script type="module" src="\.\/boot\.js"[^>]* data-model="\.\/(models\/[^"]+\.bin)"/);
    assert.ok(preload, 'the start-up script names a model file');
    assert.equal(currentModel(), preload[1].match(/@([^.]+\.[^.]+\.[^.]+)\./)[1], 'it is the current model');
    const requests = [];
    const { page, context, problems } = await harness.open('', {
      beforeLoad: (page) => page.on('request', (request) => {
        if (request.url().includes('/models/')) requests.push(request.url());
      }),
    });
    assert.deepEqual(requests, [`${harness.url}${preload[1]}`]);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/models/')).map((entry) => entry.initiatorType));
    assert.deepEqual(fetched, ['link'], 'fetched by the preload, not again by the app');
    assert.deepEqual(problems.pageErrors, []);
    await context.close();
  });
});

describe('the browser refuses altered files', () => {
  test('an altered page wasm: the page says it could not start', async () => {
    const { page, context } = await openTampered(/peace-plan-sandbox-[0-9a-f]+_bg\.wasm$/, false);
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 15000 });
    assert.match(await page.textContent('#fatal'), /could not start/);
    assert.equal(await page.locator('[data-testid="balance-points"]').count(), 0);
    await context.close();
  });

  test('an altered worker loader: the page does not start and says a file does not match', async () => {
    const { page, context } = await openTampered(/worker_loader\.js$/, false);
    await page.waitForSelector('#fatal:not([hidden])', { timeout: 15000 });
    assert.match(await page.textContent('#fatal'), /does not match the page/);
    assert.equal(await page.locator('[data-testid="balance-points"]').count(), 0);
    await context.close();
  });

  test('an altered worker wasm: the analysis is unavailable, the scores go on', async () => {
    const { page, context } = await openTampered(/worker_bg\.wasm$/, true);
    await page.waitForSelector('[data-testid="analysis-failure"]', { timeout: 30000 });
    assert.match(await page.textContent('[data-testid="analysis-status"]'), /unavailable/i);
    await page.click('label[for="option-territory_donetsk-hold_current_line"]');
    const body = await fragment(page);
    assert.equal(body, changed('territory_donetsk=hold_current_line'));
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + body));
    await context.close();
  });

  for (const [what, pattern] of [['glue', /panels\.js$/], ['wasm', /panels_bg\.wasm$/]]) {
    test(`an altered panels ${what}: the panels say they could not start, the scores go on`, async () => {
      const { page, context, problems } = await openTampered(pattern, true);
      await page.waitForSelector('[data-testid="panels-failure"]:not([hidden])', { timeout: 30000 });
      assert.match(await page.textContent('[data-testid="panels-failure"]'), /could not start[\s\S]*still work/);
      assert.equal(await page.locator('#panels-root [data-testid="analysis-status"]').count(), 0);
      await page.click('label[for="option-territory_donetsk-hold_current_line"]');
      const body = await fragment(page);
      assert.equal(body, changed('territory_donetsk=hold_current_line'));
      assert.deepEqual(await pageNumbers(page), cliNumbers('#' + body));
      assert.deepEqual(problems.pageErrors, []);
      await context.close();
    });
  }
});
