import { createPlaceMatcher, foldText, placeMatchProblem, type UnitRef } from './unitMatch.ts';
import type { Bilingual } from './bilingual.ts';
import { decimalTally, parseNumberCell, parseYear, yearOfHeader, type DecimalMark } from './importCells.ts';
import { dropDuplicates, resolveMergers, type Candidate } from './importConflicts.ts';
import type { ImportFormat, ImportIssue, ImportOptions, ImportResult, IssueKind } from './importResult.ts';
import { columnRoles, fail, quote, seriesColumns } from './importRoles.ts';
import { LINES_PER_STEP, mapSteps, memo, runSteps, type ImportProgress } from './importSteps.ts';
import { IMPORT_PASSES, readTable, type Line, type Table } from './importTable.ts';

/*
 * A user's CSV indicator as a table: header, column roles, series, rows matched to units. The
 * text is split into lines and cells by importTable.ts (with importSplit.ts), the cells read by
 * importCells.ts, the columns given their roles by importRoles.ts; values competing for one unit
 * and year are settled by importConflicts.ts; what it takes and gives is typed in importResult.ts.
 * Every pass over the rows stops every few thousand lines with its progress (importSteps.ts).
 */

export type { UnitRef } from './unitMatch.ts';
export type { DecimalMark } from './importCells.ts';
export type { ImportedRow, ImportError, ImportErrorKind, ImportFormat, ImportIssue, ImportOptions, ImportResult, IssueKind, NationalValue } from './importResult.ts';
export type { ImportProgress } from './importSteps.ts';

const isFailure = (x: object): x is ImportResult => 'errors' in x;

/**
 * Reads an indicator a user brings as CSV: a plain `code,value[,year]` table or a file exactly as
 * the Official Statistics Portal exports it (title line, blank line, quoted header, unit names,
 * a "Latvija" total, years as columns). Units are matched by code or name (see
 * `createPlaceMatcher`); the national total is kept apart; every row left out is reported with
 * its line and a reason. Dissolved units are reported, never summed into their successor.
 */
export function parseIndicatorImport(text: string, units: readonly UnitRef[], options: ImportOptions = {}): ImportResult {
  return runSteps(importSteps(text, units, options));
}

/** `parseIndicatorImport` in steps that give its progress, to run in a worker or between frames. */
export function* importSteps(text: string, units: readonly UnitRef[], options: ImportOptions = {}): Generator<ImportProgress, ImportResult, void> {
  const unmatched: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const table = yield* readTable(text, unmatched);
  if (isFailure(table)) return table;
  const { header } = table;
  const filtered = yield* filterRows(table, options.filter ?? {});
  if (filtered) return filtered;
  const match = createPlaceMatcher(units);
  const matchOf = memo(match);
  const roles = yield* columnRoles(table, (label) => {
    const m = matchOf(label);
    return m.kind !== 'unknown' || m.suggestion !== undefined;
  }, options);
  if (isFailure(roles)) return roles;
  const { wide, placeCol, yearCol, valueCols } = roles;
  const fixedYear = options.year !== undefined ? parseYear(options.year) : null;
  const yearCell = memo(parseYear);
  const yearOf = (l: Line, col: number) => (wide ? yearOfHeader(header[col]!) : yearCol >= 0 ? yearCell(l.cells[yearCol]!) : fixedYear);
  const format: ImportFormat = {
    delimiter: table.delimiter,
    decimal: options.decimal ?? (yield* decimalMark(table, valueCols)),
    layout: wide ? 'wide' : 'long',
    title: table.title,
    placeColumn: header[placeCol]!,
    valueColumns: valueCols.map((i) => header[i]!),
  };
  if (yearCol >= 0) format.yearColumn = header[yearCol]!;

  const series = yield* seriesColumns(table, [placeCol, yearCol].concat(valueCols), (l) => {
    const m = matchOf(l.cells[placeCol]!);
    const where = m.kind === 'unit' ? `${m.unit.code}${m.period?.relation ?? ''}` : m.kind === 'national' ? 'LV' : null;
    return where === null ? null : `${where}|${wide ? '' : (yearOf(l, -1) ?? '')}`;
  });
  if (series.length > 0 || new Set(valueCols.map((i) => yearOfHeader(header[i]!))).size < valueCols.length) {
    const names = series.map((s) => quote(s.column)).join(', ') || valueCols.map((i) => quote(header[i]!)).join(', ');
    return fail('several_series', `The file holds several series (${names}): choose one.`, `Failā ir vairākas datu rindas (${names}): izvēlieties vienu.`, { series, format });
  }

  const issue = (l: Line, kind: IssueKind, reason: Bilingual, extra: Partial<ImportIssue> = {}) => unmatched.push({ line: l.line, raw: l.raw, kind, reason, ...extra });
  const candidates: Candidate[] = [];
  const nationals: Candidate[] = [];
  const { body } = table;
  for (let r = 0; r < body.length; r++) {
    if (r % LINES_PER_STEP === LINES_PER_STEP - 1) yield table.progress(IMPORT_PASSES.rows, r, body.length);
    const l = body[r]!;
    const label = l.cells[placeCol]!;
    const m = matchOf(label);
    const problem = placeMatchProblem(m, label);
    if (problem) {
      issue(l, problem.kind, problem.reason);
      continue;
    }
    const code = m.kind === 'unit' ? m.unit.code : 'LV';
    for (const col of valueCols) {
      const year = yearOf(l, col);
      if (!year) {
        const y = quote(l.cells[yearCol] ?? '');
        issue(l, 'invalid_year', { lv: `nederīgs gads ${y}`, en: `invalid year ${y}` }, { code });
        break;
      }
      const cell = parseNumberCell(l.cells[col]!, format.decimal);
      if (cell.kind === 'missing') {
        const what = cell.marker ? `${quote(cell.marker)} ` : '';
        issue(l, 'missing', { lv: `nav vērtības ${what}(${year})`, en: `no value ${what}(${year})` }, { code, year });
      } else if (cell.kind === 'invalid') {
        const what = quote(l.cells[col]!);
        issue(l, 'not_a_number', { lv: `${what} nav skaitlis (${year})`, en: `${what} is not a number (${year})` }, { code, year });
      } else if (m.kind === 'unit') {
        candidates.push({ line: l.line, raw: l.raw, code, year, value: cell.value, name: m.unit.nameLv, ...(m.period && { period: m.period }) });
      } else nationals.push({ line: l.line, raw: l.raw, code, year, value: cell.value });
    }
  }
  const pass = (p: number) => (share: number) => table.progress(p, share, 1);
  const resolved = yield* mapSteps(resolveMergers(candidates, units, unmatched, warnings), pass(IMPORT_PASSES.mergers));
  const kept = yield* mapSteps(dropDuplicates(resolved, unmatched), pass(IMPORT_PASSES.duplicates));
  const national = (yield* mapSteps(dropDuplicates(nationals, unmatched), pass(IMPORT_PASSES.duplicates))).map(({ year, value, line }) => ({ year, value, line }));
  const byLine = (a: ImportIssue, b: ImportIssue) => a.line - b.line || (a.year ?? '').localeCompare(b.year ?? '');
  unmatched.sort(byLine);
  warnings.sort(byLine);
  if (kept.length === 0) {
    return fail('nothing_matched', 'No row gives a value for a municipality of the map.', 'Nevienā rindā nav vērtības kādai kartes pašvaldībai.', { unmatched, warnings, format });
  }
  return { rows: kept.map(({ code, year, value, line }) => ({ code, year, value, line })), national, unmatched, warnings, errors: [], series: [], format };
}

