// Prints the size of every wasm the page loads and its glue (raw, gzip, brotli) and fails above
// the budgets. The page app's wasm is what the page turns live with, and what a click runs: at
// most 120 KiB brotli (issue 9; 159.8 KiB when it also held the analysis panels, the
// assumptions editor, the footer, the breakdown and the explanation of a value, which the
// panels' wasm now holds, started once the page app has drawn). The panels' wasm at most
// 150 KiB, the analysis worker's at most 200 KiB; the JavaScript glue at most 10, 10 and 5 KiB.
// Run after `scripts/dev build` (a release build with the source paths remapped, as CI builds:
// the paths in panic messages are part of the bytes).
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
const mainWasm = one((name) => name.endsWith('_bg.wasm') && !['worker_bg.wasm', 'panels_bg.wasm'].includes(name), 'page wasm');
const budgets = [
  ['page wasm', mainWasm, 120 * KIB],
  ['page JS glue', mainWasm.replace('_bg.wasm', '.js'), 10 * KIB],
  ['panels wasm', one((name) => name === 'panels_bg.wasm', 'panels wasm'), 150 * KIB],
  ['panels JS glue', 'panels.js', 10 * KIB],
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
