import { describe, expect, it } from 'vitest';
import { latestObservation, observationsBy, observationsOf, openingYear, placesWithoutLatest, valuesByGeo, yearsOf, type IndicatorData, type Observation } from '../../src/domain/indicators.ts';

const obs = (geo: string, indicator: string, year: string, value: number): Observation => ({ geo, indicator, year, value, source: 0 });
const data: IndicatorData = {
  indicators: [],
  sources: ['test'],
  observations: [obs('A', 'pop', '2024', 10), obs('B', 'pop', '2025', 20), obs('A', 'age', '2025', 40), obs('A', 'pop', '2025', 11), obs('LV', 'pop', '2025', 31)],
};

describe('reading observations by indicator', () => {
  it('gives exactly the rows of one indicator, in file order, and nothing for an unknown one', () => {
    expect(observationsOf(data, 'pop')).toEqual(data.observations.filter((o) => o.indicator === 'pop'));
    expect(observationsOf(data, 'age')).toEqual([obs('A', 'age', '2025', 40)]);
    expect(observationsOf(data, 'none')).toEqual([]);
  });

  it('groups by place the same way', () => {
    expect(observationsBy(data, 'geo').get('A')).toEqual([obs('A', 'pop', '2024', 10), obs('A', 'age', '2025', 40), obs('A', 'pop', '2025', 11)]);
    expect([...observationsBy(data, 'geo').keys()]).toEqual(['A', 'B', 'LV']);
  });

  it('groups once per data object: a new object (user indicators added) is grouped anew', () => {
    expect(observationsOf(data, 'pop')).toBe(observationsOf(data, 'pop'));
    const more: IndicatorData = { ...data, observations: [...data.observations, obs('C', 'pop', '2025', 5)] };
    expect(observationsOf(more, 'pop')).toHaveLength(5);
    expect(observationsOf(data, 'pop')).toHaveLength(4);
  });

  it('backs the values for a map, the years and the latest value of a place', () => {
    expect([...valuesByGeo(data, 'pop', '2025').entries()].map(([g, o]) => [g, o.value])).toEqual([['B', 20], ['A', 11], ['LV', 31]]);
    expect(valuesByGeo(data, 'pop', 'latest').get('A')!.value).toBe(11);
    expect(yearsOf(data, 'pop')).toEqual(['2024', '2025']);
    expect(latestObservation(data, 'A', 'pop')!.year).toBe('2025');
    expect(latestObservation(data, 'B', 'age')).toBeUndefined();
  });
});

describe('places without data in an indicator\'s latest year', () => {
  it('are those missing in the latest year of some indicator of the level, in the given order', () => {
    const d: IndicatorData = {
      indicators: [
        { id: 'pop', level: 'municipality' } as IndicatorData['indicators'][number],
        { id: 'age', level: 'municipality' } as IndicatorData['indicators'][number],
        { id: 'city', level: 'city' } as IndicatorData['indicators'][number],
      ],
      sources: ['t'],
      observations: [obs('A', 'pop', '2024', 1), obs('B', 'pop', '2025', 3), obs('C', 'pop', '2025', 4), obs('A', 'age', '2025', 5), obs('B', 'age', '2025', 5), obs('C', 'age', '2025', 5), obs('A', 'city', '2025', 5)],
    };
    // pop's latest year 2025 lacks A (2024 does not count); age has all; the city level does not count.
    expect(placesWithoutLatest(d, ['A', 'B', 'C'], 'municipality')).toEqual(['A']);
    expect(placesWithoutLatest(d, ['B', 'C'], 'municipality')).toEqual([]);
  });
});

describe('the year an indicator opens at', () => {
  it('is its latest year, one for every unit, and "latest" only without any year', () => {
    expect(openingYear(data, 'pop')).toBe('2025');
    expect(openingYear(data, 'age')).toBe('2025');
    expect(openingYear(data, 'none')).toBe('latest');
  });
});
