import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { feature, merge, mesh } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { booleanValid, kinks } from '@turf/turf';
import type { TerritorialUnitKind } from '../src/domain/hinterland/territorial.ts';
import { ellipsoidalAreaKm2 } from './area.ts';
import { PipelineError } from './errors.ts';
import { tilingProblems } from './tiling.ts';
import type { SourceUnit } from './official.ts';
import { currentUnitOf, type UnitRow } from './units.ts';

type Areal = Polygon | MultiPolygon;

/**
 * Whether a (Multi)Polygon is usable: closed rings and no self-intersection. Turf's booleanValid
 * alone lets a bow-tie ring through, so `kinks` looks for crossing edges as well.
 */
export function isValidAreal(g: Areal): boolean {
  return booleanValid(g) && kinks(g).features.length === 0;
}

/**
 * Checks the territorial units against units.csv before anything is built: a duplicate code, a
 * municipality that units.csv does not know, or an invalid geometry stops the build, naming the
 * file and the feature.
 */
export function checkSourceUnits(units: SourceUnit[], rows: UnitRow[], file: string): void {
  const known = new Set(rows.map((r) => r.code));
  const seen = new Set<string>();
  units.forEach((u, i) => {
    const where = `feature ${i + 1} (${u.code} ${u.name})`;
    if (seen.has(u.code)) throw new PipelineError(file, null, `${where}: territorial unit listed twice`);
    seen.add(u.code);
    if (!known.has(u.municipalityCode)) throw new PipelineError(file, null, `${where}: unknown municipality ${u.municipalityCode} (not in units.csv)`);
    if (!isValidAreal(u.geometry)) throw new PipelineError(file, null, `${where}: invalid geometry (self-intersection or bad ring)`);
  });
}

/** A territorial unit of the division the map shows, simplified for the web. */
export interface DivisionUnit {
  code: string;
  /** The current municipality (after merges on `asOf`). */
  municipalityCode: string;
  name: string;
  kind: TerritorialUnitKind;
  /** Ellipsoidal area of the unsimplified outline, km². */
  areaKm2: number;
  /** The unsimplified outline, for checks and label points. */
  source: Areal;
  geometry: Areal;
}

/** A municipality of the division, dissolved from its simplified territorial units. */
export interface DivisionMunicipality {
  code: string;
  areaKm2: number;
  geometry: Areal;
}

