import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, pagePointOf, useBuiltApp, waitForMapIdle, waitUntil } from './harness.ts';

const UNITS_FILE = 'territorial-units.topo.json';
const app = useBuiltApp();

/** The app as built, or with a territory topology that names no territorial units (`withoutUnits`). */
async function openMap(query: string, withoutUnits = false): Promise<{ page: Page; errors: string[]; requested: string[] }> {
  const { page, errors } = await openPage(app.browser, { serviceWorkers: 'block' });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()!));
  if (withoutUnits) {
    await page.route('**/data/territory.topo.json', async (route) => {
      const { territorialUnits: _, ...territory } = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: territory });
    });
  }
  await page.goto(`${app.url}${query}`);
  await waitForMapIdle(page);
  return { page, errors, requested };
}

const state = (page: Page, expr: string) => page.evaluate(`(() => { const s = window.stateCities.store.getState(); return ${expr}; })()`);
const unitsLoaded = (page: Page) => waitUntil(page, `window.stateCities.store.getState().dataset?.territorialUnits?.features.length === 592`);
const rendered = (page: Page, layer: string, prop: string) =>
  page.evaluate(`[...new Set(window.stateCities.map.queryRenderedFeatures({ layers: ['${layer}'] }).map((f) => f.properties.${prop}))]`) as Promise<string[]>;

