import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TerritorialUnitProps } from '../../src/domain/hinterland/territorial.ts';
import type { MunicipalityProps } from '../../src/domain/units.ts';
import { openPage, useBuiltApp, waitForMapIdle } from './harness.ts';

const read = <T,>(file: string): T => JSON.parse(readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8')) as T;
const municipalities = read<FeatureCollection<Polygon | MultiPolygon, MunicipalityProps>>('municipalities.geojson');
const labels = read<FeatureCollection<Point, { code: string }>>('municipality-labels.geojson');
const VALMIERA: [number, number] = [25.4263, 57.5384];

/**
 * A stand-in for the file `--official` writes, made from the committed municipalities: one unit
 * per municipality, and Valmiera as a unit of its own (a 4 km square on the city point, listed
 * first) inside Valmieras novads. Real territorial units would tile the novads; this is enough to
 * switch the level and see the units drawn.
 */
function syntheticUnits(): FeatureCollection<Polygon | MultiPolygon, TerritorialUnitProps> {
  const labelOf = new Map(labels.features.map((f) => [f.properties.code, f.geometry.coordinates as [number, number]]));
  const [x, y] = VALMIERA;
  const d = 0.02;
  const city: Feature<Polygon, TerritorialUnitProps> = {
    type: 'Feature',
    properties: { code: '0054001', municipalityAtvk: '0054000', name: 'Valmiera', areaKm2: 19.1, label: VALMIERA },
    geometry: { type: 'Polygon', coordinates: [[[x - d * 1.8, y - d], [x + d * 1.8, y - d], [x + d * 1.8, y + d], [x - d * 1.8, y + d], [x - d * 1.8, y - d]]] },
  };
  const rest = municipalities.features.map((f): Feature<Polygon | MultiPolygon, TerritorialUnitProps> => ({
    type: 'Feature',
    properties: { code: `${f.properties.atvk.slice(0, 4)}999`, municipalityAtvk: f.properties.atvk, name: f.properties.nameLv, areaKm2: f.properties.areaKm2, label: labelOf.get(f.properties.code)! },
    geometry: f.geometry,
  }));
  return { type: 'FeatureCollection', features: [city, ...rest] };
}

const app = useBuiltApp();

/** The app with the synthetic units served (and a provenance naming the CSP shapefile), or as built. */
async function openMap(query: string, withUnits: boolean): Promise<{ page: Page; errors: string[]; requested: string[] }> {
  const { page, errors } = await openPage(app.browser, { serviceWorkers: 'block' });
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()!));
  if (withUnits) {
    await page.route('**/data/provenance.json', (route) => route.fulfill({ json: { boundaries: { source: 'CSP territorial units shapefile', file: 'synthetic.zip' } } }));
    await page.route('**/data/territorial-units.geojson', (route) => route.fulfill({ json: syntheticUnits() }));
  }
  await page.goto(`${app.url}${query}`);
  await waitForMapIdle(page);
  return { page, errors, requested };
}

const state = (page: Page, expr: string) => page.evaluate(`(() => { const s = window.stateCities.store.getState(); return ${expr}; })()`);

describe('hinterlands by territorial unit', () => {
  it('are not offered, and their file not asked for, with the default boundaries', async () => {
    const { page, errors, requested } = await openMap('?l=en', false);
    await page.locator('.hinterland-section summary').click();
    await page.getByLabel('Show on the map').check();
    expect(await page.locator('.hinterland-level').count()).toBe(0);
    expect(requested).toContain('provenance.json');
    expect(requested).not.toContain('territorial-units.geojson');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switch the administrative and gravity hinterlands to the units, in the address and on the map', async () => {
    const { page, errors } = await openMap('?l=en', true);
    await page.locator('.hinterland-section summary').click();
    await page.getByLabel('Show on the map').check();
    await page.getByRole('radio', { name: 'parishes and towns (territorial units)' }).check();
    await waitForMapIdle(page);
    await expect.poll(() => page.url()).toMatch(/hs=1&hl=t/);
    expect(await state(page, `s.hinterland.level`)).toBe('territorial');
    await expect.poll(() => page.evaluate(`window.stateCities.map.queryRenderedFeatures({ layers: ['hinterland-unit-fill'] }).length`)).toBeGreaterThan(0);
    // The fills are feature-states: the municipalities' are cleared, the units' carry the partition.
    const opacity = (source: string, id: string) => page.evaluate(`window.stateCities.map.getFeatureState({ source: '${source}', id: '${id}' }).hinterlandOpacity ?? 0`);
    const municipalities = (await state(page, `s.dataset.municipalities.features.map((f) => f.properties.code)`)) as string[];
    expect(await Promise.all(municipalities.map((code) => opacity('municipalities', code)))).toEqual(municipalities.map(() => 0));
    // Valmiera's own unit is the city (strong), the rest of its novads its hinterland.
    expect(await opacity('hinterland-units', '0054001')).toBe(0.9);
    expect(await opacity('hinterland-units', '0054999')).toBe(0.55);

    await page.getByRole('button', { name: 'Figures' }).click();
    const table = page.locator('.hinterland-table');
    await table.waitFor();
    expect(await page.locator('.hinterland-dialog .panel-kind').innerText()).toMatch(/territorial units/);
    expect(await table.locator('tr[data-row="valmiera"]').innerText()).toMatch(/km²\tno data/);
    expect(await table.locator('tr[data-row="unassigned"] th').innerText()).toBe('Unassigned territorial units');
    await page.keyboard.press('Escape');

    await page.getByRole('radio', { name: 'Gravity model (Huff)' }).check();
    await waitForMapIdle(page);
    await expect.poll(() => page.url()).toMatch(/h=gravity&hs=1&hl=t/);
    expect(await state(page, `s.hinterland.level`)).toBe('territorial');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('open from a link with hl=t, and drop it with a notice when the data have no units', async () => {
    const withUnits = await openMap('?l=en&hs=1&hl=t', true);
    expect(await state(withUnits.page, `s.hinterland.level`)).toBe('territorial');
    await withUnits.page.context().close();
    const without = await openMap('?l=en&hs=1&hl=t', false);
    expect(await state(without.page, `s.hinterland.level`)).toBe('municipality');
    expect(await state(without.page, `s.notices.map((n) => n.en).join(' ')`)).toMatch(/hl/);
    await without.page.context().close();
  });
});
