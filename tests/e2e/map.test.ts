import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compareWithBaseline } from './compare.ts';
import { openPage, pagePointOf, useBuiltApp, waitForMapIdle, waitUntil } from './harness.ts';

const JELGAVA: [number, number] = [23.7226, 56.6506];
const VALMIERA: [number, number] = [25.4263, 57.5384];

const app = useBuiltApp();

async function openMap(query = '?lang=lv'): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const { page, errors } = await openPage(app.browser);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${app.url}${query}`);
  await waitForMapIdle(page);
  return { page, errors, requests };
}

/** Distinct values of a property among the features MapLibre has drawn in a layer. */
function renderedIds(page: Page, layer: string, property: string): Promise<string[]> {
  return page.evaluate(
    `[...new Set(window.stateCities.map.queryRenderedFeatures({ layers: ['${layer}'] }).map((f) => f.properties['${property}']))].sort()`,
  ) as Promise<string[]>;
}

describe('the map of the ten state cities', () => {
  it('reaches idle with no console errors and draws 42 municipalities and 10 cities', async () => {
    const { page, errors } = await openMap();
    expect(errors).toEqual([]);
    expect(await renderedIds(page, 'municipalities-fill', 'code')).toHaveLength(42);
    expect(await renderedIds(page, 'cities-circle', 'id')).toEqual(
      ['daugavpils', 'jekabpils', 'jelgava', 'jurmala', 'liepaja', 'ogre', 'rezekne', 'riga', 'valmiera', 'ventspils'],
    );
    await page.context().close();
  });

  it('needs nothing from outside its own origin (works offline)', async () => {
    const { page, requests } = await openMap();
    const origin = new URL(app.url).origin;
    expect(requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'))).toEqual([]);
    await page.context().close();
  });

  it('keeps MapLibre\'s layout rules and drops the icons of controls it does not add', async () => {
    const { page } = await openMap();
    const css = (await page.evaluate(`[...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\\n')`)) as string;
    expect(css).toContain('.maplibregl-canvas-container');
    expect(css).toContain('.maplibregl-ctrl-attrib');
    expect(css).not.toMatch(/maplibregl[^{]*\{[^}]*data:image\/svg\+xml/);
    expect(await page.locator('.maplibregl-ctrl-attrib').isVisible()).toBe(true);
    await page.context().close();
  });

  it('exposes the map and the store for automation', async () => {
    const { page } = await openMap();
    const exposed = await page.evaluate(`({ zoom: typeof window.stateCities.map.getZoom(), lang: window.stateCities.store.getState().lang })`);
    expect(exposed).toEqual({ zoom: 'number', lang: 'lv' });
    await page.context().close();
  });

  it('shows a tooltip with name, kind, area and sourced population when hovering Jelgava', async () => {
    const { page } = await openMap();
    const p = await pagePointOf(page, JELGAVA);
    await page.mouse.move(p.x, p.y);
    const tooltip = page.locator('.tooltip');
    await tooltip.waitFor();
    const text = await tooltip.innerText();
    expect(text).toContain('Jelgava');
    expect(text).toContain('valstspilsēta');
    expect(text).toMatch(/Platība: \d+ km²/);
    expect(text).toContain('54\u00a0408');
    expect(text).toContain('2026');
    expect(text).toContain('CSP IRD041');
    await page.mouse.move(5, 790);
    await tooltip.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('outlines the hovered municipality over the map, without redrawing the map, and follows it when it moves', async () => {
    const { page } = await openMap();
    const label = (await page.evaluate(
      `window.stateCities.store.getState().dataset.municipalityLabels.features.find((f) => f.properties.code === 'LV0052000').geometry.coordinates`,
    )) as [number, number];
    // The unit's projected bounds on the page, to compare with the outline's.
    const unitBox = () =>
      page.evaluate(`(() => {
        const { map, store } = window.stateCities;
        const unit = store.getState().dataset.municipalities.features.find((f) => f.properties.code === 'LV0052000');
        const r = map.getCanvas().getBoundingClientRect();
        const pts = JSON.stringify(unit.geometry.coordinates).match(/-?[\\d.]+,-?[\\d.]+/g).map((s) => map.project(s.split(',').map(Number)));
        const xs = pts.map((p) => p.x + r.left), ys = pts.map((p) => p.y + r.top);
        return { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
      })()`) as Promise<{ x: number; y: number; w: number; h: number }>;
    const outlineBox = () => page.locator('svg.hover-outline path').evaluate((el) => { const b = el.getBoundingClientRect(); return { x: b.x, y: b.y, w: b.width, h: b.height }; });
    const renders = await page.evaluate(`window.__renders = 0, window.stateCities.map.on('render', () => window.__renders++), 0`);
    expect(renders).toBe(0);
    const p = await pagePointOf(page, label);
    await page.mouse.move(p.x, p.y);
    await page.locator('.tooltip').waitFor();
    const near = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.w - b.w), Math.abs(a.h - b.h));
    expect(near(await outlineBox(), await unitBox())).toBeLessThan(2);
    expect(await page.evaluate('window.__renders')).toBe(0);
    // Keyboard pan: the outline moves with the map.
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await waitForMapIdle(page);
    expect(near(await outlineBox(), await unitBox())).toBeLessThan(2);
    await page.mouse.move(5, 790);
    await page.locator('.tooltip').waitFor({ state: 'detached' });
    expect(await page.locator('svg.hover-outline path').getAttribute('d')).toBe('');
    await page.context().close();
  });

  it('opens the Valmiera panel on click, every figure with its year and source', async () => {
    const { page } = await openMap();
    const p = await pagePointOf(page, VALMIERA);
    await page.mouse.click(p.x, p.y);
    const panel = page.locator('.panel[data-place="valmiera"]');
    await panel.waitFor();
    expect(await panel.locator('h2').innerText()).toBe('Valmiera');
    expect(await panel.innerText()).toContain('Valmieras novads');
    const facts = panel.locator('.fact[data-indicator]');
    expect(await facts.count()).toBeGreaterThan(0);
    for (const text of await facts.allInnerTexts()) expect(text).toMatch(/(\d{4} · Avots:|aprēķināta no robežām)/);
    // The source file's own note is part of the provenance, not of the text; in Latvian, from its
    // pair (geodata/inputs/indicator_text_pairs.csv).
    const cityPopulation = panel.locator('.fact[data-indicator=city_population]');
    expect(await cityPopulation.innerText()).not.toContain('Wikipedia kolonnas virsraksts');
    expect(await cityPopulation.locator('.source-note a').getAttribute('title')).toContain('Wikipedia kolonnas virsraksts');
    expect(await page.evaluate(`JSON.stringify(window.stateCities.store.getState().selection)`)).toBe('{"kind":"city","id":"valmiera"}');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('outlines a clicked municipality from the selection source, and clears it when the panel closes', async () => {
    const { page } = await openMap();
    const label = (await page.evaluate(
      `window.stateCities.store.getState().dataset.municipalityLabels.features.find((f) => f.properties.code === 'LV0052000').geometry.coordinates`,
    )) as [number, number];
    const selectionCodes = async () => {
      await waitForMapIdle(page);
      return page.evaluate(`[...new Set(window.stateCities.map.querySourceFeatures('selection').map((f) => f.properties.code))]`);
    };
    expect(await selectionCodes()).toEqual([]);
    const p = await pagePointOf(page, label);
    await page.mouse.click(p.x, p.y);
    await page.locator('.panel').waitFor();
    expect(await selectionCodes()).toEqual(['LV0052000']);
    await page.keyboard.press('Escape');
    await page.locator('.panel').waitFor({ state: 'detached' });
    expect(await selectionCodes()).toEqual([]);
    await page.context().close();
  });

  it('zooms with the keyboard once the map has focus', async () => {
    const { page } = await openMap();
    const before = (await page.evaluate('window.stateCities.map.getZoom()')) as number;
    await page.focus('.maplibregl-canvas');
    await page.keyboard.press('Equal');
    await waitUntil(page, `window.stateCities.map.getZoom() > ${before + 0.5}`);
    await page.context().close();
  });

  it('switches the interface and the map labels to English', async () => {
    const { page } = await openMap();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.locator('h1', { hasText: "Latvia's state cities" }).waitFor();
    expect(await page.evaluate(`JSON.stringify(window.stateCities.map.getLayoutProperty('cities-label', 'text-field'))`)).toContain('nameEn');
    expect(await page.locator('.controls').innerText()).toContain('Residents on 1 January');
    await page.context().close();
  });

  it('on a phone, opens the places menu above the place panel, whole on the screen', async () => {
    const { page } = await openPage(app.browser, { viewport: { width: 375, height: 667 } });
    await page.goto(`${app.url}?lang=lv&s=riga`);
    await waitForMapIdle(page);
    await page.locator('.panel').waitFor();
    await page.getByRole('button', { name: /Vietas/ }).click();
    const options = page.locator('.place-options [role=option]');
    await options.first().waitFor();
    for (const i of [0, 5]) {
      const box = (await options.nth(i).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(375);
      const topmost = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[role=option]')?.textContent ?? null, [box.x + box.width / 2, box.y + box.height / 2]);
      expect(topmost).toBe(await options.nth(i).textContent());
    }
    await page.context().close();
  });

  it('lets a keyboard user pick a city from the list and open its panel, and announces it', async () => {
    const { page } = await openMap();
    const button = page.getByRole('button', { name: /Vietas/ });
    for (let i = 0; i < 10 && !(await button.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await waitUntil(page, `document.activeElement?.getAttribute('role') === 'listbox'`);
    await page.keyboard.press('v');
    expect(await page.locator('[role=option][aria-selected=true]').innerText()).toBe('Ventspils');
    await page.keyboard.press('v');
    expect(await page.locator('[role=option][aria-selected=true]').innerText()).toBe('Valmiera');
    await page.keyboard.press('Enter');
    await page.locator('.panel[data-place="valmiera"]').waitFor();
    await page.locator('[role=status]', { hasText: 'Atlasīts: Valmiera' }).waitFor();
    await page.context().close();
  });

  it('matches the committed screenshot of the default view', async () => {
    const { page } = await openMap();
    const png = await page.screenshot();
    const baseline = fileURLToPath(new URL('./baselines/map-1280x800-lv.png', import.meta.url));
    const { differing, total } = compareWithBaseline(png, baseline);
    // Byte-identical run to run on this machine; the margin absorbs antialiasing elsewhere.
    expect(differing).toBeLessThanOrEqual(total * 0.002);
    await page.context().close();
  });
});

describe('when the map cannot be shown', () => {
  it('says so in Latvian and English when a data file fails to load', async () => {
    const { page } = await openPage(app.browser);
    await page.route('**/data/indicators.json', (route) => route.fulfill({ status: 500, body: 'broken' }));
    await page.goto(app.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toContain('Karti neizdevās atvērt');
    expect(text).toContain('The map could not be opened');
    expect(text).toContain('indicators.json');
    await page.context().close();
  });

  // A browser without WebGL2, and one whose driver refuses the context (MapLibre's constructor throws).
  it.each([
    ['has no WebGL2', `delete window.WebGL2RenderingContext;`],
    [
      'refuses a WebGL context',
      `{
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
          return /webgl/.test(kind) ? null : original.call(this, kind, ...rest);
        };
      }`,
    ],
  ])('says so in Latvian and English when the browser %s', async (_, script) => {
    const { page } = await openPage(app.browser);
    await page.addInitScript(script);
    await page.goto(app.url);
    const text = await page.getByRole('alert').innerText();
    expect(text).toContain('neatbalsta WebGL');
    expect(text).toContain('does not support WebGL');
    await page.context().close();
  });
});
