import type { Position } from 'geojson';
import type { End } from './model.ts';

// Apart from the GeoJSON exchange (geojson.ts) so that drawing the links does not bring the
// import code, its validator and codec into the first view.

/** Where ends are drawn: city points by id, and a point per municipality (its label point) by CSP code. */
export interface EndPositions {
  cities: ReadonlyMap<string, Position>;
  units: ReadonlyMap<string, Position>;
}

/**
 * The map position of an end, or undefined when it has none: an organisation is drawn at its
 * seat city or at coordinates from a source; a network, or a place abroad whose coordinates no
 * source gives, is listed with its city but not drawn.
 */
export function endPosition(end: End, positions: EndPositions): Position | undefined {
  if (end.kind === 'city') return positions.cities.get(end.id);
  if (end.kind === 'unit') return positions.units.get(end.code);
  if (!end.at) return undefined;
  return 'seat' in end.at ? positions.cities.get(end.at.seat) : [end.at.lon, end.at.lat];
}
