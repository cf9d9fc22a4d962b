import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { feature, merge, mesh } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { booleanValid, kinks } from '@turf/turf';
import { PipelineError } from './errors.ts';
import { currentUnitOf, type UnitRow } from './units.ts';

type Areal = Polygon | MultiPolygon;

/** A source polygon already matched to a unit code of units.csv. */
export interface MatchedPolygon {
  code: string;
  geometry: Areal;
}

/**
 * Whether a (Multi)Polygon is usable: closed rings and no self-intersection. Turf's booleanValid
 * alone lets a bow-tie ring through, so `kinks` looks for crossing edges as well.
 */
export function isValidAreal(g: Areal): boolean {
  return booleanValid(g) && kinks(g).features.length === 0;
}

/**
 * Matches source features to units by a key (ISO 3166-2 for amCharts, ATVK for the CSP
 * shapefile). Unknown keys, non-areal or invalid geometries and duplicates stop the build.
 */
export function matchSourceFeatures(
  features: Feature[],
  units: UnitRow[],
  keyOf: (f: Feature) => string,
  unitKey: (u: UnitRow) => string,
  file: string,
): MatchedPolygon[] {
  const byKey = new Map(units.map((u) => [unitKey(u), u]));
  const seen = new Set<string>();
  return features.map((f, i) => {
    const key = keyOf(f);
    const where = `feature ${i + 1} (${key || 'no id'})`;
    const unit = byKey.get(key);
    if (!unit) throw new PipelineError(file, null, `${where}: unknown unit code "${key}"`);
    if (seen.has(key)) throw new PipelineError(file, null, `${where}: unit listed twice`);
    seen.add(key);
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw new PipelineError(file, null, `${where}: geometry is ${g?.type ?? 'missing'}, not a polygon`);
    }
    if (!isValidAreal(g)) throw new PipelineError(file, null, `${where}: invalid geometry (self-intersection or bad ring)`);
    return { code: unit.code, geometry: g };
  });
}

function collectionOf(polys: MatchedPolygon[]): FeatureCollection<Areal, { code: string }> {
  return {
    type: 'FeatureCollection',
    features: polys.map((p) => ({ type: 'Feature', properties: { code: p.code }, geometry: p.geometry })),
  };
}

type UnitGeometry = GeometryCollection<{ code: string }>['geometries'][number] & { properties: { code: string } };

function geometriesOf(topo: Topology): UnitGeometry[] {
  return (topo.objects.units as GeometryCollection<{ code: string }>).geometries as UnitGeometry[];
}

/**
 * Dissolves source polygons into the units current on `asOf`, along shared arcs of one topology so
 * that no sliver opens where two old units met. Returns one feature per current unit, in the
 * order of units.csv.
 */
export function dissolveToCurrent(polys: MatchedPolygon[], units: UnitRow[], asOf: string): MatchedPolygon[] {
  const topo = topology({ units: collectionOf(polys) });
  const groups = new Map<string, ReturnType<typeof geometriesOf>>();
  for (const g of geometriesOf(topo)) {
    const target = currentUnitOf(g.properties.code, units, asOf).code;
    groups.set(target, [...(groups.get(target) ?? []), g]);
  }
  const out: MatchedPolygon[] = [];
  for (const u of units) {
    const parts = groups.get(u.code);
    if (!parts) continue;
    const merged = merge(topo, parts as never);
    const geometry: Areal = merged.coordinates.length === 1 ? { type: 'Polygon', coordinates: merged.coordinates[0]! } : merged;
    out.push({ code: u.code, geometry });
  }
  return out;
}

/** Units simplified for the web, the lines between them and the outline of the whole. */
export interface WebDivision {
  units: MatchedPolygon[];
  innerBorders: MultiLineString;
  outerBorder: MultiLineString;
  whole: Areal;
  verticesBefore: number;
  verticesAfter: number;
}

// Walks `coordinates`, not the geometry object itself: an object is not an array, so walking the
// geometry would return it unrounded.
function roundCoords<T extends { coordinates: unknown }>(geometry: T, digits: number): T {
  const f = 10 ** digits;
  const walk = (v: unknown): unknown => (Array.isArray(v) ? v.map(walk) : typeof v === 'number' ? Math.round(v * f) / f : v);
  return { ...geometry, coordinates: walk(geometry.coordinates) };
}

function countVertices(g: Geometry | MultiLineString): number {
  return JSON.stringify('coordinates' in g ? g.coordinates : []).split('],[').length;
}

/**
 * Simplifies shared arcs once (Visvalingam on spherical triangle area, `minAreaKm2` threshold) and
 * rounds coordinates to `digits` decimals after the topology is built, so neighbours keep
 * identical borders: no gaps, no overlaps.
 */
export function simplifyForWeb(units: MatchedPolygon[], minAreaKm2: number, digits: number): WebDivision {
  const EARTH_RADIUS_KM = 6371.0088;
  const topo = presimplify(topology({ units: collectionOf(units) }) as unknown as Topology<{ units: GeometryCollection<{ code: string }> }>, sphericalTriangleArea);
  const simple = simplify(topo, minAreaKm2 / EARTH_RADIUS_KM ** 2);
  const fc = feature(simple, simple.objects.units as GeometryCollection<{ code: string }>) as FeatureCollection<Areal, { code: string }>;
  const geoms = geometriesOf(simple);
  const innerBorders = mesh(simple, simple.objects.units as never, (a, b) => a !== b);
  const outerBorder = mesh(simple, simple.objects.units as never, (a, b) => a === b);
  const whole = merge(simple, geoms as never);
  const simplified = fc.features.map((f) => ({ code: f.properties.code, geometry: roundCoords(f.geometry, digits) }));
  return {
    units: simplified,
    innerBorders: roundCoords(innerBorders, digits),
    outerBorder: roundCoords(outerBorder, digits),
    whole: roundCoords(whole, digits),
    verticesBefore: units.reduce((n, u) => n + countVertices(u.geometry), 0),
    verticesAfter: simplified.reduce((n, u) => n + countVertices(u.geometry), 0),
  };
}
