import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { distance } from '@turf/turf';
import { DEFAULT_HUFF, haversineKm, huffAssignment, huffShares, type HuffCity } from '../../../src/domain/hinterland/huff.ts';
import { unpackIndicatorFile } from '../../../src/domain/indicatorFile.ts';
import type { IndicatorData } from '../../../src/domain/indicators.ts';
import type { CityProps } from '../../../src/domain/units.ts';

// Two cities on the equator, where distance is proportional to longitude:
// 1° = 6371.0088 km × π / 180 = 111.195 km.
//   A at 0° E, 100 000 people;  B at 3° E, 400 000 people.
const A: HuffCity = { id: 'a', lon: 0, lat: 0, population: 100_000 };
const B: HuffCity = { id: 'b', lon: 3, lat: 0, population: 400_000 };
const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;
const at = (code: string, lon: number) => ({ code, lon, lat: 0 });
/** The textbook exponents these cases are worked out for (the app's defaults are fitted: DEFAULT_HUFF). */
const TEXTBOOK = { alpha: 1, beta: 2 };
const sharesOf = (lon: number, params: { alpha: number; beta: number; minDistanceKm?: number } = TEXTBOOK) => huffShares([at('u', lon)], [A, B], params)[0]!.shares;

describe('haversineKm', () => {
  it('gives 111.195 km for one degree of the equator', () => {
    expect(haversineKm(0, 0, 1, 0)).toBeCloseTo(KM_PER_DEGREE, 9);
  });

  it("agrees with Turf's distance", () => {
    const lon = fc.double({ min: 20, max: 29, noNaN: true });
    const lat = fc.double({ min: 55, max: 58.5, noNaN: true });
    fc.assert(
      fc.property(lon, lat, lon, lat, (x1, y1, x2, y2) => {
        expect(haversineKm(x1, y1, x2, y2)).toBeCloseTo(distance([x1, y1], [x2, y2], { units: 'kilometers' }), 6);
      }),
    );
  });
});

describe('huffShares (alpha 1, beta 2 unless said)', () => {
  it('splits evenly where B is 4 × as big and 2 × as far', () => {
    // At 1° E: A = 100 000 / 111.195² = 8.0878, B = 400 000 / 222.390² = 8.0878 → ½ each.
    const s = sharesOf(1);
    expect(s.a).toBeCloseTo(0.5, 12);
    expect(s.b).toBeCloseTo(0.5, 12);
  });

  it('gives A 25/29 at 0.5° E', () => {
    // dA = 55.598 km, dB = 277.988 km. A = 100 000 / 3 091.09 = 32.351, B = 400 000 / 77 277.2 = 5.1762.
    // A / (A + B) = 32.351 / 37.527 = 0.86207 = 25/29 (in degrees: 1/0.25 = 4 against 4/6.25 = 0.64).
    const s = sharesOf(0.5);
    expect(s.a).toBeCloseTo(25 / 29, 12);
    expect(s.b).toBeCloseTo(4 / 29, 12);
  });

  it('uses the exponents: alpha ½ gives A 25/27 and beta 1 gives A 5/9 at 0.5° E', () => {
    // alpha ½: A ∝ √100 000 / 0.5² = 316.23 / 0.25 = 1 264.9, B ∝ √400 000 / 2.5² = 632.46 / 6.25 = 101.19
    //          → 1 264.9 / 1 366.1 = 0.92593 = 25/27.
    expect(sharesOf(0.5, { alpha: 0.5, beta: 2, minDistanceKm: 1 }).a).toBeCloseTo(25 / 27, 12);
    // beta 1:  A ∝ 100 000 / 0.5 = 200 000, B ∝ 400 000 / 2.5 = 160 000 → 200 000 / 360 000 = 5/9.
    expect(sharesOf(0.5, { alpha: 1, beta: 1, minDistanceKm: 1 }).a).toBeCloseTo(5 / 9, 12);
  });

  it('stays finite at a city point, through the minimum distance of 1 km', () => {
    // dA = 0 → 1 km: A = 100 000 / 1² = 100 000. dB = 333.585 km: B = 400 000 / 111 279.1 = 3.5946.
    // B / (A + B) = 3.5946 / 100 003.59 = 3.5945e-5.
    const s = sharesOf(0);
    expect(s.b).toBeCloseTo(3.5946 / 100_003.5946, 8);
    expect(s.a! + s.b!).toBeCloseTo(1, 12);
  });

  it('refuses no cities, repeated ids, a non-positive population and non-finite parameters', () => {
    expect(() => huffShares([at('u', 1)], [])).toThrow();
    expect(() => huffShares([at('u', 1)], [A, { ...B, id: 'a' }])).toThrow(/unique/);
    expect(() => huffShares([at('u', 1)], [A, { ...B, population: 0 }])).toThrow(/b: population/);
    expect(() => huffShares([at('u', 1)], [A, B], { alpha: Number.NaN, beta: 2 })).toThrow();
    expect(() => huffShares([at('u', 1)], [A, B], { alpha: 1, beta: 2, minDistanceKm: 0 })).toThrow();
  });
});

