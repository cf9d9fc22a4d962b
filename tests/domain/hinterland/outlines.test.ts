import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { parseAssignmentCsv } from '../../../src/domain/hinterland/assignmentCsv.ts';
import { type HinterlandAssignment } from '../../../src/domain/hinterland/assignment.ts';
import { hinterlandLabelPoints, hinterlandOutlines, unitTopology } from '../../../src/domain/hinterland/outlines.ts';
import { expectGolden, readFixture } from './golden.ts';

// The synthetic grid of dissolve.test.ts (fixtures/squares.geojson), lon 24–25.5, lat 56.5–57.5:
//   T04 T05 T06
//   T01 T02 T03
// alpha: own unit T01 plus T02 and T04; beta: only its own unit T05; gamma: T03 (it lies inside);
// T06 belongs to no city.
const squares = readFixture<FeatureCollection<Polygon | MultiPolygon, { code: string }>>('squares.geojson');
const CSV = `municipality_code,municipality_name,city_id,role,reason,source
T01,Vienība T01,alpha,city,own unit,test
T02,Vienība T02,alpha,hinterland,test,test
T03,Vienība T03,gamma,hinterland,gamma lies inside,test
T04,Vienība T04,alpha,hinterland,test,test
T05,Vienība T05,beta,city,own unit,test
T06,Vienība T06,,,none,test
`;
const parsed = parseAssignmentCsv(CSV, ['T01', 'T02', 'T03', 'T04', 'T05', 'T06'], ['alpha', 'beta', 'gamma']);
if (!parsed.ok) throw new Error('fixture assignment does not parse');
const assignment: HinterlandAssignment = parsed.assignment;

/** The unit-length grid edges a MultiLineString covers, as sorted "x1,y1 x2,y2" strings. */
function edges(lines: number[][][]): string[] {
  const out = new Set<string>();
  for (const line of lines) {
    for (let i = 1; i < line.length; i++) {
      const [a, b] = [line[i - 1]!.join(','), line[i]!.join(',')].sort();
      out.add(`${a} ${b}`);
    }
  }
  return [...out].sort();
}
const edge = (x1: number, y1: number, x2: number, y2: number) => [`${x1},${y1}`, `${x2},${y2}`].sort().join(' ');

describe('hinterlandOutlines on synthetic squares', () => {
  const out = hinterlandOutlines(unitTopology(squares), assignment);
  const lines = (kind: string) => out.features.find((f) => f.properties.kind === kind)!.geometry.coordinates;

  it('draws where a city’s area meets another city, an unassigned unit or the outside, and nowhere else', () => {
    const expected = [
      // the outer edge, except around unassigned T06
      edge(24, 56.5, 24.5, 56.5), edge(24.5, 56.5, 25, 56.5), edge(25, 56.5, 25.5, 56.5),
      edge(25.5, 56.5, 25.5, 57), edge(24, 56.5, 24, 57), edge(24, 57, 24, 57.5),
      edge(24, 57.5, 24.5, 57.5), edge(24.5, 57.5, 25, 57.5),
      // alpha | beta, alpha | gamma, beta | T06, gamma | T06
      edge(24.5, 57, 25, 57), edge(24.5, 57, 24.5, 57.5), edge(25, 56.5, 25, 57), edge(25, 57, 25, 57.5), edge(25, 57, 25.5, 57),
    ].sort();
    expect(edges(lines('outline'))).toEqual(expected);
  });

  it('marks the border between a city’s own unit and its hinterland separately', () => {
    expect(edges(lines('city'))).toEqual([edge(24.5, 56.5, 24.5, 57), edge(24, 57, 24.5, 57)].sort());
  });

  it('matches the golden file', () => {
    expectGolden('squares-outlines', out);
  });
});

describe('hinterlandLabelPoints', () => {
  const units = [
    { code: 'T01', lon: 24.25, lat: 56.75, areaKm2: 900 },
    { code: 'T02', lon: 24.75, lat: 56.75, areaKm2: 100 },
    { code: 'T03', lon: 25.25, lat: 56.75, areaKm2: 100 },
    { code: 'T04', lon: 24.25, lat: 57.25, areaKm2: 200 },
    { code: 'T05', lon: 24.75, lat: 57.25, areaKm2: 100 },
    { code: 'T06', lon: 25.25, lat: 57.25, areaKm2: 100 },
  ];

  it('puts a city’s label in its largest hinterland unit, or its own unit when that is all it has', () => {
    const points = hinterlandLabelPoints(assignment, units).features.map((f) => [f.properties.cityId, f.geometry.coordinates]);
    expect(points).toEqual([
      ['alpha', [24.25, 57.25]],
      ['gamma', [25.25, 56.75]],
      ['beta', [24.75, 57.25]],
    ]);
  });

  it('with the cities’ points, puts the label on a large unit near the city, not on the largest at the far end', () => {
    // Two hinterland units of one city: a huge one 100 km away and a smaller one next to the city.
    const far = [
      { code: 'A', lon: 24, lat: 57, areaKm2: 50 },
      { code: 'near', lon: 24.2, lat: 57, areaKm2: 150 },
      { code: 'far', lon: 25.6, lat: 57, areaKm2: 900 },
    ];
    const partition = [
      { code: 'A', name: '', cityId: 'c', role: 'city' as const, reason: { lv: '', en: '' }, source: '' },
      { code: 'near', name: '', cityId: 'c', role: 'hinterland' as const, reason: { lv: '', en: '' }, source: '' },
      { code: 'far', name: '', cityId: 'c', role: 'hinterland' as const, reason: { lv: '', en: '' }, source: '' },
    ];
    expect(hinterlandLabelPoints(partition, far).features[0]!.geometry.coordinates).toEqual([25.6, 57]);
    expect(hinterlandLabelPoints(partition, far, new Map([['c', [24, 57]]])).features[0]!.geometry.coordinates).toEqual([24.2, 57]);
  });
});
