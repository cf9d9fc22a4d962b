import { REASONS, type HinterlandAssignment, type UnitAssignment } from './assignment.ts';
import { agreementWithFuas, type FitPoint, type GravityFit } from './fua.ts';
import { huffAssignment, type HuffCity, type HuffUnit } from './huff.ts';

/**
 * The gravity hinterlands under the city-core rule: each unit goes to the city with the highest
 * Huff share, except a city's own core (`cores`, city → unit code), which always goes to its city,
 * whatever the model says: a state city is never part of another's hinterland.
 */
export function huffPartitionWithCores(units: readonly HuffUnit[], cities: readonly HuffCity[], alpha: number, beta: number, cores: ReadonlyMap<string, string>): HinterlandAssignment {
  const cityOfCore = new Map([...cores].map(([cityId, code]) => [code, cityId]));
  return huffAssignment(units, cities, { alpha, beta }).map(({ code, cityId }): UnitAssignment => {
    const core = cityOfCore.get(code);
    if (core) return { code, name: '', cityId: core, role: 'city', reason: REASONS.ownTerritory, source: 'model' };
    return { code, name: '', cityId, role: 'hinterland', reason: { lv: 'Hafa modelis', en: 'Huff model' }, source: 'model' };
  });
}

/** The grid the fit searches: α (population) 0.5–2 by 0.25, β (distance) 1–4 by 0.25. */
export const FIT_ALPHAS = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];
export const FIT_BETAS = [1, 1.25, 1.5, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 3.75, 4];

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Fits the Huff exponents to Eurostat's functional urban areas: for every (α, β) of the grid, the
 * gravity hinterlands of the territorial units (cores kept) are compared with the FUA hinterlands
 * (cores kept): for each FUA city, the Jaccard index by area of its two hinterlands, and their mean
 * over the FUA cities is the score. Which city wins a unit depends only on α/β (the winner of
 * p^α / d^β is the winner of p^(α/β) / d), so every point on one ratio scores the same: of the best,
 * the one with α nearest 1 (a city's population itself as its mass) wins, then the smaller β. The
 * textbook α 1, β 2 is scored for comparison.
 */
export function fitGravityToFuas(
  units: readonly (HuffUnit & { areaKm2: number })[],
  cities: readonly HuffCity[],
  cores: ReadonlyMap<string, string>,
  fuaPartition: HinterlandAssignment,
  massYear: string,
  alphas: readonly number[] = FIT_ALPHAS,
  betas: readonly number[] = FIT_BETAS,
): GravityFit {
  const areaOf = new Map(units.map((u) => [u.code, u.areaKm2]));
  const fuaCities = [...new Set(fuaPartition.filter((a) => a.role === 'hinterland').map((a) => a.cityId!))].sort();
  const score = (alpha: number, beta: number): FitPoint => {
    const { score: s, byCity } = agreementWithFuas(huffPartitionWithCores(units, cities, alpha, beta, cores), fuaPartition, fuaCities, areaOf);
    return { alpha, beta, score: round3(s), byCity: Object.fromEntries(Object.entries(byCity).map(([k, v]) => [k, round3(v)])) };
  };
  const points = betas.flatMap((beta) => alphas.map((alpha) => score(alpha, beta)));
  const top = Math.max(...points.map((p) => p.score));
  const best = points.filter((p) => p.score === top).sort((a, b) => Math.abs(a.alpha - 1) - Math.abs(b.alpha - 1) || a.beta - b.beta)[0]!;
  return { alphas: [...alphas], betas: [...betas], points, best, textbook: score(1, 2), massYear };
}

/** What the masses need of a city: its id, point and the geo id its population is stored under. */
export interface MassCity {
  id: string;
  geo: string;
  lon: number;
  lat: number;
}

/**
 * The cities as the gravity model weighs them: each with its `city_population` of the latest year
 * in which all of them have one (one measure, one year), or null when there is no such year.
 */
export function cityMasses(cities: readonly MassCity[], observations: readonly { geo: string; indicator: string; year: string; value: number; source: number }[]): { year: string; sources: number[]; cities: HuffCity[] } | null {
  const obs = observations.filter((o) => o.indicator === 'city_population');
  const years = [...new Set(obs.map((o) => o.year))].sort().reverse();
  const year = years.find((y) => cities.every((c) => obs.some((o) => o.geo === c.geo && o.year === y)));
  if (!year) return null;
  const picked = cities.map((c) => obs.find((o) => o.geo === c.geo && o.year === year)!);
  return {
    year,
    sources: [...new Set(picked.map((o) => o.source))].sort((a, b) => a - b),
    cities: cities.map((c, i) => ({ id: c.id, lon: c.lon, lat: c.lat, population: picked[i]!.value })),
  };
}
