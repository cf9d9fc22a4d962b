/**
 * Answers of the Official Statistics Portal API (CSP PxWeb v1) → the project's tidy indicator rows
 * (`code_or_name,indicator,year,value,unit,source,note`), and the difference between two such
 * files. Everything here is pure; `update.ts` fetches and writes.
 */
import { parseCsvRecords, requireColumns } from '../src/domain/csv.ts';

/** An answer or a mapping this module refuses; the message is one line, without the table name. */
export class PxwebError extends Error {
  override name = 'PxwebError';
}

/** One cell of a statistical cube: the category code on every dimension and the number, if any. */
export interface CubeCell {
  dimensions: Record<string, string>;
  /** Category labels, where the answer gives them (JSON-stat does; PxWeb JSON only for contents). */
  labels?: Record<string, string>;
  /** `null` when the cell is missing: never read a missing cell as 0. */
  value: number | null;
  /** The symbol the source gave (`..`, `…`, `.`); `null` when a missing cell came without one. */
  status?: string;
  /** The unit of measure JSON-stat gives for one of the cell's categories (`category.unit[code].base`), usually its contents. */
  unit?: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** A value as the API sends it: a number, a numeric string, or a symbol/null meaning "missing". */
function readValue(v: unknown): { value: number | null; status?: string } {
  if (typeof v === 'number' && Number.isFinite(v)) return { value: v };
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string') return NUMBER.test(v.trim()) ? { value: Number(v.trim()) } : { value: null, status: v };
  throw new PxwebError(`value ${JSON.stringify(v)} is neither a number, a string nor null`);
}

/** The category codes of one JSON-stat dimension in index order, with their labels. */
function categoriesOf(dataset: Record<string, unknown>, id: string, size: number) {
  const dim = isObject(dataset.dimension) ? dataset.dimension[id] : undefined;
  const category = isObject(dim) ? dim.category : undefined;
  if (!isObject(category)) throw new PxwebError(`JSON-stat: dimension "${id}" has no category`);
  const labels: Record<string, string> = {};
  if (isObject(category.label)) for (const [k, v] of Object.entries(category.label)) if (typeof v === 'string') labels[k] = v;
  const units: Record<string, string> = {};
  if (isObject(category.unit)) {
    for (const [k, u] of Object.entries(category.unit)) {
      const text = isObject(u) ? [u.base, u.label, u.symbol].find((x) => typeof x === 'string' && x.trim() !== '') : undefined;
      if (typeof text === 'string') units[k] = text;
    }
  }
  let codes: (string | undefined)[];
  if (Array.isArray(category.index)) codes = category.index.map((c) => (typeof c === 'string' ? c : undefined));
  else if (isObject(category.index)) {
    codes = [];
    for (const [code, at] of Object.entries(category.index)) if (typeof at === 'number' && Number.isInteger(at) && at >= 0) codes[at] = code;
  } else if (category.index === undefined && Object.keys(labels).length === 1) codes = Object.keys(labels);
  else throw new PxwebError(`JSON-stat: dimension "${id}" has neither category.index nor a single category.label`);
  if (codes.length !== size || codes.some((c) => c === undefined)) {
    throw new PxwebError(`JSON-stat: dimension "${id}" lists ${codes.filter(Boolean).length} categories but "size" says ${size}`);
  }
  return { codes: codes as string[], labels, units };
}

/** Reads a dense array or a sparse object (`{"7": …}`) keyed by the cell's row-major position. */
function atPosition(x: unknown, what: string, total: number): (i: number) => unknown {
  if (Array.isArray(x)) {
    if (x.length !== total) throw new PxwebError(`JSON-stat: the cube has ${total} cells but "${what}" holds ${x.length} value${x.length === 1 ? '' : 's'}`);
    return (i) => x[i];
  }
  if (isObject(x)) {
    const bad = Object.keys(x).find((k) => !/^\d+$/.test(k) || Number(k) >= total);
    if (bad !== undefined) throw new PxwebError(`JSON-stat: "${what}" has key "${bad}" outside the ${total} cells`);
    return (i) => x[String(i)];
  }
  throw new PxwebError(`JSON-stat: "${what}" is neither an array nor an object`);
}

/**
 * Reads a JSON-stat 2.0 dataset (https://json-stat.org/format/, what PxWeb sends for
 * `"format": "json-stat2"`) into one cell per position of the cube. Values are in row-major order
 * over `id`/`size` (the last dimension varies fastest); `value` and `status` may be arrays or
 * sparse objects, `status` also one string for all; a category given only by its label is the
 * single category of its dimension; a category's unit of measure (`category.unit`, which PxWeb
 * writes for the contents) goes to each of its cells. Anything else is a PxwebError saying what
 * was found.
 */
export function parseJsonStat2(json: unknown): CubeCell[] {
  if (!isObject(json)) throw new PxwebError('JSON-stat: the answer is not an object');
  if (json.class !== 'dataset') {
    const v1 = json.class === undefined && Object.values(json).some((d) => isObject(d) && 'value' in d);
    throw new PxwebError(v1 ? 'JSON-stat 1.x bundle, not 2.0: ask for "format": "json-stat2"' : `JSON-stat: "class" is ${JSON.stringify(json.class)}, expected "dataset"`);
  }
  if (json.version !== undefined && json.version !== '2.0') throw new PxwebError(`JSON-stat: version ${JSON.stringify(json.version)}, expected "2.0"`);
  const { id, size } = json;
  if (!Array.isArray(id) || !Array.isArray(size) || id.length !== size.length || id.length === 0 || !id.every((d) => typeof d === 'string') || !size.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new PxwebError('JSON-stat: "id" and "size" must be arrays of dimension ids and sizes of the same length');
  }
  const ids = id as string[];
  const sizes = size as number[];
  const dims = ids.map((d, k) => categoriesOf(json, d, sizes[k]!));
  const total = sizes.reduce((a, b) => a * b, 1);
  const valueAt = atPosition(json.value, 'value', total);
  const statusAt = typeof json.status === 'string' ? () => json.status : json.status === undefined ? () => undefined : atPosition(json.status, 'status', total);
  const cells: CubeCell[] = [];
  for (let i = 0; i < total; i++) {
    const dimensions: Record<string, string> = {};
    const labels: Record<string, string> = {};
    let unit: string | undefined;
    for (let k = ids.length - 1, rest = i; k >= 0; k--) {
      const { codes, labels: l, units } = dims[k]!;
      const code = codes[rest % sizes[k]!]!;
      rest = Math.floor(rest / sizes[k]!);
      dimensions[ids[k]!] = code;
      if (l[code] !== undefined) labels[ids[k]!] = l[code];
      unit ??= units[code];
    }
    const read = readValue(valueAt(i));
    const status = read.status ?? statusAt(i);
    const cell: CubeCell = { dimensions: Object.fromEntries(ids.map((d) => [d, dimensions[d]!])), labels, value: read.value };
    if (typeof status === 'string') cell.status = status;
    else if (read.value === null) cell.status = 'null';
    if (unit !== undefined) cell.unit = unit;
    cells.push(cell);
  }
  return cells;
}

/**
 * Reads PxWeb's own `"format": "JSON"` answer (`columns`, `data[].key`, `data[].values`, as in
 * the real irs050 answer): `key` follows the non-contents columns in order, `values` the contents
 * columns (`type: "c"`), each of which becomes a category of a `ContentsCode` dimension with the
 * column text as its label. Values arrive as strings; a symbol such as `..` is a missing cell.
 */
export function parsePxwebJson(json: unknown): CubeCell[] {
  if (!isObject(json) || !Array.isArray(json.columns) || !Array.isArray(json.data)) throw new PxwebError('PxWeb JSON: expected "columns" and "data" arrays');
  const columns = json.columns.map((c, i) => {
    if (!isObject(c) || typeof c.code !== 'string' || typeof c.type !== 'string') throw new PxwebError(`PxWeb JSON: column ${i} has no "code" or "type"`);
    return { code: c.code, text: typeof c.text === 'string' ? c.text : c.code, type: c.type };
  });
  const keys = columns.filter((c) => c.type !== 'c');
  const contents = columns.filter((c) => c.type === 'c');
  if (contents.length === 0) throw new PxwebError('PxWeb JSON: no contents column (type "c")');
  return json.data.flatMap((row, r) => {
    if (!isObject(row) || !Array.isArray(row.key) || !Array.isArray(row.values) || row.key.length !== keys.length || row.values.length !== contents.length) {
      throw new PxwebError(`PxWeb JSON: data[${r}] needs ${keys.length} keys and ${contents.length} values`);
    }
    const key = row.key as unknown[];
    const dims = Object.fromEntries(keys.map((c, k) => [c.code, String(key[k])]));
    return contents.map((c, j): CubeCell => {
      const read = readValue((row.values as unknown[])[j]);
      const cell: CubeCell = { dimensions: { ...dims, ContentsCode: c.code }, labels: { ContentsCode: c.text }, value: read.value };
      if (read.value === null) cell.status = read.status ?? 'null';
      return cell;
    });
  });
}

/** Reads an API answer in whichever of the two documented formats it is; anything else is refused. */
export function parseResponse(text: string): CubeCell[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PxwebError(`the answer is not JSON (it starts ${JSON.stringify(text.slice(0, 60).replace(/\s+/g, ' '))})`);
  }
  if (isObject(json) && json.class === 'dataset') return parseJsonStat2(json);
  if (isObject(json) && Array.isArray(json.columns) && Array.isArray(json.data)) return parsePxwebJson(json);
  const keys = isObject(json) ? Object.keys(json).slice(0, 5).join(', ') : typeof json;
  throw new PxwebError(`the answer is neither JSON-stat 2.0 nor PxWeb JSON (expected "class": "dataset", or "columns" + "data"); it has: ${keys || 'nothing'}`);
}

