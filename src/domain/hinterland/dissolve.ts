import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { featureCollection, kinks, rewind, union } from '@turf/turf';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { assignedCities, type HinterlandAssignment } from './assignment.ts';

type Areal = Polygon | MultiPolygon;
type TopoAreal = (TopoPolygon<{ code: string }> | TopoMultiPolygon<{ code: string }>) & { properties: { code: string } };

/** Properties of a dissolved area: whose it is and the unit codes it was made of. */
export interface HinterlandProps {
  cityId: string;
  units: string[];
}

/** The dissolved geometry of an assignment, for the map. */
export interface DissolvedHinterlands {
  /** One feature per assigned city: its own unit (if any) and every unit assigned to it. */
  areas: FeatureCollection<Areal, HinterlandProps>;
  /**
   * The same without the city's own unit, so that the map can tell city from hinterland; for a city
   * inside its novads (Valmiera, Jēkabpils, Ogre) this is the whole novads, the city being a point.
   * A city with no unit besides its own (Jūrmala in the committed assignment) has no feature here.
   */
  hinterlands: FeatureCollection<Areal, HinterlandProps>;
  /** Every unit assigned to no city, as one feature, or null when there is none. */
  unassigned: Feature<Areal, { units: string[] }> | null;
}

/**
 * Whether edges of a (Multi)Polygon cross away from its vertices. Parts that touch at a vertex (two
 * units meeting only at a corner) are fine; Turf's `kinks` reports those too, so they are skipped.
 */
function crossesItself(g: Areal): boolean {
  const vertices = new Set((g.type === 'Polygon' ? g.coordinates : g.coordinates.flat()).flat().map((p) => `${p[0]},${p[1]}`));
  return kinks(g).features.some((k) => !vertices.has(`${k.geometry.coordinates[0]},${k.geometry.coordinates[1]}`));
}

const single = (merged: MultiPolygon): Areal => (merged.coordinates.length === 1 ? { type: 'Polygon', coordinates: merged.coordinates[0]! } : merged);

/**
 * Merges units into one (Multi)Polygon per city and, separately, per hinterland without the city's
 * unit. The units are merged along the shared arcs of one topology (topojson-server, then
 * topojson-client `merge`) rather than by polygon union: neighbours share exact borders, so the
 * inner borders vanish without the slivers a floating-point union can leave. Coordinates are the
 * input's own (no quantisation); outer rings are counter-clockwise (RFC 7946). Where the input
 * units overlap by a sliver, so that the merged outline would cross itself, that one group is
 * unioned with Turf instead. Cities come in order of first appearance in the assignment; the input
 * is not changed. Throws if the units and the assignment do not list the same codes, which would
 * leave part of the map unaccounted for.
 */
export function dissolveHinterlands<P extends { code: string }>(municipalities: FeatureCollection<Areal, P>, assignment: HinterlandAssignment): DissolvedHinterlands {
  const fc: FeatureCollection<Areal, { code: string }> = {
    type: 'FeatureCollection',
    features: municipalities.features.map((f) => ({ type: 'Feature', properties: { code: f.properties.code }, geometry: f.geometry })),
  };
  const inMap = new Set(fc.features.map((f) => f.properties.code));
  const inAssignment = new Set(assignment.map((a) => a.code));
  const differ = [...inMap].filter((c) => !inAssignment.has(c)).concat([...inAssignment].filter((c) => !inMap.has(c)));
  if (differ.length > 0) throw new Error(`units and assignment differ: ${differ.join(', ')}`);

  const topo = topology({ units: fc }) as unknown as Topology<{ units: GeometryCollection<{ code: string }> }>;
  const byCode = new Map((topo.objects.units.geometries as TopoAreal[]).map((g) => [g.properties.code, g]));
  const source = new Map(fc.features.map((f) => [f.properties.code, f]));
  // Where input units overlap by a sliver at a T-junction (the former amCharts boundaries did, by
  // about 0.001 km², where Krāslavas, Preiļu and Rēzeknes novads met), the stitched ring crosses itself.
  // Only then is the group unioned polygon by polygon instead, which covers the sliver correctly.
  const mergeCodes = (codes: string[]): Areal => {
    let g = single(merge(topo, codes.map((c) => byCode.get(c)!)));
    if (crossesItself(g)) {
      const unioned = codes.length > 1 ? union(featureCollection(codes.map((c) => source.get(c)!))) : null;
      g = unioned ? unioned.geometry : structuredClone(source.get(codes[0]!)!.geometry);
    }
    return rewind(g, { mutate: true }) as Areal;
  };

  const areas: Feature<Areal, HinterlandProps>[] = [];
  const hinterlands: Feature<Areal, HinterlandProps>[] = [];
  for (const cityId of assignedCities(assignment)) {
    const mine = assignment.filter((a) => a.cityId === cityId);
    const all = mine.map((a) => a.code);
    const outside = mine.filter((a) => a.role !== 'city').map((a) => a.code);
    areas.push({ type: 'Feature', properties: { cityId, units: all }, geometry: mergeCodes(all) });
    if (outside.length > 0) hinterlands.push({ type: 'Feature', properties: { cityId, units: outside }, geometry: mergeCodes(outside) });
  }
  const rest = assignment.filter((a) => a.cityId === null).map((a) => a.code);
  return {
    areas: { type: 'FeatureCollection', features: areas },
    hinterlands: { type: 'FeatureCollection', features: hinterlands },
    unassigned: rest.length > 0 ? { type: 'Feature', properties: { units: rest }, geometry: mergeCodes(rest) } : null,
  };
}
