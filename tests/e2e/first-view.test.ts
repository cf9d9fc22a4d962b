import { describe, expect, it } from 'vitest';
import { openPage, useBuiltApp, waitForMapIdle } from './harness.ts';

const app = useBuiltApp();

// Issue 8's byte budget: what the first view does not show is fetched when first used.
const LATER = /\/assets\/(PlacePanel|ImportDialog|KeyFacts|DataTable|TakeawayDialogs|PresenterView|SceneEditor|LinkEditor|LinksBody|LinksOverlay|linkBinding|HinterlandBody|pngExport|papaparse)[.\w-]*\.js$/;

/** The map in English, drawn, with every URL the page has requested (the list keeps growing). */
async function openWatchingRequests() {
  const { page, errors } = await openPage(app.browser);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${app.url}?lang=en`);
  await waitForMapIdle(page);
  return { page, errors, requests };
}

describe('the first view', () => {
  it('fetches no dialog or editor code until one is opened', async () => {
    const { page, errors, requests } = await openWatchingRequests();
    expect(requests.filter((r) => LATER.test(r))).toEqual([]);
    await page.getByRole('button', { name: 'Table' }).click();
    await page.locator('dialog[open]').waitFor();
    // The table, with the app's own CSV writer for its download (no parser needed to write).
    expect(requests.filter((r) => LATER.test(r)).map((r) => r.replace(/.*\/assets\/([A-Za-z]+)[.-].*/, '$1')).sort()).toEqual(['DataTable']);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is served with a Content-Security-Policy that allows no inline script, no eval and no other origin', async () => {
    const { page, errors } = await openWatchingRequests();
    const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'))!;
    const directive = (name: string) => policy.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(directive('connect-src')).toBe("connect-src 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('base-uri')).toBe("base-uri 'self'");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    // The service worker registers and controls the page under it.
    await page.evaluate(() => navigator.serviceWorker.ready);
    expect(errors).toEqual([]);
    // An injected inline script is refused, and the refusal reported as a policy violation.
    const ran = await page.evaluate(
      () =>
        new Promise<[unknown, string]>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve([(window as unknown as { injected?: number }).injected, e.violatedDirective]), { once: true });
          const script = document.createElement('script');
          script.textContent = 'window.injected = 1';
          document.head.append(script);
        }),
    );
    expect(ran).toEqual([undefined, 'script-src-elem']);
    await page.context().close();
  });

  it('paints its placeholder picture without waiting for a stylesheet request', async () => {
    const { page, errors, requests } = await openWatchingRequests();
    // The page's styles are in index.html itself; a linked stylesheet would hold back the first paint.
    expect(requests.filter((r) => r.endsWith('.css'))).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('link[rel="stylesheet"]:not([disabled])').length)).toBe(0);
    // ...and they are applied: the interface is laid out by them (the header is a card).
    expect(await page.locator('.app-header').evaluate((e) => getComputedStyle(e).borderRadius)).toBe('8px');
    // Nor later: the distance bands' code lists the stylesheet among its dependencies.
    await page.locator('.hinterland-section summary').click();
    await page.getByLabel('Show on the map').check();
    await page.getByRole('radio', { name: 'Distance bands' }).check();
    await page.waitForFunction(() => (window.stateCities.map?.querySourceFeatures('hinterland-bands').length ?? 0) > 0);
    expect(requests.filter((r) => r.endsWith('.css'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fetches each data file once', async () => {
    const { page, errors, requests } = await openWatchingRequests();
    const data = requests.map((r) => new URL(r).pathname).filter((r) => r.includes('/data/'));
    expect(data.filter((r) => /territory\.topo\.json|indicators\.json/.test(r))).toHaveLength(2);
    expect(new Set(data).size).toBe(data.length);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws the labels with the fonts the page has already loaded, each fetched once', async () => {
    const { page, errors, requests } = await openWatchingRequests();
    const fonts = requests.filter((r) => r.endsWith('.woff2'));
    expect(fonts).toHaveLength(2);
    expect(new Set(fonts).size).toBe(2);
    // The names of the labels' `text-font`, registered by the page from the same two files.
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')));
    expect(loaded).toEqual(expect.arrayContaining(['Noto Sans Regular', 'Noto Sans SemiBold', 'Noto Sans']));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('fetches the cooperation links only when they are shown', async () => {
    const { page, errors, requests } = await openWatchingRequests();
    const links = () => requests.filter((r) => /\/data\/links\.json$/.test(r));
    expect(links()).toEqual([]);
    await page.locator('.links-section summary').click();
    await page.getByLabel('Show links on the map').check();
    await page.waitForFunction(() => (window.stateCities.store.getState().shippedLinks?.length ?? 0) > 0);
    expect(links()).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
