import type { Feature, FeatureCollection, LineString, MultiLineString, Polygon, Position } from 'geojson';
import { PipelineError } from './errors.ts';

/**
 * `geodata/inputs/water.geojson`: the large lakes of Latvia and the Daugava, made offline from
 * GSHHG by `npm run water` (geodata/water.ts, needs GMT) and committed, so that the pipeline
 * reads it without GMT. This module only reads and checks the file.
 */

/** The box the water features lie in (W, S, E, N); the river is clipped to it. */
export const WATER_BBOX: readonly [number, number, number, number] = [20.5, 55.5, 28.5, 58.2];

export interface LakeProperties {
  kind: 'lake';
  nameLv?: string;
  nameEn?: string;
  /** Ellipsoidal area of the GSHHG polygon (water only, islands left out), 0.1 km². */
  areaKm2: number;
}

export interface RiverProperties {
  kind: 'river';
  nameLv: string;
  nameEn: string;
}

export type LakeFeature = Feature<Polygon, LakeProperties>;
export type RiverFeature = Feature<LineString | MultiLineString, RiverProperties>;
export type WaterFeature = LakeFeature | RiverFeature;

/** The file's features, with its `source` line (data set, version, licence, commands). */
export interface WaterCollection extends FeatureCollection<Polygon | LineString | MultiLineString, LakeProperties | RiverProperties> {
  source: string;
  features: WaterFeature[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** [x, y] segments (a, b) and (c, d) share a point (touching counts; collinear overlap too). */
function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const cross = (o: Position, p: Position, q: Position) => (p[0]! - o[0]!) * (q[1]! - o[1]!) - (p[1]! - o[1]!) * (q[0]! - o[0]!);
  const within = (o: Position, p: Position, q: Position) =>
    Math.min(o[0]!, p[0]!) <= q[0]! && q[0]! <= Math.max(o[0]!, p[0]!) && Math.min(o[1]!, p[1]!) <= q[1]! && q[1]! <= Math.max(o[1]!, p[1]!);
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && within(c, d, a)) || (d2 === 0 && within(c, d, b)) || (d3 === 0 && within(a, b, c)) || (d4 === 0 && within(a, b, d));
}

/** Even-odd test of a point against one closed ring. */
export function pointInRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Why a polygon is not simple, or null: every ring closed with at least four positions, no
 * repeated consecutive position, no two edges (of the same or different rings) meeting except
 * neighbours at their shared vertex, and every hole inside the outer ring.
 */
export function polygonProblem(rings: Position[][]): string | null {
  if (rings.length === 0) return 'a polygon without rings';
  for (const [r, ring] of rings.entries()) {
    const what = r === 0 ? 'the outer ring' : `hole ${r}`;
    if (ring.length < 4) return `${what} has fewer than 4 positions`;
    const first = ring[0]!;
    const last = ring[ring.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) return `${what} is not closed`;
    for (let i = 1; i < ring.length; i++) {
      if (ring[i]![0] === ring[i - 1]![0] && ring[i]![1] === ring[i - 1]![1]) return `${what} repeats position ${i + 1}`;
    }
  }
  const edges: { r: number; i: number; n: number; a: Position; b: Position }[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) edges.push({ r, i, n: ring.length - 1, a: ring[i]!, b: ring[i + 1]! });
  });
  for (let p = 0; p < edges.length; p++) {
    const e = edges[p]!;
    for (let q = p + 1; q < edges.length; q++) {
      const f = edges[q]!;
      // Neighbouring edges of one ring share a vertex by construction.
      if (e.r === f.r && (f.i === e.i + 1 || (e.i === 0 && f.i === e.n - 1))) continue;
      if (segmentsMeet(e.a, e.b, f.a, f.b)) {
        return e.r === f.r
          ? `${e.r === 0 ? 'the outer ring' : `hole ${e.r}`} crosses itself (edges ${e.i + 1} and ${f.i + 1})`
          : `${e.r === 0 ? 'the outer ring' : `hole ${e.r}`} and hole ${f.r} meet`;
      }
    }
  }
  for (let r = 1; r < rings.length; r++) {
    if (!pointInRing(rings[r]![0]!, rings[0]!)) return `hole ${r} lies outside the outer ring`;
  }
  return null;
}

/**
 * Reads and checks `water.geojson`: a FeatureCollection with a `source` string whose features are
 * lakes (Polygon; `areaKm2`, optional `nameLv` and `nameEn` together) and rivers (LineString or
 * MultiLineString; `nameLv`, `nameEn`), every position a finite [lon, lat] inside WATER_BBOX and
 * every polygon simple. Anything else stops the build with the file and the feature's number.
 */
