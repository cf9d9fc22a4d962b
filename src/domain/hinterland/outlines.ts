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
 * One label point per city of an assignment: the label point of the largest unit of its
 * hinterland, or of its own unit when it has no hinterland. A hinterland's name then sits inside
 * it and away from the city's own label at the city point. Cities in order of first appearance.
 */
export function hinterlandLabelPoints(assignment: HinterlandAssignment, units: readonly LabelUnit[]): FeatureCollection<Point, { cityId: string }> {
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const best = new Map<string, { unit: LabelUnit; hinterland: boolean }>();
  for (const a of assignment) {
    const unit = unitByCode.get(a.code);
    if (a.cityId === null || !unit) continue;
    const hinterland = a.role !== 'city';
    const prev = best.get(a.cityId);
    if (!prev || (hinterland && !prev.hinterland) || (hinterland === prev.hinterland && unit.areaKm2 > prev.unit.areaKm2)) best.set(a.cityId, { unit, hinterland });
  }
  return {
    type: 'FeatureCollection',
    features: [...best].map(([cityId, { unit }]) => ({ type: 'Feature', properties: { cityId }, geometry: { type: 'Point', coordinates: [unit.lon, unit.lat] } })),
  };
}
