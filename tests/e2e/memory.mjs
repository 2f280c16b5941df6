// Long-use memory benchmark (quality target R3; figures, not a test): 2,000 random interactions
// in Debian Chromium (option toggles, presets, applied suggestions, assumption edits: weights,
// walk-away values, red lines), from a fixed seed. After every 250 it collects garbage and reads
// the page's JS heap (CDP `Performance.getMetrics`, JSHeapUsedSize) and the wasm memories of
// the page and of the analysis worker. Targets: heap plus wasm under 50 MB, and less than 10 %
// growth from the 1,000th to the 2,000th interaction.
//
//   node tests/e2e/memory.mjs [RUNS [FIRST_SEED]]   (scripts/dev bench: three runs, seeds 1000-1002)
import { start, waitReady } from './harness.mjs';

const INTERACTIONS = 2000;
const EVERY = 250;
const RUNS = Number(process.argv[2] ?? 3);
const FIRST_SEED = Number(process.argv[3] ?? 1000);
const MB = 1024 * 1024;

// Installed before any script of the page: keeps each wasm memory the page instantiates, so
// its size can be read (the app does not expose it).
function keepMemories() {
  window.__memories = [];
  const keep = (result) => {
    const instance = result.instance ?? result;
    for (const value of Object.values(instance.exports ?? {})) {
      if (value instanceof WebAssembly.Memory) window.__memories.push(value);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
}

/** A seeded generator (LCG), so every run makes the same interactions. */
function generator(seed) {
  let state = BigInt(seed);
  return (n) => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return Number((state >> 33n) % BigInt(n));
  };
}

async function readMemory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize').value;
  const pageWasm = await page.evaluate(() => window.__memories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
  let workerWasm = 0;
  for (const worker of page.workers()) {
    workerWasm += await worker.evaluate(() => self.wasmMemory?.buffer.byteLength ?? 0).catch(() => 0);
  }
  return { heap, pageWasm, workerWasm, total: heap + pageWasm + workerWasm };
}

async function interact(page, random) {
  const kind = random(20);
  if (kind < 12) {
    const labels = await page.$$('fieldset.issue .option input[type="radio"]:not(:checked) + label');
    if (labels.length) await labels[random(labels.length)].click();
    return 'toggle';
  }
  if (kind < 15) {
    const values = await page.$$eval('#preset option:not([value="custom"])', (options) => options.map((o) => o.value));
    await page.selectOption('#preset', values[random(values.length)]);
    return 'preset';
  }
  if (kind < 17) {
    // Found again when clicked: the panels redraw the cards when the worker answers, which
    // may come between finding a button and clicking it.
    const buttons = page.locator('[data-testid^="suggestion-"] button.apply:not([disabled])');
    const count = await buttons.count();
    if (count) {
      const clicked = await buttons.nth(random(count)).click({ timeout: 2000 }).then(() => true, () => false);
      return clicked ? 'suggestion' : 'suggestion gone before the click';
    }
    return 'none';
  }
  // An assumption edit: a weight, a walk-away value or a red line of a random party.
  const parties = ['ua', 'ru', 'us', 'eu'];
  const party = parties[random(4)];
  // A click, not page.check: the app may re-render the radio group under the click (a preset
  // applied in the same frame), and the next interaction goes on either way.
  await page.click(`[data-testid="edit-party-${party}"]`);
  const what = random(3);
  if (what === 0) {
    const sliders = await page.$$(`input[data-testid^="weight-${party}-"]`);
    if (sliders.length) {
      await sliders[random(sliders.length)].evaluate((input, value) => {
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }, random(30));
    }
  } else if (what === 1) {
    await page.locator('[data-testid="walk-away-input"]').evaluate((input, value) => {
      input.value = String(value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, random(80));
  } else {
    const boxes = await page.$$(`input[data-testid^="red-line-${party}-"]`);
    if (boxes.length) await boxes[random(boxes.length)].click();
  }
  return 'edit';
}

async function run(harness, seed) {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(keepMemories);
  await page.goto(harness.url);
  await waitReady(page);
  await page.click('[data-testid="editor"] > summary');
  await page.waitForSelector('[data-testid="walk-away-input"]');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const random = generator(seed);
  const readings = [{ after: 0, ...(await readMemory(page, cdp)) }];
  const counts = {};
  for (let done = 1; done <= INTERACTIONS; done += 1) {
    const kind = await interact(page, random);
    counts[kind] = (counts[kind] ?? 0) + 1;
    // The next interaction comes after this one's frame, as a quick person's would.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
    if (done % EVERY === 0) readings.push({ after: done, ...(await readMemory(page, cdp)) });
  }
  await context.close();
  return { readings, counts };
}

// DIST_DIR: measure a copy of the build, so a rebuild meanwhile does not change it.
const harness = await start(process.env.DIST_DIR ?? undefined);
const summaries = [];
try {
  for (let index = 0; index < RUNS; index += 1) {
    const { readings, counts } = await run(harness, FIRST_SEED + index);
    console.log(`\nrun ${index + 1} (seed ${FIRST_SEED + index}): ${JSON.stringify(counts)}`);
    console.log('  after   JS heap   page wasm   worker wasm   total (MB, after a GC)');
    for (const reading of readings) {
      console.log(`  ${String(reading.after).padStart(5)}   ${(reading.heap / MB).toFixed(2).padStart(7)}   ${(reading.pageWasm / MB).toFixed(2).padStart(9)}   ${(reading.workerWasm / MB).toFixed(2).padStart(11)}   ${(reading.total / MB).toFixed(2).padStart(5)}`);
    }
    const at = (n) => readings.find((reading) => reading.after === n).total;
    const peak = Math.max(...readings.map((reading) => reading.total));
    const growth = (at(2000) - at(1000)) / at(1000);
    summaries.push({ peak, growth });
    console.log(`  peak ${(peak / MB).toFixed(2)} MB (target < 50), growth 1,000th to 2,000th ${(growth * 100).toFixed(1)} % (target < 10)`);
  }
} finally {
  await harness.close();
}
console.log(`\nmemory, every run: peak ${summaries.map((s) => (s.peak / MB).toFixed(2)).join(' / ')} MB; growth ${summaries.map((s) => (s.growth * 100).toFixed(1)).join(' / ')} %`);
