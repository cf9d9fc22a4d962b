import { AxeBuilder } from '@axe-core/playwright';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, startPreview, waitForMapIdle, waitUntil } from './harness.ts';

const distDir = process.env.DIST_DIR ?? fileURLToPath(new URL('../../dist', import.meta.url));

let server: PreviewServer;
let url: string;
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await startPreview());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openMap(base: string, query = '?lang=lv'): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await openPage(browser);
  await page.goto(`${base}${query}`);
  await waitForMapIdle(page);
  return { page, errors };
}

/** Waits until the service worker has installed (precached everything) and controls the page. */
async function untilOffline(page: Page): Promise<void> {
  await page.evaluate(`navigator.serviceWorker.ready.then(() => true)`);
  await waitUntil(page, `!!navigator.serviceWorker.controller`, 30_000);
}

/** Serious and critical axe violations (WCAG 2.2 AA), as "rule: target" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

function renderedUnits(page: Page): Promise<number> {
  return page.evaluate(`new Set(window.stateCities.map.queryRenderedFeatures({ layers: ['municipalities-fill'] }).map((f) => f.properties.code)).size`) as Promise<number>;
}

/** The legend's class colours as the page shows them, as [r, g, b]. */
async function legendColours(page: Page): Promise<[number, number, number][]> {
  const css = await page.locator('.legend .legend-class[data-class] .swatch').evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
  return css.map((c) => c.match(/\d+/g)!.slice(0, 3).map(Number) as [number, number, number]);
}

/** Pixels of exactly `rgb` (±2 per channel) inside [x0, x1) × [y0, y1). */
function countColour(png: PNG, rgb: [number, number, number], [x0, y0, x1, y1]: [number, number, number, number]): number {
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i]! - rgb[0]) <= 2 && Math.abs(png.data[i + 1]! - rgb[1]) <= 2 && Math.abs(png.data[i + 2]! - rgb[2]) <= 2) n++;
    }
  }
  return n;
}

