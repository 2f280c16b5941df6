// Page benchmark (figures, not a test): click-to-next-paint latency over 200 toggles (median and
// p95), time from navigation to an interactive page, each part of the analysis in the wasm
// build against native, and the shipped .wasm size raw/gzip/brotli.
// Run with `bash scripts/dev bench`, which builds dist/ and the benchmark build (the `bench`
// feature, with the `?bench-analysis` hook) into target/dist-bench.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DIST, ROOT, start, waitReady } from './harness.mjs';

const TOGGLES = 200;
const LOADS = 15;

function percentile(sorted, p) {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] };
}

/**
 * Clicks TOGGLES (+10 warm-up) labels of unchosen radios with real input and measures each:
 * - paint: from the click's capture listener to the end of the frame that shows the update (a
 *   task queued from requestAnimationFrame runs after that frame's paint: "afterframe");
 * - own: the same less the idle wait for the 60 Hz frame clock (from the end of the handler's
 *   work to the frame's start time, which requestAnimationFrame is given), i.e. the handler's
 *   work plus the frame's style, layout and paint;
 * - work: from the click to the DOM updated (the mutation records after the render).
 */
async function clickLatencies(page, root, labels) {
  const targets = await page.evaluate((selector) =>
    [...document.querySelectorAll(selector)].map((label) => label.getAttribute('for')),
  labels);
  const result = { paint: [], own: [], work: [] };
  for (let index = 0; index < TOGGLES + 10; index += 1) {
    // Always a label whose radio is not yet chosen, so every click changes something.
    let target = targets[(index * 7) % targets.length];
    for (let step = 1; await page.isChecked(`#${target}`); step += 1) {
      target = targets[(index * 7 + step) % targets.length];
    }
    await page.evaluate(({ id, root }) => {
      const label = document.querySelector(`label[for="${id}"]`);
      window.__measure = new Promise((resolve) => {
        label.addEventListener('click', () => {
          const start = performance.now();
          let processed = NaN;
          // Mutation records are delivered in a microtask right after the render finishes.
          const observer = new MutationObserver(() => {
            if (Number.isNaN(processed)) processed = performance.now();
            observer.disconnect();
          });
          observer.observe(document.querySelector(root), { subtree: true, childList: true, attributes: true, characterData: true });
          requestAnimationFrame((frameStart) => setTimeout(() => {
            const end = performance.now();
            const idle = Math.max(0, frameStart - (Number.isNaN(processed) ? start : processed));
            resolve({ paint: end - start, own: end - start - idle, work: processed - start });
          }));
        }, { once: true, capture: true });
      });
    }, { id: target, root });
    await page.click(`label[for="${target}"]`);
    const measured = await page.evaluate(() => window.__measure);
    if (index >= 10) {
      for (const key of Object.keys(result)) result[key].push(measured[key]);
    }
  }
  return result;
}

const BASELINE_PAGE = `<!doctype html><html lang="en"><title>baseline</title><body><p id="out">none</p>
${Array.from({ length: 20 }, (_, group) => `<fieldset><legend>Issue ${group}</legend>${Array.from({ length: 5 }, (_, option) => `<span class="option"><input type="radio" name="g${group}" id="r${group}-${option}" ${option === 0 ? 'checked' : ''}><label for="r${group}-${option}">Option ${option}</label></span>`).join('')}</fieldset>`).join('')}
<script>document.addEventListener('change', (event) => { document.getElementById('out').textContent = event.target.id; });</script></body></html>`;

