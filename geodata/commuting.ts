/**
 * CSP's home → work flows of employed persons (data.gov.lv dataset `tea`): read and checked, cut to
 * what the map uses, and turned into `public/data/commuting.json`. The columns, as CSP's own loader
 * reads them: `year, level_h, code_h, level_w, code_w, brdwn, brdwn_code, value_code, value_ind`;
 * level 3 = novadi and state cities, 4 = parishes and towns, 99 with code `total` = all places;
 * `value_code` `empl` = employed persons by place of residence; `brdwn` `total` = no breakdown.
 */
import { readCsvInput } from './csvInput.ts';
import { PipelineError } from './errors.ts';
import type { CommutingData, CommutingLevel } from '../src/domain/hinterland/commuting.ts';

export const TEA_COLUMNS = ['year', 'level_h', 'code_h', 'level_w', 'code_w', 'brdwn', 'brdwn_code', 'value_code', 'value_ind'] as const;

/** Where `npm run data:update` fetches the flows: the dataset's CSV resource on data.gov.lv. */
export const TEA_URL = 'https://data.gov.lv/dati/dataset/f5c692d7-d21f-405c-9c0a-c67306ab154c/resource/2f1793bd-099f-4da4-b54d-71766d0906e0/download/data.csv';

/** One flow or total the map uses: employed persons living in `home` and working in `work` (`total`: anywhere). */
export interface TeaRow {
  year: string;
  level: 3 | 4;
  home: string;
  work: string;
  value: number;
  line: number;
}

const AREA = /^LV\d{7}$/;

/**
 * Reads a `tea` CSV and keeps the rows the map uses: employed persons (`empl`) with no breakdown,
 * at level 3 or 4, home → work in the same level or home → `total`. Every kept row must have a
 * 4-digit year, area codes of the form LV + 7 digits and a whole, non-negative number; the first
 * that does not stops the reading with the file, line and reason. Other rows (other measures,
 * breakdowns, levels) are skipped unread.
 */
export function readTea(text: string, file: string): TeaRow[] {
  const rows: TeaRow[] = [];
  const seen = new Set<string>();
  for (const { line, values: v } of readCsvInput(text, file, TEA_COLUMNS)) {
    if (v.value_code !== 'empl' || v.brdwn !== 'total') continue;
    const level = Number(v.level_h);
    if (level !== 3 && level !== 4) continue;
    const toTotal = v.level_w === '99' && v.code_w === 'total';
    if (!toTotal && v.level_w !== v.level_h) continue;
    const fail = (reason: string): never => {
      throw new PipelineError(file, line, reason);
    };
    if (!/^\d{4}$/.test(v.year ?? '')) fail(`year "${v.year}" is not a 4-digit year`);
    if (!AREA.test(v.code_h ?? '')) fail(`code_h "${v.code_h}" is not a CSP area code (LV + 7 digits)`);
    if (!toTotal && !AREA.test(v.code_w ?? '')) fail(`code_w "${v.code_w}" is not a CSP area code (LV + 7 digits) or "total"`);
    const raw = (v.value_ind ?? '').trim();
    const value = Number(raw);
    if (raw === '' || !Number.isInteger(value) || value < 0) fail(`value_ind "${v.value_ind}" is not a whole number of employed persons`);
    const key = `${v.year} ${level} ${v.code_h} ${v.code_w}`;
    if (seen.has(key)) fail(`the flow ${v.code_h} → ${v.code_w} (level ${level}, ${v.year}) is listed twice`);
    seen.add(key);
    rows.push({ year: v.year!, level, home: v.code_h!, work: toTotal ? 'total' : v.code_w!, value, line });
  }
  if (rows.length === 0) throw new PipelineError(file, null, 'no rows of employed persons (value_code empl, brdwn total) at level 3 or 4');
  return rows;
}

/** The rows of the latest year in the data, sorted by level, home and work: what `data:update` keeps. */
export function latestTeaRows(rows: readonly TeaRow[]): TeaRow[] {
  const year = rows.reduce((y, r) => (r.year > y ? r.year : y), '');
  return rows.filter((r) => r.year === year).sort((a, b) => a.level - b.level || a.home.localeCompare(b.home) || a.work.localeCompare(b.work));
}

/** The kept rows as a `tea` CSV (the source's own columns), so the build reads what the update wrote with the same reader. */
export function formatTea(rows: readonly TeaRow[]): string {
  const lines = rows.map((r) => [r.year, r.level, r.home, r.work === 'total' ? 99 : r.level, r.work, 'total', 'total', 'empl', r.value].join(','));
  return `${TEA_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
}

/** What a refresh changed, flow by flow: `+`, `-` or `~` with the old and new value. */
export function diffTea(before: readonly TeaRow[], after: readonly TeaRow[]): { added: string[]; removed: string[]; changed: string[]; unchanged: number } {
  const key = (r: TeaRow) => `${r.year} L${r.level} ${r.home} → ${r.work}`;
  const old = new Map(before.map((r) => [key(r), r.value]));
  const now = new Map(after.map((r) => [key(r), r.value]));
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const [k, v] of now) {
    if (!old.has(k)) added.push(`${k}: ${v}`);
    else if (old.get(k) !== v) changed.push(`${k}: ${old.get(k)} → ${v}`);
    else unchanged++;
  }
  const removed = [...old].filter(([k]) => !now.has(k)).map(([k, v]) => `${k}: ${v}`);
  return { added, removed, changed, unchanged };
}

/** A city as the commuting file needs it: its work unit by municipality and by territorial unit. */
export interface CommutingCity {
  id: string;
  /** Its municipality (for Valmiera, Jēkabpils and Ogre, the novads they lie in). */
  unitCode: string;
  /** Its own territorial unit. */
  outlineCode: string;
}

/**
 * `commuting.json`: for each level, the total employed of every known home unit and every flow
 * into one of the ten cities' work units (its municipality at level 3, its own unit at level 4).
 * Codes that are not today's units (a merged novads, say) are counted in `unknown`, never guessed.
 */
export function buildCommuting(rows: readonly TeaRow[], cities: readonly CommutingCity[], known: { municipality: ReadonlySet<string>; territorial: ReadonlySet<string> }, retrieved: string): { data: CommutingData; unknown: string[] } {
  const latest = latestTeaRows(rows);
  const unknown = new Set<string>();
  const level = (n: 3 | 4, codes: ReadonlySet<string>, cityWork: Record<string, string>): CommutingLevel | undefined => {
    const own = latest.filter((r) => r.level === n);
    if (own.length === 0) return undefined;
    const works = new Set(Object.values(cityWork));
    const totals: Record<string, number> = {};
    const flows: [string, string, number][] = [];
    for (const r of own) {
      if (!codes.has(r.home)) {
        unknown.add(r.home);
        continue;
      }
      if (r.work === 'total') totals[r.home] = r.value;
      else if (works.has(r.work) && r.home !== r.work) flows.push([r.home, r.work, r.value]);
    }
    return { totals, flows, cityWork };
  };
  const year = latest[0]!.year;
  const municipality = level(3, known.municipality, Object.fromEntries(cities.map((c) => [c.id, c.unitCode])));
  const territorial = level(4, known.territorial, Object.fromEntries(cities.map((c) => [c.id, c.outlineCode])));
  const data: CommutingData = {
    source: { lv: `CSP, darbaspēka svārstmigrācija (data.gov.lv “tea”), ${year}`, en: `CSP, commuting of the employed (data.gov.lv “tea”), ${year}` },
    year,
    retrieved,
    ...(municipality && { municipality }),
    ...(territorial && { territorial }),
  };
  return { data, unknown: [...unknown].sort() };
}
