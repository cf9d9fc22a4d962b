import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import shippedRows from '../../geodata/inputs/hinterland_assignment.csv?records';
import { hinterlandAggregates, type AggregateUnit, type HinterlandAggregates } from '../domain/hinterland/aggregates.ts';
import { readAssignment, type AssignmentParseResult, type HinterlandAssignment, type UnitAssignment } from '../domain/hinterland/assignment.ts';
import type { BandProps } from '../domain/hinterland/bands.ts';
import { huffShares, type HuffCity, type HuffUnit } from '../domain/hinterland/huff.ts';
import { compareDefinitions, type DefinitionComparison } from '../domain/hinterland/compare.ts';
import { fuaPartition, type FuaData } from '../domain/hinterland/fua.ts';
import { commutingPartition, type CommutingData } from '../domain/hinterland/commuting.ts';
import { cityMasses, huffPartitionWithCores } from '../domain/hinterland/gravityFit.ts';
import type { LabelUnit } from '../domain/hinterland/outlines.ts';
import { observationsOf } from '../domain/indicators.ts';
import {
  cityCoreUnits,
  NO_TERRITORIAL_RESIDENTS,
  territorialAggregateUnits,
  territorialAssignment,
  territorialHuffUnits,
  type MunicipalityRef,
  type TerritorialUnits,
} from '../domain/hinterland/territorial.ts';
import { cityGeoId } from '../domain/units.ts';
import type { Dataset } from '../domain/dataset.ts';
import type { HinterlandLevel } from '../domain/hinterland/territorial.ts';
import type { AppState } from './store.ts';

/** The shipped assignment's rows: `geodata/inputs/hinterland_assignment.csv`, parsed at build time. */
export const SHIPPED_ASSIGNMENT_ROWS = shippedRows;

/** What the hinterlands by territorial unit need, when the data have territorial units. */
export interface TerritorialContext {
  units: TerritorialUnits;
  unitCodes: string[];
  municipalities: MunicipalityRef[];
  /** Each city's own territorial unit (the unit of its municipality holding its point). */
  cores: Map<string, string>;
  huffUnits: HuffUnit[];
  aggregateUnits: AggregateUnit[];
  labelUnits: LabelUnit[];
}

/** What every hinterland definition needs of the loaded data, computed once per dataset. */
export interface HinterlandContext {
  unitCodes: string[];
  cityIds: string[];
  /** The shipped assignment read against today's units and cities (an error if it no longer fits). */
  shipped: AssignmentParseResult;
  /** The code of each city's own unit (the seven state cities that have one). */
  ownUnitOf: Map<string, string>;
  /** Each city's core among the municipalities: its own unit, or the novads it lies in (Valmiera, Jēkabpils, Ogre). */
  municipalCores: Map<string, string>;
  /** Huff masses: one measure (`city_population`) of one year for all ten cities, or null without one. */
  huff: { units: HuffUnit[]; cities: HuffCity[]; year: string; sources: number[] } | null;
  labelUnits: LabelUnit[];
  /** The units, for their topology (hinterlandScene.ts, loaded when hinterlands are first drawn). */
  boundaries: Dataset['municipalities'];
  /** The same for territorial units, or null when the data have none. */
  territorial: TerritorialContext | null;
}

const contexts = new WeakMap<Dataset, HinterlandContext>();

/**
 * Huff masses: `city_population` of the latest year in which all ten cities have it, so that every
 * city is weighed by the same measure, year and kind of source. Positions: the city points; units
 * are drawn from their label points (inside the unit, where its name is written).
 */
function huffInputs(dataset: Dataset, labels: Map<string, [number, number]>): HinterlandContext['huff'] {
  const masses = cityMasses(
    dataset.cities.features.map(({ properties: p, geometry: g }) => ({ id: p.id, geo: p.insideNovads ? cityGeoId(p.id) : p.unitCode, lon: g.coordinates[0]!, lat: g.coordinates[1]! })),
    observationsOf(dataset.indicators, 'city_population'),
  );
  return masses && { ...masses, units: [...labels].map(([code, [lon, lat]]) => ({ code, lon, lat })) };
}

