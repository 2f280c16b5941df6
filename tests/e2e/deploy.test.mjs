// End-to-end tests of the page as a static host serves it: under a path prefix (a project
// page such as /peace-plan-sandbox/), with precompressed files, every file relative to the page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cliNumbers, fragment, pageNumbers, start } from './harness.mjs';

const PREFIX = '/peace-plan-sandbox/';

let harness;
before(async () => {
  harness = await start(undefined, [], PREFIX);
});
after(async () => {
  await harness?.close();
});

describe('deployed under a path prefix', () => {
  test('the page, its model, its worker and its glossary load from the prefix, compressed', async () => {
    const responses = [];
    const { page, context, problems } = await harness.open('', {
      beforeLoad: (page) => page.on('response', (response) => responses.push(response)),
    });
    assert.ok(harness.url.endsWith(PREFIX));
    await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 30000 });
    // Every request stayed under the prefix, and none failed.
    for (const response of responses) {
      const url = new URL(response.url());
      if (url.protocol === 'data:') continue;
      assert.ok(url.pathname.startsWith(PREFIX), `${url.pathname} is under ${PREFIX}`);
      assert.ok(response.status() < 400, `${url.pathname}: ${response.status()}`);
    }
    const names = responses.map((response) => new URL(response.url()).pathname);
    assert.ok(names.some((name) => /models\/ru-ua-2025@.*\.bin$/.test(name)), 'the model file');
    assert.ok(names.some((name) => name.endsWith('worker_bg.wasm')), "the worker's wasm");
    // What a static host does with precompressed files: brotli for the wasm, the model, the page.
    const wasm = responses.find((response) => /peace-plan-sandbox-[0-9a-f]+_bg\.wasm$/.test(response.url()));
    assert.equal((await wasm.allHeaders())['content-encoding'], 'br');
    assert.match((await wasm.allHeaders())['cache-control'], /immutable/);
    const html = responses.find((response) => response.url() === harness.url);
    assert.equal((await html.allHeaders())['cache-control'], 'no-cache');
    // The page works there: a toggle changes the numbers and the link, as the CLI says.
    await page.click('label[for="option-territory_donetsk-hold_current_line"]');
    const link = await fragment(page);
    assert.deepEqual(await pageNumbers(page), cliNumbers('#' + link));
    await page.goto(harness.url + 'glossary.html');
    assert.match(await page.textContent('h1'), /Glossary/);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.offOrigin, []);
    await context.close();
  });

  test('the folder without its slash redirects to the page', async () => {
    const response = await fetch(harness.url.slice(0, -1), { redirect: 'manual' });
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), PREFIX);
  });
});
