import { REASONS, type HinterlandAssignment, type UnitAssignment } from './assignment.ts';

/** A 2022 territorial unit that does not lie cleanly in one FUA or outside all: its shares of area. */
export interface FuaMatch {
  code: string;
  name: string;
  /** Share of the unit's area per FUA code (`none`: outside every FUA), to 0.001. */
  shares: Record<string, number>;
  /** The city whose FUA holds more than half of it, or null. */
  assigned: string | null;
}

/** One functional urban area, as Eurostat lists it, with the state city it is named after. */
export interface Fua {
  code: string;
  name: string;
  cityId: string;
  /** The LAU 2019 municipalities it is made of. */
  lauCount: number;
  /** Today's territorial units carried into it. */
  unitCount: number;
}

/** One point of the gravity fit: the exponents and their agreement with the FUAs. */
export interface FitPoint {
  alpha: number;
  beta: number;
  /** Mean, over the FUA cities, of the Jaccard index by area of FUA and gravity hinterland. */
  score: number;
  /** The Jaccard index per FUA city. */
  byCity: Record<string, number>;
}

/** The fit of the Huff exponents to the FUAs, as `public/data/fua.json` carries it. */
export interface GravityFit {
  alphas: number[];
  betas: number[];
  points: FitPoint[];
  best: FitPoint;
  /** The textbook exponents (α 1, β 2), for comparison. */
  textbook: FitPoint;
  /** The year and source of the city populations the fit used as masses. */
  massYear: string;
}

/** `public/data/fua.json`: Eurostat's FUAs carried to today's territorial units, and the gravity fit. */
export interface FuaData {
  source: { lv: string; en: string };
  fuas: Fua[];
  /** Territorial unit code → the city whose FUA holds it (more than half of its area). */
  membership: Record<string, string>;
  /** Units that do not lie cleanly in one FUA or outside all (their shares). */
  matches: FuaMatch[];
  /** FUA municipalities (LAU 2019) in which no 2022 unit lies mostly. */
  unmatchedLaus: string[];
  gravityFit: GravityFit;
}

/**
 * The FUA hinterlands on territorial units under the city-core rule: a unit in a city's FUA goes
 * to that city, every city's own core (`cores`, city → unit code) to that city whatever FUA it is in
 * (Jūrmala and Ogre lie inside Rīga's FUA, but their own towns are theirs), and the rest to none.
 */
export function fuaPartition(unitCodes: readonly string[], membership: Readonly<Record<string, string>>, cores: ReadonlyMap<string, string>): HinterlandAssignment {
  const cityOfCore = new Map([...cores].map(([cityId, code]) => [code, cityId]));
  return unitCodes.map((code): UnitAssignment => {
    const core = cityOfCore.get(code);
    if (core) return { code, name: '', cityId: core, role: 'city', reason: REASONS.ownTerritorialUnit, source: 'CSP/VZD boundaries' };
    const cityId = Object.hasOwn(membership, code) ? membership[code]! : null;
    return { code, name: '', cityId, role: cityId ? 'hinterland' : null, reason: cityId ? { lv: 'Eurostat funkcionālā pilsētas teritorija', en: 'Eurostat functional urban area' } : REASONS.none, source: cityId ? 'Eurostat, LAU 2019' : '' };
  });
}

/**
 * The Jaccard index by area of two sets of units: the area they share over the area of their union
 * (1 when they coincide, 0 when they are disjoint or both empty).
 */
export function jaccardByArea(a: ReadonlySet<string>, b: ReadonlySet<string>, areaOf: ReadonlyMap<string, number>): number {
  let both = 0;
  let either = 0;
  for (const code of new Set([...a, ...b])) {
    const area = areaOf.get(code) ?? 0;
    either += area;
    if (a.has(code) && b.has(code)) both += area;
  }
  return either > 0 ? both / either : 0;
}

/**
 * How well a partition agrees with the FUAs: for each FUA city, the Jaccard index by area of the
 * units the FUA partition gives it and the units the other partition gives it; and their mean.
 */
export function agreementWithFuas(partition: HinterlandAssignment, fuas: HinterlandAssignment, fuaCities: readonly string[], areaOf: ReadonlyMap<string, number>): { score: number; byCity: Record<string, number> } {
  const unitsOf = (p: HinterlandAssignment, cityId: string) => new Set(p.filter((a) => a.cityId === cityId).map((a) => a.code));
  const byCity: Record<string, number> = {};
  for (const c of fuaCities) byCity[c] = jaccardByArea(unitsOf(partition, c), unitsOf(fuas, c), areaOf);
  const score = fuaCities.length > 0 ? fuaCities.reduce((s, c) => s + byCity[c]!, 0) / fuaCities.length : 0;
  return { score, byCity };
}
