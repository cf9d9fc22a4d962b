import { distance } from '@turf/turf';

/** A place for the gravity model: one population measure, the same year for all places. */
export interface GravityPlace {
  id: string;
  population: number;
  lon: number;
  lat: number;
}

/**
 * A modelled pair, never a documented link: `kind: 'model'` keeps it apart from `Link`
 * (`kind: 'documented'`) in every union, layer and legend.
 */
export interface ModelPair {
  kind: 'model';
  model: 'gravity';
  /** The pair's place ids, in id order (the model has no direction). */
  from: string;
  to: string;
  /** P_from × P_to / d², persons² per km². */
  potential: number;
  /** Great-circle distance between the points (Turf, haversine, mean Earth radius). */
  distanceKm: number;
}

/**
 * The gravity model's interaction potential of every pair of places, P_i × P_j / d_ij² with d in
 * km: a theoretical attraction from size and distance, not a documented relation. Pass one
 * population measure of one year for all places (the data README warns against mixing them).
 * Pairs are sorted by potential, highest first (ties by ids), and cut to the `top` ones.
 */
export function gravityPotential(places: readonly GravityPlace[], options: { top?: number } = {}): ModelPair[] {
  const ids = new Set<string>();
  for (const p of places) {
    if (ids.has(p.id)) throw new RangeError(`place ${p.id} given twice`);
    ids.add(p.id);
    if (!(Number.isFinite(p.population) && p.population >= 0)) throw new RangeError(`population of ${p.id} is not a count: ${p.population}`);
  }
  const pairs: ModelPair[] = [];
  places.forEach((a, i) => {
    for (const b of places.slice(i + 1)) {
      const distanceKm = distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
      if (distanceKm === 0) throw new RangeError(`${a.id} and ${b.id} share a position`);
      const [from, to] = a.id < b.id ? [a.id, b.id] : [b.id, a.id];
      pairs.push({ kind: 'model', model: 'gravity', from, to, potential: (a.population * b.population) / distanceKm ** 2, distanceKm });
    }
  });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  pairs.sort((x, y) => y.potential - x.potential || cmp(x.from, y.from) || cmp(x.to, y.to));
  return options.top === undefined ? pairs : pairs.slice(0, options.top);
}
