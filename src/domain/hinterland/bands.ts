import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buffer, featureCollection, intersect, point } from '@turf/turf';

/** A city point for distance bands (WGS84). */
export interface BandCity {
  id: string;
  lon: number;
  lat: number;
}

/** Properties of one distance band: the city and the radius it was drawn with. */
export interface BandProps {
  cityId: string;
  km: number;
}

/**
 * Segments per quarter circle of a band. Turf's default of 8 makes a 32-gon whose edge falls up to
 * 0.5 % of the radius inside the circle; 16 keeps that under 0.13 % (under 40 m at 30 km).
 */
const STEPS = 16;

/**
 * The area within `km` kilometres of each city, clipped to Latvia: one feature per city, in the
 * order given, overlaps between cities kept (they are bands, not a partition). Turf buffers a
 * point in an azimuthal equidistant projection centred on it, so the circle is geodesic;
 * `intersect` then cuts it to `latviaOutline`. A city whose band misses the outline entirely
 * (impossible for the ten cities, which lie inside) is left out. The clipping writes outer rings
 * counter-clockwise (RFC 7946). Throws on a radius that is not a positive number.
 */
export function distanceBands(
  cities: readonly BandCity[],
  km: number,
  latviaOutline: Feature<Polygon | MultiPolygon> | Polygon | MultiPolygon,
): FeatureCollection<Polygon | MultiPolygon, BandProps> {
  if (!(km > 0) || !Number.isFinite(km)) throw new Error(`band radius must be a positive number of km, not ${km}`);
  const outline: Feature<Polygon | MultiPolygon> = 'geometry' in latviaOutline ? latviaOutline : { type: 'Feature', properties: {}, geometry: latviaOutline };
  const features: Feature<Polygon | MultiPolygon, BandProps>[] = [];
  for (const c of cities) {
    const circle = buffer(point([c.lon, c.lat]), km, { units: 'kilometers', steps: STEPS });
    if (!circle) continue;
    const clipped = intersect(featureCollection([circle, outline]));
    if (!clipped) continue;
    features.push({ type: 'Feature', properties: { cityId: c.id, km }, geometry: clipped.geometry });
  }
  return { type: 'FeatureCollection', features };
}
