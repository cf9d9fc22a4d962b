import type { Feature, FeatureCollection, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { arcEndBearing, arcGeometry, arrowHead } from '../../../src/domain/links/arc.ts';
import { CITY_POINTS, expectGolden, type CityId } from './helpers.ts';

/** Which side of the straight line a→b the point p lies on, in lon/lat: < 0 right, > 0 left. */
const side = (a: Position, b: Position, p: Position) => (b[0]! - a[0]!) * (p[1]! - a[1]!) - (b[1]! - a[1]!) * (p[0]! - a[0]!);
const middle = (coords: Position[]) => coords[Math.floor(coords.length / 2)]!;

const { riga, daugavpils, liepaja, ventspils, valmiera, rezekne } = CITY_POINTS;

describe('arcGeometry', () => {
  it('draws a directed arc A→B and B→A on opposite sides of the straight line, A→B to its right', () => {
    for (const [a, b] of [[riga, daugavpils], [liepaja, valmiera], [ventspils, rezekne], [daugavpils, riga]] as const) {
      const there = arcGeometry(a, b, { directed: true })!;
      const back = arcGeometry(b, a, { directed: true })!;
      const s1 = side(a, b, middle(there.coordinates));
      const s2 = side(a, b, middle(back.coordinates));
      expect(s1).toBeLessThan(0);
      expect(s2).toBeGreaterThan(0);
    }
  });

  it('starts and ends exactly on the two points, with 33 points by default', () => {
    const line = arcGeometry(riga, daugavpils)!;
    expect(line.coordinates).toHaveLength(33);
    expect(line.coordinates[0]).toEqual(riga);
    expect(line.coordinates.at(-1)).toEqual(daugavpils);
  });

  it('draws an undirected link the same whichever end comes first', () => {
    const ab = arcGeometry(riga, daugavpils, { directed: false })!;
    const ba = arcGeometry(daugavpils, riga, { directed: false })!;
    expect([...ba.coordinates].reverse()).toEqual(ab.coordinates);
  });

  it('bows out by half the curvature times the chord at its apex, and not at all with curvature 0', () => {
    const flat = arcGeometry([24, 57], [26, 57], { curvature: 0, directed: true })!;
    for (const [x, y] of flat.coordinates) expect([x! >= 24 && x! <= 26, Math.abs(y! - 57) < 0.02]).toEqual([true, true]);
    const steep = arcGeometry([24, 57], [24, 58], { curvature: 0.4, directed: true })!;
    const apex = middle(steep.coordinates);
    // 1° of latitude ≈ 111.2 km; apex ≈ 0.2 × chord east of the meridian, 1° of longitude ≈ 60.6 km at 57.5°N.
    expect((apex[0]! - 24) * 60.6).toBeCloseTo(0.2 * 111.2, 0);
  });

  it('returns null when both ends are at the same place', () => {
    expect(arcGeometry(riga, [...riga])).toBeNull();
  });
});

describe('arrowHead', () => {
  it('puts a counter-clockwise triangle on the last point, pointing along the arriving direction', () => {
    const line = arcGeometry(riga, daugavpils, { directed: true })!;
    const head = arrowHead(line, { lengthKm: 10 });
    const ring = head.coordinates[0]!;
    expect(ring).toHaveLength(4);
    expect(ring[0]).toEqual(ring[3]);
    expect(ring).toContainEqual(daugavpils);
    let area2 = 0;
    for (let i = 0; i < 3; i++) area2 += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
    expect(area2).toBeGreaterThan(0);
    // Riga → Daugavpils runs south-east: the arrow arrives heading roughly between 90° and 180°.
    expect(arcEndBearing(line)).toBeGreaterThan(90);
    expect(arcEndBearing(line)).toBeLessThan(180);
  });
});

describe('arc fixtures', () => {
  it('match the golden GeoJSON (UPDATE_GOLDEN=1 to regenerate)', () => {
    const pairs: [CityId, CityId, boolean][] = [
      ['riga', 'daugavpils', true],
      ['daugavpils', 'riga', true],
      ['liepaja', 'ventspils', false],
      ['valmiera', 'rezekne', false],
      ['jelgava', 'jurmala', true],
    ];
    const features: Feature[] = pairs.flatMap(([a, b, directed]) => {
      const line = arcGeometry(CITY_POINTS[a], CITY_POINTS[b], { directed })!;
      const arc: Feature = { type: 'Feature', properties: { from: a, to: b, directed, part: 'arc' }, geometry: line };
      return directed ? [arc, { type: 'Feature', properties: { from: a, to: b, part: 'arrow' }, geometry: arrowHead(line) }] : [arc];
    });
    const fc: FeatureCollection = { type: 'FeatureCollection', features };
    expectGolden('arcs.geojson', fc);
  });
});