/** Everything drawn from one simplified topology of the territorial units. */
export interface Division {
  units: DivisionUnit[];
  /** In units.csv order. */
  municipalities: DivisionMunicipality[];
  /** Latvia: the union of every unit. */
  whole: Areal;
  innerBorders: MultiLineString;
  outerBorder: MultiLineString;
  areaKm2: number;
  verticesBefore: number;
  verticesAfter: number;
  /** Arcs kept unsimplified because simplifying them made a unit invalid or broke the tiling. */
  restoredArcs: number;
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

const asAreal = (m: MultiPolygon): Areal => (m.coordinates.length === 1 ? { type: 'Polygon', coordinates: m.coordinates[0]! } : m);

type UnitGeometry = GeometryCollection<{ code: string }>['geometries'][number] & { properties: { code: string } };

/** The indices of the arcs a polygon geometry uses (a negative index ~i is arc i reversed). */
function arcIndices(g: UnitGeometry): number[] {
  const arcs = (g as unknown as { arcs: number[][] | number[][][] }).arcs;
  return (arcs.flat(2) as number[]).map((i) => (i < 0 ? ~i : i));
}

/**
 * Builds the division current on `asOf` from the territorial units: one topology of all units,
 * simplified once on its shared arcs (Visvalingam on spherical triangle area, `minAreaKm2`), from
 * which the units, the municipalities (a unit's municipality after merges, e.g. Varakļānu novads'
 * parishes into Madonas novads), Latvia and the border lines are all taken. Neighbours therefore
 * keep identical borders, and a municipality's or a city's outline is exactly its units' border.
 * Areas come from the unsimplified outlines. Coordinates are rounded to `digits` decimals.
 */
export function buildDivision(source: SourceUnit[], rows: UnitRow[], asOf: string, minAreaKm2: number, digits: number, toleranceKm2: number): Division {
  const EARTH_RADIUS_KM = 6371.0088;
  const collection: FeatureCollection<Areal, { code: string }> = {
    type: 'FeatureCollection',
    features: source.map((u) => ({ type: 'Feature', properties: { code: u.code }, geometry: u.geometry })),
  };
  const topo = presimplify(topology({ units: collection }) as unknown as Topology<{ units: GeometryCollection<{ code: string }> }>, sphericalTriangleArea);
  const geoms = (topo.objects.units as GeometryCollection<{ code: string }>).geometries as UnitGeometry[];
  // Visvalingam can make an arc cross itself or its neighbour. Such a unit's arcs keep every vertex
  // and the whole is simplified again, until each unit is valid and the units tile (or nothing is
  // left to restore: the final checks in buildDataset then name what is wrong).
  let simple = simplify(topo, minAreaKm2 / EARTH_RADIUS_KM ** 2);
  let simplified = (feature(simple, simple.objects.units as GeometryCollection<{ code: string }>) as FeatureCollection<Areal, { code: string }>).features;
  let restoredArcs = 0;
  for (let round = 0; round < 20; round++) {
    const rounded = simplified.map((f) => ({ code: f.properties.code, geometry: roundCoords(f.geometry, digits) }));
    const bad = new Set(rounded.filter((u) => !isValidAreal(u.geometry)).map((u) => u.code));
    if (bad.size === 0) for (const p of tilingProblems(rounded, toleranceKm2)) for (const c of p.codes) bad.add(c);
    const arcs = new Set(geoms.filter((g) => bad.has(g.properties.code)).flatMap((g) => arcIndices(g)));
    const toRestore = [...arcs].filter((i) => topo.arcs[i]!.some((p) => p[2] !== Infinity));
    if (toRestore.length === 0) break;
    for (const i of toRestore) for (const p of topo.arcs[i]!) p[2] = Infinity;
    restoredArcs += toRestore.length;
    simple = simplify(topo, minAreaKm2 / EARTH_RADIUS_KM ** 2);
    simplified = (feature(simple, simple.objects.units as GeometryCollection<{ code: string }>) as FeatureCollection<Areal, { code: string }>).features;
  }

  const municipalityOf = new Map(source.map((u) => [u.code, currentUnitOf(u.municipalityCode, rows, asOf).code]));
  const units: DivisionUnit[] = source.map((u, i) => ({
    code: u.code,
    municipalityCode: municipalityOf.get(u.code)!,
    name: u.name,
    kind: u.kind,
    areaKm2: ellipsoidalAreaKm2(u.geometry),
    source: u.geometry,
    geometry: roundCoords(simplified[i]!.geometry, digits),
  }));

  const byMunicipality = new Map<string, UnitGeometry[]>();
  for (const g of geoms) {
    const m = municipalityOf.get(g.properties.code)!;
    byMunicipality.set(m, [...(byMunicipality.get(m) ?? []), g]);
  }
  const municipalities: DivisionMunicipality[] = rows
    .filter((r) => byMunicipality.has(r.code))
    .map((r) => ({
      code: r.code,
      areaKm2: units.filter((u) => u.municipalityCode === r.code).reduce((s, u) => s + u.areaKm2, 0),
      geometry: roundCoords(asAreal(merge(simple, byMunicipality.get(r.code)! as never)), digits),
    }));

  const object = simple.objects.units as GeometryCollection<{ code: string }>;
  const municipalityOfGeometry = (g: unknown) => municipalityOf.get((g as UnitGeometry).properties.code);
  return {
    units,
    municipalities,
    whole: roundCoords(asAreal(merge(simple, geoms as never)), digits),
    innerBorders: roundCoords(mesh(simple, object as never, (a, b) => a !== b && municipalityOfGeometry(a) !== municipalityOfGeometry(b)), digits),
    outerBorder: roundCoords(mesh(simple, object as never, (a, b) => a === b), digits),
    restoredArcs,
    areaKm2: units.reduce((s, u) => s + u.areaKm2, 0),
    verticesBefore: source.reduce((n, u) => n + countVertices(u.geometry), 0),
    verticesAfter: units.reduce((n, u) => n + countVertices(u.geometry), 0),
  };
}

/** A feature per unit, for code that takes GeoJSON. */
export function unitFeatures<P>(units: { geometry: Areal }[], props: (i: number) => P): Feature<Areal, P>[] {
  return units.map((u, i) => ({ type: 'Feature', properties: props(i), geometry: u.geometry }));
}