describe('the official boundaries on the map', () => {
  it('draw all ten city outlines in the first view, without fetching the territorial units', async () => {
    const { page, errors, requested } = await openMap('?l=en');
    expect((await rendered(page, 'cities-outline', 'id')).sort()).toEqual(['daugavpils', 'jekabpils', 'jelgava', 'jurmala', 'liepaja', 'ogre', 'rezekne', 'riga', 'valmiera', 'ventspils']);
    expect(requested).not.toContain(UNITS_FILE);
    // No parish border is drawn at the first view's zoom.
    expect(await rendered(page, 'borders-territorial', 'code')).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('zoomed in on Valmiera: parish borders and names, and pointing at a parish names it, its kind, novads and area', async () => {
    const { page, errors } = await openMap('?l=lv&v=25.43,57.54,10');
    await unitsLoaded(page);
    await waitForMapIdle(page);
    await expect.poll(async () => (await rendered(page, 'borders-territorial', 'code')).length).toBeGreaterThan(5);
    await expect.poll(() => rendered(page, 'territorial-label', 'name')).toContain('Kocēnu pagasts');
    // The towns that are state cities are named by the city labels only.
    expect(await rendered(page, 'territorial-label', 'name')).not.toContain('Valmiera');
    const kauguri = await pagePointOf(page, [25.47, 57.46]);
    await page.mouse.move(kauguri.x, kauguri.y);
    const line = page.locator('.tooltip .territorial-unit');
    await line.waitFor();
    expect(await line.innerText()).toMatch(/^Kauguru pagasts · pagasts, Valmieras novads · [\d ]+,\d km² \(aprēķināta no robežām\)$/);
    await page.mouse.click(kauguri.x, kauguri.y);
    await page.locator('.panel .territorial-unit').waitFor();
    expect(await page.locator('.panel h2').innerText()).toBe('Valmieras novads');
    expect(await page.locator('.panel .territorial-unit').innerText()).toMatch(/^Kauguru pagasts/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('hinterlands by territorial unit', () => {
  it('are the default, and their file is fetched only once hinterlands are shown', async () => {
    const { page, errors, requested } = await openMap('?l=en');
    await page.locator('.hinterland-section summary').click();
    const parishes = page.getByRole('radio', { name: 'parishes and towns (territorial units)' });
    await parishes.waitFor();
    expect(await parishes.isChecked()).toBe(true);
    expect(requested).not.toContain(UNITS_FILE);
    await page.getByLabel('Show on the map').check();
    await unitsLoaded(page);
    expect(requested).toContain(UNITS_FILE);
    // Municipalities remain a choice, written into the address.
    await page.getByRole('radio', { name: 'municipalities' }).check();
    await expect.poll(() => page.url()).toMatch(/hs=1&hl=m/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switch the administrative and gravity hinterlands to the units, in the address and on the map', async () => {
    const { page, errors } = await openMap('?l=en');
    await page.locator('.hinterland-section summary').click();
    await page.getByLabel('Show on the map').check();
    await unitsLoaded(page);
    await waitForMapIdle(page);
    await expect.poll(() => page.url()).toMatch(/hs=1$/);
    expect(await state(page, `s.hinterland.level`)).toBe('territorial');
    await expect.poll(() => page.evaluate(`window.stateCities.map.queryRenderedFeatures({ layers: ['hinterland-unit-fill'] }).length`)).toBeGreaterThan(0);
    // The fills are feature-states: the municipalities' are cleared, the units' carry the partition.
    const opacity = (source: string, id: string) => page.evaluate(`window.stateCities.map.getFeatureState({ source: '${source}', id: '${id}' }).hinterlandOpacity ?? 0`);
    const municipalities = (await state(page, `s.dataset.municipalities.features.map((f) => f.properties.code)`)) as string[];
    await expect.poll(() => opacity('hinterland-units', 'LV0054010')).toBe(0.9);
    expect(await Promise.all(municipalities.map((code) => opacity('municipalities', code)))).toEqual(municipalities.map(() => 0));
    // Valmiera's own unit, the town, is the city (strong); Valmieras pagasts around it its hinterland.
    expect(await opacity('hinterland-units', 'LV0054620')).toBe(0.55);

    await page.getByRole('button', { name: 'Figures' }).click();
    const table = page.locator('.hinterland-table');
    await table.waitFor();
    expect(await page.locator('.hinterland-dialog .panel-kind').innerText()).toMatch(/territorial units/);
    const valmiera = await table.locator('tr[data-row="valmiera"]').innerText();
    // Area, of which the city (Valmiera's own outline, 19.3 km²) and the rest; no residents by parish.
    expect(valmiera).toMatch(/km²\t19\.3 km²\t[\d,.]+ km²\tno data/);
    await page.keyboard.press('Escape');

    await page.getByRole('radio', { name: 'Gravity model (Huff)' }).check();
    await waitForMapIdle(page);
    await expect.poll(() => page.url()).toMatch(/h=gravity&hs=1$/);
    expect(await state(page, `s.hinterland.level`)).toBe('territorial');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('offer Eurostat’s functional urban areas on parishes and towns, each city’s own town kept by it', async () => {
    const { page, errors } = await openMap('?l=en');
    await page.locator('.hinterland-section summary').click();
    await page.getByRole('radio', { name: 'Functional urban areas (Eurostat)' }).check();
    await unitsLoaded(page);
    await waitForMapIdle(page);
    await expect.poll(() => page.url()).toMatch(/h=fua&hs=1/);
    const info = await page.locator('.hinterland-fua').innerText();
    expect(info).toMatch(/Rīga \(59 units\), Liepāja \(24 units\), Jelgava \(17 units\), Daugavpils \(28 units\)/);
    expect(info).toContain('No FUA: Ventspils, Rēzekne, Valmiera, Jēkabpils');
    expect(info).toContain('Eurostat, LAU 2019 (EU-28-LAU-2019-NUTS-2016), carried to the CSP/VZD territorial units');
    const opacity = (id: string) => page.evaluate(`window.stateCities.map.getFeatureState({ source: 'hinterland-units', id: '${id}' }).hinterlandOpacity ?? 0`);
    // Jūrmala lies in Rīga's FUA, but its own territory is its own (strong); Mores pagasts is in Rīga's FUA.
    await expect.poll(() => opacity('LV0004000')).toBe(0.9);
    expect(await opacity('LV0048450')).toBe(0.55);
    expect(await state(page, `s.dataset.fua.gravityFit.best.beta`)).toBe(3);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('explain the gravity defaults by their fit to the FUAs, without loading the parishes', async () => {
    const { page, errors, requested } = await openMap('?l=en&h=gravity&hs=1&hl=m');
    await page.locator('.hinterland-section summary').click();
    const fit = page.locator('.hinterland-fit');
    await fit.waitFor();
    expect(await fit.getAttribute('data-fit-score')).toBe('0.489');
    expect(await fit.innerText()).toMatch(/Best: α 1, β 3 \(0\.489\); textbook α 1, β 2: 0\.421/);
    expect(requested).toContain('fua.json');
    expect(requested).not.toContain(UNITS_FILE);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('compare the definitions city by city, and show the hinterland key as the legend', async () => {
    const { page, errors } = await openMap('?l=en&h=fua&hs=1');
    await unitsLoaded(page);
    // The hinterlands cover the choropleth, so the card's legend is their key, also when a link opens them.
    expect(await page.locator('.controls-title').innerText()).toBe('Hinterland');
    await page.locator('.legend.hinterland-key').waitFor();
    await page.locator('.hinterland-section summary').click();
    await page.getByRole('button', { name: 'Compare definitions' }).click();
    const table = page.locator('.hinterland-compare');
    await table.waitFor();
    // Ventspils has no FUA: only its own territory there, which gravity also gives it, with more around it.
    const ventspils = await table.locator('tr[data-row="ventspils"]').innerText();
    expect(ventspils).toMatch(/^Ventspils\t\d+ · [\d,]+ km²\t\d+ · [\d,]+ km²\t1 · 58 km²\t/);
    const riga = (await table.locator('tr[data-row="riga"] td').allInnerTexts()).slice(3);
    expect(riga).toHaveLength(3);
    for (const v of riga) expect(Number(v)).toBeGreaterThan(0);
    // Where the administrative assignment and the FUAs disagree, on the map, with its key.
    await table.locator('button[data-pair="admin|fua"]').click();
    await table.waitFor({ state: 'hidden' });
    const key = page.locator('.hinterland-disagree-key');
    await key.waitFor();
    expect((await key.innerText()).trim()).toMatch(/^The definitions disagree: Administrative – FUA — \d+ units, [\d,]+ km² \(computed from the boundaries\)\. Hide$/);
    const disagreeing = Number(await key.getAttribute('data-disagree'));
    await expect.poll(async () => (await rendered(page, 'hinterland-disagree-line', 'code')).length).toBeGreaterThan(0);
    expect((await rendered(page, 'hinterland-disagree-line', 'code')).length).toBeLessThanOrEqual(disagreeing);
    expect(await rendered(page, 'hinterland-disagree-line', 'code')).not.toContain('LV0001000');
    await key.getByRole('button', { name: 'Hide' }).click();
    await expect.poll(() => rendered(page, 'hinterland-disagree-line', 'code')).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('offer commuting only with CSP’s flows: how to get them, then the definition, its threshold and the flows layer', async () => {
    const { page, errors } = await openMap('?l=en&h=commuting&hs=1');
    await page.locator('.hinterland-section summary').click();
    expect(await page.locator('.hinterland-commuting-missing').innerText()).toMatch(/npm run data:update, then npm run geodata/);
    await page.locator('.links-section summary').click();
    expect(await page.getByLabel('Commuters’ flows into the cities (CSP)').isDisabled()).toBe(true);
    await page.context().close();

    // A synthetic commuting.json (not CSP's figures), as the pipeline would write it after a refresh.
    const synthetic = await openPage(app.browser, { serviceWorkers: 'block' });
    await synthetic.page.route('**/data/territory.topo.json', async (route) => {
      const territory = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...territory, commuting: 'commuting.json' } });
    });
    const flows = {
      source: { lv: 'sintētiski dati', en: 'synthetic data' },
      year: '2023',
      retrieved: '2026-12-07',
      municipality: { totals: { LV0034000: 10000, LV0039000: 10000 }, flows: [['LV0034000', 'LV0001000', 4000], ['LV0039000', 'LV0001000', 1200]], cityWork: { riga: 'LV0001000' } },
    };
    await synthetic.page.route('**/data/commuting.json', (route) => route.fulfill({ json: flows }));
    const p = synthetic.page;
    await p.goto(`${app.url}?l=en&h=commuting&hs=1&hl=m`);
    await waitForMapIdle(p);
    await waitUntil(p, `!!window.stateCities.store.getState().dataset?.commuting`);
    // A municipality's hinterland fill opacity as the map holds it (feature-state): 0 when it belongs to no city.
    const cityOf = (code: string) => p.evaluate((c) => (window as unknown as { stateCities: { map: { getFeatureState: (f: object) => { hinterlandOpacity?: number } } } }).stateCities.map.getFeatureState({ source: 'municipalities', id: c }).hinterlandOpacity ?? 0, code);
    await expect.poll(() => cityOf('LV0034000')).toBeGreaterThan(0); // Ķekavas novads: 40 % ≥ 15 %
    expect(await cityOf('LV0039000')).toBe(0); // Mārupes novads: 12 % < 15 %
    await p.locator('.hinterland-section summary').click();
    const input = p.locator('#hinterland-threshold');
    await input.fill('95');
    await input.press('Enter');
    expect(await p.locator('.threshold-form .control-error').innerText()).toBe('The threshold must be within 1–90 % · Slieksnim jābūt no 1–90 %');
    expect(await state(p, 's.hinterland.threshold')).toBe(15);
    await input.fill('10');
    await input.press('Enter');
    await expect.poll(() => cityOf('LV0039000')).toBeGreaterThan(0);
    await expect.poll(() => p.evaluate(() => location.search)).toMatch(/ht=10/);
    await p.locator('.links-section summary').click();
    await p.getByLabel('Commuters’ flows into the cities (CSP)').check();
    await expect.poll(async () => (await rendered(p, 'links-commuting-line', 'home')).sort()).toEqual(['LV0034000', 'LV0039000']);
    expect(synthetic.errors).toEqual([]);
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('open from a link with hl=t, and drop it with a notice when the data have no units', async () => {
    const withUnits = await openMap('?l=en&hs=1&hl=t');
    expect(await state(withUnits.page, `s.hinterland.level`)).toBe('territorial');
    await unitsLoaded(withUnits.page);
    await withUnits.page.context().close();
    const without = await openMap('?l=en&hs=1&hl=t', true);
    expect(await state(without.page, `s.dataset.territorialUnitsAvailable`)).toBe(false);
    expect(await state(without.page, `s.notices.map((n) => n.en).join(' ')`)).toMatch(/hl/);
    expect(without.requested).not.toContain(UNITS_FILE);
    await without.page.context().close();
  });
});
