import { describe, expect, it } from 'vitest';
import { latestObservation, observationsOf, valuesByGeo, yearsOf, type IndicatorData, type Observation } from '../../src/domain/indicators.ts';

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
