import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { area, booleanClockwise, booleanValid, featureCollection, intersect, kinks, union } from '@turf/turf';
import { parseAssignmentCsv } from '../../../src/domain/hinterland/assignmentCsv.ts';
import { type HinterlandAssignment } from '../../../src/domain/hinterland/assignment.ts';
import { dissolveHinterlands } from '../../../src/domain/hinterland/dissolve.ts';
import type { CityProps, MunicipalityProps } from '../../../src/domain/units.ts';
import { expectGolden, readFixture } from './golden.ts';

type Areal = Polygon | MultiPolygon;
const root = new URL('../../../', import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as T;

function parsed(text: string, codes: string[], cityIds: string[]): HinterlandAssignment {
  const result = parseAssignmentCsv(text, codes, cityIds);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.assignment;
}

// The synthetic grid (fixtures/squares.geojson), lon 24–25.5, lat 56.5–57.5:
//   T04 T05 T06
//   T01 T02 T03
// alpha: own unit T01 plus T02 and T04 (which touch only at a corner); beta: only its own unit T05;
// gamma lies inside T03 (no unit of its own); T06 is assigned to no city.
const squares = readFixture<FeatureCollection<Areal, { code: string }>>('squares.geojson');
const SQUARES_CSV = `municipality_code,municipality_name,city_id,role,reason,source
T01,Vienība T01,alpha,city,own unit,test
T02,Vienība T02,alpha,hinterland,test,test
T03,Vienība T03,gamma,hinterland,gamma lies inside,test
T04,Vienība T04,alpha,hinterland,test,test
T05,Vienība T05,beta,city,own unit,test
T06,Vienība T06,,,none,test
`;
const squaresAssignment = parsed(SQUARES_CSV, ['T01', 'T02', 'T03', 'T04', 'T05', 'T06'], ['alpha', 'beta', 'gamma']);

const rings = (g: Areal) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

describe('dissolveHinterlands on synthetic squares', () => {
  const out = dissolveHinterlands(squares, squaresAssignment);

  it('matches the golden city + hinterland areas', () => {
    expectGolden('squares-areas', out.areas);
  });

  it('matches the golden hinterlands without the city unit', () => {
    expectGolden('squares-hinterlands', out.hinterlands);
  });

  it('matches the golden unassigned remainder', () => {
    expectGolden('squares-unassigned', out.unassigned);
  });

  it('removes inner borders: alpha is one L-shaped ring, its hinterland two squares meeting at a corner', () => {
    const alpha = out.areas.features.find((f) => f.properties.cityId === 'alpha')!;
    expect(alpha.geometry.type).toBe('Polygon');
    expect(rings(alpha.geometry)).toHaveLength(1);
    const hinterland = out.hinterlands.features.find((f) => f.properties.cityId === 'alpha')!;
    expect(hinterland.geometry.type).toBe('MultiPolygon');
    expect(hinterland.properties.units).toEqual(['T02', 'T04']);
  });

  it('gives a city without hinterland units no hinterland feature, and a city inside its novads the whole novads', () => {
    expect(out.hinterlands.features.map((f) => f.properties.cityId)).toEqual(['alpha', 'gamma']);
    const gamma = out.areas.features.find((f) => f.properties.cityId === 'gamma')!;
    expect(area(gamma)).toBeCloseTo(area(squares.features[2]!), 3);
  });

  const clockwise = structuredClone(squares);
  for (const f of clockwise.features) for (const polygon of rings(f.geometry)) polygon[0]!.reverse();

  it('writes outer rings counter-clockwise (RFC 7946), also from clockwise input', () => {
    const fromClockwise = dissolveHinterlands(clockwise, squaresAssignment);
    for (const f of [...out.areas.features, ...out.hinterlands.features, ...fromClockwise.areas.features, ...fromClockwise.hinterlands.features]) {
      for (const polygon of rings(f.geometry)) expect(booleanClockwise(polygon[0]!)).toBe(false);
    }
  });

  it('leaves its input unchanged, even when it rewinds clockwise rings', () => {
    const before = structuredClone(clockwise);
    dissolveHinterlands(clockwise, squaresAssignment);
    expect(clockwise).toEqual(before);
  });

  it('refuses units and an assignment that do not list the same codes', () => {
    const fewer = { ...squares, features: squares.features.slice(1) };
    expect(() => dissolveHinterlands(fewer, squaresAssignment)).toThrow(/T01/);
  });
});

describe('dissolveHinterlands where the input units overlap by a sliver', () => {
  // As where Krāslavas, Preiļu and Rēzeknes novads meet: P and R meet at J, which lies a little
  // inside K instead of on K's border, so K overlaps P ∪ R by a thin triangle.
  //   K: x 0–1, y 0–2, right border (1,0) (1,0.5) (1,1.5) (1,2)
  //   P: x 1–2, y 0–1, left border (1,0) (1,0.5) J     R: x 1–2, y 1–2, left border J (1,1.5) (1,2)
  // with J = (0.99, 1), in tenths of a degree from 24° E, 56.5° N.
  const at = (x: number, y: number) => [24 + x / 10, 56.5 + y / 10];
  const unit = (code: string, ring: number[][]): Feature<Polygon, { code: string }> => ({
    type: 'Feature',
    properties: { code },
    geometry: { type: 'Polygon', coordinates: [ring.map(([x, y]) => at(x!, y!))] },
  });
  const units: FeatureCollection<Areal, { code: string }> = {
    type: 'FeatureCollection',
    features: [
      unit('K', [[0, 0], [1, 0], [1, 0.5], [1, 1.5], [1, 2], [0, 2], [0, 0]]),
      unit('P', [[1, 0], [2, 0], [2, 1], [0.99, 1], [1, 0.5], [1, 0]]),
      unit('R', [[0.99, 1], [2, 1], [2, 2], [1, 2], [1, 1.5], [0.99, 1]]),
    ],
  };
  const csv = 'municipality_code,municipality_name,city_id,role,reason,source\nK,K,alpha,city,,\nP,P,alpha,hinterland,,\nR,R,,,,\n';
  const out = dissolveHinterlands(units, parsed(csv, ['K', 'P', 'R'], ['alpha']));

  it('still returns an outline that does not cross itself, covering both units', () => {
    const alpha = out.areas.features[0]!;
    expect(kinks(alpha).features).toHaveLength(0);
    expect(booleanValid(alpha)).toBe(true);
    const expected = union(featureCollection([units.features[0]!, units.features[1]!]))!;
    expect(area(alpha) / area(expected)).toBeCloseTo(1, 9);
  });
});

describe('dissolveHinterlands on the real 42 units', () => {
  const municipalities = readJson<FeatureCollection<Areal, MunicipalityProps>>('public/data/municipalities.geojson');
  const cities = readJson<FeatureCollection<{ type: 'Point'; coordinates: number[] }, CityProps>>('public/data/cities.geojson').features.map((f) => f.properties);
  const latvia = readJson<FeatureCollection<Areal, { areaKm2: number }>>('public/data/latvia.geojson').features[0]!;
  const assignment = parsed(
    readFileSync(new URL('geodata/inputs/hinterland_assignment.csv', root), 'utf8'),
    municipalities.features.map((f) => f.properties.code),
    cities.map((c) => c.id),
  );
  const out = dissolveHinterlands(municipalities, assignment);
  const parts: Feature<Areal>[] = [...out.areas.features, ...(out.unassigned ? [out.unassigned] : [])];

  it('gives every one of the ten cities an area of valid (Multi)Polygons', () => {
    expect(out.areas.features.map((f) => f.properties.cityId).sort()).toEqual(cities.map((c) => c.id).sort());
    for (const f of parts) {
      expect(booleanValid(f), JSON.stringify(f.properties)).toBe(true);
      expect(kinks(f).features).toHaveLength(0);
    }
  });

  it('writes outer rings counter-clockwise (RFC 7946), unlike the clockwise source', () => {
    for (const f of [...parts, ...out.hinterlands.features]) {
      for (const polygon of rings(f.geometry)) expect(booleanClockwise(polygon[0]!)).toBe(false);
    }
  });

  it('lets no two areas overlap', () => {
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) {
        const overlap = intersect(featureCollection([parts[i]!, parts[j]!]));
        const km2 = overlap ? area(overlap) / 1e6 : 0;
        expect(km2, `${JSON.stringify(parts[i]!.properties)} × ${JSON.stringify(parts[j]!.properties)}`).toBeLessThan(0.01);
      }
    }
  });

  it('covers Latvia: assigned + unassigned area is the total within 0.1 %', () => {
    const dissolved = parts.reduce((s, f) => s + area(f), 0);
    expect(Math.abs(dissolved / area(latvia) - 1)).toBeLessThan(0.001);
    const byUnits = municipalities.features.reduce((s, f) => s + f.properties.areaKm2, 0);
    expect(Math.abs(byUnits / latvia.properties.areaKm2 - 1)).toBeLessThan(0.001);
  });

  it('assigns each state city its own unit, and each city inside a novads that novads', () => {
    for (const c of cities) {
      const row = assignment.find((a) => a.code === c.unitCode)!;
      expect([row.cityId, row.role]).toEqual([c.id, c.insideNovads ? 'hinterland' : 'city']);
    }
  });

  it("gives Rīga the 'Rīgas metropole' novadi except Ogres novads, which contains Ogre", () => {
    const riga = out.areas.features.find((f) => f.properties.cityId === 'riga')!;
    const names = riga.properties.units.map((code) => municipalities.features.find((f) => f.properties.code === code)!.properties.nameLv);
    expect(names.sort()).toEqual(
      ['Rīga', 'Ādažu novads', 'Mārupes novads', 'Ķekavas novads', 'Ropažu novads', 'Siguldas novads', 'Olaines novads', 'Salaspils novads', 'Saulkrastu novads'].sort(),
    );
  });

  it('gives Jūrmala no hinterland', () => {
    expect(out.hinterlands.features.map((f) => f.properties.cityId)).not.toContain('jurmala');
  });
});
