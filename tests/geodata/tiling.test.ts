import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { describeTilingProblem, tilingProblems } from '../../geodata/tiling.ts';

const square = (x0: number, y0: number, x1: number, y1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });

describe('tilingProblems', () => {
  it('finds nothing where neighbours share their border', () => {
    expect(tilingProblems([{ code: 'a', geometry: square(24, 56, 24.1, 56.1) }, { code: 'b', geometry: square(24.1, 56, 24.2, 56.1) }], 0.01)).toEqual([]);
  });

  it('names two units that overlap by more than the tolerance, and lets a smaller overlap through', () => {
    // 0.001° of longitude × 0.1° of latitude at 56° N: about 0.7 km².
    const problems = tilingProblems([{ code: 'a', geometry: square(24, 56, 24.101, 56.1) }, { code: 'b', geometry: square(24.1, 56, 24.2, 56.1) }], 0.01);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: 'overlap', codes: ['a', 'b'] });
    expect(problems[0]!.areaKm2).toBeGreaterThan(0.6);
    expect(problems[0]!.areaKm2).toBeLessThan(0.8);
    expect(describeTilingProblem(problems[0]!)).toMatch(/^a and b overlap by 0\.\d{3} km² after simplification$/);
    expect(tilingProblems([{ code: 'a', geometry: square(24, 56, 24.101, 56.1) }, { code: 'b', geometry: square(24.1, 56, 24.2, 56.1) }], 1)).toEqual([]);
  });

  it('names the units around a hole that opened between them', () => {
    const ring = square(24, 56, 24.3, 56.3);
    const hole = square(24.1, 56.1, 24.2, 56.2).coordinates[0]!;
    const problems = tilingProblems(
      [
        { code: 'outer', geometry: { type: 'Polygon', coordinates: [ring.coordinates[0]!, [...hole].reverse()] } },
        { code: 'inner', geometry: square(24.12, 56.1, 24.2, 56.2) },
      ],
      0.01,
    );
    expect(problems).toEqual([{ kind: 'gap', codes: ['outer', 'inner'], areaKm2: expect.any(Number), at: expect.any(Array) }]);
    expect(problems[0]!.areaKm2).toBeGreaterThan(10);
  });
});
