import { describe, expect, it } from 'vitest';
import { cityProfile } from '../../src/domain/cityProfile.ts';
import type { IndicatorData, IndicatorMeta } from '../../src/domain/indicators.ts';
import type { CityProps } from '../../src/domain/units.ts';

const meta = (id: string): IndicatorMeta => ({
  id, nameLv: id, nameEn: id, dimension: 'economic', unitLv: '', unitEn: '', kind: 'rate', additive: false, polarity: 'higher_better', sourceLabel: 'CSP', sourceUrl: '', noteEn: '',
});
const city = (id: string, unitCode: string, insideNovads = false): CityProps => ({ id, nameLv: id, nameEn: id, unitCode, insideNovads, outlineCode: unitCode, areaKm2: 20, order: 1 });
const cities = [city('riga', 'LV0001000'), city('jelgava', 'LV0003000'), city('ogre', 'LV0048000', true)];
const data: IndicatorData = {
  indicators: [meta('gdp'), meta('pop')],
  sources: ['S'],
  observations: [
    { geo: 'LV0001000', indicator: 'gdp', year: '2021', value: 20, source: 0 },
    { geo: 'LV0001000', indicator: 'gdp', year: '2022', value: 24, source: 0 },
    { geo: 'LV0003000', indicator: 'gdp', year: '2022', value: 15, source: 0 },
    { geo: 'city:ogre', indicator: 'gdp', year: '2022', value: 30, source: 0 },
    { geo: 'LV0048000', indicator: 'gdp', year: '2022', value: 99, source: 0 },
    { geo: 'LV', indicator: 'gdp', year: '2022', value: 18, source: 0 },
    { geo: 'LV0003000', indicator: 'pop', year: '2026', value: 54408, source: 0 },
  ],
};

describe('a city profile', () => {
  it('ranks a city among the cities with a value in the same year, highest first', () => {
    const [gdp] = cityProfile(data, cities, 'riga');
    expect(gdp!.observation.value).toBe(24);
    expect(gdp!.rank).toEqual({ position: 2, of: 3 });
    expect(gdp!.national?.value).toBe(18);
    expect(gdp!.series).toEqual([
      { year: '2021', value: 20 },
      { year: '2022', value: 24 },
    ]);
  });

  it('reads a city inside a novads from its own figures, never the novads’', () => {
    const [gdp] = cityProfile(data, cities, 'ogre');
    expect(gdp!.observation.value).toBe(30);
    expect(gdp!.rank).toEqual({ position: 1, of: 3 });
  });

  it('leaves out indicators the city has no value for and does not rank a lone value', () => {
    const rows = cityProfile(data, cities, 'jelgava');
    expect(rows.map((r) => r.indicator.id)).toEqual(['gdp', 'pop']);
    expect(rows[1]!.rank).toBeUndefined();
    expect(cityProfile(data, cities, 'ogre').map((r) => r.indicator.id)).toEqual(['gdp']);
  });
});
