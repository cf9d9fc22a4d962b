import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CATEGORY_COLOURS, categoryColours, categoryLabel, NEUTRAL_CATEGORY_COLOUR, outOfScope } from '../../src/domain/categories.ts';
import { buildChoropleth, categoryAt, type ChoroplethSpec } from '../../src/domain/choropleth.ts';
import { cityProfile } from '../../src/domain/cityProfile.ts';
import { cityValues } from '../../src/domain/cityValues.ts';
import { perceivedDifference, VISIONS } from '../../src/domain/colourVision.ts';
import { placesWithoutLatest, type IndicatorData, type IndicatorMeta } from '../../src/domain/indicators.ts';
import { legendRows } from '../../src/domain/legendRows.ts';
import { paletteColours } from '../../src/domain/palette.ts';
import { choroplethRows, rowsToCsv, sortRows } from '../../src/domain/table.ts';
import type { CityProps } from '../../src/domain/units.ts';

const base: Omit<IndicatorMeta, 'id' | 'kind' | 'additive'> = {
  nameLv: 'x', nameEn: 'x', dimension: 'economic', unitLv: 'EUR', unitEn: 'EUR', polarity: 'neutral', sourceLabel: 'MK noteikumi Nr. 191', sourceUrl: 'https://likumi.lv/ta/id/341104', noteEn: '',
};
const contributor: IndicatorMeta = {
  ...base,
  id: 'contributor',
  nameLv: 'Iemaksātāja',
  nameEn: 'Contributor',
  unitLv: 'kategorija',
  unitEn: 'category',
  kind: 'category',
  additive: false,
  categories: [
    { code: 1, nameLv: 'iemaksā fondā', nameEn: 'contributes', neutral: false },
    { code: 0, nameLv: 'neiemaksā', nameEn: 'does not contribute', neutral: true },
  ],
};
const contribution: IndicatorMeta = { ...base, id: 'contribution', nameEn: 'Contribution', kind: 'count', additive: true, scope: { indicator: 'contributor', category: 1 } };
const share: IndicatorMeta = { ...base, id: 'share', unitEn: '%', kind: 'share', additive: false, scope: { indicator: 'contributor', category: 1 } };

// A, B contribute (B's share is missing: no data); C, D do not; E has no flag at all.
const data: IndicatorData = {
  indicators: [contributor, contribution, share],
  sources: ['LETA via ogrenet.lv'],
  observations: [
    { geo: 'A', indicator: 'contributor', year: '2023', value: 1, source: 0 },
    { geo: 'B', indicator: 'contributor', year: '2023', value: 1, source: 0 },
    { geo: 'C', indicator: 'contributor', year: '2023', value: 0, source: 0 },
    { geo: 'D', indicator: 'contributor', year: '2023', value: 0, source: 0 },
    { geo: 'A', indicator: 'contribution', year: '2023', value: 125485977, source: 0 },
    { geo: 'B', indicator: 'contribution', year: '2023', value: 848500, source: 0 },
    { geo: 'A', indicator: 'share', year: '2023', value: 16.7, source: 0 },
  ],
};
const geos = ['A', 'B', 'C', 'D', 'E'];
const spec = (indicator: string, s: Partial<ChoroplethSpec> = {}): ChoroplethSpec => ({ indicator, year: '2023', method: 'quantile', classes: 5, palette: 'blues', ...s });

