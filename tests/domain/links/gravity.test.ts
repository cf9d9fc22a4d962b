import { describe, expect, it } from 'vitest';
import { gravityPotential } from '../../../src/domain/links/gravity.ts';

// Three places on the equator, where a great-circle distance is simply R × Δλ: with Turf's mean
// Earth radius R = 6371.0088 km, one degree is 6371.0088 × π / 180 = 111.19508 km.
//   a (0°, P 1000) – b (1°, P 2000): 1000 × 2000 / 111.19508²  = 161.75542
//   a (0°, P 1000) – c (3°, P 5000): 1000 × 5000 / 333.58524²  =  44.93206
//   b (1°, P 2000) – c (3°, P 5000): 2000 × 5000 / 222.39016²  = 202.19428
const places = [
  { id: 'a', population: 1000, lon: 0, lat: 0 },
  { id: 'b', population: 2000, lon: 1, lat: 0 },
  { id: 'c', population: 5000, lon: 3, lat: 0 },
];

describe('gravityPotential', () => {
  it('gives P_i × P_j / d² (km) for every pair, highest first, as model pairs', () => {
    const pairs = gravityPotential(places);
    expect(pairs.map((p) => [p.from, p.to])).toEqual([['b', 'c'], ['a', 'b'], ['a', 'c']]);
    expect(pairs.map((p) => p.potential)).toEqual([expect.closeTo(202.19428, 4), expect.closeTo(161.75542, 4), expect.closeTo(44.93206, 4)]);
    expect(pairs.map((p) => p.distanceKm)).toEqual([expect.closeTo(222.39016, 4), expect.closeTo(111.19508, 4), expect.closeTo(333.58524, 4)]);
    expect(pairs.every((p) => p.kind === 'model' && p.model === 'gravity')).toBe(true);
  });

  it('keeps the top N and breaks ties by id', () => {
    expect(gravityPotential(places, { top: 1 }).map((p) => p.to)).toEqual(['c']);
    const twins = [{ id: 'x', population: 1, lon: 0, lat: 0 }, { id: 'y', population: 1, lon: 1, lat: 0 }, { id: 'w', population: 1, lon: -1, lat: 0 }];
    expect(gravityPotential(twins).map((p) => `${p.from}-${p.to}`)).toEqual(['w-x', 'x-y', 'w-y']);
  });

  it('refuses a place given twice, a bad population or two places at one point', () => {
    expect(() => gravityPotential([places[0]!, places[0]!])).toThrow(/given twice/);
    expect(() => gravityPotential([{ ...places[0]!, population: Number.NaN }, places[1]!])).toThrow(/not a count/);
    expect(() => gravityPotential([places[0]!, { ...places[1]!, lon: 0 }])).toThrow(/share a position/);
  });
});
