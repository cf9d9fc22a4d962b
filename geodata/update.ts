/**
 * Refreshes indicator files from the Official Statistics Portal API (CSP PxWeb v1): for each table
 * of `inputs/pxweb_tables.json`, POST its query → read the answer (JSON-stat 2.0 or PxWeb JSON) →
 * tidy rows → compare with the previous `inputs/indicators/pxweb_<table>.csv` → write. Nothing is
 * written unless every table succeeds, and each file is replaced by renaming a finished temp file.
 * A table with an `expect` block is refused whole when its units of measure, area codes or years
 * do not match (refreshChecks.ts). The CSV sources of `inputs/csv_sources.json` (NVA, VRAA,
 * data.gov.lv) and CSP's commuting flows (data.gov.lv `tea`, into `inputs/commuting/tea_empl.csv`)
 * are fetched in the same run, under the same rule.
 *
 *   npm run data:update                                  # fetch, report the changes, write the files
 *   npm run data:update -- --dry-run                     # fetch and report only
 *   npm run data:update -- --source nva_unemployment=~/Downloads/bezdarbs.csv   # a CSV source from a file or URL
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCsvRecords } from '../src/domain/csv.ts';
import { diffTidyCsv, formatTidyCsv, parseResponse, PxwebError, toTidyRows, type CubeCell, type TidyDiff, type TidyResult, type TidyRow } from './pxweb.ts';
import { readUnits, type UnitRow } from './units.ts';
import { diffTea, formatTea, latestTeaRows, readTea, TEA_URL, type TeaRow } from './commuting.ts';
import { readCatalogue } from './catalogue.ts';
import { readCsvSource, readCsvSources, type CsvSource } from './csvSource.ts';
import { PipelineError } from './errors.ts';
import { coverageProblem, unitProblem } from './refreshChecks.ts';
import { commutingReportLines, failureLine, notFetchedLines, reportLines, summaryLines, type CommutingOutcome, type NotFetched, type TableOutcome } from './updateReport.ts';
export type { CommutingOutcome, NotFetched, TableOutcome } from './updateReport.ts';
import { readUpdateConfig, type TableConfig } from './updateConfig.ts';

export { commutingReportLines, failureLine, notFetchedLines, readUpdateConfig, reportLines, summaryLines };
export type { PendingTable, PxwebQuery, TableConfig, UpdateConfig } from './updateConfig.ts';

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
  /** `csv_sources.json`, and where to read a source this run (`--source <id>=<file or URL>`) instead of its `url`. */
  csvSources?: { configFile: string; locations?: Record<string, string> };
  /** `indicator_catalogue.csv`: a table with `expect`, or a CSV source, whose indicator is not catalogued is refused (the build would drop its rows unseen). */
  catalogueFile?: string;
}

