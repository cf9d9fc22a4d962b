import { describe, expect, it } from 'vitest';
import { buildChoropleth, type ChoroplethSpec } from '../../src/domain/choropleth.ts';
import type { IndicatorData, IndicatorMeta } from '../../src/domain/indicators.ts';
import { paletteColours } from '../../src/domain/palette.ts';

const meta = (id: string): IndicatorMeta => ({
  id,
  nameLv: id,
  nameEn: id,
  dimension: 'social',
  unitLv: '',
  unitEn: '',
  kind: 'count',
  additive: true,
  polarity: 'neutral',
  sourceLabel: '',
  sourceUrl: '',
  noteEn: '',
});

const data: IndicatorData = {
  indicators: [meta('pop'), meta('libraries')],
  sources: ['CSP A', 'CSP B'],
  observations: [
    { geo: 'A', indicator: 'pop', year: '2024', value: 100, source: 0 },
    { geo: 'A', indicator: 'pop', year: '2025', value: 110, source: 0 },
    { geo: 'B', indicator: 'pop', year: '2025', value: 200, source: 0 },
    { geo: 'C', indicator: 'pop', year: '2024', value: 300, source: 1 },
    { geo: 'E', indicator: 'pop', year: '2025', value: 0, source: 0 },
    { geo: 'LV', indicator: 'pop', year: '2025', value: 9999, source: 0 },
    { geo: 'D', indicator: 'libraries', year: '2025', value: 5, source: 1 },
  ],
};
const geos = ['A', 'B', 'C', 'D', 'E'];
const spec = (s: Partial<ChoroplethSpec> = {}): ChoroplethSpec => ({ indicator: 'pop', year: '2025', method: 'quantile', classes: 3, palette: 'blues', ...s });

describe('buildChoropleth', () => {
  it('puts places without an observation in noData, and a real zero in a class', () => {
    const c = buildChoropleth(data, geos, spec())!;
    expect(c.noData).toEqual(['C', 'D']);
    expect(c.valueByGeo.get('E')?.value).toBe(0);
    expect(c.colourByGeo.has('E')).toBe(true);
    expect(c.colourByGeo.has('C')).toBe(false);
    expect(c.classes.flatMap((k) => k.geos).sort()).toEqual(['A', 'B', 'E']);
  });

  it('only maps the places asked for', () => {
    const c = buildChoropleth(data, geos, spec())!;
    expect(c.valueByGeo.has('LV')).toBe(false);
    expect(Math.max(...c.classes.map((k) => k.max))).toBe(200);
  });

  it('gives each legend class the min, max and places of the values in it', () => {
    const c = buildChoropleth(data, geos, spec())!;
    expect(c.classes).toHaveLength(3);
    expect(c.classes.map((k) => [k.min, k.max, k.geos])).toEqual([
      [0, 0, ['E']],
      [110, 110, ['A']],
      [200, 200, ['B']],
    ]);
  });

  it('colours classes from the chosen palette and places by their class', () => {
    const c = buildChoropleth(data, geos, spec({ palette: 'oranges' }))!;
    expect(c.classes.map((k) => k.colour)).toEqual(paletteColours('oranges', 3));
    for (const k of c.classes) for (const g of k.geos) expect(c.colourByGeo.get(g)).toBe(k.colour);
  });

  it('returns null for an unknown indicator', () => {
    expect(buildChoropleth(data, geos, spec({ indicator: 'nope' }))).toBeNull();
  });

  it('filters by year, or takes each place’s latest year', () => {
    const y2024 = buildChoropleth(data, geos, spec({ year: '2024' }))!;
    expect([...y2024.valueByGeo.keys()].sort()).toEqual(['A', 'C']);
    expect(y2024.valueByGeo.get('A')?.value).toBe(100);
    expect(y2024.years).toEqual(['2024']);

    const latest = buildChoropleth(data, geos, spec({ year: 'latest' }))!;
    expect(latest.valueByGeo.get('A')?.value).toBe(110);
    expect(latest.valueByGeo.get('C')?.value).toBe(300);
    expect(latest.noData).toEqual(['D']);
    expect(latest.years).toEqual(['2024', '2025']);
    expect(latest.sources).toEqual([0, 1]);
  });

  it('has one class and no breaks when every value is the same', () => {
    const c = buildChoropleth(data, geos, spec({ indicator: 'libraries' }))!;
    expect(c.classes).toEqual([{ from: -Infinity, to: Infinity, min: 5, max: 5, colour: paletteColours('blues', 1)[0], geos: ['D'] }]);
  });

  it('keeps no empty classes when there are no values at all', () => {
    const c = buildChoropleth(data, geos, spec({ year: '1990' }))!;
    expect(c.classes).toEqual([]);
    expect(c.noData).toEqual(geos);
  });
});