function territorialContext(dataset: Dataset): TerritorialContext | null {
  const units = dataset.territorialUnits;
  if (!units) return null;
  const municipalities = dataset.municipalities.features.map((f) => ({ code: f.properties.code, atvk: f.properties.atvk }));
  const cities = dataset.cities.features.map((f) => ({ id: f.properties.id, unitCode: f.properties.unitCode, lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]! }));
  return {
    units,
    unitCodes: units.features.map((f) => f.properties.code),
    municipalities,
    cores: cityCoreUnits(units, municipalities, cities),
    huffUnits: territorialHuffUnits(units),
    aggregateUnits: territorialAggregateUnits(units),
    labelUnits: units.features.map(({ properties: p }) => ({ code: p.code, lon: p.label[0], lat: p.label[1], areaKm2: p.areaKm2 })),
  };
}

/** The hinterland context of a dataset, memoised on the dataset object. */
export function hinterlandContext(dataset: Dataset): HinterlandContext {
  const known = contexts.get(dataset);
  if (known) return known;
  const unitCodes = dataset.municipalities.features.map((f) => f.properties.code);
  const cityIds = dataset.cities.features.map((f) => f.properties.id);
  const labels = new Map<string, [number, number]>();
  for (const f of dataset.municipalityLabels.features) {
    const code = f.properties?.code;
    if (typeof code === 'string' && f.geometry.type === 'Point' && !labels.has(code)) labels.set(code, f.geometry.coordinates as [number, number]);
  }
  const areaOf = new Map(dataset.municipalities.features.map((f) => [f.properties.code, f.properties.areaKm2]));
  const ctx: HinterlandContext = {
    unitCodes,
    cityIds,
    shipped: readAssignment(SHIPPED_ASSIGNMENT_ROWS, unitCodes, cityIds),
    ownUnitOf: new Map(dataset.cities.features.filter((f) => !f.properties.insideNovads).map((f) => [f.properties.id, f.properties.unitCode])),
    municipalCores: new Map(dataset.cities.features.map((f) => [f.properties.id, f.properties.unitCode])),
    huff: huffInputs(dataset, labels),
    labelUnits: [...labels].map(([code, [lon, lat]]) => ({ code, lon, lat, areaKm2: areaOf.get(code) ?? 0 })),
    boundaries: dataset.municipalities,
    territorial: territorialContext(dataset),
  };
  contexts.set(dataset, ctx);
  return ctx;
}

/** The role a unit has when it is given to a city: `city` for the city's own unit, else `hinterland`. */
export function roleFor(ctx: HinterlandContext, code: string, cityId: string | null): UnitAssignment['role'] {
  if (cityId === null) return null;
  return ctx.ownUnitOf.get(cityId) === code ? 'city' : 'hinterland';
}

/** The units the administrative and gravity hinterlands are made of: territorial ones only when asked for and present. */
export function effectiveLevel(state: Pick<AppState, 'dataset' | 'hinterland'>): HinterlandLevel {
  return (state.hinterland.level === 'territorial' || state.hinterland.kind === 'fua') && state.dataset?.territorialUnits ? 'territorial' : 'municipality';
}

let fuaMemo: { ctx: HinterlandContext; fua: FuaData; result: HinterlandAssignment } | null = null;

/**
 * The FUA hinterlands (territorial units only): null until the units and `fua.json` have loaded, or
 * when they could not be.
 */
export function selectFuaPartition(state: Pick<AppState, 'dataset'>): HinterlandAssignment | null {
  const fua = state.dataset?.fua;
  if (!state.dataset || !fua) return null;
  const ctx = hinterlandContext(state.dataset);
  const t = ctx.territorial;
  if (!t) return null;
  if (fuaMemo?.ctx !== ctx || fuaMemo.fua !== fua) {
    const names = new Map(t.units.features.map((f) => [f.properties.code, f.properties.name]));
    fuaMemo = { ctx, fua, result: fuaPartition(t.unitCodes, fua.membership, t.cores).map((a) => ({ ...a, name: names.get(a.code) ?? '' })) };
  }
  return fuaMemo.result;
}

let commutingMemo: { ctx: HinterlandContext; data: CommutingData; level: HinterlandLevel; threshold: number; result: HinterlandAssignment | null } | null = null;

/**
 * The commuting hinterlands at the level in force (CSP's flows by parish or by municipality): null
 * until `commuting.json` has loaded, or when the data carry no flows at that level. By
 * municipality a novads holding Valmiera, Jēkabpils or Ogre is that city's core, as hinterland
 * (the flows into the novads stand for the town's, which CSP gives only by parish).
 */
