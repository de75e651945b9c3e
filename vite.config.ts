import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** Every file of the built app, relative to its root (source maps left out). */
function files(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name), root)
      : [relative(root, join(dir, e.name)).replaceAll('\\', '/')],
  );
}

/**
 * Writes dist/sw.js, a service worker that stores the whole built app (page, code, workers,
 * scenarios) on first visit, so a classroom keeps working when the network goes: pages come from
 * the network when it is there, and from the store when it is not.
 */
export function offline(): Plugin {
  let outDir = 'dist';
  return {
    name: 'loyalty-lab-offline',
    apply: 'build',
    configResolved(c) {
      outDir = c.build.outDir;
    },
    closeBundle() {
      const assets = files(outDir).filter((f) => !f.endsWith('.map') && f !== 'sw.js');
      const hash = createHash('sha256');
      for (const f of assets) hash.update(f).update(readFileSync(join(outDir, f)));
      const version = hash.digest('hex').slice(0, 12);
      const list = JSON.stringify(['./', ...assets.map((f) => `./${f}`)]);
      writeFileSync(
        join(outDir, 'sw.js'),
        `// Generated at build time (vite.config.ts): the app's files, stored for offline use.
const CACHE = 'loyalty-lab-${version}';
const ASSETS = ${list};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(fetch(req).catch(() => caches.match('./index.html', { ignoreSearch: true, ignoreVary: true })));
    return;
  }
  e.respondWith(caches.match(req, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(req)));
});
`,
      );
    },
  };
}

/**
 * The app needs nothing beyond its own origin: code, workers, styles, images and connections come
 * from 'self' only; no inline script, no eval (zod runs jitless, see src/runner/noEval.ts), no inline
 * <style> (Plot's are moved into constructed style sheets, see src/ui/plotStyles.ts). `blob:` images
 * are the page's own: a chart saved as PNG is drawn from its SVG through an object URL.
 * `frame-ancestors` is left to the header: a <meta> policy may not carry it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
const HEADER_POLICY = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Writes the policy into the built index.html as its first <meta>, for static hosts that set no header. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'loyalty-lab-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  plugins: [react(), offline(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000 },
  preview: { port: 4173, strictPort: true, headers: { 'Content-Security-Policy': HEADER_POLICY } },
  // The dev server's hot reload injects an inline script and <style> elements, which the policy
  // forbids: in dev it only reports (see the browser console), the built app enforces it.
  server: { headers: { 'Content-Security-Policy-Report-Only': HEADER_POLICY } },
});
