// A small static file server for the built page (dist/), bound to loopback only, that behaves
// like a static host (docs/deploy.md): precompressed brotli or gzip copies when the browser
// accepts them, long caching for files named by their hash and revalidation for the rest, and
// optionally the page under a path prefix (`/peace-plan-sandbox/`). Used by `scripts/dev serve`
// and started by the end-to-end tests themselves on a free port.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Files whose name carries a hash of their content never change: cache them for a year. */
// Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, or fewer (1 in 16).
const HASHED = /[-.][0-9a-f]{8,16}(_bg)?\.(js|wasm|css|bin)$/;

const isFile = async (path) => (await stat(path).catch(() => null))?.isFile() ?? false;

/**
 * Starts serving `root` on `host:port` (port 0 = any free port) under `prefix` (default `/`);
 * resolves to { server, url }, where `url` is the page's address.
 */
export function serve(root, host = '127.0.0.1', port = 0, prefix = '/', options = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    try {
      let path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      // Tests of engines without a console API (tests/e2e/engines.mjs) get a probe script
      // served beside the page and put first in its <head>; the page is otherwise unchanged.
      if (options.probe && path === `${prefix}__probe.js`) {
        response.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' }).end(options.probe);
        return;
      }
      if (options.probe && (path === prefix || path === `${prefix}index.html`)) {
        const html = (await readFile(join(base, 'index.html'), 'utf8')).replace('<head>', '<head><script src="__probe.js"></script>');
        response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(html);
        return;
      }
      if (prefix !== '/' && path === prefix.slice(0, -1)) {
        // As static hosts do: the page's folder without its slash redirects to it.
        response.writeHead(301, { location: prefix }).end();
        return;
      }
      if (!path.startsWith(prefix)) throw new Error('outside the prefix');
      path = '/' + path.slice(prefix.length);
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        response.writeHead(403).end('forbidden');
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      if (!(await isFile(file))) throw new Error('no such file');
      const accepts = String(request.headers['accept-encoding'] ?? '');
      let encoding = null;
      if (/\bbr\b/.test(accepts) && (await isFile(`${file}.br`))) encoding = 'br';
      else if (/\bgzip\b/.test(accepts) && (await isFile(`${file}.gz`))) encoding = 'gzip';
      const body = await readFile(encoding === 'br' ? `${file}.br` : encoding === 'gzip' ? `${file}.gz` : file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
        vary: 'accept-encoding',
      };
      if (encoding) headers['content-encoding'] = encoding;
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, url: `http://${host}:${address.port}${prefix}` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', host = '127.0.0.1', port = '8080', prefix = '/'] = process.argv.slice(2);
  const { url } = await serve(root, host, Number(port), prefix);
  console.log(`Peace Plan Sandbox is served at ${url} (Ctrl+C to stop)`);
}
