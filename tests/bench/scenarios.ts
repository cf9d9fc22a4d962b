import type { Browser, Page } from 'playwright-core';
import { openContext, RIGA, settle, waitIn, watch, type PageId, type SizeCase, type Target, type Transfer, type Viewport } from './measure.ts';

/**
 * The presenter's and the parishes' figures (issue 22), on the app and on the same-content floor
 * (pages/content.ts), at 1280×800 on the real data: a scene step, the projector theme switch, the
 * PNG export, the first zoom that shows parish borders and the hinterland switched to parishes.
 * Each is timed to its first complete frame and to idle (`timeComplete` in probe.js).
 */

/** One change timed by `timeComplete` (probe.js): ms from its start (key event or call). */
export interface Timed {
  /** The start, ms since navigation. */
  t0?: number;
  sync: number;
  frame: number;
  idle: number;
  /** MapLibre frames drawn from the start until the first complete one. */
  frames: number;
}

export interface Camera {
  center: [number, number];
  zoom: number;
  padding: { top: number; right: number; bottom: number; left: number };
}

/** One presenting session of one page. */
export interface PresentingSample {
  page: PageId;
  /** Projector theme on, and off again (the app while exploring: the T key's store action). */
  themeOn: (Timed | null)[];
  themeOff: (Timed | null)[];
  /** The PNG export, from the click on the size's button (app) or the call (floor) to the PNG made. */
  exports: { size: string; ms: number | null; bytes: number | null; order: number }[];
  /** Scene steps: the app's → key while presenting; the floor's flyTo to the camera the app ended at. */
  steps: { from: number; to: number; scene?: string; timing: Timed | null }[];
  errors: string[];
}

/** One first-time parish view of one page. */
export interface ParishSample {
  page: PageId;
  what: 'zoom' | 'hinterland';
  timing: Timed | null;
  /** The hinterland first shown by municipalities, before it was switched to parishes (the app). */
  before?: Timed | null;
  /** What the page fetched for it, from the change to its idle. */
  transfers: Transfer[];
  errors: string[];
}

const REAL: SizeCase = { label: '42', polygons: 42, routes: new Map(), probes: [] };
const STORE = 'window.stateCities.store.getState()';
/** How long the app watches the stage after a scene request, to correct the flight for late cards (sceneBinding.ts). */
const STAGE_WATCH_MS = 3200;
/** How long the app flies between scenes: SCENE_FLIGHT_MS of src/map/sceneBinding.ts (which Node cannot import: it reaches the store's CSV assets). */
export const SCENE_FLIGHT_MS = 1600;
/** The zoom a parish view is opened at: past PARISH_BORDER_MINZOOM (7.5) and the fade-in of the borders. */
export const PARISH_ZOOM = 8;

async function openLoaded(browser: Browser, target: Target, extra: Parameters<Browser['newContext']>[0] = {}) {
  const context = await openContext(browser, REAL, extra);
  const page = await context.newPage();
  const w = watch(page, target);
  await page.goto(target.url);
  await waitIn(page, 'window.__bench && window.__bench.marks.idle != null');
  // The app sends its water after the first idle (`data-context` on the map's container): wait for it.
  if (target.id === 'app') await waitIn(page, '!!window.stateCities.map.getContainer().dataset.context', { timeout: 30_000, every: 100 });
  await settle(page);
  return { context, page, w };
}

const timeComplete = (page: Page, trigger: string, source?: string) =>
  page.evaluate(`window.__bench.timeComplete(() => { ${trigger}; }, ${JSON.stringify(source ? { source } : {})})`) as Promise<Timed | null>;
const camera = (page: Page, id: PageId) =>
  page.evaluate(
    id === 'app'
      ? `(() => { const m = window.stateCities.map; return { center: m.getCenter().toArray(), zoom: m.getZoom(), padding: m.getPadding() }; })()`
      : 'window.benchPage.camera()',
  ) as Promise<Camera>;

/**
 * The app: the projector theme switched on and off while exploring, the PNG exports through the
 * Export dialog, then the deck presented and stepped through with the → key. Returns the camera
 * before and after each step, for the floor to fly the same.
 */
export async function appPresenting(browser: Browser, target: Target, opts: { themeSwitches: number; exports: Viewport[] }): Promise<{ sample: PresentingSample; cameras: [Camera, Camera][]; scenes: string[] }> {
  const { context, page, w } = await openLoaded(browser, target, { acceptDownloads: true });
  const sample: PresentingSample = { page: 'app', themeOn: [], themeOff: [], exports: [], steps: [], errors: w.errors };
  const cameras: [Camera, Camera][] = [];
  try {
    for (let i = 0; i < opts.themeSwitches; i++) {
      sample.themeOn.push(await timeComplete(page, `${STORE}.toggleProjector()`));
      await settle(page);
      sample.themeOff.push(await timeComplete(page, `${STORE}.toggleProjector()`));
      await settle(page);
    }
    for (const [order, size] of opts.exports.entries()) {
      if (!(await page.locator('.takeaway-dialog[open]').count())) await page.getByRole('button', { name: 'Eksportēt', exact: true }).click();
      await page.evaluate('window.__bench.armDownload()');
      const download = page.waitForEvent('download', { timeout: 120_000 });
      await page.locator(`[data-export="${size.width}x${size.height}"]`).click();
      await download;
      const r = (await page.evaluate('window.__bench.download')) as { click: number | null; url: number | null; bytes: number | null };
      sample.exports.push({ size: `${size.width}x${size.height}`, ms: r.click !== null && r.url !== null ? r.url - r.click : null, bytes: r.bytes, order });
      await settle(page);
    }
    if (await page.locator('.takeaway-dialog[open]').count()) await page.keyboard.press('Escape');
    await waitIn(page, `${STORE}.deck !== null`, { timeout: 30_000, every: 100 });
    const scenes = (await page.evaluate(`${STORE}.deck.scenes.map((s) => s.id)`)) as string[];
    const count = scenes.length;
    await page.evaluate(`${STORE}.startPresenting(0)`);
    await page.waitForTimeout(STAGE_WATCH_MS);
    await settle(page);
    for (let from = 0; from + 1 < count; from++) {
      const before = await camera(page, 'app');
      await page.evaluate('window.__bench.armStep()');
      const pressed = Date.now();
      await page.keyboard.press('ArrowRight');
      const timing = (await page.evaluate('window.__bench.step')) as Timed | null;
      sample.steps.push({ from, to: from + 1, scene: scenes[from + 1], timing });
      // The stage is watched for a few seconds after a step (a card that loads late corrects the flight).
      await page.waitForTimeout(Math.max(0, STAGE_WATCH_MS - (Date.now() - pressed)));
      await settle(page);
      cameras.push([before, await camera(page, 'app')]);
    }
    await page.evaluate(`${STORE}.stopPresenting()`);
    return { sample, cameras, scenes };
  } finally {
    await context.close();
  }
}