const BENCH_DIST = process.env.BENCH_DIST ?? join(ROOT, 'target/dist-bench');
// `node bench.mjs analysis` measures only the analysis and the size (for quick iterations).
const ONLY_ANALYSIS = process.argv[2] === 'analysis';
// Native and wasm take turns, ROUNDS times each, and each part keeps its fastest round on
// both sides: this machine is a VM whose neighbours slow it down for seconds at a time.
const ROUNDS = 3;
const parse = (text) => Object.fromEntries(text.trim().split('\n').map((line) => line.split('=')).map(([k, v]) => [k, Number(v)]));
const fastest = (runs) => Object.fromEntries(Object.keys(runs[0]).map((name) => [name, Math.min(...runs.map((run) => run[name]))]));
const native = () => parse(execFileSync('cargo', ['run', '--profile', 'bench', '-q', '-p', 'scoring', '--example', 'profile_analysis', '--', '--parts'], { cwd: ROOT, encoding: 'utf8' }));
// Frames come on Chromium's usual 60 Hz clock, as for a user: a click at a random moment waits
// 8 ms on average for the next frame, on top of the work and the paint it causes.
const harness = await start(BENCH_DIST);
try {
  // Navigation to interactive: from navigation start until the app has rendered its scores
  // (the boot script marks <html data-ready> after the first render).
  const loads = [];
  for (let run = 0; !ONLY_ANALYSIS && run < LOADS + 3; run += 1) {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(harness.url);
    await waitReady(page);
    const ms = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const ready = performance.getEntriesByName('app-ready')[0];
      return (ready ? ready.startTime : performance.now()) - navigation.startTime;
    });
    if (run >= 3) loads.push(ms);
    await context.close();
  }

  // Click to next paint, for the app and for a baseline page in the same run.
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(harness.url);
  await waitReady(page);
  const app = ONLY_ANALYSIS ? null : await clickLatencies(page, '#app', 'fieldset.issue .option label');
  // The floor any page meets on this machine: the same clicks on a plain page of 100 radio
  // labels whose handler changes one line of text (served on the same origin).
  await page.route(`${harness.url}baseline`, (route) => route.fulfill({ contentType: 'text/html', body: BASELINE_PAGE }));
  await page.goto(`${harness.url}baseline`);
  const baseline = ONLY_ANALYSIS ? null : await clickLatencies(page, 'body', '.option label');
  await context.close();

  // The analysis, in the wasm build (the page's ?bench-analysis hook) and natively, same run.
  const nativeRuns = [];
  const wasmRuns = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    nativeRuns.push(native());
    const benchContext = await harness.browser.newContext();
    const benchPage = await benchContext.newPage();
    await benchPage.goto(harness.url + '?bench-analysis');
    await benchPage.waitForSelector('#bench', { timeout: 600000 });
    wasmRuns.push(parse(await benchPage.textContent('#bench')));
    await benchContext.close();
  }
  const nativeTimes = fastest(nativeRuns);
  const wasmTimes = fastest(wasmRuns);

  const wasmName = readdirSync(DIST).find((name) => name.endsWith('.wasm'));
  const wasm = readFileSync(join(DIST, wasmName));
  const gzip = gzipSync(wasm, { level: 9 }).length;
  const brotli = brotliCompressSync(wasm, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

  const kb = (n) => (n / 1024).toFixed(1);
  if (!ONLY_ANALYSIS) {
    const line = (label, values) => {
      const { median, p95, max } = summary(values);
      console.log(`${label.padEnd(58)} median ${median.toFixed(1).padStart(5)} ms, p95 ${p95.toFixed(1).padStart(5)} ms, max ${max.toFixed(1).padStart(5)} ms`);
    };
    console.log(`clicks: ${app.paint.length} toggles each, after 10 warm-up clicks`);
    line('app: click to next paint', app.paint);
    line('app: click to next paint, less the wait for the frame clock', app.own);
    line('app: click to the DOM updated', app.work);
    line('baseline page: click to next paint', baseline.paint);
    line('baseline page: less the wait for the frame clock', baseline.own);
    const load = summary(loads);
    console.log(`navigation to interactive over ${loads.length} loads: median ${load.median.toFixed(0)} ms, p95 ${load.p95.toFixed(0)} ms`);
  }
  console.log('analysis part (opening state)        native ms    wasm ms   wasm/native');
  let logSum = 0;
  let count = 0;
  for (const [name, native] of Object.entries(nativeTimes)) {
    const wasm = wasmTimes[name];
    const ratio = wasm / native;
    if (native > 0 && wasm > 0 && Number.isFinite(ratio)) {
      logSum += Math.log(ratio);
      count += 1;
    }
    console.log(`  ${name.replace(/_us$/, '').padEnd(32)} ${(native / 1000).toFixed(3).padStart(10)} ${(wasm / 1000).toFixed(3).padStart(10)} ${ratio.toFixed(2).padStart(10)}`);
  }
  console.log(`  geometric mean wasm/native: ${Math.exp(logSum / count).toFixed(2)}`);
  console.log(`wasm ${wasmName}: ${kb(wasm.length)} KiB raw, ${kb(gzip)} KiB gzip, ${kb(brotli)} KiB brotli`);
} finally {
  await harness.close();
}
