// Prints the size of the app's .wasm (raw, gzip, brotli) and fails above the budget:
// 200 KB gzip (issue #3). Run after `trunk build --release`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET_GZIP = 200 * 1024;
const wasm = readdirSync(dist).filter((name) => name.endsWith('.wasm'));
if (wasm.length !== 1) {
  console.error(`expected one .wasm in ${dist}, found ${wasm.length}`);
  process.exit(1);
}
const bytes = readFileSync(join(dist, wasm[0]));
const gzip = gzipSync(bytes, { level: 9 }).length;
const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`    ${wasm[0]}: ${kb(bytes.length)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli (budget ${kb(BUDGET_GZIP)} gzip)`);
if (gzip > BUDGET_GZIP) {
  console.error(`    the wasm is over the gzip budget by ${kb(gzip - BUDGET_GZIP)}`);
  process.exit(1);
}