/** The same-content floor: the app's theme switch, the map part of its PNG export, and its scene cameras flown with flyTo. */
export async function contentPresenting(browser: Browser, target: Target, cameras: [Camera, Camera][], scenes: string[], opts: { themeSwitches: number; exports: Viewport[]; flightMs: number }): Promise<PresentingSample> {
  const { context, page, w } = await openLoaded(browser, target);
  const sample: PresentingSample = { page: target.id, themeOn: [], themeOff: [], exports: [], steps: [], errors: w.errors };
  try {
    for (let i = 0; i < opts.themeSwitches; i++) {
      sample.themeOn.push(await timeComplete(page, 'window.benchPage.setTheme(true)'));
      await settle(page);
      sample.themeOff.push(await timeComplete(page, 'window.benchPage.setTheme(false)'));
      await settle(page);
    }
    for (const [order, size] of opts.exports.entries()) {
      const r = (await page.evaluate(`window.benchPage.exportPng(${size.width}, ${size.height})`)) as { ms: number; bytes: number };
      sample.exports.push({ size: `${size.width}x${size.height}`, ms: r.ms, bytes: r.bytes, order });
      await settle(page);
    }
    // The app presents in the projector theme.
    await page.evaluate('window.benchPage.setTheme(true)');
    await settle(page);
    for (const [i, [from, to]] of cameras.entries()) {
      await page.evaluate(`window.benchPage.jumpTo(${JSON.stringify(from)})`);
      await settle(page);
      sample.steps.push({ from: i, to: i + 1, scene: scenes[i + 1], timing: await timeComplete(page, `window.benchPage.flyTo(${JSON.stringify(to)}, ${opts.flightMs})`) });
      await settle(page);
    }
    return sample;
  } finally {
    await context.close();
  }
}

/**
 * What the page itself asked for from `t0` on (its resource timeline: the browser's own requests,
 * such as the favicon, are not in it), as the transfers the benchmark saw.
 */
async function transfersSince(w: ReturnType<typeof watch>, t0: number | undefined, page: Page): Promise<Transfer[]> {
  if (t0 === undefined) return [];
  // A response may still be read out after the idle: a moment for its event.
  await page.waitForTimeout(200);
  const paths = new Set((await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.startTime >= ${t0}).map((e) => new URL(e.name).pathname)`)) as string[]);
  // The browser's tab icon is no part of what a view fetches.
  return (await w.transfers()).filter((t) => paths.has(t.path) && !/\/favicon\./.test(t.path));
}

/**
 * The first zoom that shows parish borders: a jump to Rīga at PARISH_ZOOM, until the frame with
 * the parishes drawn (the app fetches them on that zoom) and idle. The same-content floor, which
 * has no parishes, jumps to the same camera: what the zoom alone costs MapLibre.
 */
export async function parishZoom(browser: Browser, target: Target): Promise<ParishSample> {
  const { context, page, w } = await openLoaded(browser, target);
  try {
    const jump = `window.stateCities.map.jumpTo({ center: ${JSON.stringify(RIGA)}, zoom: ${PARISH_ZOOM} })`;
    const timing = await timeComplete(page, jump, target.id === 'app' ? 'territorial-units' : undefined);
    return { page: target.id, what: 'zoom', timing, transfers: await transfersSince(w, timing?.t0, page), errors: w.errors };
  } finally {
    await context.close();
  }
}

/**
 * The app's hinterlands switched to parish level: first shown by municipalities (the
 * administrative definition), then switched to parishes and towns, until the frame that draws them
 * (the units are fetched on that switch) and idle.
 */
export async function parishHinterland(browser: Browser, target: Target): Promise<ParishSample> {
  const { context, page, w } = await openLoaded(browser, target);
  try {
    const before = await timeComplete(page, `${STORE}.setHinterland({ shown: true, kind: 'admin', level: 'municipality' })`);
    await settle(page);
    const timing = await timeComplete(page, `${STORE}.setHinterland({ level: 'territorial' })`, 'hinterland-units');
    return { page: target.id, what: 'hinterland', timing, before, transfers: await transfersSince(w, timing?.t0, page), errors: w.errors };
  } finally {
    await context.close();
  }
}
