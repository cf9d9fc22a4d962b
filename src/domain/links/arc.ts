import type { LineString, Polygon, Position } from 'geojson';
import { bearing, booleanClockwise, destination, distance, midpoint } from '@turf/turf';

export interface ArcOptions {
  /**
   * How far the curve bows out: the control point lies this fraction of the chord length from the
   * chord's midpoint, so the curve's apex is half as far. Negative values bow to the left.
   */
  curvature?: number;
  /**
   * A directed arc bends to the right of its direction of travel, so A→B and B→A lie on opposite
   * sides and never overlap. An undirected arc is drawn the same way whichever end comes first.
   */
  directed?: boolean;
  /**
   * Extra distance of the apex from the chord, in km, on top of `curvature`: parallel arcs between
   * the same two places step out by a fixed distance whatever their length, so they lie side by
   * side as a ribbon instead of fanning out in ever wider bows.
   */
  apexOffsetKm?: number;
  /** Straight segments the curve is sampled into (segments + 1 points). */
  segments?: number;
}

/** The default bow: the apex lies a tenth of the chord off the straight line. */
export const DEFAULT_CURVATURE = 0.2;
const DIGITS = 5;
const round = (v: number) => Math.round(v * 10 ** DIGITS) / 10 ** DIGITS;

/** Whether a comes after b in (lon, lat) order: the canonical direction of an undirected arc. */
const after = (a: Position, b: Position) => a[0]! > b[0]! || (a[0] === b[0] && a[1]! > b[1]!);

/**
 * The arc of a link from one position to another (lon/lat): a quadratic Bézier curve whose
 * control point Turf places on the perpendicular through the chord's geodesic midpoint, to the
 * right of the direction of travel (bearing + 90°), at `curvature` × the chord length. The curve
 * is interpolated in lon/lat, fine at the scale of Latvia. The line runs from `from` to `to`;
 * inner points are rounded to 5 decimals (~1 m) so that output is byte-stable. Returns null when
 * the two positions coincide (nothing to draw).
 */
export function arcGeometry(from: Position, to: Position, options: ArcOptions = {}): LineString | null {
  const { curvature = DEFAULT_CURVATURE, directed = false, segments = 32, apexOffsetKm = 0 } = options;
  if (from[0] === to[0] && from[1] === to[1]) return null;
  if (!directed && after(from, to)) {
    const line = arcGeometry(to, from, { curvature, directed: true, segments, apexOffsetKm })!;
    return { type: 'LineString', coordinates: line.coordinates.reverse() };
  }
  const mid = midpoint(from, to);
  const chordKm = distance(from, to);
  // The apex of a quadratic Bézier lies halfway to its control point.
  const control = destination(mid, chordKm * curvature + 2 * apexOffsetKm, bearing(mid, to) + 90).geometry.coordinates;
  const [ax, ay] = [from[0]!, from[1]!];
  const [cx, cy] = [control[0]!, control[1]!];
  const [bx, by] = [to[0]!, to[1]!];
  const coordinates: Position[] = [[ax, ay]];
  for (let i = 1; i < segments; i++) {
    const t = i / segments;
    const [p, q, r] = [(1 - t) ** 2, 2 * (1 - t) * t, t ** 2];
    coordinates.push([round(p * ax + q * cx + r * bx), round(p * ay + q * cy + r * by)]);
  }
  coordinates.push([bx, by]);
  return { type: 'LineString', coordinates };
}

/** The direction of travel where a line arrives, in degrees clockwise from north (for an arrow symbol's rotation). */
export function arcEndBearing(line: LineString): number {
  const n = line.coordinates.length;
  return bearing(line.coordinates[n - 2]!, line.coordinates[n - 1]!);
}

/**
 * A filled arrowhead for a directed arc: a triangle with its tip on the line's last point, its
 * sides `lengthKm` long and `angleDeg` off the arriving direction. For a static export; on the
 * map an arrow symbol rotated by `arcEndBearing` keeps its size on screen.
 */
export function arrowHead(line: LineString, options: { lengthKm?: number; angleDeg?: number } = {}): Polygon {
  const { lengthKm = 6, angleDeg = 25 } = options;
  const n = line.coordinates.length;
  const tip = line.coordinates[n - 1]!;
  const back = bearing(tip, line.coordinates[n - 2]!);
  const side = (deg: number) => destination(tip, lengthKm, back + deg).geometry.coordinates.map(round);
  const ring = [tip, side(-angleDeg), side(angleDeg), tip];
  // RFC 7946: exterior rings run counter-clockwise.
  if (booleanClockwise(ring)) ring.reverse();
  return { type: 'Polygon', coordinates: [ring] };
}
