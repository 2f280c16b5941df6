// Prints the size of every file the page loads (raw, gzip, brotli) and fails above the budgets:
// the analysis worker's wasm at most 200 KiB brotli; the JavaScript glue at most 10 and 5 KiB
// brotli; the page's wasm, which the first paint waits for, at most 160 KiB brotli. Issue 9's
// target for the page's wasm is 120 KiB and is not met (137.9 KiB on 2026-12-01, from 163.6
// KiB for the single wasm before the worker split; the assumptions editor of issue 10 took it
// to 159.6 KiB on 2026-12-02; the QR dialog's 2.2 KiB, the picker's groups and links that
// remember their plan were paid for by seven small components made functions, 159.2 KiB): 160 is the ceiling this build holds, so that CI stops any further
// growth while the target stays open; the QR encoder itself is in the worker. Run after `trunk build --release`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const KIB = 1024;
const files = readdirSync(dist);
const one = (test, what) => {
  const found = files.filter(test);
  if (found.length !== 1) {
    console.error(`expected one ${what} in ${dist}, found ${found.length}: ${found.join(', ')}`);
    process.exit(1);
  }
  return found[0];
};
const mainWasm = one((name) => name.endsWith('_bg.wasm') && !name.startsWith('worker'), 'page wasm');
const budgets = [
  ['page wasm', mainWasm, 160 * KIB],
  ['page JS glue', mainWasm.replace('_bg.wasm', '.js'), 10 * KIB],
  ['worker wasm', one((name) => name === 'worker_bg.wasm', 'worker wasm'), 200 * KIB],
  ['worker JS glue', 'worker.js', 5 * KIB],
];
const kb = (n) => `${(n / KIB).toFixed(1)} KiB`;
let over = false;
for (const [what, name, budget] of budgets) {
  const bytes = readFileSync(join(dist, name));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`    ${what} ${name}: ${kb(bytes.length)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli (budget ${kb(budget)} brotli)`);
  if (brotli > budget) {
    console.error(`    ${what} is over its budget by ${kb(brotli - budget)}`);
    over = true;
  }
}
process.exit(over ? 1 : 0);