describe('the category palette', () => {
  const colours = [...CATEGORY_COLOURS, NEUTRAL_CATEGORY_COLOUR];
  it('keeps every two categories, the neutral grey and the no-data grey apart for every vision', () => {
    const noData = '#d9d9d9';
    for (const vision of VISIONS) {
      for (let i = 0; i < colours.length; i++) {
        for (let j = i + 1; j < colours.length; j++) expect(perceivedDifference(colours[i]!, colours[j]!, vision), `${colours[i]} ${colours[j]} ${vision}`).toBeGreaterThan(20);
        expect(perceivedDifference(colours[i]!, noData, vision), `${colours[i]} vs no data, ${vision}`).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('is qualitative, not a ramp of the classification palettes', () => {
    const ramps = new Set((['blues', 'greens', 'oranges', 'purples'] as const).flatMap((p) => paletteColours(p, 7)));
    for (const c of CATEGORY_COLOURS) expect(ramps.has(c)).toBe(false);
    expect(categoryColours(contributor)).toEqual(new Map([[1, CATEGORY_COLOURS[0]], [0, NEUTRAL_CATEGORY_COLOUR]]));
  });
});

describe('a categorical map', () => {
  const map = buildChoropleth(data, geos, spec('contributor'))!;

  it('has one class per category in catalogue order, with its colour and places; a place without a flag is no data', () => {
    expect(map.classes.map((c) => [c.category?.nameEn, c.colour, c.geos])).toEqual([
      ['contributes', CATEGORY_COLOURS[0], ['A', 'B']],
      ['does not contribute', NEUTRAL_CATEGORY_COLOUR, ['C', 'D']],
    ]);
    expect(map.noData).toEqual(['E']);
    expect(map.breaks).toEqual([]);
    expect(categoryAt(map, 'C')?.nameLv).toBe('neiemaksā');
  });

  it('ignores method, class count and palette', () => {
    const other = buildChoropleth(data, geos, spec('contributor', { method: 'equal', classes: 3, palette: 'puor' }))!;
    expect(other.classes).toEqual(map.classes);
    expect(other.colourByGeo).toEqual(map.colourByGeo);
  });

  it('keeps an empty category in the legend with a count of 0', () => {
    const none = buildChoropleth(data, ['C', 'D'], spec('contributor'))!;
    expect(none.classes.map((c) => c.geos.length)).toEqual([0, 2]);
  });

  it('writes a legend row per category with its name and count, then no data', () => {
    expect(legendRows(map, 'lv').map((r) => [r.kind, r.label, r.count, r.colour])).toEqual([
      ['class', 'iemaksā fondā', 2, CATEGORY_COLOURS[0]],
      ['class', 'neiemaksā', 2, NEUTRAL_CATEGORY_COLOUR],
      ['noData', 'nav datu', 1, 'hatch'],
    ]);
  });
});

describe('a figure that exists only in one category (a contribution, for contributors)', () => {
  it('shows the units in the other category as that category, not as no data and not as zero', () => {
    const map = buildChoropleth(data, geos, spec('contribution'))!;
    expect(map.notApplicable).toEqual({ category: contributor.categories![1], colour: NEUTRAL_CATEGORY_COLOUR, geos: ['C', 'D'] });
    expect(map.noData).toEqual(['E']);
    expect(map.valueByGeo.has('C')).toBe(false);
    expect(map.colourByGeo.get('C')).toBe(NEUTRAL_CATEGORY_COLOUR);
    expect(map.classes.flatMap((c) => c.geos).sort()).toEqual(['A', 'B']);
    expect(outOfScope(data, contribution, 'A', '2023')).toBeNull();
    expect(outOfScope(data, contribution, 'E', '2023')).toBeNull();
  });

  it('counts a unit outside the scope as having its answer, not as lacking data, when the map prepares its hatch', () => {
    const scoped: IndicatorData = { ...data, indicators: [contributor, contribution] };
    expect(placesWithoutLatest(scoped, geos, 'municipality')).toEqual(['E']);
  });

  it('leaves a contributor without its share as no data', () => {
    const map = buildChoropleth(data, geos, spec('share'))!;
    expect(map.noData).toEqual(['B', 'E']);
    expect(map.notApplicable?.geos).toEqual(['C', 'D']);
    const rows = legendRows(map, 'en');
    expect(rows.slice(-2).map((r) => [r.kind, r.label, r.count])).toEqual([
      ['notApplicable', 'does not contribute', 2],
      ['noData', 'no data', 2],
    ]);
  });
});

describe('the table of a categorical map and of a scoped figure', () => {
  const units = geos.map((g) => ({ geo: g, nameLv: `N${g}`, nameEn: `N${g}` }));

  it('writes the category’s name where a number would be, in the chosen language', () => {
    const map = buildChoropleth(data, geos, spec('contributor'))!;
    const rows = choroplethRows(map, units, data, 'en');
    expect(rows.map((r) => r.category?.nameEn ?? null)).toEqual(['contributes', 'contributes', 'does not contribute', 'does not contribute', null]);
    const back = Papa.parse<Record<string, string>>(rowsToCsv(rows, map, 'lv').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(back.map((r) => r.value)).toEqual(['iemaksā fondā', 'iemaksā fondā', 'neiemaksā', 'neiemaksā', '']);
  });

  it('says "does not contribute" for a unit outside a contribution’s scope, and sorts it before no data', () => {
    const map = buildChoropleth(data, geos, spec('contribution'))!;
    const rows = choroplethRows(map, units, data, 'en');
    const back = Papa.parse<Record<string, string>>(rowsToCsv(rows, map, 'en').slice(1), { header: true, skipEmptyLines: true }).data;
    expect(back.map((r) => [r.code, r.value])).toEqual([['A', '125485977'], ['B', '848500'], ['C', 'does not contribute'], ['D', 'does not contribute'], ['E', '']]);
    expect(sortRows(rows, 'value', true, 'en').map((r) => r.code)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(rows.find((r) => r.code === 'C')!.colour).toBe(NEUTRAL_CATEGORY_COLOUR);
  });

  it('labels a category value in words, and nothing else', () => {
    expect(categoryLabel(contributor, 0, 'lv')).toBe('neiemaksā');
    expect(categoryLabel(contributor, 7, 'lv')).toBeNull();
    expect(categoryLabel(contribution, 1, 'lv')).toBeNull();
  });
});

describe('state cities and categories', () => {
  const city = (id: string, order: number): CityProps => ({ id, nameLv: id, nameEn: id, unitCode: id, insideNovads: false, order } as unknown as CityProps);
  const cities = [city('A', 1), city('C', 2), city('E', 3)];

  it('gives a city’s category without a rank or a chart series', () => {
    const row = cityProfile(data, cities, 'A').find((r) => r.indicator.id === 'contributor')!;
    expect(row.observation.value).toBe(1);
    expect(row.rank).toBeUndefined();
    expect(row.series).toEqual([]);
  });

  it('says why a city has no scoped figure', () => {
    const values = cityValues(data, cities, 'contribution', '2023')!;
    expect(values.cities.map((c) => [c.city.id, c.observation?.value ?? null, c.notApplicable?.nameEn ?? null])).toEqual([
      ['A', 125485977, null],
      ['C', null, 'does not contribute'],
      ['E', null, null],
    ]);
  });
});
