import type { HinterlandAssignment } from '../domain/hinterland/assignment.ts';
import { compareDefinitions, type DefinitionComparison } from '../domain/hinterland/compare.ts';
import { territorialAssignment } from '../domain/hinterland/territorial.ts';
import { gravityPartition, hinterlandContext, selectAssignment, selectCommutingPartition, selectFuaPartition } from './hinterlandDerived.ts';
import type { HinterlandLevel } from '../domain/hinterland/territorial.ts';
import type { AppState } from './store.ts';

// The definitions side by side (the comparison dialog) and where two disagree (the map's red
// outlines): apart from hinterlandDerived.ts, which holds each definition's own partition.

/** The definitions that partition the map, in the order the comparison shows them. */
export const COMPARED_DEFINITIONS = ['admin', 'gravity', 'fua', 'commuting'] as const;
export type ComparedDefinition = (typeof COMPARED_DEFINITIONS)[number];

type ComparedPartitions = { level: HinterlandLevel; partitions: Partial<Record<ComparedDefinition, HinterlandAssignment | null>>; areaOf: Map<string, number> };
let partitionsMemo: { key: unknown[]; result: ComparedPartitions } | null = null;

/**
 * The partitions the comparison sets side by side, on the finest units the data have: the
 * administrative one carried to territorial units, gravity with the exponents in force, the FUAs
 * and, when the data carry CSP's flows, commuting with the threshold in force.
 */
function comparedPartitions(state: Pick<AppState, 'dataset' | 'hinterland' | 'userAssignment'>): ComparedPartitions | null {
  const { dataset } = state;
  const assignment = selectAssignment(state);
  if (!dataset || !assignment) return null;
  const ctx = hinterlandContext(dataset);
  const t = ctx.territorial;
  const key = [ctx, assignment, state.hinterland.alpha, state.hinterland.beta, dataset.fua, dataset.commuting, state.hinterland.threshold];
  if (partitionsMemo && partitionsMemo.key.every((k, i) => k === key[i])) return partitionsMemo.result;
  const level: HinterlandLevel = t ? 'territorial' : 'municipality';
  const partitions = {
    admin: t ? territorialAssignment(t.units, t.municipalities, assignment, t.cores) : assignment,
    gravity: gravityPartition(ctx, state.hinterland.alpha, state.hinterland.beta, level)?.assignment ?? null,
    fua: selectFuaPartition(state),
    // Commuting only when the data carry CSP's flows (after a refresh): otherwise no column at all.
    ...(dataset.commutingAvailable && { commuting: selectCommutingPartition({ dataset, hinterland: { ...state.hinterland, level } }) }),
  };
  const areaOf = new Map(t ? t.aggregateUnits.map((u) => [u.code, u.areaKm2]) : dataset.municipalities.features.map((f) => [f.properties.code, f.properties.areaKm2]));
  const result = { level, partitions, areaOf };
  partitionsMemo = { key, result };
  return result;
}

let comparisonMemo: { of: ComparedPartitions; result: { level: HinterlandLevel; definitions: ComparedDefinition[]; rows: DefinitionComparison[] } } | null = null;

/**
 * The definitions compared city by city (`compareDefinitions`) on the finest units the data have:
 * territorial units once loaded (then with the FUAs), else municipalities with the FUAs left out:
 * units, area, and each pair's agreement by area.
 */
export function selectDefinitionComparison(state: Pick<AppState, 'dataset' | 'hinterland' | 'userAssignment'>): { level: HinterlandLevel; definitions: ComparedDefinition[]; rows: DefinitionComparison[] } | null {
  const of = comparedPartitions(state);
  if (!of || !state.dataset) return null;
  if (comparisonMemo?.of === of) return comparisonMemo.result;
  const result = { level: of.level, definitions: Object.keys(of.partitions) as ComparedDefinition[], rows: compareDefinitions(of.partitions as Record<string, HinterlandAssignment | null>, hinterlandContext(state.dataset).cityIds, of.areaOf) };
  comparisonMemo = { of, result };
  return result;
}

/** Where two definitions disagree: the units they give to different cities (or one to a city, the other to none). */
export interface Disagreement {
  pair: readonly [ComparedDefinition, ComparedDefinition];
  level: HinterlandLevel;
  codes: string[];
  areaKm2: number;
}

let disagreementMemo: { of: ComparedPartitions; pair: readonly [ComparedDefinition, ComparedDefinition]; result: Disagreement | null } | null = null;

/** The disagreement the settings ask to draw (`hinterland.disagree`), or null when none is asked or either definition is unavailable. */
export function selectDisagreement(state: Pick<AppState, 'dataset' | 'hinterland' | 'userAssignment'>): Disagreement | null {
  const pair = state.hinterland.disagree;
  const of = pair && comparedPartitions(state);
  if (!pair || !of) return null;
  if (disagreementMemo?.of === of && disagreementMemo.pair === pair) return disagreementMemo.result;
  const [a, b] = [of.partitions[pair[0]], of.partitions[pair[1]]];
  let result: Disagreement | null = null;
  if (a && b) {
    const cityInB = new Map(b.map((x) => [x.code, x.cityId]));
    const codes = a.filter((x) => x.cityId !== (cityInB.get(x.code) ?? null)).map((x) => x.code);
    result = { pair, level: of.level, codes, areaKm2: Math.round(codes.reduce((sum, c) => sum + (of.areaOf.get(c) ?? 0), 0)) };
  }
  disagreementMemo = { of, pair, result };
  return result;
}
