import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCommuting, diffTea, formatTea, latestTeaRows, readTea } from '../../geodata/commuting.ts';
import { commutingReportLines, failureLine, runUpdate, type FetchLike } from '../../geodata/update.ts';
import { pipelineError } from './fixtures/pipelineError.ts';

// A small synthetic file in the schema of CSP's `tea` dataset (not CSP's figures): totals, flows,
// an older year, a breakdown, a workplace-based measure, level 7 and a flow to "out" to be skipped.
const SAMPLE = readFileSync(fileURLToPath(new URL('../fixtures/commuting/tea_synthetic.csv', import.meta.url)), 'utf8');
const HEADER = 'year,level_h,code_h,level_w,code_w,brdwn,brdwn_code,value_code,value_ind';

describe('readTea', () => {
  it('keeps the employed, with no breakdown, at levels 3 and 4, into a unit or in total', () => {
    const rows = readTea(SAMPLE, 'tea.csv');
    expect(rows).toHaveLength(13);
    expect(rows.find((r) => r.home === 'LV0054010' && r.work === 'total' && r.year === '2023')).toMatchObject({ level: 4, value: 1000, line: 3 });
    expect(rows.some((r) => r.value === 120 || r.value === 999 || r.value === 77 || r.value === 800)).toBe(false);
  });

  const bad: [string, string, RegExp][] = [
    ['a value that is not a whole number', '2023,4,LV0054010,4,LV0001000,total,total,empl,12.5', /line 2: value_ind "12.5" is not a whole number/],
    ['an empty value', '2023,4,LV0054010,4,LV0001000,total,total,empl,', /line 2: value_ind "" is not a whole number/],
    ['a home code that is not a CSP code', '2023,4,Rīga,4,LV0001000,total,total,empl,5', /line 2: code_h "Rīga" is not a CSP area code/],
    ['a year that is not a year', '23,4,LV0054010,4,LV0001000,total,total,empl,5', /line 2: year "23"/],
  ];
  for (const [what, row, message] of bad) {
    it(`stops on ${what}, naming the file and line`, () => {
      const e = pipelineError(() => readTea(`${HEADER}\n${row}\n`, 'tea.csv'));
      expect(e.message).toMatch(/^tea\.csv, /);
      expect(e.message).toMatch(message);
    });
  }

  it('stops on a flow listed twice', () => {
    const row = '2023,4,LV0054010,4,LV0001000,total,total,empl,5';
    expect(pipelineError(() => readTea(`${HEADER}\n${row}\n${row}\n`, 'tea.csv')).message).toMatch(/line 3: the flow LV0054010 → LV0001000 \(level 4, 2023\) is listed twice/);
  });

  it('stops on a missing column and on a file without any usable row', () => {
    expect(pipelineError(() => readTea('year,level_h,code_h\n2023,4,LV0054010\n', 'tea.csv')).message).toMatch(/tea\.csv: .*level_w/);
    expect(pipelineError(() => readTea(`${HEADER}\n2023,7,LVDPA1,7,LVDPA2,total,total,empl,5\n`, 'tea.csv')).message).toMatch(/no rows of employed persons/);
  });
});

describe('latestTeaRows, formatTea and diffTea', () => {
  it('keeps the latest year only, sorted, and reads back as written', () => {
    const latest = latestTeaRows(readTea(SAMPLE, 'tea.csv'));
    expect(new Set(latest.map((r) => r.year))).toEqual(new Set(['2023']));
    expect(latest).toHaveLength(12);
    const again = readTea(formatTea(latest), 'tea_empl.csv');
    expect(again.map(({ line, ...r }) => r)).toEqual(latest.map(({ line, ...r }) => r));
  });

  it('lists every added, removed and changed flow', () => {
    const before = latestTeaRows(readTea(SAMPLE, 'a'));
    const after = before.filter((r) => r.home !== 'LV0054020').map((r) => (r.home === 'LV0054010' && r.work === 'LV0001000' ? { ...r, value: 410 } : r));
    const d = diffTea(before, after);
    expect(d.changed).toEqual(['2023 L4 LV0054010 → LV0001000: 400 → 410']);
    expect(d.removed).toHaveLength(3);
    expect(d.added).toEqual([]);
  });
});

