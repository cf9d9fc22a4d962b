import { createPlaceMatcher, foldText, placeMatchProblem, type Bilingual, type PlaceMatch, type UnitRef } from './unitMatch.ts';
import { decimalMarkOf, detectDelimiter, parseNumberCell, parseYear, splitLine, yearOfHeader } from './importCells.ts';
import { dropDuplicates, resolveMergers, type Candidate } from './importConflicts.ts';
import type { ImportErrorKind, ImportFormat, ImportIssue, ImportOptions, ImportResult, IssueKind } from './importResult.ts';

/*
 * A user's CSV indicator as a table: header, column roles, series, rows matched to units. The
 * cells themselves are read by importCells.ts; values competing for one unit and year are settled
 * by importConflicts.ts; what it takes and gives is typed in importResult.ts.
 */

export type { Bilingual, UnitRef } from './unitMatch.ts';
export type { DecimalMark } from './importCells.ts';
export type { ImportedRow, ImportError, ImportErrorKind, ImportFormat, ImportIssue, ImportOptions, ImportResult, IssueKind, NationalValue } from './importResult.ts';

const YEAR_NAMES = new Set(['year', 'gads', 'gadi', 'laika periods', 'time period', 'time', 'period', 'laiks']);
const VALUE_NAMES = new Set(['value', 'values', 'vertiba', 'vertibas', 'val']);
const CODE_NAMES = new Set(['code', 'kods', 'atvk', 'iso', 'iso3166_2', 'geo', 'code_or_name', 'area']);

const empty = (): ImportResult => ({ rows: [], national: [], unmatched: [], warnings: [], errors: [], series: [] });
function fail(kind: ImportErrorKind, en: string, lv: string, rest: Partial<ImportResult> = {}): ImportResult {
  return { ...empty(), ...rest, rows: [], national: [], errors: [{ kind, message: { lv, en } }] };
}
const quote = (s: string) => `“${s}”`;

interface Line {
  line: number;
  raw: string;
  cells: string[];
}

interface Table {
  delimiter: string;
  title: string;
  header: string[];
  folded: string[];
  body: Line[];
}

const isFailure = (x: object): x is ImportResult => 'errors' in x;

/**
 * Splits the text into lines of cells: finds the delimiter, skips title lines above the header
 * (the first line as wide as most lines) and reports lines that cannot be data.
 */