describe('huffAssignment', () => {
  it('picks the city with the highest share', () => {
    // At 2.5° E: A ∝ 1 / 2.5² = 0.16 against B ∝ 4 / 0.5² = 16.
    const winners = huffAssignment([at('near-a', 0.5), at('on-a', 0), at('near-b', 2.5)], [A, B], TEXTBOOK);
    expect(winners.map((w) => [w.code, w.cityId])).toEqual([
      ['near-a', 'a'],
      ['on-a', 'a'],
      ['near-b', 'b'],
    ]);
    expect(winners[2]!.share).toBeCloseTo(16 / 16.16, 12);
  });

  it('gives an exact tie to the city listed first', () => {
    const twin: HuffCity = { ...A, id: 'twin' };
    expect(huffAssignment([at('u', 1)], [A, twin], TEXTBOOK)[0]!.cityId).toBe('a');
    expect(huffAssignment([at('u', 1)], [twin, A], TEXTBOOK)[0]!.cityId).toBe('twin');
  });
});

describe('huffShares on the real units and cities', () => {
  const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as T;
  const labels = read<{ features: { properties: { code: string }; geometry: { coordinates: number[] } }[] }>('public/data/municipality-labels.geojson');
  const cityFeatures = read<{ features: { properties: CityProps; geometry: { coordinates: number[] } }[] }>('public/data/cities.geojson').features;
  const data: IndicatorData = unpackIndicatorFile(read('public/data/indicators.json'), 'indicators.json');
  // One measure for all ten masses: `city_population` of 2025 (one source), not residents of units.
  const cities: HuffCity[] = cityFeatures.map(({ properties: c, geometry }) => {
    const geo = c.insideNovads ? `city:${c.id}` : c.unitCode;
    const o = data.observations.find((x) => x.geo === geo && x.indicator === 'city_population' && x.year === '2025')!;
    return { id: c.id, lon: geometry.coordinates[0]!, lat: geometry.coordinates[1]!, population: o.value };
  });
  const units = labels.features.map((f) => ({ code: f.properties.code, lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]! }));
  const winnerOf = new Map(huffAssignment(units, cities, TEXTBOOK).map((w) => [w.code, w.cityId]));

  it('gives every unit shares of all ten cities that sum to 1', () => {
    for (const { shares } of huffShares(units, cities, TEXTBOOK)) {
      expect(Object.keys(shares)).toHaveLength(10);
      expect(Object.values(shares).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    }
  });

  it('keeps six state cities’ own units and gives Rīga its metropolitan novadi', () => {
    for (const c of cityFeatures.map((f) => f.properties).filter((c) => !c.insideNovads && c.id !== 'jurmala')) {
      expect(winnerOf.get(c.unitCode), c.id).toBe(c.id);
    }
    for (const code of ['LV0023000', 'LV0034000', 'LV0039000', 'LV0041000', 'LV0044000', 'LV0045000', 'LV0047000', 'LV0048000']) {
      expect(winnerOf.get(code), code).toBe('riga');
    }
  });
});

describe('the default exponents', () => {
  it('are the ones fitted to Eurostat’s functional urban areas in the committed data', async () => {
    const { readFileSync } = await import('node:fs');
    const fit = (JSON.parse(readFileSync(new URL('../../../public/data/fua.json', import.meta.url), 'utf8')) as { gravityFit: { best: { alpha: number; beta: number; score: number }; textbook: { score: number } } }).gravityFit;
    expect({ alpha: DEFAULT_HUFF.alpha, beta: DEFAULT_HUFF.beta }).toEqual({ alpha: fit.best.alpha, beta: fit.best.beta });
    expect(fit.best.score).toBeGreaterThan(fit.textbook.score);
  });
});