describe('buildCommuting', () => {
  const cities = [
    { id: 'riga', unitCode: 'LV0001000', outlineCode: 'LV0001000' },
    { id: 'jurmala', unitCode: 'LV0004000', outlineCode: 'LV0004000' },
    { id: 'valmiera', unitCode: 'LV0054000', outlineCode: 'LV0054010' },
  ];
  const known = { municipality: new Set(['LV0001000', 'LV0004000', 'LV0054000']), territorial: new Set(['LV0001000', 'LV0004000', 'LV0054010', 'LV0054020']) };

  it('keeps totals and the flows into each city’s work unit, per level, and reports unknown home codes', () => {
    const { data, unknown } = buildCommuting(readTea(SAMPLE, 'tea.csv'), cities, known, '2026-12-07');
    expect(data.year).toBe('2023');
    expect(data.retrieved).toBe('2026-12-07');
    expect(data.territorial!.totals).toEqual({ LV0054010: 1000, LV0054020: 500, LV0004000: 30000 });
    // Valmiera's town is its own work unit by parish: a flow from the town into itself is not commuting.
    expect(data.territorial!.flows).toEqual([
      ['LV0004000', 'LV0001000', 9000],
      ['LV0054010', 'LV0001000', 400],
      ['LV0054010', 'LV0004000', 250],
      ['LV0054020', 'LV0001000', 60],
      ['LV0054020', 'LV0004000', 50],
    ]);
    expect(data.territorial!.cityWork).toEqual({ riga: 'LV0001000', jurmala: 'LV0004000', valmiera: 'LV0054010' });
    expect(data.municipality!.cityWork.valmiera).toBe('LV0054000');
    expect(data.municipality!.flows).toEqual([['LV0054000', 'LV0001000', 460]]);
    expect(unknown).toEqual(['LV0099000']);
    expect(data.source.en).toBe('CSP, commuting of the employed (data.gov.lv “tea”), 2023');
  });
});

describe('npm run data:update with the commuting flows', () => {
  let dir: string;
  const pxTable = JSON.stringify({ areaAliases: [], tables: [{ table: 'IRD041', title: 't', url: 'https://data.stat.gov.lv/x/IRD041', query: { query: [], response: { format: 'json-stat2' } }, indicators: [{ indicator: 'population_1jan', unit: 'persons', where: { SEX: 'T' } }] }] });
  const cube = JSON.stringify({
    version: '2.0',
    class: 'dataset',
    id: ['AREA', 'SEX', 'TIME'],
    size: [1, 1, 1],
    dimension: { AREA: { category: { index: { LV: 0 }, label: { LV: 'Latvija' } } }, SEX: { category: { index: { T: 0 }, label: { T: 'Total' } } }, TIME: { category: { index: { '2026': 0 }, label: { '2026': '2026' } } } },
    value: [1850000],
  });
  const fetchWith = (tea: string | null): FetchLike => async (url, init) => {
    const body = init.method === 'GET' ? tea : cube;
    return { ok: body !== null, status: body === null ? 503 : 200, statusText: body === null ? 'Service Unavailable' : 'OK', text: async () => body ?? '' };
  };
  const options = (fetch: FetchLike, dryRun = false) => ({
    configFile: join(dir, 'pxweb_tables.json'),
    unitsFile: fileURLToPath(new URL('../../geodata/inputs/units.csv', import.meta.url)),
    outDir: join(dir, 'indicators'),
    dryRun,
    fetch,
    today: '2026-12-07',
    commuting: { dir: join(dir, 'commuting'), url: 'https://data.gov.lv/tea.csv' },
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tea-test-'));
    writeFileSync(join(dir, 'pxweb_tables.json'), pxTable);
    mkdirSync(join(dir, 'indicators'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fetches the CSV with a GET, writes the latest year and a note of where and when', async () => {
    const { commuting } = await runUpdate(options(fetchWith(SAMPLE)));
    expect(commuting!.written).toBe(true);
    expect(readTea(readFileSync(join(dir, 'commuting', 'tea_empl.csv'), 'utf8'), 'x')).toHaveLength(12);
    expect(JSON.parse(readFileSync(join(dir, 'commuting', 'tea_empl.json'), 'utf8'))).toMatchObject({ url: 'https://data.gov.lv/tea.csv', retrieved: '2026-12-07', year: '2023', rows: 12 });
    expect(commutingReportLines(commuting!).join('\n')).toMatch(/new file: 12 rows added/);
  });

  it('a malformed commuting file stops the run with its line and writes nothing at all', async () => {
    const broken = SAMPLE.replace('2023,4,LV0054010,4,LV0001000,total,total,empl,400', '2023,4,LV0054010,4,LV0001000,total,total,empl,many');
    const e = await runUpdate(options(fetchWith(broken))).then(() => new Error('expected a failure'), (err: unknown) => err as Error);
    expect(failureLine(e)).toMatch(/^tea: tea data\.csv, line 4: value_ind "many" is not a whole number/);
    expect(readdirSync(join(dir, 'indicators'))).toEqual([]);
    expect(existsSync(join(dir, 'commuting'))).toBe(false);
  });

  it('an unreachable commuting file keeps the refreshed tables unwritten too (all or nothing)', async () => {
    const e = await runUpdate(options(fetchWith(null))).then(() => new Error('expected a failure'), (err: unknown) => err as Error);
    expect(failureLine(e)).toMatch(/^tea: HTTP 503/);
    expect(readdirSync(join(dir, 'indicators'))).toEqual([]);
  });

  it('--dry-run lists the changes and writes nothing', async () => {
    const { commuting } = await runUpdate(options(fetchWith(SAMPLE), true));
    expect(commuting!.diff.added).toHaveLength(12);
    expect(existsSync(join(dir, 'commuting'))).toBe(false);
  });
});
