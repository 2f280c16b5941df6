// Subresource integrity for every file the page loads (quality target S2). Run by Trunk's
// post-build hook (Trunk.toml) on the staging directory, before the compressed copies are made.
//
// Trunk already writes sha384 `integrity` on the stylesheet; this checks it against the bytes,
// adds one to every script or link that lacks it (the glue's modulepreload link, www/boot.js
// and the other scripts, which Trunk copies as plain files), writes the page wasm's, the
// model's and the panels' glue's and wasm's hashes on the start-up script's tag (boot.js
// fetches them after the first paint, the panels once the page app has drawn), and
// writes the worker's hashes where the worker is started, because browsers take no `integrity`
// for a worker script: www/boot.js checks the worker loader before the app starts, and the
// loader checks the worker's glue and wasm (see ARCHITECTURE.md, "Integrity").
//
//   node scripts/integrity.mjs DIR          # write the hashes into DIR
//   node scripts/integrity.mjs --check DIR  # only verify them (the e2e test uses the same code)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOADER = 'worker_loader.js';
export const WORKER_FILES = { js: 'worker.js', wasm: 'worker_bg.wasm' };
const PLACEHOLDER = { js: '__WORKER_JS_INTEGRITY__', wasm: '__WORKER_WASM_INTEGRITY__' };

