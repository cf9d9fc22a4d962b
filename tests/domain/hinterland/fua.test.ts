import { describe, expect, it } from 'vitest';
import { agreementWithFuas, fuaPartition, jaccardByArea } from '../../../src/domain/hinterland/fua.ts';
import { cityMasses, fitGravityToFuas, huffPartitionWithCores } from '../../../src/domain/hinterland/gravityFit.ts';

const cores = new Map([
  ['big', 'B'],
  ['inner', 'I'],
]);

describe('FUA hinterlands under the city-core rule', () => {
  it('gives a unit in a city’s FUA to that city, every core to its own city, and the rest to none', () => {
    // I lies inside big's FUA (as Jūrmala lies in Rīga's), but it is inner's own territory.
    const p = fuaPartition(['B', 'I', 'x', 'y'], { B: 'big', I: 'big', x: 'big' }, cores);
    expect(p.map((a) => [a.code, a.cityId, a.role])).toEqual([
      ['B', 'big', 'city'],
      ['I', 'inner', 'city'],
      ['x', 'big', 'hinterland'],
      ['y', null, null],
    ]);
  });

  it('reads membership as data: a unit coded "toString" or "__proto__" is no special case', () => {
    const p = fuaPartition(['toString', '__proto__'], {}, new Map());
    expect(p.map((a) => a.cityId)).toEqual([null, null]);
  });
});

describe('agreement by area', () => {
  const area = new Map([
    ['a', 10],
    ['b', 30],
    ['c', 60],
  ]);
  it('is the shared area over the area of the union, 1 for equal sets and 0 for disjoint ones', () => {
    expect(jaccardByArea(new Set(['a', 'b']), new Set(['b', 'c']), area)).toBeCloseTo(30 / 100);
    expect(jaccardByArea(new Set(['a']), new Set(['a']), area)).toBe(1);
    expect(jaccardByArea(new Set(['a']), new Set(['c']), area)).toBe(0);
    expect(jaccardByArea(new Set(), new Set(), area)).toBe(0);
  });

  it('averages the FUA cities only', () => {
    const row = (code: string, cityId: string | null) => ({ code, name: '', cityId, role: cityId ? ('hinterland' as const) : null, reason: { lv: '', en: '' }, source: '' });
    const fuas = [row('a', 'big'), row('b', 'big'), row('c', null)];
    const gravity = [row('a', 'big'), row('b', 'other'), row('c', 'big')];
    const { score, byCity } = agreementWithFuas(gravity, fuas, ['big'], area);
    expect(byCity).toEqual({ big: 10 / 100 });
    expect(score).toBeCloseTo(0.1);
  });
});

describe('the gravity fit', () => {
  // Two cities 100 km apart on a parallel, a big one and a small one, and units between them.
  const cities = [
    { id: 'big', lon: 24, lat: 57, population: 600_000 },
    { id: 'small', lon: 25.65, lat: 57, population: 60_000 },
  ];
  const units = Array.from({ length: 11 }, (_, i) => ({ code: `u${i}`, lon: 24 + (1.65 * i) / 10, lat: 57, areaKm2: 10 }));
  const fitCores = new Map([
    ['big', 'u0'],
    ['small', 'u10'],
  ]);
  // The FUA of the big city reaches halfway: units 0–5.
  const fua = fuaPartition(units.map((u) => u.code), { u1: 'big', u2: 'big', u3: 'big', u4: 'big', u5: 'big' }, fitCores);

  it('keeps every city’s core with its city, whatever the model says', () => {
    const p = huffPartitionWithCores(units, cities, 3, 0.1, fitCores);
    expect(p.find((a) => a.code === 'u10')).toMatchObject({ cityId: 'small', role: 'city' });
  });

  it('scores every grid point, finds the ratio that best matches the FUA, and of equal scores takes α nearest 1', () => {
    const fit = fitGravityToFuas(units, cities, fitCores, fua, '2025', [0.5, 1, 2], [1, 2, 4]);
    expect(fit.points).toHaveLength(9);
    // Only α/β decides the winners: (0.5, 1), (1, 2) and (2, 4) score the same.
    const score = (a: number, b: number) => fit.points.find((p) => p.alpha === a && p.beta === b)!.score;
    expect(score(0.5, 1)).toBe(score(1, 2));
    expect(score(1, 2)).toBe(score(2, 4));
    const top = fit.points.filter((p) => p.score === Math.max(...fit.points.map((q) => q.score)));
    expect(top).toContainEqual(fit.best);
    expect(Math.abs(fit.best.alpha - 1)).toBe(Math.min(...top.map((p) => Math.abs(p.alpha - 1))));
    // The FUA reaches halfway to the small city: a flatter model than the big city's dominance.
    expect(fit.best.score).toBeGreaterThan(fit.points.find((p) => p.alpha === 2 && p.beta === 1)!.score);
    expect(fit.textbook).toMatchObject({ alpha: 1, beta: 2 });
    expect(fit.best.byCity).toHaveProperty('big');
  });

  it('weighs the cities by one year of city population that all of them have', () => {
    const obs = [
      { geo: 'LV1', indicator: 'city_population', year: '2025', value: 100, source: 0 },
      { geo: 'city:t', indicator: 'city_population', year: '2023', value: 5, source: 1 },
      { geo: 'LV1', indicator: 'city_population', year: '2023', value: 90, source: 0 },
    ];
    const m = cityMasses([{ id: 'a', geo: 'LV1', lon: 24, lat: 57 }, { id: 't', geo: 'city:t', lon: 25, lat: 57 }], obs);
    expect(m).toMatchObject({ year: '2023', cities: [{ id: 'a', population: 90 }, { id: 't', population: 5 }] });
    expect(cityMasses([{ id: 'x', geo: 'none', lon: 0, lat: 0 }], obs)).toBeNull();
  });
});
