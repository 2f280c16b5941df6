// Page benchmark (figures, not a test). Measures as browsers do:
// - interactions: 40 clicks at a person's pace (one every 250 ms) on unchosen options, timed by
//   Chromium's Event Timing API (what INP uses), with the long tasks seen meanwhile (each placed
//   after the click it follows) and the control of the slowest click, at 1× and 4× CPU, for the
//   app and for a plain page of 100 radios in the same run, three runs each;
// - load: Lighthouse 12.8.2, mobile preset, on the compressed build served as a static host
//   serves it, three runs;
// - the analysis in the browser's worker against native, part by part;
// - the shipped files' sizes.
// Run with `bash scripts/dev bench`, which builds dist/ and the benchmark build (the `bench`
// feature, with the `?bench-analysis` hook) into target/dist-bench and installs Lighthouse.
// `node bench.mjs clicks|load|analysis` runs one section.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, ROOT, start, waitReady } from './harness.mjs';
import { serve } from './serve.mjs';

const CLICKS = 40;
const PACE_MS = 250;
const RUNS = 3;
const SECTIONS = process.argv[2] ? [process.argv[2]] : ['clicks', 'load', 'analysis'];
// An experiment, never the headline: `BENCH_CSS='#balance { display: none }'` adds that style
// to the app in the clicks section (the strict CSP is bypassed for it), to see what a part of
// the page costs per click. The output says when it is set.
const EXPERIMENT_CSS = process.env.BENCH_CSS ?? '';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];
}

const BASELINE_PAGE = `<!doctype html><html lang="en"><title>baseline</title><body><p id="out">none</p>
${Array.from({ length: 20 }, (_, group) => `<fieldset class="issue"><legend>Issue ${group}</legend>${Array.from({ length: 5 }, (_, option) => `<span class="option"><input type="radio" name="g${group}" id="r${group}-${option}" ${option === 0 ? 'checked' : ''}><label for="r${group}-${option}">Option ${option}</label></span>`).join('')}</fieldset>`).join('')}
<script>document.addEventListener('change', (event) => { document.getElementById('out').textContent = event.target.id; });</script></body></html>`;

// Installed before any script of the page: every event entry of 16 ms or more, every long task.
function observe() {
  window.__events = [];
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__events.push({
        name: entry.name, id: entry.interactionId, start: entry.startTime, duration: entry.duration,
        delay: entry.processingStart - entry.startTime, processing: entry.processingEnd - entry.processingStart,
        control: entry.target?.closest?.('label')?.htmlFor || entry.target?.id || entry.target?.tagName?.toLowerCase() || '',
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__long.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * One run: opens `target` in a fresh page, waits until it is idle, sets the CPU rate, clicks
 * CLICKS labels of unchosen radios with real input, one every PACE_MS, waits for the last
 * click's consequences (the analysis results) and returns its interactions and long tasks.
 */
async function pacedClicks(browser, target, cpu) {
  const experiment = target.app && EXPERIMENT_CSS !== '';
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: experiment });
  const page = await context.newPage();
  await page.addInitScript(observe);
  if (target.body) await page.route(target.url, (route) => route.fulfill({ contentType: 'text/html', body: target.body }));
  await page.goto(target.url);
  if (target.app) {
    await waitReady(page);
    await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 60000 });
    if (experiment) await page.addStyleTag({ content: EXPERIMENT_CSS });
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const labels = await page.evaluate(() => [...document.querySelectorAll('fieldset.issue .option label')].map((label) => label.getAttribute('for')));
  const begin = await page.evaluate(() => ({ t: performance.now(), count: performance.interactionCount ?? 0 }));
  // When each click was sent, so that each long task can be placed after the click it follows.
  const sent = [];
  for (let index = 0; index < CLICKS; index += 1) {
    // Always a label whose radio is not yet chosen, so every click changes something.
    let id = labels[(index * 7) % labels.length];
    for (let step = 1; await page.isChecked(`#${id}`); step += 1) id = labels[(index * 7 + step) % labels.length];
    sent.push(await page.evaluate(() => performance.now()));
    await page.click(`label[for="${id}"]`, { noWaitAfter: true });
    await page.waitForTimeout(PACE_MS);
  }
  if (target.app) await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 60000 });
  // Event entries reach the observer after their frame; one more frame and task delivers them.
  const { events, long, count } = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(() =>
    resolve({ events: window.__events, long: window.__long, count: performance.interactionCount ?? 0 }))))); 
  await context.close();
  const byInteraction = new Map();
  for (const entry of events) {
    if (!entry.id || entry.start < begin.t) continue;
    const worst = byInteraction.get(entry.id);
    if (!worst || entry.duration > worst.duration) byInteraction.set(entry.id, entry);
  }
  const interactions = [...byInteraction.values()];
  const counted = count - begin.count;
  // Interactions under 16 ms produce no entry: they count as 16 ms, an upper bound.
  const durations = [...interactions.map((entry) => entry.duration), ...Array(Math.max(0, counted - interactions.length)).fill(16)];
  const tasks = long.filter((task) => task.start >= begin.t);
  // Each long task as "duration@click+ms": its length, the click it follows (from 1) and how
  // long after that click was sent it began. A click's own task begins within a few tens of ms
  // (Playwright's checks come first); the analysis answers and the address bar's write, later.
  const placed = tasks.map((task) => {
    const index = sent.findLastIndex((t) => t <= task.start);
    return `${task.duration.toFixed(0)}@${index + 1}+${(task.start - (sent[index] ?? begin.t)).toFixed(0)}`;
  });
  const worst = interactions.sort((a, b) => b.duration - a.duration)[0];
  return {
    interactions: counted, median: percentile(durations, 50), p98: percentile(durations, 98), max: Math.max(...durations),
    longTasks: tasks.length, longestTask: tasks.length ? Math.max(...tasks.map((task) => task.duration)) : 0, placed,
    worst: worst ? `${worst.name} on ${worst.control}: delay ${worst.delay.toFixed(0)}, processing ${worst.processing.toFixed(0)}, presentation ${(worst.duration - worst.delay - worst.processing).toFixed(0)}` : 'none over 16 ms',
  };
}

