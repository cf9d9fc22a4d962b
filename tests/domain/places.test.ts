import { describe, expect, it } from 'vitest';
import type { IndicatorData, IndicatorMeta } from '../../src/domain/indicators.ts';
import { describePlace, factsOf } from '../../src/domain/places.ts';
import type { CityProps, MunicipalityProps } from '../../src/domain/units.ts';

const meta = (id: string): IndicatorMeta => ({
  id, nameLv: id, nameEn: id, dimension: 'social', unitLv: '', unitEn: '', kind: 'count', additive: true, polarity: 'neutral', sourceLabel: 'CSP', sourceUrl: '', noteEn: '',
});
const data: IndicatorData = {
  indicators: [meta('population_1jan'), meta('city_population'), meta('public_libraries')],
  sources: ['CSP IRD041', 'Wikipedia'],
  observations: [
    { geo: 'LV0054000', indicator: 'population_1jan', year: '2026', value: 50000, source: 0 },
    { geo: 'LV0054000', indicator: 'population_1jan', year: '2025', value: 51000, source: 0 },
    { geo: 'city:valmiera', indicator: 'city_population', year: '2025', value: 22811, source: 1 },
    { geo: 'LV0003000', indicator: 'population_1jan', year: '2026', value: 54408, source: 0 },
  ],
};
const unit = (code: string, nameLv: string, kind: MunicipalityProps['kind'], containsCity = ''): MunicipalityProps => ({
  code, atvk: '', iso: '', nameLv, nameEn: nameLv, kind, region: 'Vidzeme', areaKm2: 100, containsCity,
});
const municipalities = [unit('LV0054000', 'Valmieras novads', 'novads', 'valmiera'), unit('LV0003000', 'Jelgava', 'state_city')];
const city = (id: string, unitCode: string, insideNovads: boolean): CityProps => ({ id, nameLv: id, nameEn: id, unitCode, insideNovads, outlineCode: insideNovads ? `${unitCode.slice(0, 7)}10` : unitCode, areaKm2: 20, order: 1 });
const cities = [city('valmiera', 'LV0054000', true), city('jelgava', 'LV0003000', false)];

describe('facts of a place', () => {
  it('takes each indicator’s latest year, in catalogue order, with its source', () => {
    const facts = factsOf(data, 'LV0054000');
    expect(facts.map((f) => [f.indicator.id, f.observation.year, f.source])).toEqual([['population_1jan', '2026', 'CSP IRD041']]);
  });
});

describe('describing a place', () => {
  it('gives a novads its area, residents and the state city inside it', () => {
    const p = describePlace({ kind: 'unit', code: 'LV0054000' }, municipalities, cities, data)!;
    expect(p.kind).toBe('novads');
    expect(p.areaKm2).toBe(100);
    expect(p.population?.observation.value).toBe(50000);
    expect(p.containsCity?.id).toBe('valmiera');
  });

  it('gives a city inside a novads its own outline’s area, never the novads’ area or residents', () => {
    const p = describePlace({ kind: 'city', id: 'valmiera' }, municipalities, cities, data)!;
    expect(p.kind).toBe('city_in_novads');
    expect(p.areaKm2).toBe(20);
    expect(p.population?.indicator.id).toBe('city_population');
    expect(p.population?.observation.value).toBe(22811);
    expect(p.unit.code).toBe('LV0054000');
  });

  it('describes a state city with its own unit by that unit’s figures', () => {
    const p = describePlace({ kind: 'city', id: 'jelgava' }, municipalities, cities, data)!;
    expect(p.kind).toBe('state_city');
    expect(p.areaKm2).toBe(100);
    expect(p.population?.observation.value).toBe(54408);
  });

  it('returns null for an unknown id', () => {
    expect(describePlace({ kind: 'city', id: 'tallinn' }, municipalities, cities, data)).toBeNull();
    expect(describePlace({ kind: 'unit', code: 'LV9999999' }, municipalities, cities, data)).toBeNull();
  });
});
