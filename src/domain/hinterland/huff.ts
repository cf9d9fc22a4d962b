import { DEFAULT_HUFF, type HuffParams } from './defaults.ts';
/** A place that is drawn to cities: a unit, by its label point or centroid (WGS84). */
export interface HuffUnit {
  code: string;
  lon: number;
  lat: number;
}

/** A city that draws: its point (WGS84) and its mass, a population of one measure and year. */
export interface HuffCity {
  id: string;
  lon: number;
  lat: number;
  population: number;
}

export type { HuffParams } from './defaults.ts';
export { DEFAULT_HUFF } from './defaults.ts';

/** Mean Earth radius (IUGG), the one Turf uses, so distances agree with Turf's. */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km between two WGS84 points, by the haversine formula. */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** For one unit: the probability that it turns to each city, keyed by city id; the shares sum to 1. */
export interface HuffShares {
  code: string;
  shares: Record<string, number>;
}

/**
 * Huff's probabilistic gravity model: for each unit, each city's share of the total attraction,
 * where a city's attraction is population^alpha / distance_km^beta and distance is the
 * great-circle distance from the unit's point to the city's point, never less than
 * `minDistanceKm`. A plain haversine instead of Turf keeps the 42 × 10 loop trivially fast. Throws
 * on no cities, a repeated city id, a non-positive population or a non-finite parameter, any of
 * which would make the shares meaningless.
 */
export function huffShares(units: readonly HuffUnit[], cities: readonly HuffCity[], params: HuffParams = DEFAULT_HUFF): HuffShares[] {
  const { alpha, beta } = params;
  const minKm = params.minDistanceKm ?? DEFAULT_HUFF.minDistanceKm;
  if (![alpha, beta, minKm].every(Number.isFinite) || minKm <= 0) throw new Error('Huff parameters must be finite and the minimum distance positive');
  if (cities.length === 0) throw new Error('Huff needs at least one city');
  if (new Set(cities.map((c) => c.id)).size !== cities.length) throw new Error('Huff city ids must be unique');
  const bad = cities.find((c) => !(c.population > 0));
  if (bad) throw new Error(`city ${bad.id}: population must be positive`);
  const mass = cities.map((c) => c.population ** alpha);
  return units.map((u) => {
    const attraction = cities.map((c, i) => mass[i]! / Math.max(minKm, haversineKm(u.lon, u.lat, c.lon, c.lat)) ** beta);
    const total = attraction.reduce((s, a) => s + a, 0);
    const shares: Record<string, number> = {};
    cities.forEach((c, i) => (shares[c.id] = attraction[i]! / total));
    return { code: u.code, shares };
  });
}

/** For one unit: the city with the highest Huff share, and that share. */
export interface HuffWinner {
  code: string;
  cityId: string;
  share: number;
}

/**
 * Each unit's most probable city under `huffShares`. Equal shares go to the city listed first in
 * `cities`, so the result does not depend on object key order.
 */
export function huffAssignment(units: readonly HuffUnit[], cities: readonly HuffCity[], params: HuffParams = DEFAULT_HUFF): HuffWinner[] {
  return huffShares(units, cities, params).map(({ code, shares }) => {
    let best: HuffWinner = { code, cityId: '', share: -1 };
    for (const c of cities) {
      const share = shares[c.id]!;
      if (share > best.share) best = { code, cityId: c.id, share };
    }
    return best;
  });
}
