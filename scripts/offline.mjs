// Writes this build's name and file list into the offline service worker (www/sw.js, copied by
// Trunk). Run by Trunk's post-build hook (Trunk.toml) on the staging directory, after the
// integrity hashes and before the compressed copies: the build's name is a hash of every file
// the page can load, so any change to any of them is a new build, with a cache of its own.
//
//   node scripts/offline.mjs DIR
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const WORKER = 'sw.js';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The files a visit can load: everything but the compressed copies and the worker itself. */
export function buildFiles(dir) {
  return walk(dir)
    .map((path) => relative(dir, path).split(sep).join('/'))
    .filter((name) => !/\.(br|gz)$/.test(name) && name !== WORKER)
    .sort();
}

export function buildName(dir, files = buildFiles(dir)) {
  const hash = createHash('sha256');
  for (const name of files) hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node scripts/offline.mjs DIR');
    process.exit(2);
  }
  const files = buildFiles(dir);
  const build = buildName(dir, files);
  // The page is cached under its folder's address ('./'), which every shared link opens.
  const urls = files.map((name) => (name === 'index.html' ? './' : `./${name}`));
  const path = join(dir, WORKER);
  const source = readFileSync(path, 'utf8');
  if (!source.includes("'__BUILD__'") || !source.includes('__FILES__')) {
    console.error(`offline: ${path} has no placeholders to fill`);
    process.exit(1);
  }
  writeFileSync(path, source.replace("'__BUILD__'", `'${build}'`).replace('__FILES__', JSON.stringify(urls)));
  console.log(`offline: build ${build}, ${urls.length} files precached by ${WORKER}`);
}
