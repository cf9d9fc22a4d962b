import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { neighbourCountries } from '../../geodata/context.ts';

// Estonia as a 1° square with a 10 m notch in its northern edge, and Latvia, which is left out.
const square = (id: string, w: number, s: number, notch = false): Feature<Polygon> => ({
  type: 'Feature',
  id,
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[w, s], [w + 1, s], [w + 1, s + 1], ...(notch ? [[w + 0.5, s + 1.0001]] : []), [w, s + 1], [w, s]]] },
});
const countries: FeatureCollection<Polygon> = { type: 'FeatureCollection', features: [square('233', 24, 58, true), square('428', 24, 57)] };
const world = topology({ countries }) as unknown as Topology;
const vertices = (minAreaKm2: number, farFactor = 1) => neighbourCountries(world, 4, minAreaKm2, farFactor).features.flatMap((f) => f.geometry.coordinates.flat(2)).length;

describe('neighbourCountries', () => {
  it('draws only the neighbours, named in both languages', () => {
    expect(neighbourCountries(world).features.map((f) => f.properties)).toEqual([{ nameLv: 'Igaunija', nameEn: 'Estonia' }]);
  });

  it('drops detail under the area threshold (background land at country scale)', () => {
    expect(vertices(0)).toBe(6);
    expect(vertices(1)).toBe(6); // the notch weighs ~2.8 km² on the sphere (a parallel is no great circle)
    expect(vertices(5)).toBe(5);
  });

  it('simplifies beyond Latvia’s borderlands more coarsely (the notch lies at 59.0001 °N, past NEAR_LATVIA)', () => {
    expect(vertices(1, 1)).toBe(6);
    expect(vertices(1, 5)).toBe(5);
    expect(vertices(1, 2)).toBe(6); // 2.8 / 2 km² still weighs over the threshold
  });
});
