/** What an asset is, for grouping the pre-flight list. */
export type AssetKind = 'page' | 'app' | 'data' | 'font' | 'worker' | 'other';

export interface AssetStatus {
  url: string;
  kind: AssetKind;
  cached: boolean;
}

/** The state of the service worker that makes the app work offline. */
export type OfflineMode = 'active' | 'installing' | 'none';

/**
 * Registers the service worker that vite-plugin-pwa generates (`sw.js` beside `index.html`), by a
 * relative URL so the build works from any sub-path. Only in the production build, and after the
 * page has loaded, so precaching does not compete with the first map for the network.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () =>
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI), { scope: new URL('./', document.baseURI).pathname }).catch((e: unknown) => {
      console.warn('offline mode unavailable:', e);
    });
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}

/** Groups a URL of the app by what it is: data files, fonts, MapLibre's worker, the app's code. */
export function assetKind(url: string): AssetKind {
  const path = new URL(url, 'http://x/').pathname;
  if (/\/data\/[^/]+\.(geo)?json$/.test(path)) return 'data';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  if (/worker[^/]*\.m?js$/.test(path)) return 'worker';
  if (/\.(m?js|css)$/.test(path)) return 'app';
  if (/(\/|\.html)$/.test(path)) return 'page';
  return 'other';
}

/**
 * The URLs the pre-flight check looks for: the page itself, every same-origin file the page has
 * fetched (scripts, styles, data, fonts; from the resource timing), and `extra` files fetched
 * elsewhere (MapLibre's worker and its label fonts). Deduplicated, without query or fragment.
 */
export function assetUrlsOf(pageUrl: string, fetched: readonly string[], extra: readonly string[]): string[] {
  const origin = new URL(pageUrl).origin;
  const page = new URL('index.html', pageUrl).href;
  const clean = (u: string) => {
    const url = new URL(u, pageUrl);
    return url.origin === origin ? `${url.origin}${url.pathname}` : null;
  };
  const all = [page, ...fetched, ...extra].map(clean).filter((u): u is string => u !== null && !u.endsWith('/sw.js') && !/\/workbox-[^/]+\.js$/.test(u));
  return [...new Set(all.map((u) => (u.endsWith('/') ? `${u}index.html` : u)))];
}

/** Whether the service worker controls this page, or is still being set up. */
export function offlineMode(): OfflineMode {
  if (!('serviceWorker' in navigator)) return 'none';
  if (navigator.serviceWorker.controller) return 'active';
  return import.meta.env.PROD ? 'installing' : 'none';
}

/**
 * Looks each asset up in the Cache Storage. Workbox keys files without a hash in their name as
 * `url?__WB_REVISION__=…`, hence `ignoreSearch`.
 */
export async function checkAssets(urls: readonly string[]): Promise<AssetStatus[]> {
  const has = 'caches' in window;
  return Promise.all(
    urls.map(async (url) => ({ url, kind: assetKind(url), cached: has ? (await caches.match(url, { ignoreSearch: true })) !== undefined : false })),
  );
}

/** Same-origin files the page has fetched so far, from the resource timing. */
export function fetchedUrls(): string[] {
  return performance.getEntriesByType('resource').map((e) => e.name);
}
