import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { openContext, settle, waitIn, watch, type ChangeSample, type Target } from './measure.ts';

/** App-only figures: gravity hinterlands (pure recompute and redraw) and scene changes. */
export interface AppExtras {
  gravity: {
    available: boolean;
    contextMs: number | null;
    coldSceneMs: number | null;
    huffMs: number[];
    sceneMs: number[];
    firstShow: ChangeSample | null;
    redraws: ChangeSample[];
  };
  scenes: { available: boolean; count: number; jumps: ChangeSample[]; flights: (ChangeSample & { fps: number })[] };
  errors: string[];
}

const GRAVITY_PURE = `(() => {
  const K = window.BenchKernels;
  const ds = window.stateCities.store.getState().dataset;
  const now = () => performance.now();
  let t = now();
  const ctx = K.hinterlandContext(ds);
  const contextMs = now() - t;
  if (!ctx.huff) return { available: false };
  t = now();
  K.gravityScene(ctx, 1, 2, null);
  const coldSceneMs = now() - t;
  const huffMs = [], sceneMs = [];
  // performance.now() is coarse without cross-origin isolation: Huff alone is timed in batches of 20.
  for (let i = 0; i < 60; i++) {
    const alpha = 0.5 + (i % 15) * 0.1, beta = 1.5 + (i % 7) * 0.15;
    t = now();
    for (let k = 0; k < 20; k++) K.huffShares(ctx.huff.units, ctx.huff.cities, { alpha, beta });
    huffMs.push((now() - t) / 20);
    t = now();
    K.gravityScene(ctx, alpha, beta, null);
    sceneMs.push(now() - t);
  }
  return { available: true, contextMs, coldSceneMs, huffMs, sceneMs };
})()`;

/** Gravity and scenes on the app at 42 units; what the app does not have yet is reported as such. */
export async function appExtrasRun(browser: Browser, target: Target, kernelsFile: string, opts: { redraws: number; jumps: number; flights: number }): Promise<AppExtras> {
  const context = await openContext(browser, { label: '42', polygons: 42, routes: new Map(), probes: [] });
  try {
    const page = await context.newPage();
    const w = watch(page, target);
    await page.goto(target.url);
    await waitIn(page, 'window.__bench && window.__bench.marks.idle != null');
    await settle(page);
    const store = 'window.stateCities.store.getState()';

    const gravity: AppExtras['gravity'] = { available: false, contextMs: null, coldSceneMs: null, huffMs: [], sceneMs: [], firstShow: null, redraws: [] };
    if (await page.evaluate(`typeof ${store}.setHinterland === 'function'`)) {
      // Evaluated from the benchmark's side: a script tag of it would be inline script, which the app's CSP refuses.
      await page.evaluate(`window.BenchKernels = (() => {\n${readFileSync(kernelsFile, 'utf8')}\nreturn BenchKernels;\n})()`);
      Object.assign(gravity, await page.evaluate(GRAVITY_PURE));
      if (gravity.available) {
        gravity.firstShow = (await page.evaluate(`window.__bench.timeChange(() => ${store}.setHinterland({ shown: true, kind: 'gravity', alpha: 1, beta: 2 }))`)) as ChangeSample;
        await settle(page);
        for (let i = 0; i < opts.redraws; i++) {
          const alpha = (0.6 + (i % 12) * 0.13).toFixed(2);
          gravity.redraws.push((await page.evaluate(`window.__bench.timeChange(() => ${store}.setHinterland({ alpha: ${alpha} }))`)) as ChangeSample);
          await settle(page);
        }
        await page.evaluate(`${store}.setHinterland({ shown: false })`);
        await settle(page);
      }
    }

    const count = (await page.evaluate(`(${store}.deck?.scenes?.length ?? 0)`)) as number;
    const scenes: AppExtras['scenes'] = { available: count > 1 && (await page.evaluate(`typeof ${store}.goToScene === 'function'`)) === true, count, jumps: [], flights: [] };
    // Always a scene other than the one on screen, so that every change moves something.
    const nextScene = `((${store}.sceneIndex ?? -1) + 1) % ${count}`;
    if (scenes.available) {
      // Reduced motion turns the flight into a jump: what remains is the cost of the scene itself.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      for (let i = 0; i < opts.jumps; i++) {
        scenes.jumps.push((await page.evaluate(`window.__bench.timeChange(() => ${store}.goToScene(${nextScene}))`)) as ChangeSample);
        await settle(page);
      }
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      for (let i = 0; i < opts.flights; i++) {
        const r = (await page.evaluate(`(async () => {
          let frames = 0;
          const map = window.__bench.map;
          const onRender = () => frames++;
          map.on('render', onRender);
          const r = await window.__bench.timeChange(() => ${store}.goToScene(${nextScene}));
          map.off('render', onRender);
          return { ...r, fps: r.idle ? frames / (r.idle / 1000) : null };
        })()`)) as ChangeSample & { fps: number };
        scenes.flights.push(r);
        await settle(page);
      }
    }
    return { gravity, scenes, errors: w.errors };
  } finally {
    await context.close();
  }
}