function readTable(text: string, unmatched: ImportIssue[]): Table | ImportResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') return fail('empty', 'The file is empty.', 'Fails ir tukšs.');
  const controls = clean.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (controls > 0.01 * clean.length || /^\s*[{[<]/.test(clean)) return fail('not_csv', 'This is not a CSV text file.', 'Šis nav CSV teksta fails.');
  const all = clean.split(/\r\n|\r|\n/);
  // Excel's "sep=;" first line names the delimiter.
  const sep = /^"?sep=(.)"?\s*$/i.exec(all[0] ?? '');
  const first = sep ? 1 : 0;
  const detected = detectDelimiter(all.slice(first).filter((l) => l.trim() !== ''));
  const delimiter = sep ? sep[1]! : detected?.delimiter;
  if (!delimiter) return fail('not_csv', 'No columns found: separate them with commas or semicolons.', 'Nav atrastas kolonnas: atdaliet tās ar komatiem vai semikoliem.');
  const lines: (Line & { unclosed: boolean })[] = [];
  for (let i = first; i < all.length; i++) {
    const { cells, unclosed } = splitLine(all[i]!, delimiter);
    if (cells.some((c) => c !== '')) lines.push({ line: i + 1, raw: all[i]!.trim().slice(0, 200), cells, unclosed });
  }
  // A loop, not Math.max(...): a spread of 150 000 arguments overflows the call stack.
  const width = sep ? lines.reduce((w, l) => Math.max(w, l.cells.length), 0) : detected!.width;
  const headerAt = lines.findIndex((l) => l.cells.length === width && l.cells.filter(Boolean).length >= 2);
  if (headerAt < 0) return fail('not_csv', 'No header row with at least two columns.', 'Nav virsrakstu rindas ar vismaz divām kolonnām.');
  const header = lines[headerAt]!.cells.map((h, i) => h || `#${i + 1}`);
  const body: Line[] = [];
  const report = (l: Line, lv: string, en: string) => unmatched.push({ line: l.line, raw: l.raw, kind: 'malformed', reason: { lv, en } });
  for (const { unclosed, ...l } of lines.slice(headerAt + 1)) {
    if (unclosed) report(l, 'neaizvērtas pēdiņas', 'unclosed quote');
    else if (l.cells.length === 1) report(l, 'nav datu rinda (tikai viens lauks)', 'not a data row (one field only)');
    else if (l.cells.slice(width).some(Boolean)) report(l, `${l.cells.length} lauki, bet virsrakstā ${width}`, `${l.cells.length} fields where the header has ${width}`);
    else body.push({ ...l, cells: header.map((_, i) => l.cells[i] ?? '') });
  }
  if (body.length === 0) return fail('no_data_rows', 'The file has a header but no data rows.', 'Failā ir virsraksti, bet nav datu rindu.', { unmatched });
  const title = lines.slice(0, headerAt).map((l) => l.cells.filter(Boolean).join(' ')).join(' / ');
  return { delimiter, title, header, folded: header.map(foldText), body };
}

interface Roles {
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
function columnRoles({ header, folded, body }: Table, isPlace: (label: string) => boolean, options: ImportOptions): Roles | ImportResult {
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
  const scores = header.map((_, i) => (valueCols.includes(i) || i === yearCol ? -1 : body.filter((l) => isPlace(l.cells[i]!)).length));
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

/**
 * Reads an indicator a user brings as CSV: a plain `code,value[,year]` table or a file exactly as
 * the Official Statistics Portal exports it (title line, blank line, quoted header, unit names,
 * a "Latvija" total, years as columns). Units are matched by code or name (see
 * `createPlaceMatcher`); the national total is kept apart; every row left out is reported with
 * its line and a reason. Dissolved units are reported, never summed into their successor.
 */
export function parseIndicatorImport(text: string, units: readonly UnitRef[], options: ImportOptions = {}): ImportResult {
  const unmatched: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const table = readTable(text, unmatched);
  if (isFailure(table)) return table;
  const { header, folded } = table;
  for (const [column, wanted] of Object.entries(options.filter ?? {})) {
    const i = folded.indexOf(foldText(column));
    if (i < 0) return fail('no_filter_column', `There is no column ${quote(column)}.`, `Nav kolonnas ${quote(column)}.`);
    table.body = table.body.filter((l) => foldText(l.cells[i]!) === foldText(wanted));
    if (table.body.length === 0) return fail('no_data_rows', `No row has ${quote(wanted)} in ${quote(column)}.`, `Nevienā rindā kolonnā ${quote(column)} nav ${quote(wanted)}.`);
  }
  const match = createPlaceMatcher(units);
  const cache = new Map<string, PlaceMatch>();
  const matchOf = (label: string) => cache.get(label) ?? cache.set(label, match(label)).get(label)!;
  const roles = columnRoles(table, (label) => {
    const m = matchOf(label);
    return m.kind !== 'unknown' || m.suggestion !== undefined;
  }, options);
  if (isFailure(roles)) return roles;
  const { wide, placeCol, yearCol, valueCols } = roles;
  const fixedYear = options.year !== undefined ? parseYear(options.year) : null;
  const yearOf = (l: Line, col: number) => (wide ? yearOfHeader(header[col]!) : yearCol >= 0 ? parseYear(l.cells[yearCol]!) : fixedYear);
  const format: ImportFormat = {
    delimiter: table.delimiter,
    decimal: options.decimal ?? decimalMarkOf(table.body.flatMap((l) => valueCols.map((i) => l.cells[i]!))),
    layout: wide ? 'wide' : 'long',
    title: table.title,
    placeColumn: header[placeCol]!,
    valueColumns: valueCols.map((i) => header[i]!),
  };
  if (yearCol >= 0) format.yearColumn = header[yearCol]!;

  const series = seriesColumns(table.body, header, [placeCol, yearCol, ...valueCols], (l) => {
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
  for (const l of table.body) {
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
  const kept = dropDuplicates(resolveMergers(candidates, units, unmatched, warnings), unmatched);
  const national = dropDuplicates(nationals, unmatched).map(({ year, value, line }) => ({ year, value, line }));
  const byLine = (a: ImportIssue, b: ImportIssue) => a.line - b.line || (a.year ?? '').localeCompare(b.year ?? '');
  unmatched.sort(byLine);
  warnings.sort(byLine);
  if (kept.length === 0) {
    return fail('nothing_matched', 'No row gives a value for a municipality of the map.', 'Nevienā rindā nav vērtības kādai kartes pašvaldībai.', { unmatched, warnings, format });
  }
  return { ...empty(), rows: kept.map(({ code, year, value, line }) => ({ code, year, value, line })), national, unmatched, warnings, format };
}

/** Columns other than place/year/values whose values differ between rows of the same place and year. */
function seriesColumns(body: Line[], header: string[], roles: number[], keyOf: (l: Line) => string | null) {
  const groups = new Map<string, Line[]>();
  for (const l of body) {
    const key = keyOf(l);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(l);
    else groups.set(key, [l]);
  }
  return header.flatMap((column, i) => {
    if (roles.includes(i)) return [];
    const varies = [...groups.values()].some((g) => new Set(g.map((l) => l.cells[i])).size > 1);
    return varies ? [{ column, values: [...new Set(body.map((l) => l.cells[i]!))] }] : [];
  });
}
