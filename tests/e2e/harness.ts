import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Flags verified on this kind of machine (TOOLCHAIN.md): WebGL2 via SwiftShader, no network noise. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Serves the production build on a free port: `dist/` (made by `vite build` before the tests), or
 * the folder in DIST_DIR, so that several builds can be tested side by side.
 */
export async function startPreview(): Promise<{ server: PreviewServer; url: string }> {
  const outDir = process.env.DIST_DIR;
  const server = await preview({
    root,
    logLevel: 'silent',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    ...(outDir ? { build: { outDir } } : {}),
  });
  const address = server.httpServer.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * A page of fixed size, scale and language, recording console errors and failed page errors of it
 * and of every window it opens (the presenter view): a Content-Security-Policy violation is such an
 * error ("Refused to …"), so every test that expects no errors also holds the policy.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'lv-LV', ...options });
  const errors: string[] = [];
  context.on('page', (p) => {
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    p.on('pageerror', (e) => errors.push(e.message));
  });
  const page = await context.newPage();
  return { page, errors };
}

/**
 * Resolves when the app's map exists, has loaded its style and sources, has had the context
 * layers that follow its first view sent (the water: `data-context` on its container), and is idle.
 */
export async function waitForMapIdle(page: Page, timeout = 45_000): Promise<void> {
  await page.waitForFunction(() => !!window.stateCities?.map?.getContainer().dataset.context, undefined, { timeout });
  // A hinterland shown before its code arrived is bound when it does (hinterlandsWhenWanted.ts).
  await page.waitForFunction(() => window.stateCities.map!.getContainer().dataset.hinterlands !== 'loading', undefined, { timeout });
  // A string, not a function: transpilers may wrap named arrow functions in helpers (`__name`) that
  // do not exist in the page.
  await page.evaluate(`new Promise((resolve) => {
    const map = window.stateCities.map;
    const check = () => (map.loaded() && !map.isMoving() ? resolve() : map.once('idle', check));
    check();
  })`);
}

/** Screen position (page pixels) of a longitude/latitude on the app's map. */
export async function pagePointOf(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate(([lng, lat]) => {
    const map = window.stateCities.map!;
    const p = map.project([lng, lat]);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  }, lngLat);
}

/**
 * Starts the preview server and Chromium once for a test file (beforeAll) and stops both
 * (afterAll); the returned object's `url` and `browser` are valid inside the tests.
 */
export function useBuiltApp(): { readonly url: string; readonly browser: Browser } {
  let server: PreviewServer | undefined;
  let url = '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ server, url } = await startPreview());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return url;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}

/**
 * Resolves once the browser's storage (idb-keyval's default IndexedDB store) holds a record under
 * `key` (or, with `present` false, none): a reload after an edit then finds it saved, without a
 * fixed wait for the write.
 */
export async function waitForStored(page: Page, key: string, present = true): Promise<void> {
  await page.waitForFunction(
    async ([k, want]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        if (!db.objectStoreNames.contains('keyval')) return !want;
        const value = await new Promise<unknown>((resolve) => {
          const get = db.transaction('keyval').objectStore('keyval').get(k);
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => resolve(undefined);
        });
        return (value !== undefined) === want;
      } finally {
        db.close();
      }
    },
    [key, present] as const,
    { polling: 100 },
  );
}

/**
 * Resolves once `expression` is true in the page, asked every 100 ms. Playwright's own
 * `waitForFunction` with a string polls it inside the page by evaluating text, which the app's
 * Content-Security-Policy (no eval) refuses whenever the first check is false; an evaluation from
 * the test's side is not script of the page and is allowed.
 */
export async function waitUntil(page: Page, expression: string, timeout = 30_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(expression)) return;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
