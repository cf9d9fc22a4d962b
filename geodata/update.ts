/**
 * Refreshes indicator files from the Official Statistics Portal API (CSP PxWeb v1): for each table
 * of `inputs/pxweb_tables.json`, POST its query → read the answer (JSON-stat 2.0 or PxWeb JSON) →
 * tidy rows → compare with the previous `inputs/indicators/pxweb_<table>.csv` → write. Nothing is
 * written unless every table succeeds, and each file is replaced by renaming a finished temp file.
 * CSP's commuting flows (data.gov.lv `tea`) are fetched in the same run, under the same rule, into
 * `inputs/commuting/tea_empl.csv` (the latest year's employed persons; see commuting.ts).
 *
 *   npm run data:update               # fetch, report the changes, write the files
 *   npm run data:update -- --dry-run  # fetch and report only
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCsvRecords } from '../src/domain/csv.ts';
import { diffTidyCsv, formatTidyCsv, parseResponse, PxwebError, toTidyRows, type AreaAlias, type TableMapping, type TidyDiff, type TidyResult, type TidyRow } from './pxweb.ts';
import { readUnits } from './units.ts';
import { diffTea, formatTea, latestTeaRows, readTea, TEA_URL, type TeaRow } from './commuting.ts';

/** A PxWeb v1 query body: one selection per variable, and the answer format. */
export interface PxwebQuery {
  query: { code: string; selection: { filter: string; values: string[] } }[];
  response: { format: string };
}

/** One table to refresh: where to POST what, and how its cells become indicator rows. */
export interface TableConfig extends TableMapping {
  title: string;
  query: PxwebQuery;
}

/** `inputs/pxweb_tables.json`; the area aliases apply to every table. */
export interface UpdateConfig {
  areaAliases: AreaAlias[];
  tables: TableConfig[];
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
      if (!isObject(m) || !isText(m.indicator) || !/^[a-z0-9_]+$/.test(m.indicator) || !isText(m.unit) || !isObject(m.where) || !okWhere || !okNote) {
        fail(`${at}.indicators[${j}]`, 'needs "indicator" (a snake_case id), "unit", "where" ({dimension: code or {"label": …}}) and at most a text "note"');
      }
      return m as unknown as TableConfig['indicators'][number];
    });
    const dims = { ...(isText(t.areaDimension) ? { areaDimension: t.areaDimension } : {}), ...(isText(t.timeDimension) ? { timeDimension: t.timeDimension } : {}) };
    return { table: t.table, title: t.title as string, url: t.url as string, query: q as unknown as PxwebQuery, indicators, areaAliases: aliases, ...dims };
  });
  return { areaAliases: aliases, tables };
}

