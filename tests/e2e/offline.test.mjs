// Offline after the first visit (quality target R2), in Debian Chromium: the service worker
// precaches the build; with the network cut, a reload and a shared link both open with the
// CLI's numbers and the analysis; after a new deploy, the next reload shows the new build, whose
// cache replaces the old one, and that build is what opens offline afterwards.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildName } from '../../scripts/offline.mjs';
import { DIST, ROOT, cliNumbers, link, pageNumbers, start, waitReady } from './harness.mjs';
import { execFileSync } from 'node:child_process';

let harness;
let site;
before(async () => {
  // A copy of the build, so the test can deploy a second build over it.
  site = mkdtempSync(join(tmpdir(), 'pps-offline-'));
  cpSync(DIST, site, { recursive: true });
  harness = await start(site);
});
after(async () => {
  await harness?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Deploys a new build over the served copy: the same files with a marked page. */
function deploySecondBuild() {
  const page = join(site, 'index.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('<title>', '<meta name="build-marker" content="second"><title>'));
  for (const suffix of ['.br', '.gz']) rmSync(page + suffix, { force: true });
  cpSync(join(ROOT, 'www/sw.js'), join(site, 'sw.js'));
  for (const suffix of ['.br', '.gz']) rmSync(join(site, 'sw.js') + suffix, { force: true });
  execFileSync('node', [join(ROOT, 'scripts/offline.mjs'), site], { stdio: 'ignore' });
  return buildName(site);
}

async function analysisReady(page) {
  await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 30000 });
}

async function caches(page) {
  return page.evaluate(async () => (await window.caches.keys()).filter((name) => name.startsWith('peace-plan-sandbox-')));
}

describe('offline', () => {
  test('after one visit a reload and a shared link open offline; a new deploy is picked up at the next reload', async () => {
    const { page, context, problems } = await harness.open('', { contextOptions: { serviceWorkers: 'allow' } });
    // The worker takes over the page once this build is cached.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
    const first = buildName(site);
    assert.deepEqual(await caches(page), [`peace-plan-sandbox-${first}`]);

    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    assert.deepEqual(await pageNumbers(page), cliNumbers(''));
    await analysisReady(page);

    const body = link('territory_donetsk=hold_current_line&guarantee_duration=25');
    const shared = await context.newPage();
    await shared.goto(harness.url + '#' + body);
    await waitReady(shared);
    assert.deepEqual(await pageNumbers(shared), cliNumbers('#' + body));
    await analysisReady(shared);
    await shared.close();

    await context.setOffline(false);
    const second = deploySecondBuild();
    assert.notEqual(second, first);
    await page.reload();
    await waitReady(page);
    assert.equal(await page.locator('meta[name="build-marker"]').count(), 1, 'the first reload after the deploy shows the new build');
    await page.waitForFunction(async (name) => {
      const names = (await caches.keys()).filter((cache) => cache.startsWith('peace-plan-sandbox-'));
      return names.length === 1 && names[0] === name;
    }, `peace-plan-sandbox-${second}`, { timeout: 30000 });

    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    assert.equal(await page.locator('meta[name="build-marker"]').count(), 1, 'offline, the new build opens');
    assert.deepEqual(await pageNumbers(page), cliNumbers(''));
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });

  test('the policy stays strict: the worker is a file of the page, with no new source allowed', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.match(csp, /worker-src 'self';/);
    assert.doesNotMatch(csp, /blob:|unsafe-inline|'unsafe-eval'|\*/);
    const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
    assert.doesNotMatch(worker, /__BUILD__|__FILES__/);
    assert.ok(worker.includes(`'${buildName(DIST)}'`));
  });
});