export function selectCommutingPartition(state: Pick<AppState, 'dataset' | 'hinterland'>): HinterlandAssignment | null {
  const data = state.dataset?.commuting;
  if (!state.dataset || !data) return null;
  const ctx = hinterlandContext(state.dataset);
  const level = effectiveLevel(state);
  const { threshold } = state.hinterland;
  if (commutingMemo?.ctx === ctx && commutingMemo.data === data && commutingMemo.level === level && commutingMemo.threshold === threshold) return commutingMemo.result;
  const t = level === 'territorial' ? ctx.territorial : null;
  const flows = t ? data.territorial : data.municipality;
  let result: HinterlandAssignment | null = null;
  if (flows) {
    const names = t ? new Map(t.units.features.map((f) => [f.properties.code, f.properties.name])) : new Map(state.dataset.municipalities.features.map((f) => [f.properties.code, f.properties.nameLv]));
    result = commutingPartition(t ? t.unitCodes : ctx.unitCodes, flows, t ? t.cores : ctx.municipalCores, threshold).map((a) => ({
      ...a,
      name: names.get(a.code) ?? '',
      role: t || a.role !== 'city' ? a.role : roleFor(ctx, a.code, a.cityId),
    }));
  }
  commutingMemo = { ctx, data, level, threshold, result };
  return result;
}

/** The administrative assignment in force: the user's own, else the shipped one (null if that does not fit the map). */
export function selectAssignment(state: Pick<AppState, 'dataset' | 'userAssignment'>): HinterlandAssignment | null {
  if (state.userAssignment) return state.userAssignment;
  if (!state.dataset) return null;
  const shipped = hinterlandContext(state.dataset).shipped;
  return shipped.ok ? shipped.assignment : null;
}

/** Each unit's Huff shares and the partition by highest share, as an assignment. */
export interface GravityResult {
  assignment: HinterlandAssignment;
  shareByCode: Map<string, Record<string, number>>;
}

/**
 * The gravity hinterlands for the given exponents: every unit goes to the city with the highest
 * Huff share, except the cities' own cores, which always go to their city (a state city is never
 * part of another's hinterland): by municipality the seven cities' own units and the novads that
 * holds Valmiera, Jēkabpils or Ogre; by territorial unit each city's own unit. At the territorial
 * level the units are drawn from their label points, with the same masses and exponents. Pure;
 * 42 units × 10 cities take well under a millisecond, 592 a few.
 */
export function gravityPartition(ctx: HinterlandContext, alpha: number, beta: number, level: HinterlandLevel = 'municipality'): GravityResult | null {
  const t = level === 'territorial' ? ctx.territorial : null;
  if (!ctx.huff || (level === 'territorial' && !t)) return null;
  const units = t ? t.huffUnits : ctx.huff.units;
  const shareByCode = new Map(huffShares(units, ctx.huff.cities, { alpha, beta }).map(({ code, shares }) => [code, shares]));
  const cores = t ? t.cores : ctx.municipalCores;
  const partition = huffPartitionWithCores(units, ctx.huff.cities, alpha, beta, cores);
  // By municipality a novads holding a city is that city's, but as hinterland: the city has no unit of its own there.
  const assignment = partition.map((a) => (t || a.role !== 'city' ? a : { ...a, role: roleFor(ctx, a.code, a.cityId) }));
  return { assignment, shareByCode };
}

let gravityMemo: { ctx: HinterlandContext; alpha: number; beta: number; level: HinterlandLevel; result: GravityResult | null } | null = null;

/** `gravityPartition` for the store's exponents and level, recomputed only when they or the data change. */
export function selectGravity(state: Pick<AppState, 'dataset' | 'hinterland'>): GravityResult | null {
  if (!state.dataset) return null;
  const ctx = hinterlandContext(state.dataset);
  const { alpha, beta } = state.hinterland;
  const level = effectiveLevel(state);
  if (gravityMemo && gravityMemo.ctx === ctx && gravityMemo.alpha === alpha && gravityMemo.beta === beta && gravityMemo.level === level) return gravityMemo.result;
  gravityMemo = { ctx, alpha, beta, level, result: gravityPartition(ctx, alpha, beta, level) };
  return gravityMemo.result;
}