/** The part of `fetch` this script uses, so that tests can pass a fake. */
export type FetchLike = (
  url: string,
  init: { method: 'POST' | 'GET'; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; statusText: string; text(): Promise<string> }>;

/** A table that could not be refreshed; `message` is one line: `<table>: <reason>`. */
export class UpdateFailure extends Error {
  override name = 'UpdateFailure';
  constructor(
    readonly table: string,
    readonly reason: string,
  ) {
    super(`${table}: ${reason.replace(/\s*\n\s*/g, ' ')}`);
  }
}

/** Why a fetch failed, in words: Node puts the useful part (ENOTFOUND, ECONNREFUSED) in `cause`. */
function networkReason(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const cause = err.cause?.message ?? err.cause?.code;
  return `${err.message ?? String(e)}${cause ? ` (${cause})` : ''}`;
}

/** POSTs one table's query and reads the answer; every failure is an UpdateFailure naming the table. */
export async function fetchTable(table: TableConfig, fetchFn: FetchLike, timeoutMs = 60_000) {
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchFn(table.url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(table.query), signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new UpdateFailure(table.table, `cannot reach ${table.url}: ${networkReason(e, timeoutMs)}`);
  }
  const body = await res.text().catch(() => '');
  if (!res.ok) {
    const excerpt = body.replace(/\s+/g, ' ').trim().slice(0, 120);
    throw new UpdateFailure(table.table, `HTTP ${res.status} ${res.statusText} from ${table.url}${excerpt ? `: ${excerpt}` : ''}`);
  }
  return parseResponse(body);
}

/** One refreshed table: its new text, what was skipped, and how it differs from the previous file. */
export interface TableOutcome {
  table: string;
  title: string;
  file: string;
  text: string;
  result: TidyResult;
  diff: TidyDiff;
  isNew: boolean;
  written: boolean;
  /** Other indicator files holding rows with the same place, indicator and year. */
  overlaps: { file: string; rows: number }[];
}

export interface UpdateOptions {
  /** Where the commuting flows go (`tea_empl.csv` and its `tea_empl.json` note), and from where; none: the flows are not refreshed. */
  commuting?: { dir: string; url: string };
  configFile: string;
  unitsFile: string;
  outDir: string;
  dryRun: boolean;
  fetch: FetchLike;
  /** Retrieval date (YYYY-MM-DD) written into `source`. */
  today: string;
}

/** The refreshed commuting flows: the kept rows' text, the source note, and what changed. */
export interface CommutingOutcome {
  file: string;
  text: string;
  note: string;
  year: string;
  rows: number;
  diff: ReturnType<typeof diffTea>;
  isNew: boolean;
  written: boolean;
}

/** What one run fetched: the PxWeb tables, and the commuting flows when asked for. */
export interface UpdateResult {
  tables: TableOutcome[];
  commuting?: CommutingOutcome;
}

const COMMUTING_FILE = 'tea_empl.csv';

/** GETs CSP's `tea` CSV and keeps the latest year's employed persons; every failure names `tea` and, for bad rows, the line. */
export async function fetchCommuting(dir: string, url: string, fetchFn: FetchLike, today: string, timeoutMs = 300_000): Promise<CommutingOutcome> {
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchFn(url, { method: 'GET', headers: { Accept: 'text/csv' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new UpdateFailure('tea', `cannot reach ${url}: ${networkReason(e, timeoutMs)}`);
  }
  const body = await res.text().catch(() => '');
  if (!res.ok) throw new UpdateFailure('tea', `HTTP ${res.status} ${res.statusText} from ${url}`);
  let rows: TeaRow[];
  try {
    rows = latestTeaRows(readTea(body.replace(/^\uFEFF/, ''), 'tea data.csv'));
  } catch (e) {
    throw new UpdateFailure('tea', (e as Error).message);
  }
  const file = join(dir, COMMUTING_FILE);
  const isNew = !existsSync(file);
  let before: TeaRow[] = [];
  if (!isNew) {
    try {
      before = readTea(readFileSync(file, 'utf8'), COMMUTING_FILE);
    } catch {
      before = []; // an unreadable previous file is replaced whole: every row counts as added
    }
  }
  const year = rows[0]!.year;
  const note = `${JSON.stringify({ source: 'CSP, data.gov.lv dataset tea (f5c692d7-d21f-405c-9c0a-c67306ab154c)', url, retrieved: today, year, rows: rows.length }, null, 2)}\n`;
  return { file, text: formatTea(rows), note, year, rows: rows.length, diff: diffTea(before, rows), isNew, written: false };
}

/** Counts, for each other CSV in the folder, the rows that share place, indicator and year. */
function overlapsWith(outDir: string, own: string, rows: TidyRow[]) {
  if (!existsSync(outDir)) return [];
  const keys = new Set(rows.map((r) => `${r.codeOrName} ${r.indicator} ${r.year}`));
  return readdirSync(outDir)
    .filter((f) => f.endsWith('.csv') && f !== own)
    .sort()
    .flatMap((f) => {
      try {
        const { records } = parseCsvRecords(readFileSync(join(outDir, f), 'utf8'));
        const n = records.filter(({ values: v }) => keys.has(`${v.code_or_name} ${v.indicator} ${v.year}`)).length;
        return n > 0 ? [{ file: f, rows: n }] : [];
      } catch {
        return []; // another file's problems are the build's to report
      }
    });
}

/**
 * Replaces a file only once its new text is complete on disk: write `.<name>.<pid>.tmp` beside
 * it, then rename over it (atomic within one folder). A failure leaves the old file as it was.
 */
function writeAtomically(file: string, text: string) {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temp, { force: true });
    throw e;
  }
}

/**
 * Fetches and converts every configured table, then (unless a dry run) writes each changed
 * `pxweb_<table>.csv`. The first failing table stops the run before anything is written.
 */
export async function runUpdate(o: UpdateOptions): Promise<UpdateResult> {
  const config = readUpdateConfig(readFileSync(o.configFile, 'utf8'), basename(o.configFile));
  const units = readUnits(readFileSync(o.unitsFile, 'utf8'), basename(o.unitsFile));
  const outcomes: TableOutcome[] = [];
  for (const table of config.tables) {
    try {
      const result = toTidyRows(await fetchTable(table, o.fetch), table, units, o.today);
      const name = `pxweb_${table.table.toLowerCase()}.csv`;
      const target = join(o.outDir, name);
      const isNew = !existsSync(target);
      const text = formatTidyCsv(result.rows);
      const diff = diffTidyCsv(isNew ? '' : readFileSync(target, 'utf8'), text);
      const overlaps = overlapsWith(o.outDir, name, result.rows);
      outcomes.push({ table: table.table, title: table.title, file: target, text, result, diff, isNew, written: false, overlaps });
    } catch (e) {
      if (e instanceof UpdateFailure) throw e;
      if (e instanceof PxwebError || (e instanceof Error && e.name === 'PipelineError')) throw new UpdateFailure(table.table, e.message);
      throw e;
    }
  }
  const commuting = o.commuting ? await fetchCommuting(o.commuting.dir, o.commuting.url, o.fetch, o.today) : undefined;
  const result = { tables: outcomes, ...(commuting && { commuting }) };
  if (o.dryRun) return result;
  mkdirSync(o.outDir, { recursive: true });
  for (const out of outcomes) {
    const d = out.diff;
    if (!out.isNew && d.added.length + d.removed.length + d.changed.length === 0) continue;
    try {
      writeAtomically(out.file, out.text);
    } catch (e) {
      const before = outcomes.filter((x) => x.written).map((x) => basename(x.file));
      const done = before.length ? `; already written: ${before.join(', ')}` : '';
      throw new UpdateFailure(out.table, `cannot write ${out.file}: ${(e as Error).message}; the previous file is unchanged${done}`);
    }
    out.written = true;
  }
  const c = commuting;
  if (c && (c.isNew || c.diff.added.length + c.diff.removed.length + c.diff.changed.length > 0)) {
    try {
      mkdirSync(dirname(c.file), { recursive: true });
      writeAtomically(c.file, c.text);
      writeAtomically(c.file.replace(/\.csv$/, '.json'), c.note);
    } catch (e) {
      const before = outcomes.filter((x) => x.written).map((x) => basename(x.file));
      throw new UpdateFailure('tea', `cannot write ${c.file}: ${(e as Error).message}${before.length ? `; already written: ${before.join(', ')}` : ''}`);
    }
    c.written = true;
  }
  return result;
}

/** What a person reads about the commuting flows: the year, the rows and every flow that changed. */
export function commutingReportLines(c: CommutingOutcome): string[] {
  const d = c.diff;
  const lines = [`tea (CSP commuting of the employed) → ${c.file}`, `  ${c.rows} flows and totals of ${c.year}`];
  if (c.isNew) lines.push(`  new file: ${d.added.length} rows added`);
  else {
    lines.push(`  changes against the previous file: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed (${d.unchanged} unchanged)`);
    for (const x of d.added) lines.push(`    + ${x}`);
    for (const x of d.removed) lines.push(`    - ${x}`);
    for (const x of d.changed) lines.push(`    ~ ${x}`);
  }
  if (c.written) lines.push(`  wrote ${c.file}`);
  return lines;
}

const show = (r: TidyRow) => `${r.codeOrName} ${r.indicator} ${r.year}`;
const tally = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');

/** What a person reads about one table: counts, what was skipped, and every row that changed. */
export function reportLines(o: TableOutcome): string[] {
  const r = o.result;
  const d = o.diff;
  const skipped = [
    r.missing.count && `${r.missing.count} missing value${r.missing.count === 1 ? '' : 's'} (${tally(r.missing.symbols)})`,
    Object.keys(r.unknownAreas).length && `area codes not in units.csv: ${tally(r.unknownAreas)}`,
    r.aliasTooEarly && `${r.aliasTooEarly} cell${r.aliasTooEarly === 1 ? '' : 's'} of a merged unit's code before its merge (the parts are used for those years)`,
    r.superseded.length && `replaced by the merged unit's value: ${r.superseded.join('; ')}`,
    r.unmapped && `${r.unmapped} cell${r.unmapped === 1 ? '' : 's'} of other categories (not mapped)`,
  ].filter((s): s is string => typeof s === 'string');
  const lines = [`${o.table} (${o.title}) → ${o.file}`, `  ${r.rows.length} rows${skipped.length ? `; skipped: ${skipped.join('; ')}` : ''}`];
  if (o.isNew) lines.push(`  new file: ${d.added.length} rows added`);
  else {
    lines.push(`  changes against the previous file: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed (${d.unchanged} unchanged)`);
    for (const a of d.added) lines.push(`    + ${show(a)}: ${a.value}`);
    for (const x of d.removed) lines.push(`    - ${show(x)}: ${x.value}`);
    for (const c of d.changed) {
      const what = c.fields.map((f) => (f === 'value' ? `${c.from.value} → ${c.to.value}` : `${f} "${c.from[f]}" → "${c.to[f]}"`));
      lines.push(`    ~ ${show(c.to)}: ${what.join('; ')}`);
    }
  }
  for (const ov of o.overlaps) {
    lines.push(`  note: ${ov.rows} of these rows (same place, indicator, year) are also in ${ov.file}; the build keeps both, so retire one of them`);
  }
  if (o.written) lines.push(`  wrote ${o.file}`);
  else if (!o.isNew && d.added.length + d.removed.length + d.changed.length === 0) lines.push('  no change: file left as it was');
  return lines;
}

/** The closing lines: what was written and what to run next. */
export function summaryLines(outcomes: TableOutcome[], dryRun: boolean, commuting?: CommutingOutcome): string[] {
  const changes = (o: { isNew: boolean; diff: { added: unknown[]; removed: unknown[]; changed: unknown[] } }) => o.isNew || o.diff.added.length + o.diff.removed.length + o.diff.changed.length > 0;
  const pending = [...outcomes, ...(commuting ? [commuting] : [])].filter(changes);
  if (dryRun) return [`Dry run: nothing was written (${pending.length} file${pending.length === 1 ? '' : 's'} would change). Run without --dry-run to write, then \`npm run geodata\`.`];
  const written = outcomes.filter((o) => o.written).length + (commuting?.written ? 1 : 0);
  if (written === 0) return ['Nothing changed; no file written.'];
  return [`Wrote ${written} file${written === 1 ? '' : 's'}. Run \`npm run geodata\` to rebuild public/data/ from them.`];
}

/** The one line printed when a run stops. */
export function failureLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s*\n\s*/g, ' ');
}