export function readWater(text: string, file: string): WaterCollection {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PipelineError(file, null, `not JSON: ${(e as Error).message}`);
  }
  if (!isObject(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new PipelineError(file, null, 'not a GeoJSON FeatureCollection');
  }
  if (!nonEmpty(json.source)) throw new PipelineError(file, null, 'no "source" string (data set, version, licence)');
  const [w, s, e, n] = WATER_BBOX;

  const features = json.features.map((raw: unknown, index: number): WaterFeature => {
    const fail = (reason: string): never => {
      throw new PipelineError(file, null, `feature ${index + 1}: ${reason}`);
    };
    if (!isObject(raw) || raw.type !== 'Feature' || !isObject(raw.properties) || !isObject(raw.geometry)) fail('not a GeoJSON Feature with properties and geometry');
    const props = (raw as { properties: Record<string, unknown> }).properties;
    const geometry = (raw as { geometry: Record<string, unknown> }).geometry;

    const position = (p: unknown): Position => {
      if (!Array.isArray(p) || p.length !== 2 || !p.every((v) => typeof v === 'number' && Number.isFinite(v))) {
        return fail(`position ${JSON.stringify(p)} is not [lon, lat]`);
      }
      const [lon, lat] = p as [number, number];
      if (!(lon >= w && lon <= e && lat >= s && lat <= n)) fail(`position [${lon}, ${lat}] lies outside ${w}–${e}° E, ${s}–${n}° N`);
      return [lon, lat];
    };
    const line = (l: unknown, what: string): Position[] => {
      if (!Array.isArray(l)) return fail(`${what} is not an array of positions`);
      const pts = l.map(position);
      if (pts.length < 2) fail(`${what} has fewer than 2 positions`);
      for (let i = 1; i < pts.length; i++) {
        if (pts[i]![0] === pts[i - 1]![0] && pts[i]![1] === pts[i - 1]![1]) fail(`${what} repeats position ${i + 1}`);
      }
      return pts;
    };
    const names = (required: boolean): { nameLv?: string; nameEn?: string } => {
      const { nameLv, nameEn } = props;
      if (nameLv === undefined && nameEn === undefined && !required) return {};
      if (!nonEmpty(nameLv) || !nonEmpty(nameEn)) fail(required ? 'a river needs nameLv and nameEn' : 'nameLv and nameEn go together, as non-empty strings');
      return { nameLv: nameLv as string, nameEn: nameEn as string };
    };
    const onlyKeys = (allowed: string[]) => {
      const extra = Object.keys(props).filter((k) => !allowed.includes(k));
      if (extra.length > 0) fail(`unknown ${extra.length === 1 ? 'property' : 'properties'} ${extra.join(', ')}`);
    };

    if (props.kind === 'lake') {
      onlyKeys(['kind', 'nameLv', 'nameEn', 'areaKm2']);
      if (geometry.type !== 'Polygon' || !Array.isArray(geometry.coordinates)) fail('a lake must be a Polygon');
      const rings = (geometry.coordinates as unknown[]).map((r, i) => line(r, i === 0 ? 'the outer ring' : `hole ${i}`));
      const problem = polygonProblem(rings);
      if (problem) fail(`invalid polygon: ${problem}`);
      const area = props.areaKm2;
      if (typeof area !== 'number' || !Number.isFinite(area) || area <= 0) fail('areaKm2 must be a positive number');
      return { type: 'Feature', properties: { kind: 'lake', ...names(false), areaKm2: area as number }, geometry: { type: 'Polygon', coordinates: rings } };
    }
    if (props.kind === 'river') {
      onlyKeys(['kind', 'nameLv', 'nameEn']);
      const { nameLv, nameEn } = names(true) as { nameLv: string; nameEn: string };
      const properties: RiverProperties = { kind: 'river', nameLv, nameEn };
      if (geometry.type === 'LineString') return { type: 'Feature', properties, geometry: { type: 'LineString', coordinates: line(geometry.coordinates, 'the line') } };
      if (geometry.type === 'MultiLineString' && Array.isArray(geometry.coordinates) && geometry.coordinates.length > 0) {
        return { type: 'Feature', properties, geometry: { type: 'MultiLineString', coordinates: geometry.coordinates.map((l, i) => line(l, `line ${i + 1}`)) } };
      }
      return fail('a river must be a LineString or a non-empty MultiLineString');
    }
    return fail(`unknown kind ${JSON.stringify(props.kind)} (expected lake, river)`);
  });
  return { type: 'FeatureCollection', source: json.source as string, features };
}
