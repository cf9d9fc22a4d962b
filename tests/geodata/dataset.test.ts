import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { featureCollection, union } from '@turf/turf';
import { ellipsoidalAreaKm2 } from '../../geodata/area.ts';
import { buildDataset } from '../../geodata/dataset.ts';
import { stableJson } from '../../geodata/write.ts';
import { QUADRANTS, worldInputs } from './fixtures/world.ts';

const dataset = buildDataset(worldInputs());
const obs = (geo: string, indicator: string, year: string) =>
  dataset.indicators.observations.filter((o) => o.geo === geo && o.indicator === indicator && o.year === year);
const area = (q: keyof typeof QUADRANTS) => ellipsoidalAreaKm2(QUADRANTS[q].polygon);

describe('buildDataset on a synthetic four-unit world', () => {
  it('keeps only the units current on asOf, with their properties', () => {
    expect(dataset.stats.units).toBe(3);
    expect(dataset.municipalities.features.map((f) => f.properties.code)).toEqual(['LV0001000', 'LV0038000', 'LV0040000']);
    expect(dataset.municipalities.features[1]!.properties).toMatchObject({
      atvk: '0038000',
      iso: 'LV-059',
      nameLv: 'Madonas novads',
      nameEn: 'Madona municipality',
      kind: 'novads',
      region: 'Vidzeme',
      containsCity: '',
    });
    expect(dataset.municipalities.features[2]!.properties.containsCity).toBe('ogre');
  });

  it('computes each area from the unsimplified boundaries, summing merged parts', () => {
    const areaOf = (code: string) => dataset.municipalities.features.find((f) => f.properties.code === code)!.properties.areaKm2;
    expect(areaOf('LV0001000')).toBeCloseTo(area('A'), 1);
    expect(areaOf('LV0038000')).toBeCloseTo(area('B') + area('C'), 1);
    expect(dataset.stats.areaKm2).toBeCloseTo(area('A') + area('B') + area('C') + area('D'), 1);
    // The four quadrants make up most of a 1°×1° cell at 56.5–57.5° N (~6 750 km²).
    expect(dataset.stats.areaKm2).toBeGreaterThan(6700);
    expect(dataset.stats.areaKm2).toBeLessThan(6800);
  });

  it('draws municipalities that tile without gaps or overlaps after simplification', () => {
    expect(dataset.stats.verticesAfter).toBeLessThan(dataset.stats.verticesBefore);
    const geoms = dataset.municipalities.features.map((f) => f.geometry);
    const whole = union(featureCollection(dataset.municipalities.features))!.geometry;
    expect(whole.type === 'Polygon' && whole.coordinates.length).toBe(1);
    const sum = geoms.reduce((s, g) => s + ellipsoidalAreaKm2(g), 0);
    expect(Math.abs(ellipsoidalAreaKm2(whole) / sum - 1)).toBeLessThan(1e-9);

    const key = (p: Position) => p.join(',');
    const vertexSets = geoms.map((g) => new Set((g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).flat().map(key)));
    const municipal = dataset.borders.features.find((f) => f.properties?.kind === 'municipal')!.geometry;
    const inner = municipal.type === 'MultiLineString' ? municipal.coordinates.flat() : [];
    expect(inner.length).toBeGreaterThan(0);
    for (const v of inner) expect(vertexSets.filter((s) => s.has(key(v))).length).toBeGreaterThanOrEqual(2);
  });

  it('outlines Latvia as the union of the municipalities', () => {
    const latvia = dataset.latvia.features[0]!;
    expect(latvia.properties).toEqual({ nameLv: 'Latvija', nameEn: 'Latvia', areaKm2: dataset.stats.areaKm2 });
    expect(latvia.geometry.type).toBe('Polygon');
    expect(dataset.neighbours).toBeUndefined();
  });

  it('places cities in file order, flagging those inside a novads', () => {
    expect(dataset.cities.features.map((f) => [f.properties.id, f.properties.unitCode, f.properties.insideNovads, f.properties.order])).toEqual([
      ['riga', 'LV0001000', false, 1],
      ['ogre', 'LV0040000', true, 2],
    ]);
    expect(dataset.cities.features[0]!.geometry.coordinates).toEqual([24.25, 57.25]);
  });

  it('ties each city to its own outline: the state city’s municipality, or the town inside the novads', () => {
    expect(dataset.cities.features.map((f) => [f.properties.id, f.properties.outlineCode])).toEqual([
      ['riga', 'LV0001000'],
      ['ogre', 'LV0040010'],
    ]);
    const ogre = dataset.cityOutlines.features.find((f) => f.properties.id === 'ogre')!;
    expect(ogre.properties).toEqual({ id: 'ogre', nameLv: 'Ogre', nameEn: 'Ogre', code: 'LV0040010', areaKm2: dataset.cities.features[1]!.properties.areaKm2 });
    // 0.1° × 0.1° at 56.75° N: about 68 km².
    expect(ogre.properties.areaKm2).toBeGreaterThan(60);
    expect(ogre.properties.areaKm2).toBeLessThan(75);
  });

  it('writes every territorial unit with its current municipality, kind and computed area', () => {
    expect(dataset.stats.territorialUnits).toBe(5);
    expect(dataset.territorialUnits.features.map((f) => [f.properties.code, f.properties.municipalityAtvk, f.properties.kind])).toEqual([
      ['LV0001000', '0001000', 'state_city'],
      ['LV0038400', '0038000', 'parish'],
      ['LV0055400', '0038000', 'parish'],
      ['LV0040400', '0040000', 'parish'],
      ['LV0040010', '0040000', 'town'],
    ]);
    const sum = dataset.territorialUnits.features.reduce((s, f) => s + f.properties.areaKm2, 0);
    expect(sum).toBeCloseTo(dataset.stats.areaKm2, 0);
  });

  it('sums an additive indicator of the merged unit and marks it computed', () => {
    const [madona, ...more] = obs('LV0038000', 'population_1jan', '2025');
    expect(more).toEqual([]);
    expect(madona!.value).toBe(23000);
    expect(madona!.computed?.en).toBe('Computed: Madona municipality (20,000) + Varakļāni municipality (3,000); merged in 2025');
    expect(madona!.computed?.lv).toMatch(/^Aprēķināts: Madonas novads \(20 000\) \+ Varakļānu novads \(3 000\)/);
    expect(obs('LV0001000', 'population_1jan', '2025')[0]!.computed).toBeUndefined();
  });

  it('drops a non-additive indicator of the merged unit, but keeps one published for it after the merge', () => {
    expect(obs('LV0038000', 'median_age', '2025')).toEqual([]);
    expect(obs('LV0038000', 'median_age', '2026')).toEqual([
      { geo: 'LV0038000', indicator: 'median_age', year: '2026', value: 47.5, source: expect.any(Number), note: 'published for the enlarged unit' },
    ]);
    expect(obs('LV0001000', 'median_age', '2025')[0]!.value).toBe(44.1);
  });

  it('leaves no observation on the dissolved unit', () => {
    expect(dataset.indicators.observations.filter((o) => o.geo === 'LV0055000')).toEqual([]);
  });

  it('keeps national and city rows, and skips uncatalogued indicators and regions', () => {
    expect(obs('LV', 'population_1jan', '2025')[0]!.value).toBe(1860000);
    expect(obs('city:ogre', 'city_population', '2025')[0]!.value).toBe(22000);
    expect(dataset.stats.skippedIndicatorRows).toBe(2);
    expect(dataset.indicators.indicators.map((i) => i.id)).toEqual(['population_1jan', 'median_age', 'city_population']);
  });

  it('lists each source once and points observations at it', () => {
    expect(dataset.indicators.sources).toEqual(['CSP IRD041', 'CSP IRE031', 'Wikipedia']);
    expect(dataset.indicators.sources[obs('LV0001000', 'median_age', '2025')[0]!.source]).toBe('CSP IRE031');
  });

  it('is deterministic: two runs, and indicator files in another order, give identical JSON', () => {
    const again = buildDataset(worldInputs());
    const inputs = worldInputs();
    const reordered = buildDataset({ ...inputs, indicators: [...inputs.indicators].reverse() });
    for (const d of [again, reordered]) {
      expect(stableJson(d.municipalities)).toBe(stableJson(dataset.municipalities));
      expect(stableJson(d.borders)).toBe(stableJson(dataset.borders));
      expect(stableJson(d.latvia)).toBe(stableJson(dataset.latvia));
      expect(stableJson(d.cities)).toBe(stableJson(dataset.cities));
      expect(stableJson(d.indicators)).toBe(stableJson(dataset.indicators));
    }
  });
});
