import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

/**
 * The pages compared: the app; the same-content floor (the app's first-view map on a bare MapLibre
 * page, pages/content.ts); the one-fill floor (pages/floor.ts); the Leaflet choropleth.
 */
export type PageId = 'app' | 'content' | 'floor' | 'leaflet';
export const PAGE_IDS: readonly PageId[] = ['app', 'content', 'floor', 'leaflet'];

/** A page to measure: its URL and the folder it is served from (to gzip what it fetched). */
export interface Target {
  id: PageId;
  url: string;
  dir: string;
  /** What shows the place panel after a click on Rīga (none: the page has no panel). */
  panelSelector?: string;
}

/** A polygon count to run: the real files, or synthetic ones served in their place. */
export interface SizeCase {
  label: string;
  polygons: number;
  /** Data file name → body, served instead of the file (playwright routing; no app change). */
  routes: Map<string, string>;
  /** Points inside some units, for hovering. */
  probes: [number, number][];
}

export type Kind = 'js' | 'css' | 'data' | 'fonts' | 'html' | 'images' | 'other';
export const KINDS: readonly Kind[] = ['js', 'css', 'data', 'fonts', 'html', 'images', 'other'];

/** One response of the first view: bytes on the wire from vite preview, and the file raw and gzipped. */
export interface Transfer {
  path: string;
  kind: Kind;
  transfer: number;
  raw: number;
  gzip: number;
}

export interface ChangeSample {
  sync: number;
  frame: number;
  idle: number | null;
  reloaded: boolean;
}

export interface LongTask {
  start: number;
  duration: number;
}

/** Everything one load of one page gave. Times in ms since navigation start. */
export interface LoadSample {
  page: PageId;
  size: string;
  /** The window, when not the usual 1280×800 (the big-screen runs: "1920x1080", "3840x2160"). */
  screen?: string;
  /** An A/B variant of the app's data (variants.ts), apart from every other figure. */
  variant?: string;
  /** When the map object was made (the app makes it once its data are in). */
  mapCreated: number | null;
  /** When the last script, and the last data file, the page asked for before making its map had arrived (resource timing). */
  scriptsIn?: number | null;
  dataIn?: number | null;
  /** The first frame with the choropleth drawn, labels perhaps not yet. */
  choropleth: number | null;
  /** The first complete frame (MapLibre's 'load': every source and label in). */
  paint: number | null;
  idle: number | null;
  /** MapLibre frames drawn from the map's creation to its first idle (null for Leaflet, or in older results). */
  framesToIdle?: number | null;
  /** Shader programs MapLibre had compiled by its first idle (null for Leaflet, or in older results). */
  programsAtIdle?: number | null;
  /** When an element with elementtiming="map-placeholder" was painted, if the page has one. */
  placeholder: number | null;
  heapBytes: number | null;
  transfers: Transfer[];
  longTasks: { load: LongTask[]; quiet: LongTask[]; interaction: LongTask[] };
  switches: ChangeSample[];
  hovers: (number | null)[];
  errors: string[];
}

export interface RunOptions {
  switches: number;
  hovers: number;
  quietMs: number;
  /** Another window than 1280×800. */
  viewport?: Viewport;
}

export interface Viewport {
  width: number;
  height: number;
}
export const VIEWPORT: Viewport = { width: 1280, height: 800 };
/** "1920x1080" */
export const screenLabel = (v: Viewport): string => `${v.width}x${v.height}`;
export const RIGA: [number, number] = [24.1052, 56.9496];

export function kindOf(path: string): Kind {
  const ext = extname(path).toLowerCase();
  if (ext === '.js' || ext === '.mjs') return 'js';
  if (ext === '.css') return 'css';
  if (ext === '.json' || ext === '.geojson') return 'data';
  if (['.woff2', '.woff', '.ttf', '.otf'].includes(ext)) return 'fonts';
  if (ext === '.html' || ext === '') return 'html';
  if (['.png', '.svg', '.jpg', '.jpeg', '.webp', '.avif', '.gif', '.ico'].includes(ext)) return 'images';
  return 'other';
}

