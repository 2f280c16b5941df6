// Scratch: a CPU profile of N paced clicks (CDP Profiler), self time by function, top 40.
import { DIST, start, waitReady } from './harness.mjs';
const CPU = Number(process.env.CPU ?? 1);
const N = Number(process.env.N ?? 30);
const harness = await start(process.env.DIST ?? DIST);
const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(harness.url);
await waitReady(page);
await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 60000 });
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const labels = await page.evaluate(() => [...document.querySelectorAll('fieldset.issue .option label')].map((l) => l.getAttribute('for')));
for (let index = 0; index < N; index += 1) {
if (index === Number(process.env.FROM ?? 0)) await cdp.send('Profiler.start');
  let id = labels[(index * 7) % labels.length];
  for (let step = 1; await page.isChecked(`#${id}`); step += 1) id = labels[(index * 7 + step) % labels.length];
  await page.click(`label[for="${id}"]`, { noWaitAfter: true });
  await page.waitForTimeout(250);
}
const n0 = N - Number(process.env.FROM ?? 0);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i += 1) {
  const n = byId.get(profile.samples[i]);
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
}
// inclusive times
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (let i = 0; i < profile.samples.length; i += 1) {
  const seen = new Set();
  for (let id = profile.samples[i]; id; id = parent.get(id)) {
    const n = byId.get(id);
    const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    if (seen.has(k)) continue; seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
  }
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total sampled ms', total.toFixed(0), 'per click', (total / n0).toFixed(2));
console.log('--- self');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${(v / n0).toFixed(3).padStart(8)} ${k.slice(0, 140)}`);
console.log('--- inclusive');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 60))) console.log(`${(v / n0).toFixed(3).padStart(8)} ${k.slice(0, 140)}`);
if (process.env.FOCUS) {
  const stacks = new Map();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const chain = [];
    for (let id = profile.samples[i]; id; id = parent.get(id)) chain.push(byId.get(id).callFrame.functionName.replace(/::h[0-9a-f]{16}/, '').replace(/\[[0-9a-f]+\]/g, '').slice(0, 90));
    const at = chain.findIndex((n) => n.includes(process.env.FOCUS));
    if (at < 0) continue;
    const k = chain.slice(at, at + Number(process.env.DEPTH ?? 8)).filter((n) => !/closures|invoke|shim|^$|js-to-wasm|wasm-to-js/.test(n)).join(' < ');
    stacks.set(k, (stacks.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
  }
  for (const [k, v] of [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${(v / n0).toFixed(2)} ${k}`);
}
await harness.close?.();
process.exit(0);
