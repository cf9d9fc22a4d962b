/**
 * Sources that publish a CSV table rather than a PxWeb API (NVA, VRAA, data.gov.lv), configured
 * in `inputs/csv_sources.json`, read into the project's tidy indicator rows. The layout is the one
 * this project documents (it could not be checked against the published files offline): one
 * header line, `;` or `,`, one row per place and period, each value column headed
 * `<name> (<unit>)`. Anything that does not fit — another unit, an unknown place, a bad period or
 * number, a place listed twice — refuses the whole file with the line and the reason.
 */
import { headerDelimiter, parseCsvRecords } from '../src/domain/csv.ts';
import { PipelineError } from './errors.ts';
import { placeOrder, type TidyResult, type TidyRow } from './pxweb.ts';
import { readExpectation, unitAccepted, unitList, type Expectation } from './refreshChecks.ts';
import type { UnitRow } from './units.ts';

/** One value column of a source and the indicator it fills. */
export interface CsvIndicatorMapping {
  indicator: string;
  /** The column's name without its unit: `Reģistrētā bezdarba līmenis` for `Reģistrētā bezdarba līmenis (%)`. */
  column: string;
  /** The units the header may give (case and spacing aside); `""` accepts a header without a unit (an index). */
  sourceUnit: string[];
  /** The unit written into the indicator file. */
  unit: string;
  note?: string;
}