async function main(argv: string[]) {
  const unknown = argv.filter((a) => a !== '--dry-run');
  if (unknown.length > 0) throw new PxwebError(`unknown option ${unknown.join(' ')} (the only option is --dry-run)`);
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dryRun = argv.includes('--dry-run');
  const { tables: outcomes, commuting } = await runUpdate({
    commuting: { dir: join(root, 'geodata', 'inputs', 'commuting'), url: TEA_URL },
    configFile: join(root, 'geodata', 'inputs', 'pxweb_tables.json'),
    unitsFile: join(root, 'geodata', 'inputs', 'units.csv'),
    outDir: join(root, 'geodata', 'inputs', 'indicators'),
    dryRun,
    fetch: (url, init) => fetch(url, init),
    today: new Date().toISOString().slice(0, 10),
  });
  for (const o of outcomes) console.log(reportLines({ ...o, file: o.file.replace(`${root}/`, '') }).join('\n'));
  if (commuting) console.log(commutingReportLines({ ...commuting, file: commuting.file.replace(`${root}/`, '') }).join('\n'));
  console.log(summaryLines(outcomes, dryRun, commuting).join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    const known = e instanceof UpdateFailure || e instanceof PxwebError || (e instanceof Error && e.name === 'PipelineError');
    console.error(known ? `data:update: ${failureLine(e)}. Nothing was written.` : e);
    process.exit(1);
  });
}
