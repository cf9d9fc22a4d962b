import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { area, booleanClockwise, booleanValid, buffer, featureCollection, intersect, kinks, point, union } from '@turf/turf';
import { distanceBands, type BandCity } from '../../../src/domain/hinterland/bands.ts';
import type { CityProps } from '../../../src/domain/units.ts';
import { expectGolden, readFixture } from './golden.ts';

type Areal = Polygon | MultiPolygon;
const outerRings = (g: Areal) => (g.type === 'Polygon' ? [g.coordinates[0]!] : g.coordinates.map((p) => p[0]!));

describe('distanceBands on the synthetic squares', () => {
  // The outline is the 3 × 2 grid of fixtures/squares.geojson: lon 24–25.5, lat 56.5–57.5.
  const squares = readFixture<FeatureCollection<Areal>>('squares.geojson');
  const outline = union(squares)!;
  const cities: BandCity[] = [
    { id: 'alpha', lon: 24.25, lat: 56.75 },
    { id: 'beta', lon: 24.75, lat: 57.25 },
  ];
  const bands = distanceBands(cities, 30, outline);

  it('matches the golden 30 km bands', () => {
    expectGolden('squares-bands-30km', bands);
  });

  it('gives one valid feature per city, in the order given, counter-clockwise', () => {
    expect(bands.features.map((f) => f.properties)).toEqual([
      { cityId: 'alpha', km: 30 },
      { cityId: 'beta', km: 30 },
    ]);
    for (const f of bands.features) {
      expect(booleanValid(f)).toBe(true);
      expect(kinks(f).features).toHaveLength(0);
      for (const ring of outerRings(f.geometry)) expect(booleanClockwise(ring)).toBe(false);
    }
  });

  it('clips to the outline: alpha, 0.25° from two edges, loses part of its circle; nothing lies outside', () => {
    const circle = buffer(point([24.25, 56.75]), 30, { units: 'kilometers', steps: 16 })!;
    const alpha = bands.features[0]!;
    expect(area(alpha)).toBeLessThan(area(circle) * 0.8);
    for (const f of bands.features) {
      const inside = intersect(featureCollection([f, outline]))!;
      expect(area(inside) / area(f)).toBeCloseTo(1, 9);
    }
  });

  it('keeps the overlap of two bands', () => {
    // alpha and beta are 0.5° × 0.5° apart, about 62 km: 30 km bands would not meet, 40 km ones do.
    const wide = distanceBands(cities, 40, outline);
    expect(intersect(featureCollection(wide.features as Feature<Areal>[]))).not.toBeNull();
  });

  it('refuses a radius that is not a positive number', () => {
    expect(() => distanceBands(cities, 0, outline)).toThrow();
    expect(() => distanceBands(cities, Number.NaN, outline)).toThrow();
  });
});

describe('distanceBands on the real outline', () => {
  const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as T;
  const latvia = read<FeatureCollection<MultiPolygon>>('public/data/latvia.geojson').features[0]!;
  const cities: BandCity[] = read<{ features: { properties: CityProps; geometry: { coordinates: number[] } }[] }>('public/data/cities.geojson').features.map((f) => ({
    id: f.properties.id,
    lon: f.geometry.coordinates[0]!,
    lat: f.geometry.coordinates[1]!,
  }));

  it('gives each of the ten cities a valid 30 km band inside Latvia', () => {
    const bands = distanceBands(cities, 30, latvia);
    expect(bands.features.map((f) => f.properties.cityId)).toEqual(cities.map((c) => c.id));
    for (const f of bands.features) {
      expect(booleanValid(f), f.properties.cityId).toBe(true);
      const km2 = area(f) / 1e6;
      // A full 30 km disc is 2 827 km²; coastal and border cities lose part of theirs.
      expect(km2, f.properties.cityId).toBeGreaterThan(500);
      expect(km2, f.properties.cityId).toBeLessThan(2828);
    }
  });
});
