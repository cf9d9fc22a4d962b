/**
 * `inputs/pxweb_tables.json`, read and checked: the tables `npm run data:update` POSTs to the
 * CSP PxWeb API, how their cells become indicator rows, what each must cover (`expect`), and the
 * tables that would close a gap but whose code is not confirmed (`pending`).
 */
import { PxwebError, type AreaAlias, type TableMapping } from './pxweb.ts';
import { readExpectation, type Expectation } from './refreshChecks.ts';

/** A PxWeb v1 query body: one selection per variable, and the answer format. */
export interface PxwebQuery {
  query: { code: string; selection: { filter: string; values: string[] } }[];
  response: { format: string };
}

/** One table to refresh: where to POST what, and how its cells become indicator rows. */
export interface TableConfig extends TableMapping {
  title: string;
  query: PxwebQuery;
  /** What the answer must cover; with it, an unknown area code refuses the table instead of being skipped. */
  expect?: Expectation;
}

/** A table that would close a gap but whose code is not confirmed: listed on every run, never fetched. */
export interface PendingTable {
  name: string;
  reason: string;
}

/** `inputs/pxweb_tables.json`; the area aliases apply to every table. */
export interface UpdateConfig {
  areaAliases: AreaAlias[];
  tables: TableConfig[];
  pending: PendingTable[];
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';

/** Reads and checks the table list, naming the file and the entry of the first problem. */
export function readUpdateConfig(text: string, file: string): UpdateConfig {
  const fail = (where: string, what: string): never => {
    throw new PxwebError(`${file}: ${where} ${what}`);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail('is not JSON:', (e as Error).message);
  }
  if (!isObject(json) || !Array.isArray(json.tables) || json.tables.length === 0) return fail('needs', 'a non-empty "tables" list');
  const aliases = (Array.isArray(json.areaAliases) ? json.areaAliases : []).map((a, i): AreaAlias => {
    const ok = isObject(a) && /^LV\d{7}$/.test(String(a.from)) && /^LV\d{7}$/.test(String(a.to)) && /^\d{4}$/.test(String(a.fromYear));
    if (!ok) fail(`areaAliases[${i}]`, 'needs "from" and "to" area codes (LV + 7 digits) and "fromYear" (YYYY)');
    const alias = a as Record<string, string>;
    return { from: alias.from!, to: alias.to!, fromYear: alias.fromYear!, ...(isText(alias.note) ? { note: alias.note } : {}) };
  });
  const seen = new Set<string>();
  const tables = json.tables.map((t, i): TableConfig => {
    const at = `tables[${i}]`;
    if (!isObject(t) || !isText(t.table) || !/^[A-Za-z0-9]+$/.test(t.table)) return fail(at, 'needs a "table" code (letters and digits)');
    if (seen.has(t.table)) fail(at, `repeats table ${t.table}`);
    seen.add(t.table);
    if (!isText(t.title) || !isText(t.url) || !/^https?:\/\//.test(t.url)) fail(at, 'needs a "title" and an http(s) "url"');
    const q = t.query;
    if (!isObject(q) || !Array.isArray(q.query) || !isObject(q.response) || !isText(q.response.format)) fail(`${at}.query`, 'needs "query" (a list) and "response": {"format": …}');
    if (!Array.isArray(t.indicators) || t.indicators.length === 0) return fail(`${at}.indicators`, 'must list at least one indicator');
    const indicators = t.indicators.map((m, j) => {
      const where = isObject(m) && isObject(m.where) ? Object.entries(m.where) : [];
      const okWhere = where.every(([, s]) => isText(s) || (isObject(s) && isText(s.label)));
      const okNote = !isObject(m) || m.note === undefined || typeof m.note === 'string';
      const units = !isObject(m) || m.sourceUnit === undefined ? [] : typeof m.sourceUnit === 'string' ? [m.sourceUnit] : Array.isArray(m.sourceUnit) && m.sourceUnit.every(isText) ? (m.sourceUnit as string[]) : null;
      if (!isObject(m) || !isText(m.indicator) || !/^[a-z0-9_]+$/.test(m.indicator) || !isText(m.unit) || !isObject(m.where) || !okWhere || !okNote || !units) {
        fail(`${at}.indicators[${j}]`, 'needs "indicator" (a snake_case id), "unit", "where" ({dimension: code or {"label": …}}), at most a text "note" and a "sourceUnit" text or list');
      }
      const { sourceUnit: _raw, ...mapping } = m as unknown as TableConfig['indicators'][number];
      return units!.length > 0 ? { ...mapping, sourceUnit: units! } : mapping;
    });
    const dims = { ...(isText(t.areaDimension) ? { areaDimension: t.areaDimension } : {}), ...(isText(t.timeDimension) ? { timeDimension: t.timeDimension } : {}) };
    const expect = t.expect === undefined ? undefined : readExpectation(t.expect);
    if (expect === null) fail(`${at}.expect`, 'needs "areas" ("units" or a list of LV codes) and "years" (YYYY or YYYY-MM)');
    return { table: t.table, title: t.title as string, url: t.url as string, query: q as unknown as PxwebQuery, indicators, areaAliases: aliases, ...dims, ...(expect ? { expect } : {}) };
  });
  const pending = (Array.isArray(json.pending) ? json.pending : []).map((x, i): PendingTable => {
    if (!isObject(x) || !isText(x.name) || !isText(x.reason)) return fail(`pending[${i}]`, 'needs a "name" and a "reason"');
    return { name: x.name, reason: x.reason };
  });
  return { areaAliases: aliases, tables, pending };
}