async function exportFromDialog(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  if (!(await page.locator('.takeaway-dialog[open]').count())) await page.getByRole('button', { name: 'Eksportēt', exact: true }).click();
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.locator(`[data-export="${button}"]`).click();
  const d = await download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

describe('take-away: pictures, scenes, link and QR code', () => {
  it('exports the view as a 1920×1080 and a 3840×2160 PNG with the legend, the map and the source drawn in', async () => {
    // A rate, drawn as a choropleth: every class colour is on the map (a count's would be on its circles).
    const { page, errors } = await openMap(url, '?lang=lv&i=population_density');
    const colours = await legendColours(page);
    expect(colours).toHaveLength(5);
    for (const [button, width, height] of [['1920x1080', 1920, 1080], ['3840x2160', 3840, 2160]] as const) {
      const { name, bytes } = await exportFromDialog(page, button);
      expect(name).toMatch(new RegExp(`-${width}x${height}\\.png$`));
      const png = PNG.sync.read(bytes);
      expect([png.width, png.height]).toEqual([width, height]);
      // The legend card at the top left has every class colour as a solid swatch…
      const card: [number, number, number, number] = [0, 0, Math.round(width * 0.26), Math.round(height * 0.4)];
      const swatch = (width / 1920) ** 2 * 28 * 17 * 0.8;
      for (const c of colours) expect(countColour(png, c, card), `legend swatch ${c}`).toBeGreaterThan(swatch);
      // …with dark legend text, and the map outside it is drawn in the same colours (not blank).
      expect(countColour(png, [27, 27, 27], card)).toBeGreaterThan(200 * (width / 1920) ** 2);
      const map: [number, number, number, number] = [Math.round(width * 0.26), 0, width, Math.round(height * 0.95)];
      for (const c of colours) expect(countColour(png, c, map), `map colour ${c}`).toBeGreaterThan(1000);
    }
    await page.locator('.takeaway-preview img').waitFor();
    expect(await page.locator('.takeaway-status').innerText()).toContain('3840x2160.png');
    expect(await seriousViolations(page)).toEqual([]);
    // A device that cannot draw the map that large (MapLibre's maxCanvasSize): the picture keeps its
    // size, the map is enlarged into it, and the dialog says so.
    await page.evaluate(`window.stateCities.map._maxCanvasSize = [1600, 1600]`);
    const clamped = PNG.sync.read((await exportFromDialog(page, '1920x1080')).bytes);
    expect([clamped.width, clamped.height]).toEqual([1920, 1080]);
    for (const c of colours) expect(countColour(clamped, c, [Math.round(1920 * 0.26), 0, 1920, 1026])).toBeGreaterThan(1000);
    expect(await page.locator('.takeaway-status').innerText()).toContain('tikai līdz 1600 × 900');
    await page.evaluate(`window.stateCities.map._maxCanvasSize = [4096, 4096]`);
    // The map on screen is back to its size and pixel ratio.
    expect(await page.evaluate(`[window.stateCities.map.getCanvas().width, window.stateCities.map.getCanvas().height, window.stateCities.map.getPixelRatio()]`)).toEqual([1280, 800, 1]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('exports the scenes of a deck as numbered PNGs in one ZIP and puts the view back', async () => {
    const { page } = await openMap(url);
    await waitUntil(page, `window.stateCities.store.getState().deck !== null`);
    await page.evaluate(`window.stateCities.store.getState().setDeck({
      title: { lv: 'Pārbaudes ainas', en: 'Test scenes' },
      scenes: [
        { id: 'a', title: { lv: 'Iedzīvotāji', en: 'Residents' }, caption: { lv: '', en: '' }, notes: { lv: '', en: '' }, view: { indicator: 'population_1jan', year: '2026', camera: { lon: 24.6, lat: 56.9, zoom: 6.6 } } },
        { id: 'b', title: { lv: 'Vecums Rīgā', en: 'Age in Riga' }, caption: { lv: '', en: '' }, notes: { lv: '', en: '' }, view: { indicator: 'median_age', palette: 'oranges', camera: { lon: 24.1, lat: 56.95, zoom: 8 } } },
      ],
    }, 'user')`);
    const { name, bytes } = await exportFromDialog(page, 'scenes');
    expect(name).toBe('parbaudes-ainas-1920x1080.zip');
    const files = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(files)).toEqual(['1-iedzivotaji-1920x1080.png', '2-vecums-riga-1920x1080.png']);
    const [first, second] = Object.values(files).map((f) => PNG.sync.read(Buffer.from(f)));
    expect([first!.width, first!.height, second!.width, second!.height]).toEqual([1920, 1080, 1920, 1080]);
    expect(Buffer.compare(first!.data, second!.data)).not.toBe(0);
    // The user's own view is back.
    expect(await page.evaluate(`window.stateCities.store.getState().choropleth.indicator`)).toBe('population_1jan');
    await page.context().close();
  });

  it('gives a link to the view with its camera, and a QR code that decodes to that link', async () => {
    const { page } = await openMap(url, '?lang=lv&s=jelgava');
    await page.getByRole('button', { name: 'Eksportēt', exact: true }).click();
    const link = await page.locator('#share-link').inputValue();
    expect(link.startsWith(`${url}?`)).toBe(true);
    expect(link).toMatch(/[?&]s=jelgava/);
    expect(link).toMatch(/[?&]v=-?\d+(\.\d+)?,\d+(\.\d+)?,\d+(\.\d+)?/);
    await page.getByRole('button', { name: 'Rādīt QR kodu' }).click();
    const qr = PNG.sync.read(await page.locator('.qr-code svg').screenshot());
    const decoded = jsQR(new Uint8ClampedArray(qr.data), qr.width, qr.height);
    expect(decoded?.data).toBe(link);
    // A scene of the shipped deck: a short link that opens that scene's own view.
    await waitUntil(page, `window.stateCities.store.getState().deck !== null`);
    const sceneView = (await page.evaluate(`JSON.stringify(window.stateCities.store.getState().deck.scenes[1].view)`)) as string;
    await page.getByLabel('Saite uz').selectOption({ index: 2 });
    const sceneLink = await page.locator('#share-link').inputValue();
    expect(sceneLink).toBe(`${url}?l=lv&sc=1`);
    await page.goto(sceneLink);
    await waitForMapIdle(page);
    await waitUntil(page, `window.stateCities.store.getState().sceneIndex === 1`);
    const indicator = JSON.parse(sceneView).indicator ?? 'population_1jan';
    expect(await page.evaluate(`window.stateCities.store.getState().choropleth.indicator`)).toBe(indicator);
    await page.context().close();
  });
});

describe('works with the network off, and never shows a black screen', () => {
  it('lists every asset as ready on the pre-flight screen after the first visit (?preflight)', async () => {
    const { page, errors } = await openMap(url);
    await untilOffline(page);
    await page.goto(`${url}?lang=lv&preflight`);
    await waitForMapIdle(page);
    const summary = page.locator('.preflight-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-missing')).toBe('0');
    expect(await page.locator('.preflight-mode').getAttribute('data-mode')).toBe('active');
    const kinds = await page.locator('.preflight-list li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-asset')}:${e.getAttribute('data-cached')}`));
    for (const kind of ['page', 'app', 'data', 'font', 'worker']) expect(kinds).toContain(`${kind}:true`);
    expect(kinds.filter((k) => k.endsWith(':false'))).toEqual([]);
    // territory, cities, both label files, strategy, indicators; deck, water, territorial units, FUAs.
    expect(await page.locator('.preflight-list li[data-asset=data]').count()).toBeGreaterThanOrEqual(10);
    // The instruction is taken out of the address, and not reported as an unknown link parameter.
    expect(new URL(page.url()).searchParams.has('preflight')).toBe(false);
    expect(await page.locator('.notice').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reloads and renders the map with the network off and the server stopped', async () => {
    const own = await startPreview();
    try {
      const { page } = await openMap(own.url);
      await untilOffline(page);
      await page.context().setOffline(true);
      await own.server.close();
      await page.reload();
      await waitForMapIdle(page);
      expect(await renderedUnits(page)).toBe(42);
      await page.getByRole('button', { name: 'Eksportēt', exact: true }).click();
      await page.getByRole('button', { name: 'Pārbaude pirms uzstāšanās' }).click();
      await page.locator('.preflight-summary[data-missing="0"]').waitFor();
      expect(await page.locator('.preflight-mode').innerText()).toContain('Tīkls: nav');
      await page.context().close();
    } finally {
      await own.server.close().catch(() => undefined);
    }
  });

  it('shows the last picture while the WebGL context is lost, and redraws the map without a reload', async () => {
    const { page, errors } = await openMap(url, '?lang=lv&s=valmiera&i=population_density');
    await page.locator('.map[data-snapshot-held]').waitFor(); // the snapshot follows the first idle
    await page.evaluate(`window.__sameDocument = true;
      window.__lose = window.stateCities.map.getCanvas().getContext('webgl2').getExtension('WEBGL_lose_context');
      window.__lose.loseContext();`);
    const picture = page.locator('.map-snapshot');
    await picture.waitFor();
    const src = (await picture.getAttribute('src')) ?? '';
    expect(src.startsWith('data:image/png;base64,')).toBe(true);
    const shown = PNG.sync.read(Buffer.from(src.split(',')[1]!, 'base64'));
    expect([shown.width, shown.height]).toEqual([1280, 800]);
    expect(countColour(shown, [8, 81, 156], [0, 0, 1280, 800])).toBeGreaterThan(1000); // the darkest class of density
    expect(await page.locator('.map[data-context-lost]').count()).toBe(1);

    await page.evaluate(`window.__lose.restoreContext()`);
    await picture.waitFor({ state: 'detached', timeout: 30_000 });
    await waitForMapIdle(page);
    expect(await page.evaluate(`window.__sameDocument`)).toBe(true);
    expect(await renderedUnits(page)).toBeGreaterThan(10);
    expect(await page.evaluate(`window.stateCities.map.getFeatureState({ source: 'cities', id: 'valmiera' }).selected`)).toBe(true);
    const drawn = PNG.sync.read(Buffer.from(((await page.evaluate(`window.stateCities.map.getCanvas().toDataURL('image/png')`)) as string).split(',')[1]!, 'base64'));
    expect(countColour(drawn, [8, 81, 156], [0, 0, drawn.width, drawn.height])).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.geojson': 'application/geo+json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff', '.png': 'image/png', '.map': 'application/json',
};

/** A plain static server that has the build under /sub/ only, as a web host's sub-folder would. */
function serveUnderSubPath(): Promise<{ http: Server; base: string }> {
  const http = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith('/sub/')) return void res.writeHead(404).end();
    let file = normalize(join(distDir, path.slice('/sub/'.length)));
    if (!file.startsWith(distDir)) return void res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve({ http, base: `http://127.0.0.1:${(http.address() as AddressInfo).port}/sub/` })));
}

describe('the static build', () => {
  it('works from a sub-path of a plain static server, online and then offline', async () => {
    const { http, base } = await serveUnderSubPath();
    try {
      const { page, errors } = await openMap(base);
      expect(await renderedUnits(page)).toBe(42);
      await untilOffline(page);
      expect(await page.evaluate(`navigator.serviceWorker.controller.scriptURL`)).toBe(`${base}sw.js`);
      await page.context().setOffline(true);
      await page.goto(`${base}?lang=en&i=median_age`);
      await waitForMapIdle(page);
      expect(await renderedUnits(page)).toBe(42);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      http.close();
    }
  });
});
