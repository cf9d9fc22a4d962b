import { parseYear, yearOfHeader } from './importCells.ts';
import { failedImport, type ImportErrorKind, type ImportOptions, type ImportResult } from './importResult.ts';
import { IMPORT_PASSES, type Line, type Table } from './importTable.ts';
import { LINES_PER_STEP, type ImportProgress } from './importSteps.ts';
import { foldText } from './unitMatch.ts';

/*
 * What each column of an imported table holds (importCsv.ts reads the rows): the place, the year,
 * the values, and columns that tell several series apart. Read in steps, like the table.
 */

const YEAR_NAMES = new Set(['year', 'gads', 'gadi', 'laika periods', 'time period', 'time', 'period', 'laiks']);
const VALUE_NAMES = new Set(['value', 'values', 'vertiba', 'vertibas', 'val']);
const CODE_NAMES = new Set(['code', 'kods', 'atvk', 'iso', 'iso3166_2', 'geo', 'code_or_name', 'area']);

export const quote = (s: string) => `“${s}”`;
export const fail = (kind: ImportErrorKind, en: string, lv: string, rest: Partial<ImportResult> = {}) => failedImport(kind, { lv, en }, rest);

export interface Roles {
  wide: boolean;
  placeCol: number;
  /** -1 when the year comes from the value headers or the options. */
  yearCol: number;
  valueCols: number[];
}

/**
 * Which column holds what: values by year headers ("2024", "2024 Iedzīvotāju skaits…"), by name
 * or as the one column left; the year by name; the place column by content, the one whose cells
 * name the most places (a code column wins a tie with a name column).
 */
export function* columnRoles(table: Table, isPlace: (label: string) => boolean, options: ImportOptions): Generator<ImportProgress, Roles | ImportResult, void> {
  const { header, folded, body } = table;
  let valueCols: number[];
  if (options.valueColumn !== undefined) {
    const i = folded.indexOf(foldText(options.valueColumn));
    if (i < 0) return fail('no_value_column', `There is no column ${quote(options.valueColumn)}.`, `Nav kolonnas ${quote(options.valueColumn)}.`);
    valueCols = [i];
  } else {
    valueCols = header.flatMap((h, i) => (yearOfHeader(h) ? [i] : []));
    if (valueCols.length === 0) valueCols = folded.flatMap((h, i) => (VALUE_NAMES.has(h) ? [i] : [])).slice(0, 1);
  }
  const wide = valueCols.some((i) => yearOfHeader(header[i]!) !== null);
  const yearCol = wide ? -1 : folded.findIndex((h, i) => YEAR_NAMES.has(h) && !valueCols.includes(i));
  const scores: number[] = header.map((_, i) => (valueCols.includes(i) || i === yearCol ? -1 : 0));
  const scored = scores.flatMap((s, i) => (s === 0 ? [i] : []));
  for (let r = 0; r < body.length; r++) {
    const cells = body[r]!.cells;
    for (const i of scored) if (isPlace(cells[i]!)) scores[i]!++;
    if (r % LINES_PER_STEP === LINES_PER_STEP - 1) yield table.progress(IMPORT_PASSES.roles, r, body.length);
  }
  const placeCol = scores.reduce((best, s, i) => {
    const b = scores[best]!;
    return s > b || (s === b && s >= 0 && CODE_NAMES.has(folded[i]!) && !CODE_NAMES.has(folded[best]!)) ? i : best;
  }, 0);
  if (!(scores[placeCol]! > 0)) return fail('no_place_column', 'No column holds municipality codes or names.', 'Nevienā kolonnā nav pašvaldību kodu vai nosaukumu.');
  if (valueCols.length === 0) {
    const rest = header.flatMap((_, i) => (i !== placeCol && i !== yearCol && scores[i]! < body.length / 2 ? [i] : []));
    if (rest.length !== 1) {
      return fail('no_value_column', 'Which column holds the values? Name it “value” or put years as column headers.', 'Kurā kolonnā ir vērtības? Nosauciet to “vērtība” vai lieciet gadus kolonnu virsrakstos.');
    }
    valueCols = rest;
  }
  if (!wide && yearCol < 0 && !(options.year !== undefined && parseYear(options.year))) {
    return fail('no_year', 'The file has no year: add a year column or choose the year.', 'Failā nav gada: pievienojiet gada kolonnu vai izvēlieties gadu.');
  }
  return { wide, placeCol, yearCol, valueCols };
}

/** Columns other than place/year/values whose values differ between rows of the same place and year. */
export function* seriesColumns(table: Table, roles: readonly number[], keyOf: (l: Line) => string | null): Generator<ImportProgress, { column: string; values: string[] }[], void> {
  const { body, header } = table;
  // Only a column with no role can tell series apart.
  if (header.every((_, i) => roles.includes(i))) return [];
  const groups = new Map<string, Line[]>();
  for (let r = 0; r < body.length; r++) {
    const l = body[r]!;
    const key = keyOf(l);
    if (key !== null) {
      const group = groups.get(key);
      if (group) group.push(l);
      else groups.set(key, [l]);
    }
    if (r % LINES_PER_STEP === LINES_PER_STEP - 1) yield table.progress(IMPORT_PASSES.series, r, body.length);
  }
  const series: { column: string; values: string[] }[] = [];
  for (let i = 0; i < header.length; i++) {
    if (roles.includes(i)) continue;
    let varies = false;
    for (const g of groups.values()) {
      const first = g[0]!.cells[i];
      if (g.some((l) => l.cells[i] !== first)) {
        varies = true;
        break;
      }
    }
    if (!varies) continue;
    const values = new Set<string>();
    for (const l of body) values.add(l.cells[i]!);
    series.push({ column: header[i]!, values: Array.from(values) });
    yield table.progress(IMPORT_PASSES.series, body.length, body.length);
  }
  return series;
}