/**
 * Keeps the rows whose column holds the wanted value, for each column of `filter` in turn; fails
 * naming the first filter that leaves no row, or a column the file does not have. One pass, with
 * each distinct cell folded once.
 */
function* filterRows(table: Table, filter: Record<string, string>): Generator<ImportProgress, ImportResult | null, void> {
  const wanted = Object.entries(filter).map(([column, value]) => ({ column, value, i: table.folded.indexOf(foldText(column)), folded: foldText(value) }));
  // Filters up to the first column the file lacks: if they keep rows, that column is the error.
  const missing = wanted.findIndex((w) => w.i < 0);
  const usable = missing < 0 ? wanted : wanted.slice(0, missing);
  const folded = memo(foldText);
  // kept[k]: rows that pass the first k + 1 filters, to name the filter that leaves none.
  const kept = usable.map(() => 0);
  const body: Line[] = [];
  for (let r = 0; r < table.body.length && usable.length > 0; r++) {
    const l = table.body[r]!;
    let k = 0;
    while (k < usable.length && folded(l.cells[usable[k]!.i]!) === usable[k]!.folded) kept[k++]!++;
    if (k === usable.length) body.push(l);
    if (r % LINES_PER_STEP === LINES_PER_STEP - 1) yield table.progress(IMPORT_PASSES.filter, r, table.body.length);
  }
  const empty = usable.find((_, k) => kept[k] === 0);
  if (empty) return fail('no_data_rows', `No row has ${quote(empty.value)} in ${quote(empty.column)}.`, `Nevienā rindā kolonnā ${quote(empty.column)} nav ${quote(empty.value)}.`);
  if (missing >= 0) {
    const { column } = wanted[missing]!;
    return fail('no_filter_column', `There is no column ${quote(column)}.`, `Nav kolonnas ${quote(column)}.`);
  }
  if (usable.length > 0) table.body = body;
  return null;
}

/** The decimal mark the value cells use, read in steps. */
function* decimalMark(table: Table, valueCols: readonly number[]): Generator<ImportProgress, DecimalMark | null, void> {
  const tally = decimalTally();
  for (let r = 0; r < table.body.length; r++) {
    const cells = table.body[r]!.cells;
    for (const i of valueCols) tally.add(cells[i]!);
    if (r % LINES_PER_STEP === LINES_PER_STEP - 1) yield table.progress(IMPORT_PASSES.decimal, r, table.body.length);
  }
  return tally.mark();
}