async function clicks() {
  const harness = await start(DIST);
  try {
    const targets = [
      { name: 'app', url: harness.url, app: true },
      { name: 'plain page', url: `${harness.url}baseline.html`, body: BASELINE_PAGE },
    ];
    console.log(`\nInteractions: ${CLICKS} clicks, one every ${PACE_MS} ms; Event Timing durations (rounded to 8 ms by the browser)`);
    if (EXPERIMENT_CSS) console.log(`  EXPERIMENT: the app with BENCH_CSS=${JSON.stringify(EXPERIMENT_CSS)} (not the shipped page)`);
    for (const cpu of [1, 4]) {
      const p98 = {};
      for (const target of targets) {
        const runs = [];
        for (let run = 0; run < RUNS; run += 1) runs.push(await pacedClicks(harness.browser, target, cpu));
        for (const [index, run] of runs.entries()) {
          console.log(`  ${cpu}× CPU, ${target.name.padEnd(10)} run ${index + 1}: ${run.interactions} interactions, median ${run.median} ms, p98 ${run.p98} ms, max ${run.max} ms; long tasks ${run.longTasks} (longest ${run.longestTask.toFixed(0)} ms${run.placed.length ? `: ${run.placed.join(' ')}` : ''}); worst ${run.worst}`);
        }
        p98[target.name] = median(runs.map((run) => run.p98));
        console.log(`  ${cpu}× CPU, ${target.name.padEnd(10)} median of runs: p98 ${p98[target.name]} ms, long tasks ${median(runs.map((run) => run.longTasks))}`);
      }
      console.log(`  ${cpu}× CPU: app p98 / plain page p98 = ${(p98.app / p98['plain page']).toFixed(2)} (target ≤ 2)`);
    }
  } finally {
    await harness.close();
  }
}