const PRECOMPRESSED = /\.(woff2?|png|jpe?g|webp|avif|gif)$/i;
const gzipCache = new Map<string, { raw: number; gzip: number }>();
/** Raw and gzip (zlib level 6, the usual server default) sizes of a served file. */
function fileSizes(dir: string, path: string): { raw: number; gzip: number } {
  const file = join(dir, path === '/' ? 'index.html' : decodeURIComponent(path));
  const known = gzipCache.get(file);
  if (known) return known;
  let sizes = { raw: 0, gzip: 0 };
  try {
    const buf = readFileSync(file);
    // Servers do not gzip what is compressed already (woff2, PNG, …): it goes as it is.
    sizes = { raw: buf.length, gzip: PRECOMPRESSED.test(file) ? buf.length : gzipSync(buf, { level: 6 }).length };
  } catch {
    /* not a file of the build (e.g. a routed synthetic file): counted by its transfer only */
  }
  gzipCache.set(file, sizes);
  return sizes;
}

/** A fresh context (empty cache, no service worker) with the probe and any synthetic files. */
export async function openContext(browser: Browser, size: SizeCase, extra: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'lv-LV', serviceWorkers: 'block', ...extra });
  await context.addInitScript({ path: PROBE });
  for (const [name, body] of size.routes) {
    await context.route(`**/data/${name}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  }
  return context;
}

/**
 * Paths the page itself began to fetch only after `time` (its first idle) — the readings by the
 * time the benchmark polls may already include them. Requests made by workers are not in the
 * page's resource timeline and so are never counted as late.
 */
async function requestedAfter(page: Page, time: number | undefined): Promise<Set<string>> {
  if (time === undefined) return new Set();
  const entries = (await page.evaluate(
    `performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e.startTime])`,
  )) as [string, number][];
  const early = new Set(entries.filter(([, start]) => start <= time).map(([path]) => path));
  return new Set(entries.filter(([path, start]) => start > time && !early.has(path)).map(([path]) => path));
}

/** The files of the first view: all fetched, less those first asked for after the first idle. */
export function firstViewTransfers(transfers: Transfer[], late: Set<string>): Transfer[] {
  return transfers.filter((t) => t.kind === 'html' || !late.has(t.path));
}

export function watch(page: Page, target: Target): { errors: string[]; transfers: () => Promise<Transfer[]> } {
  const errors: string[] = [];
  const pending: Promise<Transfer | null>[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfinished', (req) => {
    pending.push(
      (async () => {
        const url = new URL(req.url());
        if (!url.href.startsWith(target.url.replace(/[^/]*$/, ''))) return null;
        const sizes = await req.sizes().catch(() => null);
        const transfer = sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
        return { path: url.pathname, kind: kindOf(url.pathname), transfer, ...fileSizes(target.dir, url.pathname) };
      })(),
    );
  });
  return { errors, transfers: async () => (await Promise.all([...pending])).filter((t): t is Transfer => t !== null) };
}

/**
 * Resolves once `expression` is true in the page, checked every `every` ms (or every frame) by a
 * loop the benchmark starts in the page from its own side. Not Playwright's `waitForFunction` with a
 * string: that evaluates the text inside the page, which the app's Content-Security-Policy (no
 * eval) refuses as soon as the first check is false.
 */
export async function waitIn(page: Page, expression: string, { timeout = 90_000, every = 50 }: { timeout?: number; every?: number | 'raf' } = {}): Promise<void> {
  const ok = await page.evaluate(`new Promise((resolve) => {
    const end = performance.now() + ${timeout};
    const check = () => {
      let ok = false;
      try { ok = !!(${expression}); } catch {}
      if (ok) return resolve(true);
      if (performance.now() > end) return resolve(false);
      ${every === 'raf' ? 'requestAnimationFrame(check)' : `setTimeout(check, ${every})`};
    };
    check();
  })`);
  if (!ok) throw new Error(`timed out after ${timeout} ms waiting for: ${expression}`);
}

const pageNow = (page: Page) => page.evaluate('performance.now()') as Promise<number>;
export const settle = (page: Page) => page.evaluate('window.__bench.settle()');

/** Moves the pointer over units that lie on the map (not under a card) and times each hover. */
async function hoverAround(page: Page, probes: [number, number][], count: number): Promise<(number | null)[]> {
  const points: { x: number; y: number }[] = [];
  for (const p of probes) {
    const pt = (await page.evaluate(`window.__bench.project(${JSON.stringify(p)})`)) as { x: number; y: number };
    if (await page.evaluate(`window.__bench.onMap(${JSON.stringify(pt)})`)) points.push(pt);
  }
  const out: (number | null)[] = [];
  for (let i = 0; i < count && points.length > 1; i++) {
    const pt = points[i % points.length]!;
    await page.evaluate('window.__bench.armHover()');
    await page.mouse.move(pt.x, pt.y);
    out.push((await page.evaluate('window.__bench.hover')) as number | null);
    await settle(page);
  }
  await page.mouse.move(2, VIEWPORT.height - 2);
  return out;
}

/**
 * One cold load of a page: first paint and first idle, what it fetched until then, a quiet
 * moment, the JS heap after a forced GC, then indicator switches and hovers, and every long task
 * with the phase it fell in.
 */
export async function loadRun(browser: Browser, target: Target, size: SizeCase, opts: RunOptions): Promise<LoadSample> {
  const context = await openContext(browser, size, opts.viewport ? { viewport: opts.viewport } : {});
  try {
    const page = await context.newPage();
    const w = watch(page, target);
    await page.goto(target.url);
    await waitIn(page, 'window.__bench && window.__bench.marks.idle != null');
    const marks = (await page.evaluate('window.__bench.marks')) as Record<string, number>;
    const arrived = (await page.evaluate(`(() => {
      const made = window.__bench.marks.mapCreated ?? Infinity;
      const last = (re) => Math.max(-1, ...performance.getEntriesByType('resource').filter((e) => e.startTime < made && re.test(new URL(e.name).pathname)).map((e) => e.responseEnd));
      return { scripts: last(/\\.m?js$/), data: last(/\\/data\\//) };
    })()`)) as { scripts: number; data: number };
    const drawn = (await page.evaluate('window.__bench.load ?? null')) as { frames: number; programs: number | null } | null;
    const transfers = firstViewTransfers(await w.transfers(), await requestedAfter(page, marks.idleFrame));
    await page.waitForTimeout(opts.quietMs);
    const quietEnd = await pageNow(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const heapEnd = await pageNow(page);

    const ids = (await page.evaluate('window.__bench.indicatorIds()')) as string[];
    const switches: ChangeSample[] = [];
    for (let i = 0; i < opts.switches && ids.length > 1; i++) {
      switches.push((await page.evaluate(`window.__bench.switchIndicator(${JSON.stringify(ids[(i + 1) % ids.length])})`)) as ChangeSample);
      await settle(page);
    }
    const hovers = await hoverAround(page, size.probes, opts.hovers);

    const tasks = (await page.evaluate('window.__bench.longTasks')) as LongTask[];
    const elements = (await page.evaluate('window.__bench.elements')) as { id: string; time: number }[];
    const idle = marks.idle ?? Number.POSITIVE_INFINITY;
    return {
      page: target.id,
      size: size.label,
      ...(opts.viewport ? { screen: screenLabel(opts.viewport) } : {}),
      mapCreated: marks.mapCreated ?? null,
      scriptsIn: arrived.scripts >= 0 ? arrived.scripts : null,
      dataIn: arrived.data >= 0 ? arrived.data : null,
      choropleth: marks.choropleth ?? null,
      paint: marks.paint ?? null,
      idle: marks.idle ?? null,
      framesToIdle: drawn?.frames ?? null,
      programsAtIdle: drawn?.programs ?? null,
      placeholder: elements.find((e) => e.id === 'map-placeholder')?.time ?? null,
      heapBytes: heap.usedSize,
      transfers,
      longTasks: {
        load: tasks.filter((t) => t.start < idle),
        quiet: tasks.filter((t) => t.start >= idle && t.start < quietEnd),
        interaction: tasks.filter((t) => t.start >= heapEnd),
      },
      switches,
      hovers,
      errors: w.errors,
    };
  } finally {
    await context.close();
  }
}

export interface PanelSample {
  page: PageId;
  /** From navigation start to the panel painted, clicking Rīga as soon as the map is drawn. */
  panel: number | null;
  fromClick: number | null;
}

/** One cold load in which Rīga is clicked the moment the map is drawn: time to the place panel. */
export async function panelRun(browser: Browser, target: Target, size: SizeCase): Promise<PanelSample> {
  if (!target.panelSelector) throw new Error(`${target.id} has no place panel`);
  const context = await openContext(browser, size);
  try {
    const page = await context.newPage();
    await page.goto(target.url);
    await waitIn(page, 'window.__bench && window.__bench.marks.paint != null', { every: 'raf' });
    const pt = (await page.evaluate(`(window.__bench.armPanel(${JSON.stringify(target.panelSelector)}), window.__bench.project(${JSON.stringify(RIGA)}))`)) as { x: number; y: number };
    await page.mouse.click(pt.x, pt.y);
    const r = (await page.evaluate('window.__bench.panel')) as { end: number; fromClick: number | null } | null;
    return { page: target.id, panel: r?.end ?? null, fromClick: r?.fromClick ?? null };
  } finally {
    await context.close();
  }
}