/** What one run fetched: the PxWeb tables and CSV sources, the commuting flows when asked for, and what it left. */
export interface UpdateResult {
  tables: TableOutcome[];
  commuting?: CommutingOutcome;
  notFetched: NotFetched[];
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

/** A refreshed table or source as an outcome: its file's new text against the previous one in `outDir`. */
function outcomeOf(outDir: string, name: string, table: string, title: string, result: TidyResult): TableOutcome {
  const target = join(outDir, name);
  const isNew = !existsSync(target);
  const text = formatTidyCsv(result.rows);
  const diff = diffTidyCsv(isNew ? '' : readFileSync(target, 'utf8'), text);
  return { table, title, file: target, text, result, diff, isNew, written: false, overlaps: overlapsWith(outDir, name, result.rows) };
}

/** The first indicator the catalogue does not list, as a refusal; null when all are listed or no catalogue was given. */
function uncatalogued(indicators: readonly { indicator: string }[], catalogued: ReadonlySet<string> | null): string | null {
  const missing = catalogued ? indicators.find((m) => !catalogued.has(m.indicator)) : undefined;
  return missing ? `${missing.indicator} is not in indicator_catalogue.csv, so the build would drop its rows unseen; add its catalogue row first` : null;
}

/** Why a PxWeb answer cannot be taken whole: a unit of measure, an area code or a year that does not match. */
function refusal(table: TableConfig, cells: CubeCell[], result: TidyResult, units: UnitRow[]): string | null {
  return unitProblem(cells, table.indicators) ?? (table.expect ? coverageProblem(result, table.indicators.map((m) => m.indicator), table.expect, units) : null);
}

/** A CSV source's text from an address (GET) or a local file; `origin` is what its rows' `source` names. */
async function readLocation(id: string, location: string, fetchFn: FetchLike, timeoutMs = 120_000): Promise<{ text: string; origin: string }> {
  if (!/^https?:\/\//.test(location)) {
    try {
      return { text: readFileSync(location, 'utf8'), origin: basename(location) };
    } catch (e) {
      throw new UpdateFailure(id, `cannot read ${location}: ${(e as Error).message}`);
    }
  }
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchFn(location, { method: 'GET', headers: { Accept: 'text/csv, text/plain, */*' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new UpdateFailure(id, `cannot reach ${location}: ${networkReason(e, timeoutMs)}`);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new UpdateFailure(id, `HTTP ${res.status} ${res.statusText} from ${location}`);
  return { text, origin: location };
}

/** Reads and checks one CSV source; any problem refuses it whole, naming the source and, for a row, the line. */
async function csvSourceOutcome(source: CsvSource, location: string, o: UpdateOptions, units: UnitRow[], catalogued: ReadonlySet<string> | null): Promise<TableOutcome> {
  const refuse = (why: string) => new UpdateFailure(source.id, `refused whole: ${why}`);
  const unlisted = uncatalogued(source.indicators, catalogued);
  if (unlisted) throw refuse(unlisted);
  const { text, origin } = await readLocation(source.id, location, o.fetch);
  let result: TidyResult;
  try {
    result = readCsvSource(text, source, units, origin, o.today);
  } catch (e) {
    if (e instanceof PipelineError) throw refuse(`${e.line === null ? '' : `line ${e.line} of ${origin}: `}${e.reason}`);
    throw e;
  }
  const gap = coverageProblem(result, source.indicators.map((m) => m.indicator), source.expect, units);
  if (gap) throw refuse(gap);
  return outcomeOf(o.outDir, `refresh_${source.id}.csv`, source.id, `${source.producer}: ${source.title}`, result);
}

/**
 * Fetches and converts every configured table, then (unless a dry run) writes each changed
 * `pxweb_<table>.csv`. The first failing table stops the run before anything is written.
 */
export async function runUpdate(o: UpdateOptions): Promise<UpdateResult> {
  const config = readUpdateConfig(readFileSync(o.configFile, 'utf8'), basename(o.configFile));
  const units = readUnits(readFileSync(o.unitsFile, 'utf8'), basename(o.unitsFile));
  const catalogued = o.catalogueFile ? new Set(readCatalogue(readFileSync(o.catalogueFile, 'utf8'), basename(o.catalogueFile)).map((c) => c.id)) : null;
  const sources = o.csvSources ? readCsvSources(readFileSync(o.csvSources.configFile, 'utf8'), basename(o.csvSources.configFile)) : [];
  const locations = o.csvSources?.locations ?? {};
  const strangers = Object.keys(locations).filter((id) => !sources.some((s) => s.id === id));
  if (strangers.length > 0) throw new PxwebError(`--source ${strangers.join(', ')}: no such source in csv_sources.json (it has ${sources.map((s) => s.id).join(', ')})`);
  const outcomes: TableOutcome[] = [];
  for (const table of config.tables) {
    try {
      // A table with an expectation feeds catalogued indicators only; IRD041 also writes counts by sex that no row uses yet.
      const unlisted = table.expect ? uncatalogued(table.indicators, catalogued) : null;
      if (unlisted) throw new UpdateFailure(table.table, `refused whole: ${unlisted}`);
      const cells = await fetchTable(table, o.fetch);
      const result = toTidyRows(cells, table, units, o.today);
      const problem = refusal(table, cells, result, units);
      if (problem) throw new UpdateFailure(table.table, `refused whole: ${problem}`);
      outcomes.push(outcomeOf(o.outDir, `pxweb_${table.table.toLowerCase()}.csv`, table.table, table.title, result));
    } catch (e) {
      if (e instanceof UpdateFailure) throw e;
      if (e instanceof PxwebError || (e instanceof Error && e.name === 'PipelineError')) throw new UpdateFailure(table.table, e.message);
      throw e;
    }
  }
  const notFetched: NotFetched[] = config.pending.map((p) => ({ name: p.name, reason: p.reason }));
  for (const source of sources) {
    const location = locations[source.id] ?? source.url;
    if (location) outcomes.push(await csvSourceOutcome(source, location, o, units, catalogued));
    else notFetched.push({ name: source.id, reason: `no confirmed download address in csv_sources.json; download the table from ${source.page} and run with --source ${source.id}=<file or URL>` });
  }
  const commuting = o.commuting ? await fetchCommuting(o.commuting.dir, o.commuting.url, o.fetch, o.today) : undefined;
  const result = { tables: outcomes, ...(commuting && { commuting }), notFetched };
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

/** `--dry-run` and any number of `--source <id>=<file or URL>`; anything else is refused. */
export function parseArgs(argv: readonly string[]): { dryRun: boolean; locations: Record<string, string> } {
  const locations: Record<string, string> = {};
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--dry-run') dryRun = true;
    else if (a === '--source' && /^[a-z0-9_]+=.+$/.test(argv[i + 1] ?? '')) {
      const [id, ...rest] = argv[++i]!.split('=');
      const location = rest.join('=');
      locations[id!] = /^https?:\/\//.test(location) ? location : resolve(location);
    } else throw new PxwebError(`unknown option ${a} (the options are --dry-run and --source <id>=<file or URL>)`);
  }
  return { dryRun, locations };
}

async function main(argv: string[]) {
  const { dryRun, locations } = parseArgs(argv);
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const inputs = join(root, 'geodata', 'inputs');
  const { tables: outcomes, commuting, notFetched } = await runUpdate({
    commuting: { dir: join(inputs, 'commuting'), url: TEA_URL },
    configFile: join(inputs, 'pxweb_tables.json'),
    unitsFile: join(inputs, 'units.csv'),
    catalogueFile: join(inputs, 'indicator_catalogue.csv'),
    csvSources: { configFile: join(inputs, 'csv_sources.json'), locations },
    outDir: join(inputs, 'indicators'),
    dryRun,
    fetch: (url, init) => fetch(url, init),
    today: new Date().toISOString().slice(0, 10),
  });
  for (const o of outcomes) console.log(reportLines({ ...o, file: o.file.replace(`${root}/`, '') }).join('\n'));
  if (commuting) console.log(commutingReportLines({ ...commuting, file: commuting.file.replace(`${root}/`, '') }).join('\n'));
  if (notFetched.length > 0) console.log(notFetchedLines(notFetched).join('\n'));
  console.log(summaryLines(outcomes, dryRun, commuting).join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    const known = e instanceof UpdateFailure || e instanceof PxwebError || (e instanceof Error && e.name === 'PipelineError');
    console.error(known ? `data:update: ${failureLine(e)}. Nothing was written.` : e);
    process.exit(1);
  });
}
