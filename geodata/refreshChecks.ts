/**
 * What a refreshed table must hold before anything of it is written: the units of measure the
 * catalogue's figures are in, only places the map knows, and every expected place in every
 * expected year. Each check returns the problem in one line (or null); the caller refuses the
 * whole table with it, so that a half-matching table never mixes with good data.
 */
import type { IndicatorData, IndicatorMeta } from '../src/domain/indicators.ts';
import { placeOrder, selectsCell, type CubeCell, type IndicatorMapping, type TidyResult, type TidyRow } from './pxweb.ts';
import type { UnitRow } from './units.ts';

/**
 * The places and years a table must cover. `areas: 'units'` is every unit of `units.csv` in
 * force on the first day of the period (a period before the first division counts as on that
 * division, since CSP gives earlier years on the 2021 boundaries); a list names the codes. The
 * latest period of the answer is always checked too, so that a truncated new year is caught.
 */
export interface Expectation {
  areas: 'units' | string[];
  years: string[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const PERIOD = /^\d{4}(-\d{2})?$/;

/** Reads an `expect` block of a configuration; null when it is not one (the caller names the place). */
export function readExpectation(x: unknown): Expectation | null {
  if (!isObject(x)) return null;
  const areas = x.areas === 'units' ? 'units' : Array.isArray(x.areas) && x.areas.every((a) => typeof a === 'string' && /^(LV|LV\d{7})$/.test(a)) ? (x.areas as string[]) : null;
  const years = Array.isArray(x.years) && x.years.every((y) => typeof y === 'string' && PERIOD.test(y)) ? (x.years as string[]) : null;
  return areas && years ? { areas, years } : null;
}

/** The codes of the units in force on the first day of a period (`2022` or `2025-07`). */
export function unitsInForce(units: readonly UnitRow[], period: string): string[] {
  const first = units.map((u) => u.validFrom).filter((d) => d !== '').sort()[0] ?? '';
  const day = period.length === 4 ? `${period}-01-01` : `${period}-01`;
  const on = day < first ? first : day;
  return units.filter((u) => (u.validFrom === '' || u.validFrom <= on) && (u.validTo === '' || u.validTo >= on)).map((u) => u.code);
}

const normUnit = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** "a" or "a" or "b": the accepted units, as a message shows them. */
export const unitList = (accepted: readonly string[]) => accepted.map((u) => JSON.stringify(u)).join(' or ');

/** Whether a unit of measure read from a source is one the configuration accepts. */
export const unitAccepted = (unit: string, accepted: readonly string[]) => accepted.some((a) => normUnit(a) === normUnit(unit));

/**
 * The first indicator whose cells state another unit of measure than the configuration expects
 * (`sourceUnit`), or none at all; mappings without `sourceUnit` are not checked.
 */
export function unitProblem(cells: readonly CubeCell[], indicators: readonly IndicatorMapping[]): string | null {
  for (const m of indicators) {
    const accepted = m.sourceUnit;
    if (!accepted || accepted.length === 0) continue;
    for (const cell of cells) {
      if (!selectsCell(cell, m.where)) continue;
      if (cell.unit === undefined) return `${m.indicator}: the answer states no unit of measure, expected ${unitList(accepted)} (pxweb_tables.json "sourceUnit")`;
      if (!unitAccepted(cell.unit, accepted)) return `${m.indicator}: the unit of measure in the answer is ${JSON.stringify(cell.unit)}, expected ${unitList(accepted)} (pxweb_tables.json "sourceUnit")`;
    }
  }
  return null;
}

const tally = (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${k} ×${n}`).join(', ');

/**
 * Whether the rows of a table cover what is expected: no area code outside `units.csv` (a table
 * with an expectation is asked for known places only, so a stranger means the table changed),
 * every expected year present, and a value for every expected place, indicator and year.
 */
export function coverageProblem(result: TidyResult, indicators: readonly string[], expect: Expectation, units: readonly UnitRow[]): string | null {
  const unknown = Object.keys(result.unknownAreas);
  if (unknown.length > 0) return `area code${unknown.length === 1 ? '' : 's'} not in units.csv: ${tally(result.unknownAreas)}`;
  const years = [...new Set(result.rows.map((r) => r.year))].sort();
  const absent = expect.years.filter((y) => !years.includes(y));
  if (absent.length > 0) {
    const s = absent.length === 1 ? '' : 's';
    return `expected year${s} ${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} not in the answer (it has ${years.join(', ') || 'none'})`;
  }
  const have = new Set(result.rows.map((r: TidyRow) => `${r.codeOrName} ${r.indicator} ${r.year}`));
  const missing: { area: string; indicator: number; year: string }[] = [];
  for (const year of new Set([...expect.years, ...years.slice(-1)])) {
    const areas = expect.areas === 'units' ? unitsInForce(units, year) : expect.areas;
    indicators.forEach((indicator, i) => {
      for (const area of areas) if (!have.has(`${area} ${indicator} ${year}`)) missing.push({ area, indicator: i, year });
    });
  }
  if (missing.length === 0) return null;
  missing.sort((a, b) => placeOrder(a.area, b.area) || a.indicator - b.indicator || a.year.localeCompare(b.year));
  const shown = missing.slice(0, 8).map((m) => `${m.area} ${indicators[m.indicator]} ${m.year}`);
  const more = missing.length > shown.length ? `, … (${missing.length - shown.length} more)` : '';
  return `no value for ${missing.length} expected cell${missing.length === 1 ? '' : 's'}: ${shown.join(', ')}${more}`;
}

/**
 * The catalogued indicators without any observation yet (`role: input` rows aside): today the
 * economic tables `npm run data:update` fills when online. The app lists only indicators with
 * data (`packIndicatorData` drops the rest), so the build names these instead of the app
 * showing an empty map.
 */
export function awaitingData(catalogue: readonly (IndicatorMeta & { role?: string })[], data: IndicatorData): string[] {
  const shown = new Set(data.indicators.map((i) => i.id));
  return catalogue.filter((c) => c.role !== 'input' && !shown.has(c.id)).map((c) => c.id);
}
