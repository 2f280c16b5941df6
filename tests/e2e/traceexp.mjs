import { DIST, start, waitReady } from './harness.mjs';
const harness = await start(DIST, process.argv.slice(3));
const IDLE = process.argv[2] === 'idle';
function pct(a,p){const s=[...a].sort((x,y)=>x-y);return s[Math.min(s.length-1,Math.ceil(p/100*s.length)-1)];}
try {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(harness.url);
  await waitReady(page);
  const cdp = await context.newCDPSession(page);
  const targets = await page.evaluate(() => [...document.querySelectorAll('fieldset.issue .option label')].map((l) => l.getAttribute('for')));
  const durs = [], waits=[];
  for (let index = 0; index < 60; index += 1) {
    let target = targets[(index * 7) % targets.length];
    for (let step = 1; await page.isChecked(`#${target}`); step += 1) target = targets[(index * 7 + step) % targets.length];
    await page.locator(`label[for="${target}"]`).scrollIntoViewIfNeeded();
    const box = await page.locator(`label[for="${target}"]`).boundingBox();
    if (IDLE) await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))).then(() => new Promise((r) => setTimeout(r, 300))));
    const events = [];
    cdp.removeAllListeners('Tracing.dataCollected');
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,disabled-by-default-devtools.timeline.stack', transferMode: 'ReportEvents' });
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));
    await cdp.send('Tracing.end');
    await done;
    const click = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
    if (!click) { console.log('no click'); continue; }
    const pid = click.pid;
    const main = events.filter((e) => e.pid === pid && e.ph === 'X' && e.ts >= click.ts).sort((a,b)=>a.ts-b.ts);
    const commit = main.find((e) => e.name === 'Commit' && e.ts > click.ts + click.dur);
    const bmf = events.filter(e=>e.pid===pid && e.name.includes('BeginMainFrame') && e.ts > click.ts).sort((a,b)=>a.ts-b.ts)[0];
    if (index >= 10 && commit) { durs.push((commit.ts + commit.dur - click.ts)/1000); waits.push(bmf ? (bmf.ts - click.ts - click.dur)/1000 : NaN); }
    if (index < 13 && index >= 10) { for (const e of events.filter(e=>e.pid===pid && (e.name==='UpdateLayoutTree'||e.name==='Layout'||e.name==='InvalidateLayout'||e.name==='ScheduleStyleRecalculation') && e.ts>click.ts && e.ts < click.ts+click.dur)) console.log('  ', e.name, ((e.ts-click.ts)/1000).toFixed(1), (e.dur/1000||0).toFixed(1), JSON.stringify(e.args).slice(0,400)); } if (0) console.log(main.filter(e=>e.ts < (commit?.ts ?? 0)+commit.dur+1 && e.ts > click.ts + click.dur - 500 && e.dur > 150).map(e=>`${e.name}@${((e.ts-click.ts)/1000).toFixed(1)}+${(e.dur/1000).toFixed(1)}`).join(' '));
  }
  console.log(IDLE?'idle':'busy', 'click->commit median', pct(durs,50).toFixed(1), 'p95', pct(durs,95).toFixed(1), 'handler-end->BMF median', pct(waits,50).toFixed(1), 'p95', pct(waits,95).toFixed(1));
} finally { await harness.close(); }
