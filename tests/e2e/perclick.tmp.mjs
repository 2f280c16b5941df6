// Scratch: per-click Event Timing at CPU (env CPU), DIST (env), with a trace breakdown (TRACE=1).
import { writeFileSync } from 'node:fs';
import { DIST, start, waitReady } from './harness.mjs';
const CPU = Number(process.env.CPU ?? 4);
const N = Number(process.env.N ?? 40);
const harness = await start(process.env.DIST ?? DIST, process.env.FLAGS ? process.env.FLAGS.split(' ') : []);
const context = await harness.browser.newContext({ bypassCSP: !!process.env.CSS, viewport: { width: Number(process.env.W ?? 1280), height: 900 } });
const page = await context.newPage();
await page.addInitScript(() => {
  window.__events = []; window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__events.push({ name: e.name, id: e.interactionId, start: e.startTime, duration: e.duration, delay: e.processingStart - e.startTime, processing: e.processingEnd - e.processingStart, target: e.target?.id || e.target?.getAttribute?.('for') || e.target?.tagName }); }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });
});
await page.goto(harness.url + (process.env.HASH ?? ''));
await waitReady(page);
if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 60000 });
if (process.env.PRE) await page.evaluate(process.env.PRE);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
const labels = await page.evaluate(() => [...document.querySelectorAll('fieldset.issue .option label')].map((l) => l.getAttribute('for')));
if (process.env.TRACE) await harness.browser.startTracing(page, { categories: process.env.LIGHT ? ['devtools.timeline', 'disabled-by-default-devtools.timeline'] : ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.stack', 'disabled-by-default-devtools.timeline.invalidationTracking', 'blink.user_timing'] });
const begin = await page.evaluate(() => performance.now());
const clicked = [];
for (let index = 0; index < N; index += 1) {
  let id = labels[((index + Number(process.env.OFFSET ?? 0)) * 7) % labels.length];
  for (let step = 1; await page.isChecked(`#${id}`); step += 1) id = labels[((index + Number(process.env.OFFSET ?? 0)) * 7 + step) % labels.length];
  const t = await page.evaluate(() => performance.now());
  clicked.push({ id, t });
  if (process.env.RAW) {
    const label = page.locator(`label[for="${id}"]`);
    await label.scrollIntoViewIfNeeded();
    const box = await label.boundingBox();
    await page.mouse.click(box.x + Math.min(box.width / 2, 40), box.y + box.height / 2);
  } else await page.click(`label[for="${id}"]`, { noWaitAfter: true });
  await page.waitForTimeout(250);
}
await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 60000 });
const { events, long } = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r({ events: window.__events, long: window.__long })))));
let trace;
if (process.env.TRACE) trace = JSON.parse((await harness.browser.stopTracing()).toString());
const by = new Map();
for (const e of events) { if (!e.id || e.start < begin) continue; const w = by.get(e.id); if (!w || e.duration > w.duration) by.set(e.id, e); }
const inter = [...by.values()].sort((a, b) => a.start - b.start);
for (const c of clicked) {
  const e = inter.find((x) => x.start >= c.t && x.start < c.t + 240);
  c.e = e;
}
for (const c of clicked) console.log(`${c.id.padEnd(40)} ${c.e ? `${c.e.duration} (d ${c.e.delay.toFixed(0)} p ${c.e.processing.toFixed(0)} pres ${(c.e.duration - c.e.delay - c.e.processing).toFixed(0)}) ${c.e.name}` : '<16'}`);
const lt = long.filter((t) => t.start >= begin);
console.log('long tasks', lt.length, lt.map((t) => { const i = clicked.findLastIndex((c) => c.t <= t.start); return `${t.duration.toFixed(0)}@${i}+${(t.start - (clicked[i]?.t ?? 0)).toFixed(0)}`; }).join(' '));
const ds = clicked.map((c) => c.e?.duration ?? 16).sort((a, b) => a - b);
console.log('median', ds[Math.floor(ds.length / 2)], 'max', ds.at(-1), 'sorted', ds.join(' '));
if (trace) {
  writeFileSync('/tmp/clicktrace.json', JSON.stringify(trace));
  const evs = trace.traceEvents;
  const main = evs.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && evs.some((x) => x.pid === e.pid && x.name === 'EventDispatch'));
  const mine = evs.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 20000 * (CPU / 4));
  const names = ['EventDispatch', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'TimerFire', 'FireAnimationFrame', 'v8.callFunction'];
  const tot = {};
  for (const e of mine) if (e.ts >= begin * 0 && names.includes(e.name) && !['EventDispatch','TimerFire','FireAnimationFrame','v8.callFunction'].includes(e.name)) tot[e.name] = (tot[e.name] ?? 0) + e.dur / 1000;
  console.log('per click', Object.entries(tot).map(([k, v]) => `${k} ${(v / N).toFixed(1)}`).join(', '));
  if (process.env.QUIET) process.exit(0);
  for (const t of tasks) {
    const parts = {};
    for (const e of mine) if (e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && names.includes(e.name)) { parts[e.name] = (parts[e.name] ?? 0) + e.dur / 1000; }
    const layouts = mine.filter((e) => e.name === 'Layout' && e.ts >= t.ts && e.ts <= t.ts + t.dur).map((e) => e.args?.beginData?.dirtyObjects).join(',');
    console.log(`task ${(t.dur / 1000).toFixed(1)} ms: ${Object.entries(parts).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')} dirty ${layouts}`);
  }
}
await context.close(); await harness.close();