describe('diverging and multi-year classification', () => {
  const change: IndicatorData = {
    indicators: [meta('chg')],
    sources: ['CSP'],
    observations: [
      { geo: 'A', indicator: 'chg', year: '2024', value: -8, source: 0 },
      { geo: 'B', indicator: 'chg', year: '2024', value: -2, source: 0 },
      { geo: 'C', indicator: 'chg', year: '2024', value: 3, source: 0 },
      { geo: 'D', indicator: 'chg', year: '2024', value: 9, source: 0 },
      { geo: 'A', indicator: 'chg', year: '2023', value: 40, source: 0 },
      { geo: 'LV', indicator: 'chg', year: '2024', value: 1, source: 0 },
    ],
  };
  const s = (x: Partial<ChoroplethSpec>): ChoroplethSpec => ({ indicator: 'chg', year: '2024', method: 'equal', classes: 3, palette: 'puor', ...x });

  it('makes zero a break so that no class straddles it, and colours each side apart', () => {
    const c = buildChoropleth(change, ['A', 'B', 'C', 'D'], s({}))!;
    expect(c.breaks).toContain(0);
    for (const k of c.classes) expect(k.max < 0 || k.min >= 0).toBe(true);
    const negative = c.colourByGeo.get('A')!;
    const positive = c.colourByGeo.get('D')!;
    expect(negative).not.toBe(positive);
    expect(c.midpointValue).toBe(0);
  });

  it('turns at the national value when asked', () => {
    const c = buildChoropleth(change, ['A', 'B', 'C', 'D'], s({ midpoint: 'national' }))!;
    expect(c.midpointValue).toBe(1);
    expect(c.national?.value).toBe(1);
    expect(c.breaks).toContain(1);
  });

  it('keeps the same breaks in every year when asked, including empty classes', () => {
    const one = buildChoropleth(change, ['A', 'B', 'C', 'D'], s({ palette: 'blues', sameBreaksAcrossYears: true }))!;
    const other = buildChoropleth(change, ['A', 'B', 'C', 'D'], s({ palette: 'blues', year: '2023', sameBreaksAcrossYears: true }))!;
    expect(one.breaks).toEqual(other.breaks);
    expect(Math.max(...one.breaks)).toBeGreaterThan(9);
    expect(one.classes.length).toBe(other.classes.length);
  });

  it('uses manual breaks as given', () => {
    const c = buildChoropleth(change, ['A', 'B', 'C', 'D'], s({ palette: 'blues', method: 'manual', breaks: [5, -5, 100] }))!;
    expect(c.breaks).toEqual([-5, 5]);
    expect(c.classes.map((k) => k.geos)).toEqual([['A'], ['B', 'C'], ['D']]);
  });
});

describe('diverging palettes', () => {
  it('put the warm end below the midpoint for every scheme', async () => {
    const { divergingColours } = await import('../../src/domain/palette.ts');
    const warmth = (hex: string) => parseInt(hex.slice(1, 3), 16) - parseInt(hex.slice(5, 7), 16);
    for (const name of ['puor', 'brbg', 'rdbu'] as const) {
      const [low, high] = [divergingColours(name, 1, 1)[0]!, divergingColours(name, 1, 1)[1]!];
      expect(warmth(low)).toBeGreaterThan(warmth(high));
    }
  });
});
