import { describe, expect, it } from 'vitest';
import type { IndicatorData, IndicatorMeta } from '../../src/domain/indicators.ts';
import { computeKeyFacts } from '../../src/domain/keyFacts.ts';
import type { CityProps, MunicipalityProps } from '../../src/domain/units.ts';

const unit = (code: string, areaKm2: number): MunicipalityProps => ({ code, atvk: '', iso: '', nameLv: code, nameEn: code, kind: 'novads', region: '', areaKm2, containsCity: '' });
const city = (id: string, unitCode: string, insideNovads: boolean, areaKm2: number): CityProps => ({ id, nameLv: id, nameEn: id, unitCode, insideNovads, outlineCode: insideNovads ? `${id}-town` : unitCode, areaKm2, order: 1 });
const meta = { id: 'population_1jan' } as IndicatorMeta;
const units = [unit('C1', 10), unit('N1', 80), unit('N2', 10)];
const cities = [city('c1', 'C1', false, 10), city('c2', 'N1', true, 2)];

describe('key facts', () => {
  it('computes the cities’ share of area from all their own outlines, the town inside a novads included', () => {
    const f = computeKeyFacts(units, cities, { indicators: [meta], sources: [], observations: [] });
    expect(f.area?.percent).toBeCloseTo(12);
    expect(f.area?.partPlaces).toEqual(['C1', 'c2-town']);
    expect(f.citiesWithoutUnit).toEqual(['c2']);
    expect(f.residents).toBeNull();
  });

  it('takes the share of residents in the latest year complete for every unit, numerator and denominator alike, and says which year was left aside', () => {
    const data: IndicatorData = {
      indicators: [meta],
      sources: ['CSP'],
      observations: [
        { geo: 'C1', indicator: 'population_1jan', year: '2025', value: 610, source: 0 },
        { geo: 'N1', indicator: 'population_1jan', year: '2025', value: 290, source: 0 },
        { geo: 'N2', indicator: 'population_1jan', year: '2025', value: 100, source: 0 },
        { geo: 'C1', indicator: 'population_1jan', year: '2026', value: 600, source: 0 },
        { geo: 'N1', indicator: 'population_1jan', year: '2026', value: 300, source: 0 },
      ],
    };
    const f = computeKeyFacts(units, cities, data);
    // 2025 for all three units: 610 / 1000, never 600 (2026) over a whole that mixes years.
    expect(f.residents?.percent).toBeCloseTo(61);
    expect(f.residents?.years).toEqual(['2025']);
    expect(f.residents?.skipped).toEqual({ year: '2026', lacking: ['N2'] });
  });

  it('gives no share of residents when the latest year lacks a unit and no earlier year is complete, and says why, rather than mix years', () => {
    const data: IndicatorData = {
      indicators: [meta],
      sources: ['CSP'],
      observations: [
        { geo: 'C1', indicator: 'population_1jan', year: '2026', value: 600, source: 0 },
        { geo: 'N1', indicator: 'population_1jan', year: '2026', value: 300, source: 0 },
        { geo: 'N2', indicator: 'population_1jan', year: '2025', value: 100, source: 0 },
      ],
    };
    const f = computeKeyFacts(units, cities, data);
    expect(f.residents).toBeNull();
    expect(f.residentsGap).toEqual({ year: null, skipped: { year: '2026', lacking: ['N2'] } });
  });

  it('gives no share of residents when a unit has no figure at all, rather than a partial total', () => {
    const data: IndicatorData = {
      indicators: [meta],
      sources: ['CSP'],
      observations: [{ geo: 'C1', indicator: 'population_1jan', year: '2026', value: 600, source: 0 }],
    };
    expect(computeKeyFacts(units, cities, data).residents).toBeNull();
  });
});
