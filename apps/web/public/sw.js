/**
 * Bis's app shell, a hand-written service worker: a reload while offline opens the app (its
 * page and scripts from this cache) with the person's last answers from the server (the REST
 * GETs, network first, the cached copy only when the network fails), so the workspace shows its
 * drafts (themselves kept in IndexedDB by src/sync) and the status line says offline.
 * Signing in or out empties the cached answers: they belong to the person who fetched them.
 */
const SHELL = 'bis-shell-v1';
const DATA = 'bis-data-v1';

const sameOrigin = (url) => url.origin === self.location.origin;

// The page, and the scripts and styles it names (Vite's hashed /assets/… files).
const precache = async () => {
  const cache = await caches.open(SHELL);
  const res = await fetch('/', { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  await cache.put('/', res);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await cache.addAll(assets);
};

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Network first; the cached copy (kept from the last good answer) only when the network fails.
const networkFirst = async (request, cacheName, key, keep = () => true) => {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok && keep(res)) await cache.put(key, res.clone());
    return res;
  } catch (e) {
    const hit = await cache.match(key);
    if (hit) return hit;
    throw e;
  }
};

// Hashed file names never change content: the cache first.
const cacheFirst = async (request) => {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
};

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (!sameOrigin(url)) return;
  if (request.method !== 'GET') {
    // Another person may sign in next: the answers kept for this one go.
    if (url.pathname === '/api/signout' || url.pathname.startsWith('/signin/'))
      event.waitUntil(caches.delete(DATA));
    return;
  }
  if (url.pathname.startsWith('/signin/') || url.pathname.startsWith('/sync/')) return;
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    // Every app route is the same page (the server answers index.html for each).
    event.respondWith(
      networkFirst(request, SHELL, '/', (res) =>
        (res.headers.get('content-type') ?? '').startsWith('text/html'),
      ).catch(async () => (await caches.match('/')) ?? Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
  else if (url.pathname.startsWith('/api/')) event.respondWith(networkFirst(request, DATA, request));
});
