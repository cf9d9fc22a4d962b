import type { FeatureCollection, MultiLineString, Point } from 'geojson';
import type { HinterlandAssignment } from '../domain/hinterland/assignment.ts';
import { hinterlandLabelPoints, hinterlandOutlines, unitTopology, type OutlineKind, type UnitTopology } from '../domain/hinterland/outlines.ts';
import { effectiveLevel, gravityPartition, hinterlandContext, selectAdminPartition, selectCommutingPartition, selectFuaPartition, type HinterlandContext } from './hinterlandDerived.ts';
import type { HinterlandLevel } from '../domain/hinterland/territorial.ts';
import type { AppState } from './store.ts';
import { lastResultFor } from './lastResult.ts';

// What the map draws for a hinterland: outlines dissolved along the units' shared borders
// (topojson-server and -client) and the labels. Apart from hinterlandDerived.ts, which the place
// panel and the store need, so that the map loads it (src/map/hinterlandBinding.ts) only when
// hinterlands are first shown, and the first view carries none of it.

const topologies = new WeakMap<object, UnitTopology>();

/** The units' topology at a level, made on first use (tens of milliseconds) and kept per set of units. */
export function topologyOf(ctx: HinterlandContext, level: HinterlandLevel = 'municipality'): UnitTopology {
  const t = level === 'territorial' ? ctx.territorial : null;
  const units = t ? t.units : ctx.boundaries;
  let topo = topologies.get(units);
  if (!topo) topologies.set(units, (topo = t ? unitTopology(t.units) : unitTopology(ctx.boundaries)));
  return topo;
}

/** What the map draws for a partition, as data: which unit belongs to which city and in what role, the outlines and the labels. */
export interface HinterlandScene {
  /** City of each unit under the partition (absent: unassigned). */
  cityByCode: Map<string, string>;
  roleByCode: Map<string, 'city' | 'hinterland'>;
  /** For the city whose attraction is shown: its Huff share in each unit. */
  shareByCode: Map<string, number> | null;
  outlines: FeatureCollection<MultiLineString, { kind: OutlineKind }>;
  labels: FeatureCollection<Point, { cityId: string }>;
}

/** The scene of a partition (administrative or gravity): pure, a few milliseconds once the topology exists. */
export function partitionScene(ctx: HinterlandContext, partition: HinterlandAssignment, shares: Map<string, number> | null = null, level: HinterlandLevel = 'municipality'): HinterlandScene {
  const t = level === 'territorial' ? ctx.territorial : null;
  const cityByCode = new Map<string, string>();
  const roleByCode = new Map<string, 'city' | 'hinterland'>();
  for (const a of partition) {
    if (a.cityId === null || a.role === null) continue;
    cityByCode.set(a.code, a.cityId);
    roleByCode.set(a.code, a.role);
  }
  return {
    cityByCode,
    roleByCode,
    shareByCode: shares,
    outlines: hinterlandOutlines(topologyOf(ctx, t ? 'territorial' : 'municipality'), partition),
    labels: hinterlandLabelPoints(partition, t ? t.labelUnits : ctx.labelUnits, new Map(ctx.huff?.cities.map((c) => [c.id, [c.lon, c.lat] as [number, number]]) ?? [])),
  };
}

/**
 * Recomputes the gravity hinterlands for new exponents and everything the map needs to redraw
 * them: the benchmark times this together with the map's paint update. Pure.
 */
export function gravityScene(ctx: HinterlandContext, alpha: number, beta: number, shareCity: string | null, level: HinterlandLevel = 'municipality'): HinterlandScene | null {
  const g = gravityPartition(ctx, alpha, beta, level);
  if (!g) return null;
  const shares = shareCity ? new Map([...g.shareByCode].map(([code, s]) => [code, s[shareCity] ?? 0])) : null;
  return partitionScene(ctx, g.assignment, shares, level);
}

/** The scene of the current partition (administrative or gravity; null under bands), memoised on what it depends on. */
export function selectScene(state: Pick<AppState, 'dataset' | 'hinterland' | 'userAssignment'>): HinterlandScene | null {
  const { dataset, hinterland: h } = state;
  if (!dataset || h.kind === 'bands') return null;
  const level = effectiveLevel(state);
  const inputs = [dataset, h.kind, level, ...(h.kind === 'gravity' ? [h.alpha, h.beta, h.shareCity] : h.kind === 'fua' ? [] : h.kind === 'commuting' ? [h.threshold] : [state.userAssignment])];
  return sceneOf(inputs, () => {
    const ctx = hinterlandContext(dataset);
    const partition = h.kind === 'admin' ? selectAdminPartition(state) : h.kind === 'fua' ? selectFuaPartition(state) : h.kind === 'commuting' ? selectCommutingPartition(state) : null;
    return h.kind === 'gravity' ? gravityScene(ctx, h.alpha, h.beta, h.shareCity, level) : partition ? partitionScene(ctx, partition, null, level) : null;
  });
}
const sceneOf = lastResultFor<HinterlandScene | null>();
