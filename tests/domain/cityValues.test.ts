import { describe, expect, it } from 'vitest';
import { cityValues, nationalIsReference } from '../../src/domain/cityValues.ts';
import type { IndicatorData, IndicatorMeta } from '../../src/domain/indicators.ts';
import type { CityProps } from '../../src/domain/units.ts';

const meta = (id: string, level: 'city' | 'municipality' = 'municipality'): IndicatorMeta => ({
  id, nameLv: id, nameEn: id, dimension: 'social', unitLv: '', unitEn: '', kind: 'count', additive: true, polarity: 'neutral', sourceLabel: 'CSP', sourceUrl: '', noteEn: '', level,
});
const city = (id: string, unitCode: string, order: number, insideNovads = false): CityProps => ({ id, nameLv: id, nameEn: id, unitCode, insideNovads, outlineCode: unitCode, areaKm2: 20, order });
// Given out of the association's order, to see that the result follows it.
const cities = [city('ogre', 'LV0040000', 10, true), city('riga', 'LV0001000', 1), city('jelgava', 'LV0003000', 3)];
const data: IndicatorData = {
  indicators: [meta('pop'), meta('city_pop', 'city')],
  sources: ['S'],
  observations: [
    { geo: 'LV0001000', indicator: 'pop', year: '2025', value: 610000, source: 0 },
    { geo: 'LV0001000', indicator: 'pop', year: '2026', value: 605000, source: 0 },
    { geo: 'LV0003000', indicator: 'pop', year: '2025', value: 55000, source: 0 },
    // Ogres novads, not the city of Ogre: never the city's value.
    { geo: 'LV0040000', indicator: 'pop', year: '2026', value: 56000, source: 0 },
    { geo: 'LV', indicator: 'pop', year: '2025', value: 1860000, source: 0 },
    { geo: 'LV', indicator: 'pop', year: '2026', value: 1850000, source: 0 },
    { geo: 'city:ogre', indicator: 'city_pop', year: '2025', value: 22753, source: 0 },
    { geo: 'LV0001000', indicator: 'city_pop', year: '2025', value: 605273, source: 0 },
  ],
};

describe('the values of the state cities for a chart', () => {
  it('reads each city’s own figure in the chosen year, in the association’s order', () => {
    const v = cityValues(data, cities, 'pop', '2026')!;
    expect(v.cities.map((c) => c.city.id)).toEqual(['riga', 'jelgava', 'ogre']);
    expect(v.cities.map((c) => c.observation?.value)).toEqual([605000, undefined, undefined]);
    expect(v.years).toEqual(['2026']);
    expect(v.national?.value).toBe(1850000);
  });

  it('takes a city inside a novads from its `city:` figure, when the data have one', () => {
    const v = cityValues(data, cities, 'city_pop', '2025')!;
    expect(v.cities.map((c) => c.observation?.value)).toEqual([605273, undefined, 22753]);
    expect(v.national).toBeUndefined();
  });

  it('takes each city’s latest year for “latest”, and Latvia’s value of the latest of those years', () => {
    const v = cityValues(data, cities, 'pop', 'latest')!;
    expect(v.cities.map((c) => c.observation?.year)).toEqual(['2026', '2025', undefined]);
    expect(v.years).toEqual(['2025', '2026']);
    expect(v.national?.year).toBe('2026');
  });

  it('has no Latvia value when no city has a value, and nothing for an unknown indicator', () => {
    const v = cityValues(data, cities, 'pop', '2024')!;
    expect(v.cities.every((c) => !c.observation)).toBe(true);
    expect(v.national).toBeUndefined();
    expect(cityValues(data, cities, 'nope', '2025')).toBeNull();
  });
});

describe('Latvia’s value as a reference line', () => {
  it('is one for a rate, a share or a change, not for a count, whose national figure is a total', () => {
    expect(nationalIsReference({ ...meta('rate'), kind: 'rate', additive: false })).toBe(true);
    expect(nationalIsReference({ ...meta('share'), kind: 'share', additive: false })).toBe(true);
    expect(nationalIsReference({ ...meta('change'), kind: 'change', additive: false })).toBe(true);
    expect(nationalIsReference(meta('libraries'))).toBe(false);
    expect(nationalIsReference({ ...meta('km'), kind: 'rate', additive: true })).toBe(false);
  });
});