export function sri(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

/** `./name` or `name` relative to the page, as Trunk writes it with `public_url = "./"`. */
function local(href) {
  if (/^[a-z]+:|^\/\//i.test(href)) throw new Error(`${href}: the page loads only its own files`);
  return href.replace(/^\.\//, '').replace(/[?#].*$/, '');
}

const TAG = /<(script|link)\b[^>]*>/gi;

function attribute(tag, name) {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`, 'i'));
  return match ? match[1] : undefined;
}

/** The tags that fetch a file the page runs or styles itself with. */
function loadingTags(html) {
  return [...html.matchAll(TAG)]
    .map((match) => match[0])
    .filter((tag) => {
      if (/^<script/i.test(tag)) return attribute(tag, 'src') !== undefined;
      const rel = (attribute(tag, 'rel') ?? '').toLowerCase();
      return rel === 'stylesheet' || rel === 'modulepreload' || rel === 'preload';
    })
    .map((tag) => ({ tag, href: local(attribute(tag, 'src') ?? attribute(tag, 'href')) }));
}

/** Every problem with the hashes in `dir`; empty when each one matches its file's bytes. */
export function check(dir) {
  const problems = [];
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const tags = loadingTags(html);
  if (tags.length === 0) problems.push('index.html loads no script, wasm or stylesheet');
  for (const { tag, href } of tags) {
    const integrity = attribute(tag, 'integrity');
    if (!integrity) problems.push(`${href}: no integrity in ${tag}`);
    else if (integrity !== sri(readFileSync(join(dir, href)))) problems.push(`${href}: integrity does not match its bytes`);
  }
  // A module a script imports carries no integrity of its own: the browser reuses the module
  // an earlier <script type="module"> tag (checked above) loaded from the same URL.
  const scripts = tags.filter(({ tag }) => /^<script/i.test(tag));
  scripts.forEach(({ href }, at) => {
    const source = readFileSync(join(dir, href), 'utf8');
    for (const [, imported] of source.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?['"]\.\/([^'"]+)['"]/gm)) {
      const earlier = scripts.slice(0, at).some((script) => script.href === imported && attribute(script.tag, 'type') === 'module');
      if (!earlier) problems.push(`${href} imports ${imported}, which no earlier <script type="module"> tag loads with its integrity`);
    }
  });
  const boot = tags.find(({ tag }) => /^<script/i.test(tag) && attribute(tag, 'data-wasm') !== undefined);
  const loaderIntegrity = boot && attribute(boot.tag, 'data-worker-integrity');
  if (!boot || attribute(boot.tag, 'data-worker') !== LOADER) problems.push(`the start-up script does not name ${LOADER}`);
  else if (loaderIntegrity !== sri(readFileSync(join(dir, LOADER)))) problems.push(`${LOADER}: integrity missing or wrong on the start-up script`);
  for (const [name, hash] of [['data-wasm', 'data-wasm-integrity'], ['data-model', 'data-model-integrity'], ['data-panels-js', 'data-panels-js-integrity'], ['data-panels-wasm', 'data-panels-wasm-integrity']]) {
    const file = boot && attribute(boot.tag, name);
    const integrity = file && attribute(boot.tag, hash);
    if (!file) problems.push(`the start-up script has no ${name}`);
    else if (!integrity) problems.push(`${local(file)}: no integrity (${hash}) on the start-up script`);
    else if (integrity !== sri(readFileSync(join(dir, local(file))))) problems.push(`${local(file)}: integrity does not match its bytes (${hash} on the start-up script)`);
  }
  const loader = readFileSync(join(dir, LOADER), 'utf8');
  for (const [kind, file] of Object.entries(WORKER_FILES)) {
    const expected = sri(readFileSync(join(dir, file)));
    if (!loader.includes(`'${expected}'`)) problems.push(`${LOADER}: no matching integrity for ${file}`);
  }
  return problems;
}

/**
 * The hashes the start-up script's tag carries: of the page wasm and the model it names, of
 * the panels' glue and wasm (the page's second app, started after the first has drawn), and of
 * the worker's loader.
 */
function startUpHashes(dir, tag, loader) {
  const file = (name) => {
    const value = attribute(tag, name);
    if (!value) throw new Error(`the start-up script names no ${name}`);
    return sri(readFileSync(join(dir, local(value))));
  };
  return {
    wasm: file('data-wasm'),
    model: file('data-model'),
    panelsJs: file('data-panels-js'),
    panelsWasm: file('data-panels-wasm'),
    worker: sri(Buffer.from(loader)),
  };
}

function write(dir) {
  const loaderPath = join(dir, LOADER);
  let loader = readFileSync(loaderPath, 'utf8');
  for (const [kind, file] of Object.entries(WORKER_FILES)) {
    if (!loader.includes(PLACEHOLDER[kind])) throw new Error(`${LOADER} has no ${PLACEHOLDER[kind]} to fill`);
    loader = loader.replace(PLACEHOLDER[kind], sri(readFileSync(join(dir, file))));
  }
  writeFileSync(loaderPath, loader);
  const htmlPath = join(dir, 'index.html');
  let html = readFileSync(htmlPath, 'utf8');
  for (const { tag, href } of loadingTags(html)) {
    let next = tag;
    if (!attribute(tag, 'integrity')) next = next.replace(/\s*\/?>$/, ` integrity="${sri(readFileSync(join(dir, href)))}">`);
    // The start-up script (the one that names the page's wasm) fetches the wasm and the model
    // itself, after the first paint, and starts the worker.
    if (/^<script/i.test(tag) && attribute(tag, 'data-wasm') !== undefined) {
      const hashes = startUpHashes(dir, tag, loader);
      next = next.replace(/>$/, ` data-wasm-integrity="${hashes.wasm}" data-model-integrity="${hashes.model}" data-panels-js-integrity="${hashes.panelsJs}" data-panels-wasm-integrity="${hashes.panelsWasm}" data-worker="${LOADER}" data-worker-integrity="${hashes.worker}">`);
    }
    html = html.replace(tag, next);
  }
  writeFileSync(htmlPath, html);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const only = args[0] === '--check';
  const dir = only ? args[1] : args[0];
  if (!dir) {
    console.error('usage: node scripts/integrity.mjs [--check] DIR');
    process.exit(2);
  }
  if (!only) write(dir);
  const problems = check(dir);
  if (problems.length) {
    console.error(`integrity: ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`integrity: every script, wasm and stylesheet of ${dir} carries a matching sha384`);
}
