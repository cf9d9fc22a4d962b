import type { Lang } from '../format.ts';
import { COMMUTING_THRESHOLD } from './defaults.ts';
import { REASONS, type HinterlandAssignment, type UnitAssignment } from './assignment.ts';

/** Home → work flows of employed persons at one level: each home unit's total employed and its flows to the cities. */
export interface CommutingLevel {
  /** Home unit code → employed persons living there (CSP's `total` row; flows under 10 are not in the file). */
  totals: Record<string, number>;
  /** [home unit, work unit, employed persons]: every flow into a city's core (its own unit at this level). */
  flows: [string, string, number][];
  /** City id → the code of its work unit at this level (the unit whose workplaces count as the city's). */
  cityWork: Record<string, string>;
}

/** `public/data/commuting.json`: built by `npm run geodata` from CSP's `tea` data after `npm run data:update`. */
export interface CommutingData {
  source: { lv: string; en: string };
  /** The reference year of the flows. */
  year: string;
  /** When `npm run data:update` fetched them (YYYY-MM-DD). */
  retrieved: string;
  municipality?: CommutingLevel;
  territorial?: CommutingLevel;
}

export { COMMUTING_THRESHOLD } from './defaults.ts';

/** How many of the largest flows the flows layer draws (more would be a hairball over Rīga). */
export const COMMUTING_TOP = 40;

/** Per home unit, the share (0–1) of its employed who work in each city; units without a total are left out. */
export function commutingShares(level: CommutingLevel): Map<string, Record<string, number>> {
  const cityOfWork = new Map(Object.entries(level.cityWork).map(([cityId, code]) => [code, cityId]));
  const shares = new Map<string, Record<string, number>>();
  for (const [home, work, n] of level.flows) {
    const cityId = cityOfWork.get(work);
    const total = Object.hasOwn(level.totals, home) ? level.totals[home]! : 0;
    if (!cityId || !(total > 0)) continue;
    const row = shares.get(home) ?? {};
    row[cityId] = (row[cityId] ?? 0) + n / total;
    shares.set(home, row);
  }
  return shares;
}

/** A share in per cent as a reason writes it: one decimal at most, with the language's decimal sign. */
const percent = (pct: number, lang: Lang) => (lang === 'lv' ? String(pct).replace('.', ',') : String(pct));

/**
 * The commuting hinterlands: each unit goes to the city that draws the largest share of its
 * employed residents, when that share is at least `thresholdPct` per cent; every city's own core
 * (`cores`, city → unit code) goes to that city whatever its flows. A unit with no total in the
 * data, or with no city above the threshold, belongs to none, and its reason says which.
 */
export function commutingPartition(unitCodes: readonly string[], level: CommutingLevel, cores: ReadonlyMap<string, string>, thresholdPct: number): HinterlandAssignment {
  const shares = commutingShares(level);
  const cityOfCore = new Map([...cores].map(([cityId, code]) => [code, cityId]));
  return unitCodes.map((code): UnitAssignment => {
    const core = cityOfCore.get(code);
    if (core) return { code, name: '', cityId: core, role: 'city', reason: REASONS.ownTerritory, source: 'CSP/VZD boundaries' };
    if (!Object.hasOwn(level.totals, code)) return { code, name: '', cityId: null, role: null, reason: { lv: 'šai vienībai nav svārstmigrācijas datu', en: 'no commuting figures for this unit' }, source: '' };
    let best: [string, number] | null = null;
    for (const [cityId, share] of Object.entries(shares.get(code) ?? {})) if (!best || share > best[1] || (share === best[1] && cityId < best[0])) best = [cityId, share];
    if (!best || best[1] * 100 < thresholdPct) return { code, name: '', cityId: null, role: null, reason: { lv: `neviena pilsēta nepiesaista ${percent(thresholdPct, 'lv')} % tās nodarbināto`, en: `no city draws ${percent(thresholdPct, 'en')} % of its employed` }, source: '' };
    const share = Math.round(best[1] * 1000) / 10;
    return { code, name: '', cityId: best[0], role: 'hinterland', reason: { lv: `${percent(share, 'lv')} % tās nodarbināto strādā pilsētā`, en: `${percent(share, 'en')} % of its employed work in the city` }, source: 'CSP, tea' };
  });
}

/** Why a threshold is refused (in both languages), or null when it is usable. */
export function thresholdProblem(pct: number): { lv: string; en: string } | null {
  if (Number.isFinite(pct) && pct >= COMMUTING_THRESHOLD.min && pct <= COMMUTING_THRESHOLD.max) return null;
  const range = `${COMMUTING_THRESHOLD.min}–${COMMUTING_THRESHOLD.max} %`;
  return { lv: `Slieksnim jābūt no ${range}`, en: `The threshold must be within ${range}` };
}