async function load() {
  const lighthouse = process.env.LIGHTHOUSE;
  if (!lighthouse) {
    console.log('\nLoad: skipped, LIGHTHOUSE is not set (scripts/dev bench installs it)');
    return;
  }
  // Served compressed, with the caching headers of docs/deploy.md, as a static host would.
  const { server, url } = await serve(DIST, '127.0.0.1', 0, '/');
  const out = mkdtempSync(join(tmpdir(), 'pps-lighthouse-'));
  try {
    console.log('\nLoad: Lighthouse 12.8.2, mobile preset (simulated slow 4G, 4× CPU), compressed build');
    const runs = [];
    for (let run = 0; run < RUNS; run += 1) {
      const path = join(out, `run-${run}.json`);
      // Asynchronously: the server answering Lighthouse runs in this process.
      await promisify(execFile)(lighthouse, [url, '--quiet', '--output=json', `--output-path=${path}`,
        '--only-categories=performance,accessibility',
        '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync'],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 });
      const report = JSON.parse(readFileSync(path, 'utf8'));
      const audit = (id) => report.audits[id].numericValue;
      const figures = {
        performance: report.categories.performance.score, accessibility: report.categories.accessibility.score,
        tbt: audit('total-blocking-time'), lcp: audit('largest-contentful-paint'), fcp: audit('first-contentful-paint'),
        cls: audit('cumulative-layout-shift'), fid: audit('max-potential-fid'),
      };
      runs.push(figures);
      // What keeps accessibility below 1, by audit and element, so a regression names its cause.
      const failing = report.categories.accessibility.auditRefs
        .map(({ id }) => report.audits[id])
        .filter((item) => item.score !== null && item.score < 1)
        .map((item) => `${item.id} (${(item.details?.items ?? []).slice(0, 3).map((node) => node.node?.selector).join(', ')})`);
      console.log(`  run ${run + 1}: performance ${figures.performance}, accessibility ${figures.accessibility}, TBT ${figures.tbt.toFixed(0)} ms, LCP ${figures.lcp.toFixed(0)} ms, FCP ${figures.fcp.toFixed(0)} ms, CLS ${figures.cls.toFixed(3)}, max potential FID ${figures.fid.toFixed(0)} ms${failing.length ? `; accessibility audits failing: ${failing.join('; ')}` : ''}`);
    }
    const m = (key) => median(runs.map((run) => run[key]));
    console.log(`  median: performance ${m('performance')} (≥ 0.98), TBT ${m('tbt').toFixed(0)} ms (≤ 50), LCP ${m('lcp').toFixed(0)} ms (≤ 1500), CLS ${m('cls').toFixed(3)} (≤ 0.02), accessibility ${m('accessibility')} (1.0)`);
  } finally {
    server.close();
  }
}

async function analysis() {
  const benchDist = process.env.BENCH_DIST ?? join(ROOT, 'target/dist-bench');
  // Native and wasm take turns, RUNS times each, and each part keeps its fastest round on both
  // sides: this machine is a VM whose neighbours slow it down for seconds at a time.
  const parse = (text) => Object.fromEntries(text.trim().split('\n').map((line) => line.split('=')).map(([k, v]) => [k, Number(v)]));
  const fastest = (runs) => Object.fromEntries(Object.keys(runs[0]).map((name) => [name, Math.min(...runs.map((run) => run[name]))]));
  const native = () => parse(execFileSync('cargo', ['run', '--profile', 'bench', '-q', '-p', 'scoring', '--example', 'profile_analysis', '--', '--parts'], { cwd: ROOT, encoding: 'utf8' }));
  const harness = await start(benchDist);
  try {
    const nativeRuns = [];
    const wasmRuns = [];
    for (let round = 0; round < RUNS; round += 1) {
      nativeRuns.push(native());
      const context = await harness.browser.newContext();
      const page = await context.newPage();
      await page.goto(harness.url + '?bench-analysis');
      await page.waitForSelector('#bench', { timeout: 600000 });
      wasmRuns.push(parse(await page.textContent('#bench')));
      await context.close();
    }
    const nativeTimes = fastest(nativeRuns);
    const wasmTimes = fastest(wasmRuns);
    console.log('\nAnalysis in the worker (opening state)   native ms    wasm ms   wasm/native');
    let logSum = 0;
    let count = 0;
    for (const [name, nativeTime] of Object.entries(nativeTimes)) {
      const wasmTime = wasmTimes[name];
      const ratio = wasmTime / nativeTime;
      if (nativeTime > 0 && wasmTime > 0 && Number.isFinite(ratio)) {
        logSum += Math.log(ratio);
        count += 1;
      }
      console.log(`  ${name.replace(/_us$/, '').padEnd(36)} ${(nativeTime / 1000).toFixed(3).padStart(10)} ${(wasmTime / 1000).toFixed(3).padStart(10)} ${ratio.toFixed(2).padStart(10)}`);
    }
    console.log(`  geometric mean wasm/native: ${Math.exp(logSum / count).toFixed(2)} (target ≤ 1.5)`);
  } finally {
    await harness.close();
  }
}

function sizes() {
  console.log('\nShipped files (bytes as served with brotli):');
  for (const name of readdirSync(DIST).filter((file) => /\.(wasm|js|css|html)$/.test(file)).sort()) {
    const raw = statSync(join(DIST, name)).size;
    const brotli = statSync(join(DIST, `${name}.br`)).size;
    console.log(`  ${name.padEnd(48)} ${(raw / 1024).toFixed(1).padStart(7)} KiB raw ${(brotli / 1024).toFixed(1).padStart(7)} KiB brotli`);
  }
}

for (const section of SECTIONS) {
  if (section === 'clicks') await clicks();
  else if (section === 'load') await load();
  else if (section === 'analysis') await analysis();
  else throw new Error(`unknown section ${section}: clicks, load or analysis`);
}
sizes();
