import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import type { HinterlandAssignment } from './assignment.ts';

type Areal = Polygon | MultiPolygon;
type UnitObject = GeometryObject<{ code: string }>;

/** The units as one topology: every border between two units is one shared arc. */
export type UnitTopology = Topology<{ units: GeometryCollection<{ code: string }> }>;

/** What a line of a hinterland outline is: the edge of a whole city + hinterland, or the city's own border inside it. */
export type OutlineKind = 'outline' | 'city';

/**
 * The topology of the units, built once per set of boundaries (topojson-server, no quantisation,
 * so coordinates stay the input's own). Outlines of any assignment are then meshed from its shared
 * arcs in a millisecond or two, which is what lets the map redraw a gravity hinterland while a
 * slider moves; `dissolveHinterlands` builds the same topology but also merges polygons and checks
 * them, which takes hundreds of milliseconds.
 */
export function unitTopology<P extends { code: string }>(units: FeatureCollection<Areal, P>): UnitTopology {
  const fc: FeatureCollection<Areal, { code: string }> = {
    type: 'FeatureCollection',
    features: units.features.map((f) => ({ type: 'Feature', properties: { code: f.properties.code }, geometry: f.geometry })),
  };
  return topology({ units: fc }) as unknown as UnitTopology;
}

/**
 * The dissolved outlines of an assignment as lines: `outline` is every arc where a city's area
 * (its own unit and its hinterland) meets a unit of another city, an unassigned unit, the sea or
 * the national border; `city` is every arc between a city's own unit and a unit of its hinterland,
 * so that the map can tell city from hinterland inside one outline. Arcs between two unassigned
 * units are not drawn. This is the boundary of `dissolveHinterlands`' areas, taken from the same
 * shared arcs, so neighbouring outlines meet exactly.
 */
export function hinterlandOutlines(topo: UnitTopology, assignment: HinterlandAssignment): FeatureCollection<MultiLineString, { kind: OutlineKind }> {
  const byCode = new Map(assignment.map((a) => [a.code, a]));
  const codeOf = (g: UnitObject) => (g.properties as { code: string }).code;
  const cityOf = (g: UnitObject) => byCode.get(codeOf(g))?.cityId ?? null;
  const isCity = (g: UnitObject) => byCode.get(codeOf(g))?.role === 'city';
  const units = topo.objects.units;
  const outline = mesh(topo, units, (a, b) => {
    const ca = cityOf(a as UnitObject);
    const cb = cityOf(b as UnitObject);
    return a === b ? ca !== null : ca !== cb;
  });
  const city = mesh(topo, units, (a, b) => a !== b && cityOf(a as UnitObject) !== null && cityOf(a as UnitObject) === cityOf(b as UnitObject) && isCity(a as UnitObject) !== isCity(b as UnitObject));
  const features: Feature<MultiLineString, { kind: OutlineKind }>[] = [];
  if (outline.coordinates.length > 0) features.push({ type: 'Feature', properties: { kind: 'outline' }, geometry: outline });
  if (city.coordinates.length > 0) features.push({ type: 'Feature', properties: { kind: 'city' }, geometry: city });
  return { type: 'FeatureCollection', features };
}

/** A unit's label point and area, for placing a hinterland's label. */
export interface LabelUnit {
  code: string;
  lon: number;
  lat: number;
  areaKm2: number;
}

/**
 * How well a unit holds its hinterland's name: large and near the city. Without the city's point,
 * area alone; with it, area over distance squared (in km, at least 1), so the name sits on the part
 * of the hinterland that touches its city rather than on a large unit at its far end.
 */
function labelScore(unit: LabelUnit, city: [number, number] | undefined): number {
  if (!city) return unit.areaKm2;
  const km = Math.hypot((unit.lon - city[0]) * 111.32 * Math.cos((city[1] * Math.PI) / 180), (unit.lat - city[1]) * 111.32);
  return unit.areaKm2 / Math.max(1, km) ** 2;
}

/**
 * One label point per city of an assignment: the label point of the unit of its hinterland that
 * is large and near the city (`labelScore`; the largest when no city points are given), or of its
 * own unit when it has no hinterland. A hinterland's name then sits once, inside it, beside its
 * city and away from the city's own label at the city point. Cities in order of first appearance.
 */
export function hinterlandLabelPoints(assignment: HinterlandAssignment, units: readonly LabelUnit[], cityPoints: ReadonlyMap<string, [number, number]> = new Map()): FeatureCollection<Point, { cityId: string }> {
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const best = new Map<string, { unit: LabelUnit; hinterland: boolean; score: number }>();
  for (const a of assignment) {
    const unit = unitByCode.get(a.code);
    if (a.cityId === null || !unit) continue;
    const hinterland = a.role !== 'city';
    const score = labelScore(unit, cityPoints.get(a.cityId));
    const prev = best.get(a.cityId);
    if (!prev || (hinterland && !prev.hinterland) || (hinterland === prev.hinterland && score > prev.score)) best.set(a.cityId, { unit, hinterland, score });
  }
  return {
    type: 'FeatureCollection',
    features: [...best].map(([cityId, { unit }]) => ({ type: 'Feature', properties: { cityId }, geometry: { type: 'Point', coordinates: [unit.lon, unit.lat] } })),
  };
}
