// The offline service worker: after one visit, the page and any shared link open with the
// network off. It precaches this build's files in a cache named by the build (both lists are
// written at build time by scripts/offline.mjs), and deletes every other build's cache when
// it takes over.
//
// Files named by their hash never change, so they come from the cache first. The page itself
// and the files that keep their name across builds (boot.js, the panels' and the worker's
// files) come from the network first and from the cache only when the network fails: after a
// new deploy the next reload gets the new page with its own files, never an old file under a
// new page's integrity hash.
const BUILD = '__BUILD__';
const FILES = __FILES__;
const CACHE = `peace-plan-sandbox-${BUILD}`;
// Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, or fewer (1 in 16).
const HASHED = /[-.][0-9a-f]{8,16}(_bg)?\.(js|wasm|css|bin)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names
        .filter((name) => name.startsWith('peace-plan-sandbox-') && name !== CACHE)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  return cached ?? fetch(request);
}

async function networkFirst(request, fallback) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(fallback ?? request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(fallback ?? request, { cacheName: CACHE, ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // A shared link differs only after '#', which never reaches the network: every navigation
  // is the page.
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, new URL('./', self.registration.scope).href));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});
