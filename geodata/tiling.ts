import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bbox, feature, featureCollection, intersect, union } from '@turf/turf';
import { ellipsoidalAreaKm2 } from './area.ts';

type Areal = Polygon | MultiPolygon;

/** Where simplified units stop tiling: two that overlap, or a hole between them. */
export type TilingProblem =
  | { kind: 'overlap'; codes: [string, string]; areaKm2: number }
  | { kind: 'gap'; codes: string[]; areaKm2: number; at: Position };

const boxesMeet = (a: number[], b: number[]) => a[0]! <= b[2]! && b[0]! <= a[2]! && a[1]! <= b[3]! && b[1]! <= a[3]!;

/**
 * Checks that units still tile after simplification: no two overlap by more than `toleranceKm2`,
 * and their union has no hole larger than that which the source did not have (`sourceHoles`, the
 * number of holes in the unsimplified whole; Latvia has none). Simplifying shared arcs cannot open
 * a gap by itself, but arcs that cross after simplification can, and so can a source whose
 * neighbours do not share their borders; either is reported with the units involved.
 */
export function tilingProblems(units: { code: string; geometry: Areal }[], toleranceKm2: number, sourceHoles = 0): TilingProblem[] {
  const problems: TilingProblem[] = [];
  const boxes = units.map((u) => bbox(u.geometry));
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      if (!boxesMeet(boxes[i]!, boxes[j]!)) continue;
      const both = intersect(featureCollection([feature(units[i]!.geometry), feature(units[j]!.geometry)]));
      const areaKm2 = both ? ellipsoidalAreaKm2(both.geometry) : 0;
      if (areaKm2 > toleranceKm2) problems.push({ kind: 'overlap', codes: [units[i]!.code, units[j]!.code], areaKm2 });
    }
  }
  const whole = units.length > 1 ? union(featureCollection(units.map((u) => feature(u.geometry))))?.geometry : units[0]?.geometry;
  if (!whole) return problems;
  const holes = (whole.type === 'Polygon' ? [whole.coordinates] : whole.coordinates).flatMap((p) => p.slice(1));
  const large = holes
    .map((ring) => ({ ring, areaKm2: ellipsoidalAreaKm2({ type: 'Polygon', coordinates: [ring] }) }))
    .filter((h) => h.areaKm2 > toleranceKm2)
    .sort((a, b) => b.areaKm2 - a.areaKm2);
  for (const h of large.slice(sourceHoles)) {
    const box = bbox({ type: 'LineString', coordinates: h.ring });
    problems.push({ kind: 'gap', codes: units.filter((_, i) => boxesMeet(boxes[i]!, box)).map((u) => u.code), areaKm2: h.areaKm2, at: h.ring[0]! });
  }
  return problems;
}

/** One line per problem, for the pipeline's error message. */
export function describeTilingProblem(p: TilingProblem): string {
  const km2 = p.areaKm2.toFixed(3);
  return p.kind === 'overlap'
    ? `${p.codes[0]} and ${p.codes[1]} overlap by ${km2} km² after simplification`
    : `a gap of ${km2} km² opened at ${p.at.join(', ')} between ${p.codes.join(', ')}`;
}
