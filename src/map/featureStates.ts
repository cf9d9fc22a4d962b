import { over, parseColour, type Rgba } from '../domain/contrast.ts';
import type { Theme } from '../domain/theme.ts';


/** The data-driven part of the style: colours per unit code and the units without data. */
export interface ChoroplethPaint {
  colourByCode: ReadonlyMap<string, string>;
  noDataCodes: readonly string[];
}

/**
 * The data colours live in feature-state, not in data-driven paint expressions: MapLibre reloads a
 * GeoJSON source's tiles whenever a data-driven paint value or a filter changes (a worker round
 * trip and a re-tessellation, ~300 ms here), whereas a feature-state change only repaints. So the
 * paint expressions stay fixed (`['feature-state', …]` with a fallback) and an indicator, year,
 * classification or legend change is a handful of `setFeatureState` calls computed here.
 */

/** What a municipality's fill shows: its colour, whether it is hatched as no data, whether faded. */
export interface UnitState {
  fill: string;
  nodata: boolean;
  faded: boolean;
}

/** What a city circle shows; null colour and radius mean the plain marker of the style. */
export interface CityState {
  fill: string | null;
  /** Radius at zoom 6 and at zoom 10 (1.5 times larger). */
  r6: number | null;
  r10: number | null;
  faded: boolean;
}

/** How strongly a unit that the legend does not emphasise still shows (its former fill opacity). */
export const FADED_UNIT = 0.15;

const opaque = (colour: string): Rgba => parseColour(colour) ?? { r: 0, g: 0, b: 0, a: 1 };

/**
 * The colour the fill layer paints for a unit: its one feature-state paint value, so that a switch
 * rewrites one vertex attribute per unit instead of two (colour and opacity). A faded unit is
 * painted, opaque, as it looked drawn at FADED_UNIT opacity over the sea colour of the background.
 */
export function paintedFill(s: UnitState, theme: Theme): string {
  if (!s.faded) return s.fill;
  const { r, g, b } = over({ ...opaque(s.fill), a: FADED_UNIT }, opaque(theme.sea));
  return `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)})`;
}

/** The codes of the units without data (the ones to hatch), in map order. */
export function noDataCodes(states: ReadonlyMap<string, UnitState>): string[] {
  return [...states].filter(([, s]) => s.nodata).map(([code]) => code);
}

/** What the no-data hatch's source holds, and which of those units are hatched now. */
export interface HatchState {
  inSource: ReadonlySet<string>;
  hatched: ReadonlySet<string>;
}

/**
 * The next hatch state for the units without data now: the source only grows (a unit seen once
 * stays in it, so switching back and forth never reloads it), `added` are the units it must take
 * in, and `flags` the `hatched` feature-states that change.
 */
export function hatchUpdate(prev: HatchState, noData: readonly string[]): { next: HatchState; added: string[]; flags: [string, boolean][] } {
  const hatched = new Set(noData);
  const added = noData.filter((c) => !prev.inSource.has(c));
  const flags: [string, boolean][] = [];
  for (const code of prev.hatched) if (!hatched.has(code)) flags.push([code, false]);
  for (const code of noData) if (!prev.hatched.has(code)) flags.push([code, true]);
  return { next: { inSource: added.length ? new Set([...prev.inSource, ...added]) : prev.inSource, hatched }, added, flags };
}

/** The symbols of a city-level indicator: colour and radius (at zoom 6) per city id. */
export interface CitySymbols {
  colourById: ReadonlyMap<string, string>;
  radiusById: ReadonlyMap<string, number>;
}

/** The radius of a city without a value when the others are drawn as symbols: a dot. */
export const NO_VALUE_RADIUS = 3;

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * One state per unit code. A city-level indicator leaves the units plain land (its colours go on
 * the cities), and so does a municipal count (`unitSymbols`: its colours go on the units' circles),
 * except that a unit without a value keeps the no-data colour and the hatch; otherwise a unit has
 * its class colour, or the no-data colour and the hatch. While some units are emphasised (legend
 * hover or kept classes) the others are faded (for symbols, their circles are).
 */
export function unitStates(
  codes: readonly string[],
  paint: ChoroplethPaint,
  theme: Theme,
  cityLevel: boolean,
  emphasised: readonly string[] | null,
  unitSymbols = false,
): Map<string, UnitState> {
  const noData = new Set(paint.noDataCodes);
  const bright = emphasised && !cityLevel && !unitSymbols ? new Set(emphasised) : null;
  const out = new Map<string, UnitState>();
  for (const code of codes) {
    const lacking = !cityLevel && noData.has(code);
    const colour = cityLevel || (unitSymbols && !lacking) ? theme.land : paint.colourByCode.get(code);
    out.set(code, {
      fill: colour ?? theme.noData,
      nodata: lacking,
      faded: bright !== null && !bright.has(code),
    });
  }
  return out;
}

/** One state per city id: the symbol's colour and radius for a city-level indicator, and fading. */
export function cityStates(ids: readonly string[], symbols: CitySymbols | null, theme: Theme, emphasisedIds: readonly string[] | null): Map<string, CityState> {
  const bright = emphasisedIds ? new Set(emphasisedIds) : null;
  const out = new Map<string, CityState>();
  for (const id of ids) {
    const sized = symbols !== null && symbols.radiusById.size > 0;
    const coloured = symbols !== null && symbols.colourById.size > 0;
    const r = sized ? (symbols.radiusById.get(id) ?? null) : null;
    out.set(id, {
      fill: coloured ? (symbols.colourById.get(id) ?? theme.noData) : null,
      r6: sized ? (r === null ? NO_VALUE_RADIUS : round1(r)) : null,
      r10: sized ? (r === null ? NO_VALUE_RADIUS : round1(r * 1.5)) : null,
      faded: bright !== null && !bright.has(id),
    });
  }
  return out;
}

/**
 * The states of `next` that differ from `prev` (all of them when `prev` is null), so that a switch
 * touches only the features whose look changes.
 */
export function changedStates<S extends object>(next: ReadonlyMap<string, S>, prev: ReadonlyMap<string, S> | null): Map<string, S> {
  if (!prev) return new Map(next);
  const out = new Map<string, S>();
  for (const [id, s] of next) {
    const p = prev.get(id);
    if (!p || Object.entries(s).some(([k, v]) => (p as Record<string, unknown>)[k] !== v)) out.set(id, s);
  }
  return out;
}

/** The circles of a municipal count per unit code: as `cityStates`, but a unit without a value has no circle (the hatch says so). */
export function unitSymbolStates(codes: readonly string[], symbols: CitySymbols | null, theme: Theme, emphasised: readonly string[] | null): Map<string, CityState> {
  const states = cityStates(codes, symbols, theme, emphasised);
  for (const [code, s] of states) if (symbols === null || !symbols.radiusById.has(code)) states.set(code, { ...s, r6: 0, r10: 0 });
  return states;
}
