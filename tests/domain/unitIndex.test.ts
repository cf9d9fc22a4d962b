import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { unitIndex } from '../../src/domain/unitIndex.ts';

type Unit = Feature<Polygon | MultiPolygon, { code: string }>;
const square = (code: string, x: number, y: number, size: number, hole?: number): Unit => {
  const ring = (x0: number, y0: number, s: number) => [[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s], [x0, y0]];
  return { type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: hole ? [ring(x, y, size), ring(x + (size - hole) / 2, y + (size - hole) / 2, hole)] : [ring(x, y, size)] } };
};

describe('the unit index', () => {
  it('finds the unit under a point, not in a hole, nothing outside', () => {
    const index = unitIndex([square('A', 0, 0, 2, 1), square('B', 2, 0, 2), square('C', 0.75, 0.75, 0.5)]);
    expect(index.at(0.2, 0.2)).toBe('A');
    expect(index.at(3, 1)).toBe('B');
    expect(index.at(1, 1)).toBe('C'); // in A's hole, where C lies
    expect(index.at(5, 5)).toBeNull();
    expect(index.at(-1, 1)).toBeNull();
  });

  it('agrees with Turf on the real municipalities at thousands of points', () => {
    const units = (JSON.parse(readFileSync(new URL('../../public/data/municipalities.geojson', import.meta.url), 'utf8')) as { features: Unit[] }).features;
    const index = unitIndex(units);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const [lon, lat] = [20.9 + random() * 7.4, 55.6 + random() * 2.5];
      const expected = units.find((u) => booleanPointInPolygon([lon, lat], u))?.properties.code ?? null;
      expect(index.at(lon, lat)).toBe(expected);
      if (expected) found++;
    }
    expect(found).toBeGreaterThan(1000);
  });
});