/** One source of `csv_sources.json`. */
export interface CsvSource {
  id: string;
  producer: string;
  title: string;
  /** The publisher's page for people; `url`, the file itself ('' while no address is confirmed). */
  page: string;
  url: string;
  /** How rows name places: a CSP area code or ATVK code (`code`) or the Latvian name of `units.csv` (`name`). */
  area: { column: string; by: 'code' | 'name'; national: string[]; ignore: string[]; ignorePattern?: string };
  period: { column: string };
  indicators: CsvIndicatorMapping[];
  expect: Expectation;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const texts = (x: unknown): string[] | null => (Array.isArray(x) && x.every((s) => typeof s === 'string') ? (x as string[]) : null);

/** Reads and checks `csv_sources.json`, naming the file and the entry of the first problem. */
export function readCsvSources(text: string, file: string): CsvSource[] {
  const fail = (what: string): never => {
    throw new PipelineError(file, null, what);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`is not JSON: ${(e as Error).message}`);
  }
  if (!isObject(json) || !Array.isArray(json.sources) || json.sources.length === 0) return fail('needs a non-empty "sources" list');
  const seen = new Set<string>();
  return json.sources.map((s, i): CsvSource => {
    const at = `sources[${i}]`;
    if (!isObject(s) || !isText(s.id) || !/^[a-z0-9_]+$/.test(s.id) || seen.has(s.id)) return fail(`${at} needs a unique "id" (lower-case letters, digits, _)`);
    seen.add(s.id);
    if (!isText(s.producer) || !isText(s.title) || !isText(s.page) || !/^https?:\/\//.test(s.page)) fail(`${at} needs "producer", "title" and an http(s) "page"`);
    if (typeof s.url !== 'string' || (s.url !== '' && !/^https?:\/\//.test(s.url))) fail(`${at}.url must be an http(s) address or "" (none confirmed)`);
    const a = s.area;
    if (!isObject(a) || !isText(a.column) || (a.by !== 'code' && a.by !== 'name')) return fail(`${at}.area needs "column" and "by": "code" or "name"`);
    const national = a.national === undefined ? [] : texts(a.national);
    const ignore = a.ignore === undefined ? [] : texts(a.ignore);
    if (!national || !ignore || (a.ignorePattern !== undefined && !isText(a.ignorePattern))) return fail(`${at}.area: "national" and "ignore" are lists of texts, "ignorePattern" a text`);
    if (isText(a.ignorePattern)) {
      try {
        new RegExp(a.ignorePattern);
      } catch (e) {
        fail(`${at}.area.ignorePattern: ${(e as Error).message}`);
      }
    }
    if (!isObject(s.period) || !isText(s.period.column)) fail(`${at}.period needs "column"`);
    if (!Array.isArray(s.indicators) || s.indicators.length === 0) return fail(`${at}.indicators must list at least one indicator`);
    const indicators = s.indicators.map((m, j): CsvIndicatorMapping => {
      const units = isObject(m) ? (typeof m.sourceUnit === 'string' ? [m.sourceUnit] : texts(m.sourceUnit)) : null;
      if (!isObject(m) || !isText(m.indicator) || !/^[a-z0-9_]+$/.test(m.indicator) || !isText(m.column) || !isText(m.unit) || !units || units.length === 0 || (m.note !== undefined && typeof m.note !== 'string')) {
        return fail(`${at}.indicators[${j}] needs "indicator" (a snake_case id), "column", "sourceUnit", "unit" and at most a text "note"`);
      }
      return { indicator: m.indicator, column: m.column, sourceUnit: units, unit: m.unit, ...(isText(m.note) ? { note: m.note } : {}) };
    });
    const expect = readExpectation(s.expect);
    if (!expect) return fail(`${at}.expect needs "areas" ("units" or a list of LV codes) and "years" (YYYY or YYYY-MM)`);
    const area = { column: a.column, by: a.by, national, ignore, ...(isText(a.ignorePattern) ? { ignorePattern: a.ignorePattern } : {}) } as CsvSource['area'];
    return { id: s.id, producer: s.producer as string, title: s.title as string, page: s.page as string, url: s.url as string, area, period: { column: (s.period as { column: string }).column }, indicators, expect };
  });
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const MISSING = new Set(['', '-', '–', '—', '..', '…', ':', 'x']);
const NUMBER = /^[-+]?\d+(\.\d+)?$/;

/** Splits `Name (unit)` into its name and unit; a header without brackets has no unit. */
function splitHeader(h: string): { name: string; unit: string | null } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(h);
  return m ? { name: m[1]!, unit: m[2]!.trim() } : { name: h, unit: null };
}

/** The header of each mapped value column, after checking the unit of measure it states. */
function valueColumns(header: string[], source: CsvSource, fail: (line: number | null, why: string) => never): string[] {
  return source.indicators.map((m) => {
    const h = header.find((x) => norm(splitHeader(x).name) === norm(m.column));
    if (h === undefined) return fail(null, `no column "${m.column} (…)"; the header has: ${header.join(', ')}`);
    const { unit } = splitHeader(h);
    const expected = m.sourceUnit.some((u) => u !== '') ? unitList(m.sourceUnit.filter((u) => u !== '')) : 'no unit';
    if (unit === null && !m.sourceUnit.includes('')) fail(null, `"${m.column}" states no unit of measure, expected ${expected}`);
    if (unit !== null && !unitAccepted(unit, m.sourceUnit)) fail(null, `unit of measure of "${m.column}" is ${JSON.stringify(unit)}, expected ${expected}`);
    return h;
  });
}

/**
 * Reads one source's CSV text into tidy rows (`origin`, the address or file it came from, goes
 * into `source`). Places are matched to `units.csv` by code, ATVK code or Latvian name; the
 * national names become `LV`; configured other places (regions, towns) are passed over and
 * counted. Missing values (`..`, `-`, empty) are skipped and counted, never written as 0.
 */
export function readCsvSource(text: string, source: CsvSource, units: readonly UnitRow[], origin: string, retrievedOn: string): TidyResult {
  const fail = (line: number | null, why: string): never => {
    throw new PipelineError(source.id, line, why);
  };
  const body = text.replace(/^\uFEFF/, '');
  let parsed: ReturnType<typeof parseCsvRecords>;
  try {
    parsed = parseCsvRecords(body, headerDelimiter(body));
  } catch (e) {
    return fail(null, `not a CSV table this reader can use: ${(e as Error).message}`);
  }
  const { header, records } = parsed;
  for (const c of [source.area.column, source.period.column]) if (!header.includes(c)) fail(null, `no column "${c}"; the header has: ${header.join(', ')}`);
  const columns = valueColumns(header, source, fail);
  const byKey = new Map<string, string>();
  for (const u of units) {
    if (source.area.by === 'name') byKey.set(norm(u.nameLv), u.code);
    else byKey.set(u.code, u.code).set(u.atvk, u.code);
  }
  for (const n of source.area.national) byKey.set(source.area.by === 'name' ? norm(n) : n, 'LV');
  const ignorePattern = source.area.ignorePattern ? new RegExp(source.area.ignorePattern) : null;
  const ignored = new Set(source.area.ignore.map((n) => (source.area.by === 'name' ? norm(n) : n)));
  const result: TidyResult = { rows: [], missing: { count: 0, symbols: {} }, unknownAreas: {}, unmapped: 0, aliasTooEarly: 0, superseded: [], ignoredAreas: {} };
  const where = `${source.producer} ${source.title} (${origin}), retrieved ${retrievedOn}`;
  const seen = new Set<string>();
  const order: { row: TidyRow; i: number }[] = [];
  for (const { line, values: v } of records) {
    const raw = (v[source.area.column] ?? '').trim();
    const key = source.area.by === 'name' ? norm(raw) : raw;
    if (ignored.has(key) || ignorePattern?.test(raw)) {
      result.ignoredAreas![raw] = (result.ignoredAreas![raw] ?? 0) + source.indicators.length;
      continue;
    }
    const code = byKey.get(key) ?? fail(line, `unknown place "${raw}" (not in units.csv${source.area.national.length ? `, not ${source.area.national.join('/')}` : ''} and not ignored in csv_sources.json)`);
    const period = (v[source.period.column] ?? '').trim();
    if (!/^\d{4}(-\d{2})?$/.test(period)) fail(line, `period "${period}" is neither a year (YYYY) nor a month (YYYY-MM)`);
    if (seen.has(`${code} ${period}`)) fail(line, `${raw} (${code}), ${period}, is listed twice`);
    seen.add(`${code} ${period}`);
    source.indicators.forEach((m, i) => {
      const cell = (v[columns[i]!] ?? '').trim();
      if (MISSING.has(cell)) {
        result.missing.count++;
        result.missing.symbols[cell || 'empty'] = (result.missing.symbols[cell || 'empty'] ?? 0) + 1;
        return;
      }
      const number = cell.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-').replace(/^([-+]?\d+),(\d+)$/, '$1.$2');
      if (!NUMBER.test(number)) fail(line, `"${cell}" in "${columns[i]}" is not a number`);
      order.push({ row: { codeOrName: code, indicator: m.indicator, year: period, value: String(Number(number)), unit: m.unit, source: where, note: m.note ?? '' }, i });
    });
  }
  if (order.length === 0) fail(null, 'no values of the mapped columns: nothing to write');
  result.rows = order.sort((a, b) => placeOrder(a.row.codeOrName, b.row.codeOrName) || a.i - b.i || a.row.year.localeCompare(b.row.year)).map((o) => o.row);
  return result;
}
