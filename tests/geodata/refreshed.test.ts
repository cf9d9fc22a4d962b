import { describe, expect, it } from 'vitest';
import { preferRefreshed } from '../../geodata/dataset.ts';

const row = (file: string, value: number, line = 2) => ({ geo: 'LV0001000', indicator: 'population_1jan', year: '2026', value, file, line });

describe('one figure per place, indicator and year', () => {
  it('takes a figure refreshed from the official API over a hand-copied one, in either order', () => {
    expect(preferRefreshed([row('geodata/inputs/indicators/demography.csv', 100), row('geodata/inputs/indicators/pxweb_IRD041.csv', 101)]).map((r) => r.value)).toEqual([101]);
    expect(preferRefreshed([row('geodata/inputs/indicators/pxweb_IRD041.csv', 101), row('geodata/inputs/indicators/demography.csv', 100)]).map((r) => r.value)).toEqual([101]);
  });

  it('takes a figure refreshed from an official CSV source (refresh_<id>.csv) over a hand-copied one', () => {
    expect(preferRefreshed([row('geodata/inputs/indicators/labour.csv', 100), row('geodata/inputs/indicators/refresh_nva.csv', 101)]).map((r) => r.value)).toEqual([101]);
  });

  it('keeps one of two equal hand-copied figures', () => {
    expect(preferRefreshed([row('a.csv', 5), row('b.csv', 5)])).toHaveLength(1);
  });

  it('stops on two hand-copied figures that disagree, naming both lines', () => {
    expect(() => preferRefreshed([row('a.csv', 5, 7), row('b.csv', 6, 9)])).toThrow(/b\.csv, line 9: .* is 6 here but 5 in a\.csv, line 7/);
  });
});
