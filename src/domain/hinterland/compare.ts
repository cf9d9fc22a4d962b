import type { HinterlandAssignment } from './assignment.ts';
import { jaccardByArea } from './fua.ts';

/** What one definition gives a city: how many units and how much area. */
export interface DefinitionShare {
  units: number;
  areaKm2: number;
}

/** One city under each definition compared, and how far each pair of definitions agree for it. */
export interface DefinitionComparison {
  cityId: string;
  byDefinition: Record<string, DefinitionShare | null>;
  /** Jaccard index by area of the city's units under two definitions, keyed `a|b`; null when either is missing. */
  agreement: Record<string, number | null>;
}

/**
 * Compares hinterland definitions city by city, on the same units: the units and area each gives
 * every city (its core included), and for each pair of definitions the Jaccard index by area of
 * the city's two hinterlands (1: the same territory, 0: none in common). A definition given as
 * null (not available yet) gives no figures and no agreement, never zeros.
 */
export function compareDefinitions(partitions: Readonly<Record<string, HinterlandAssignment | null>>, cityIds: readonly string[], areaOf: ReadonlyMap<string, number>): DefinitionComparison[] {
  const names = Object.keys(partitions);
  const unitsOf = (p: HinterlandAssignment, cityId: string) => new Set(p.filter((a) => a.cityId === cityId).map((a) => a.code));
  return cityIds.map((cityId) => {
    const sets = Object.fromEntries(names.map((n) => [n, partitions[n] ? unitsOf(partitions[n]!, cityId) : null]));
    const byDefinition = Object.fromEntries(
      names.map((n) => {
        const set = sets[n];
        return [n, set ? { units: set.size, areaKm2: Math.round([...set].reduce((s, c) => s + (areaOf.get(c) ?? 0), 0) * 10) / 10 } : null];
      }),
    );
    const agreement: Record<string, number | null> = {};
    names.forEach((a, i) =>
      names.slice(i + 1).forEach((b) => {
        const [x, y] = [sets[a], sets[b]];
        agreement[`${a}|${b}`] = x && y ? Math.round(jaccardByArea(x, y, areaOf) * 1000) / 1000 : null;
      }),
    );
    return { cityId, byDefinition, agreement };
  });
}