/** Which category a mapping wants on one dimension: its code, or its label when no code is known. */
export type CategorySelector = string | { label: string };

/** One indicator of a table: the categories that select its cells, and what to call them. */
export interface IndicatorMapping {
  indicator: string;
  unit: string;
  note?: string;
  where: Record<string, CategorySelector>;
  /** The units of measure the answer may state for these cells (any one, case and spacing aside); none: not checked. */
  sourceUnit?: string[];
}

/** An area code of the API that stands for a unit of `units.csv` from a given year on. */
export interface AreaAlias {
  from: string;
  to: string;
  /** First year (YYYY) the alias applies; earlier cells of `from` are skipped and counted. */
  fromYear: string;
  note?: string;
}

/** How one table's cells become tidy rows. */
export interface TableMapping {
  table: string;
  url: string;
  areaDimension?: string;
  timeDimension?: string;
  indicators: IndicatorMapping[];
  areaAliases?: AreaAlias[];
}

/** One row of an indicator CSV (`code_or_name,indicator,year,value,unit,source,note`). */
export interface TidyRow {
  codeOrName: string;
  indicator: string;
  year: string;
  value: string;
  unit: string;
  source: string;
  note: string;
}

/** The rows of one table and what was left out on the way, for the report. */
export interface TidyResult {
  rows: TidyRow[];
  missing: { count: number; symbols: Record<string, number> };
  unknownAreas: Record<string, number>;
  /** Cells that no indicator mapping selects (other categories of the table). */
  unmapped: number;
  /** Cells of an alias code for a year before the alias applies. */
  aliasTooEarly: number;
  /** Values of an alias target replaced by the alias's value for the same year. */
  superseded: string[];
  /** Places a source names that are not units of the map and that its configuration says to pass over (regions, towns). */
  ignoredAreas?: Record<string, number>;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const selects = (cell: CubeCell, dim: string, sel: CategorySelector) =>
  typeof sel === 'string' ? cell.dimensions[dim] === sel : cell.labels?.[dim] !== undefined && norm(cell.labels[dim]) === norm(sel.label);

/** Whether a cell has every category a mapping's `where` asks for. */
export const selectsCell = (cell: CubeCell, where: Record<string, CategorySelector>) => Object.entries(where).every(([dim, sel]) => selects(cell, dim, sel));

const describe = (sel: CategorySelector) => (typeof sel === 'string' ? JSON.stringify(sel) : `label ${JSON.stringify(sel.label)}`);

/** PxWeb time codes → the project's `year`: `2026` stays, `2025M07` becomes `2025-07`. */
function yearOf(time: string): string {
  if (/^\d{4}$/.test(time)) return time;
  const month = /^(\d{4})M(\d{2})$/.exec(time);
  if (month) return `${month[1]}-${month[2]}`;
  throw new PxwebError(`time period "${time}" is neither a year (YYYY) nor a month (YYYYMmm)`);
}

/** The categories (code and label) each dimension shows in the answer, to name them in errors. */
function categoriesSeen(cells: CubeCell[]): Map<string, Map<string, string>> {
  const seen = new Map<string, Map<string, string>>();
  for (const c of cells) {
    for (const [dim, code] of Object.entries(c.dimensions)) {
      if (!seen.has(dim)) seen.set(dim, new Map());
      seen.get(dim)!.set(code, c.labels?.[dim] ?? '');
    }
  }
  return seen;
}

function checkMapping(cells: CubeCell[], m: TableMapping, areaDim: string, timeDim: string) {
  const seen = categoriesSeen(cells);
  for (const dim of [areaDim, timeDim, ...m.indicators.flatMap((i) => Object.keys(i.where))]) {
    if (!seen.has(dim)) throw new PxwebError(`the answer has no dimension "${dim}" (it has ${[...seen.keys()].join(', ')})`);
  }
  for (const i of m.indicators) {
    for (const [dim, sel] of Object.entries(i.where)) {
      if (cells.some((c) => selects(c, dim, sel))) continue;
      const has = [...seen.get(dim)!].slice(0, 12).map(([code, label]) => (label && label !== code ? `${code} (${label.trim()})` : code));
      throw new PxwebError(`${i.indicator}: ${dim} = ${describe(sel)} is not in the answer; ${dim} has ${has.join(', ')}`);
    }
  }
}

/** The order of places in every indicator file: `LV` first, then by code. */
export const placeOrder = (a: string, b: string) => (a === 'LV' ? -1 : b === 'LV' ? 1 : a.localeCompare(b));

/**
 * Turns the cells of one table into tidy rows for the project's indicator CSVs. A cell becomes a
 * row when an indicator mapping selects it, its area is `LV` or a unit of `units.csv` (directly,
 * or through an area alias from its `fromYear` on: the merged Madona LV0038001 → LV0038000 from
 * 2026, so that no pre-merge year counts Varakļāni twice) and it holds a number. Missing values
 * and unknown areas are skipped and counted, never written as 0. It stops (PxwebError) when a
 * mapping names a dimension or category the answer lacks, when two cells land on one row, when no
 * area of the answer is a known unit, or when every known cell is missing.
 */
export function toTidyRows(cells: CubeCell[], mapping: TableMapping, units: readonly { code: string }[], retrievedOn: string): TidyResult {
  if (cells.length === 0) throw new PxwebError('the answer holds no cells');
  const areaDim = mapping.areaDimension ?? 'AREA';
  const timeDim = mapping.timeDimension ?? 'TIME';
  checkMapping(cells, mapping, areaDim, timeDim);
  const known = new Set(['LV', ...units.map((u) => u.code)]);
  const aliases = new Map((mapping.areaAliases ?? []).map((a) => [a.from, a]));
  const source = `CSP ${mapping.table} via data.stat.gov.lv API (${mapping.url}), retrieved ${retrievedOn}`;
  const result: TidyResult = { rows: [], missing: { count: 0, symbols: {} }, unknownAreas: {}, unmapped: 0, aliasTooEarly: 0, superseded: [] };
  const kept = new Map<string, { row: TidyRow; cell: CubeCell; viaAlias: boolean; order: number }>();
  let anyKnown = false;
  for (const cell of cells) {
    const order = mapping.indicators.findIndex((i) => selectsCell(cell, i.where));
    const m = mapping.indicators[order];
    if (!m) {
      result.unmapped++;
      continue;
    }
    const area = cell.dimensions[areaDim]!;
    const year = yearOf(cell.dimensions[timeDim]!);
    const alias = aliases.get(area);
    if (alias && year < alias.fromYear) {
      result.aliasTooEarly++;
      continue;
    }
    const place = alias ? alias.to : area;
    if (!known.has(place)) {
      result.unknownAreas[area] = (result.unknownAreas[area] ?? 0) + 1;
      continue;
    }
    anyKnown = true;
    if (cell.value === null) {
      const symbol = cell.status ?? 'null';
      result.missing.count++;
      result.missing.symbols[symbol] = (result.missing.symbols[symbol] ?? 0) + 1;
      continue;
    }
    const note = [m.note, alias?.note].filter((n) => n).join('; ');
    const row: TidyRow = { codeOrName: place, indicator: m.indicator, year, value: String(cell.value), unit: m.unit, source, note };
    const key = `${place} ${m.indicator} ${year}`;
    const before = kept.get(key);
    if (before && before.viaAlias === Boolean(alias)) {
      const differ = Object.keys(cell.dimensions).filter((d) => d !== areaDim && cell.dimensions[d] !== before.cell.dimensions[d]);
      throw new PxwebError(`two cells give ${key} (they differ in ${differ.join(', ') || areaDim}): add that dimension to "where"`);
    }
    // After a merge, the merged unit's own code is the better source for the unit it became.
    if (before && before.viaAlias) {
      result.superseded.push(`${key} (${row.value})`);
      continue;
    }
    if (before) result.superseded.push(`${key} (${before.row.value})`);
    kept.set(key, { row, cell, viaAlias: Boolean(alias), order });
  }
  if (!anyKnown) {
    const areas = [...new Set(cells.map((c) => c.dimensions[areaDim]!))];
    throw new PxwebError(`none of the ${areas.length} area codes in the answer (${areas.slice(0, 6).join(', ')}${areas.length > 6 ? ', …' : ''}) is LV or a unit of units.csv`);
  }
  if (kept.size === 0) throw new PxwebError('every selected cell of a known area is missing: nothing to write');
  result.rows = [...kept.values()]
    .sort((a, b) => placeOrder(a.row.codeOrName, b.row.codeOrName) || a.order - b.order || a.row.year.localeCompare(b.row.year))
    .map((k) => k.row);
  return result;
}

/** The header of every indicator CSV, in order. */
export const TIDY_COLUMNS = ['code_or_name', 'indicator', 'year', 'value', 'unit', 'source', 'note'] as const;
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes tidy rows as an indicator CSV: the project header, LF line ends, a final newline. */
export function formatTidyCsv(rows: TidyRow[]): string {
  const lines = rows.map((r) => [r.codeOrName, r.indicator, r.year, r.value, r.unit, r.source, r.note].map(field).join(','));
  return `${[TIDY_COLUMNS.join(','), ...lines].join('\n')}\n`;
}

function readTidy(text: string): Map<string, TidyRow> {
  const rows = new Map<string, TidyRow>();
  if (text.trim() === '') return rows;
  const { header, records } = parseCsvRecords(text);
  requireColumns(header, TIDY_COLUMNS);
  for (const { values: v } of records) {
    const row: TidyRow = { codeOrName: v.code_or_name ?? '', indicator: v.indicator ?? '', year: v.year ?? '', value: v.value ?? '', unit: v.unit ?? '', source: v.source ?? '', note: v.note ?? '' };
    rows.set(`${row.codeOrName} ${row.indicator} ${row.year}`, row);
  }
  return rows;
}

const sameValue = (a: string, b: string) => a === b || (NUMBER.test(a.trim()) && NUMBER.test(b.trim()) && Number(a) === Number(b));

/** A row whose place, indicator and year are in both files but whose value, unit or note differ. */
export interface TidyChange {
  from: TidyRow;
  to: TidyRow;
  fields: ('value' | 'unit' | 'note')[];
}

/** What a refreshed indicator file changes, row by row. */
export interface TidyDiff {
  added: TidyRow[];
  removed: TidyRow[];
  changed: TidyChange[];
  unchanged: number;
}

/**
 * Compares two indicator CSVs row by row, a row being identified by place, indicator and year.
 * Values are compared as numbers (`50000.0` = `50000`); unit and note as text. The `source`
 * column is not compared: it carries the retrieval date, which changes on every refresh, so a
 * new date alone is no change. An empty old text (no previous file) makes every row added.
 */
export function diffTidyCsv(oldText: string, newText: string): TidyDiff {
  const before = readTidy(oldText);
  const after = readTidy(newText);
  const diff: TidyDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [key, to] of after) {
    const from = before.get(key);
    if (!from) {
      diff.added.push(to);
      continue;
    }
    const fields: TidyChange['fields'] = [];
    if (!sameValue(from.value, to.value)) fields.push('value');
    if (from.unit !== to.unit) fields.push('unit');
    if (from.note !== to.note) fields.push('note');
    if (fields.length > 0) diff.changed.push({ from, to, fields });
    else diff.unchanged++;
  }
  for (const [key, from] of before) if (!after.has(key)) diff.removed.push(from);
  const order = (a: TidyRow, b: TidyRow) => placeOrder(a.codeOrName, b.codeOrName) || a.indicator.localeCompare(b.indicator) || a.year.localeCompare(b.year);
  diff.added.sort(order);
  diff.removed.sort(order);
  diff.changed.sort((a, b) => order(a.to, b.to));
  return diff;
}
