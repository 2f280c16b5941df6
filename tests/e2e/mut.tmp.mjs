// Scratch: what one click changes in the DOM (MutationObserver), W env width.
import { DIST, start, waitReady } from './harness.mjs';
const harness = await start(process.env.DIST ?? DIST);
const context = await harness.browser.newContext({ viewport: { width: Number(process.env.W ?? 1280), height: 900 } });
const page = await context.newPage();
await page.goto(harness.url);
await waitReady(page);
await page.waitForSelector('[data-testid="analysis-status"]:has-text("Analysis up to date")', { timeout: 60000 });
const labels = await page.evaluate(() => [...document.querySelectorAll('fieldset.issue .option label')].map((l) => l.getAttribute('for')));
for (const index of (process.env.IDX ?? '0,1,2').split(',').map(Number)) {
  let id = labels[(index * 7) % labels.length];
  for (let step = 1; await page.isChecked(`#${id}`); step += 1) id = labels[(index * 7 + step) % labels.length];
  await page.locator(`label[for="${id}"]`).scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    window.__m = [];
    const path = (n) => { const p = []; for (let x = n; x && x.nodeType === 1 && p.length < 4; x = x.parentElement) p.unshift(x.tagName.toLowerCase() + (x.id ? '#' + x.id : '') + (x.classList?.length ? '.' + [...x.classList].join('.') : '')); return p.join('>'); };
    window.__obs = new MutationObserver((records) => { for (const r of records) window.__m.push(`${r.type} ${r.attributeName ?? ''} ${path(r.target.nodeType === 1 ? r.target : r.target.parentElement)} +${r.addedNodes.length} -${r.removedNodes.length}`); });
    window.__obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.click(`label[for="${id}"]`);
  await page.waitForTimeout(100);
  const m = await page.evaluate(() => { window.__obs.disconnect(); return window.__m; });
  const counts = new Map();
  for (const x of m) counts.set(x, (counts.get(x) ?? 0) + 1);
  console.log(`\n== click ${id}: ${m.length} records`);
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${String(v).padStart(3)} ${k}`);
}
await context.close(); await harness.close();