let territorialMemo: { ctx: HinterlandContext; assignment: HinterlandAssignment; result: HinterlandAssignment } | null = null;

/**
 * The administrative partition at the level in force: the assignment in force, or, by territorial
 * unit, each unit given its municipality's city and each city its own unit (`territorialAssignment`).
 */
export function selectAdminPartition(state: Pick<AppState, 'dataset' | 'hinterland' | 'userAssignment'>): HinterlandAssignment | null {
  const assignment = selectAssignment(state);
  if (!assignment || !state.dataset || effectiveLevel(state) !== 'territorial') return assignment;
  const ctx = hinterlandContext(state.dataset);
  const t = ctx.territorial!;
  if (territorialMemo?.ctx !== ctx || territorialMemo.assignment !== assignment) {
    territorialMemo = { ctx, assignment, result: territorialAssignment(t.units, t.municipalities, assignment, t.cores) };
  }
  return territorialMemo.result;
}

let aggregatesMemo: { dataset: Dataset; partition: HinterlandAssignment; year: string | null; level: HinterlandLevel; result: HinterlandAggregates } | null = null;

/** The partition the figures are summed over: gravity's under gravity, else the administrative one (bands overlap). */
export const aggregateKind = (state: Pick<AppState, 'hinterland'>): 'admin' | 'gravity' | 'fua' | 'commuting' => (state.hinterland.kind === 'bands' ? 'admin' : state.hinterland.kind);

/**
 * Area, residents, density and shares of each city with its hinterland under `aggregateKind`'s
 * partition. By territorial unit only areas have values: no source here counts residents by parish.
 */
export function selectAggregates(state: Pick<AppState, 'dataset' | 'hinterland' | 'userAssignment'>): HinterlandAggregates | null {
  const kind = aggregateKind(state);
  const partition = kind === 'gravity' ? (selectGravity(state)?.assignment ?? null) : kind === 'fua' ? selectFuaPartition(state) : kind === 'commuting' ? selectCommutingPartition(state) : selectAdminPartition(state);
  if (!state.dataset || !partition) return null;
  const { year } = state.hinterland;
  const level = effectiveLevel(state);
  const m = aggregatesMemo;
  if (m && m.dataset === state.dataset && m.partition === partition && m.year === year && m.level === level) return m.result;
  const t = level === 'territorial' ? hinterlandContext(state.dataset).territorial : null;
  const cityOutlineAreas = new Map(state.dataset.cities.features.map((f) => [f.properties.id, f.properties.areaKm2]));
  const result = t
    ? hinterlandAggregates(partition, t.aggregateUnits, [], { residentsUnavailable: NO_TERRITORIAL_RESIDENTS, cityOutlineAreas })
    : hinterlandAggregates(partition, state.dataset.municipalities.features.map((f) => f.properties), state.dataset.indicators.observations, { ...(year ? { year } : {}), cityOutlineAreas });
  aggregatesMemo = { dataset: state.dataset, partition, year, level, result };
  return result;
}

type Bands = FeatureCollection<Polygon | MultiPolygon, BandProps>;
const bandsMemo = new WeakMap<Dataset, Map<number, Promise<Bands>>>();

/**
 * Bands of `km` around the ten cities, clipped to Latvia; cached per radius. Turf's buffer and
 * clipping are loaded only here, on first use, so that the first view does not carry them.
 */
export function bandsOf(dataset: Dataset, km: number): Promise<Bands> {
  let cache = bandsMemo.get(dataset);
  if (!cache) bandsMemo.set(dataset, (cache = new Map()));
  const known = cache.get(km);
  if (known) return known;
  const outline = dataset.latvia.features[0] as Feature<Polygon | MultiPolygon>;
  const cities = dataset.cities.features.map((f) => ({ id: f.properties.id, lon: f.geometry.coordinates[0]!, lat: f.geometry.coordinates[1]! }));
  const bands = import('../domain/hinterland/bands.ts').then(({ distanceBands }) => distanceBands(cities, km, outline));
  // A failure (the chunk could not load) is not kept: the next attempt tries again.
  bands.catch(() => cache.delete(km));
  if (cache.size > 20) cache.clear();
  cache.set(km, bands);
  return bands;
}
