import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  diffTidyCsv,
  formatTidyCsv,
  parseJsonStat2,
  parsePxwebJson,
  parseResponse,
  PxwebError,
  toTidyRows,
  type TableMapping,
} from '../../geodata/pxweb.ts';
import { failureLine, readUpdateConfig, reportLines, runUpdate, summaryLines, type FetchLike } from '../../geodata/update.ts';
import { readUnits } from '../../geodata/units.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const fixture = (name: string) => readFileSync(here(`../fixtures/pxweb/${name}`), 'utf8');
const UNITS_FILE = here('../../geodata/inputs/units.csv');
const units = readUnits(readFileSync(UNITS_FILE, 'utf8'), 'units.csv');

/** The mapping of the hand-built IRD041 fixture: one indicator, selected by code. */
const IRD041: TableMapping = {
  table: 'IRD041',
  url: 'https://data.stat.gov.lv/api/v1/en/OSP_PUB/POP/IR/IRD/IRD041',
  indicators: [{ indicator: 'population_1jan', unit: 'persons', note: 'resident population at beginning of year', where: { SEX: 'T', AGE: 'TOTAL', ContentsCode: 'IRD041' } }],
  areaAliases: [{ from: 'LV0038001', to: 'LV0038000', fromYear: '2026', note: 'CSP area LV0038001 (enlarged Madonas novads)' }],
};
const SOURCE = 'CSP IRD041 via data.stat.gov.lv API (https://data.stat.gov.lv/api/v1/en/OSP_PUB/POP/IR/IRD/IRD041), retrieved 2026-11-26';

/** A JSON-stat 2.0 dataset over AREA × TIME with the given values in row-major order. */
function cube(areas: string[], years: string[], value: (number | null)[], status?: Record<string, string>) {
  return {
    version: '2.0',
    class: 'dataset',
    id: ['AREA', 'SEX', 'TIME'],
    size: [areas.length, 1, years.length],
    dimension: {
      AREA: { category: { index: areas } },
      SEX: { category: { index: ['T'], label: { T: 'Total' } } },
      TIME: { category: { index: years } },
    },
    value,
    ...(status ? { status } : {}),
  };
}
const BY_SEX: TableMapping = { ...IRD041, indicators: [{ indicator: 'population_1jan', unit: 'persons', where: { SEX: 'T' } }] };

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, nothing was thrown');
}

describe('parseJsonStat2', () => {
  it('walks the cube in row-major order, last dimension fastest, keeping labels and status', () => {
    const cells = parseJsonStat2(JSON.parse(fixture('ird041_jsonstat2.json')));
    expect(cells).toHaveLength(6);
    expect(cells.map((c) => [c.dimensions.AREA, c.dimensions.TIME, c.value])).toEqual([
      ['LV0001000', '2025', 600000],
      ['LV0001000', '2026', 590000],
      ['LV0002000', '2025', 80000],
      ['LV0002000', '2026', null],
      ['LV0099000', '2025', 120],
      ['LV0099000', '2026', 121],
    ]);
    expect(cells[3]!.status).toBe('..');
    // A category given only by its label (no index) is the single category of its dimension.
    expect(cells[0]!.dimensions).toEqual({ AREA: 'LV0001000', AGE: 'TOTAL', SEX: 'T', ContentsCode: 'IRD041', TIME: '2025' });
    expect(cells[0]!.labels?.AREA).toBe('Rīga');
  });

  it('reads a sparse value object and string symbols as missing', () => {
    const json = { ...cube(['LV0001000', 'LV0002000'], ['2026'], []), value: { '0': 7, '1': '…' } };
    const cells = parseJsonStat2(json);
    expect(cells.map((c) => [c.value, c.status])).toEqual([
      [7, undefined],
      [null, '…'],
    ]);
  });

  it("carries each category's unit of measure (category.unit: base) to its cells", () => {
    const json = cube(['LV0001000'], ['2026'], [7]);
    const withUnit = { ...json, dimension: { ...json.dimension, SEX: { category: { index: ['T'], unit: { T: { base: 'persons', decimals: 0 } } } } } };
    expect(parseJsonStat2(withUnit)[0]!.unit).toBe('persons');
    expect(parseJsonStat2(json)[0]!.unit).toBeUndefined();
  });

  it('refuses what is not a JSON-stat 2.0 dataset', () => {
    expect(thrown(() => parseJsonStat2({ dataset: { value: [] } }))).toBeInstanceOf(PxwebError);
    expect(thrown(() => parseJsonStat2({ dataset: { value: [] } })).message).toMatch(/JSON-stat 1/);
    expect(thrown(() => parseJsonStat2({ ...cube(['LV0001000'], ['2026'], [1]), size: [2, 1, 1] })).message).toMatch(/AREA/);
    expect(thrown(() => parseJsonStat2(cube(['LV0001000'], ['2025', '2026'], [1]))).message).toMatch(/2 cells.*1 value|1 value.*2 cells/);
  });
});

describe('parsePxwebJson (the real irs050 answer)', () => {
  const irs050 = () => parsePxwebJson(JSON.parse(fixture('irs050_response.json')));

  it('gives one cell per key and contents column, the contents column as ContentsCode', () => {
    const cells = irs050();
    expect(cells).toHaveLength(9);
    expect(cells[0]!.dimensions.AREA).toBe('LV0010000');
    expect(cells[0]!.dimensions.TIME).toBe('2022');
    expect(cells[0]!.dimensions.INDICATOR).toBe('URBAN_DENSITY');
    expect(cells[0]!.dimensions.ContentsCode).toMatch(/^Population in urban/);
    expect(cells.map((c) => c.value)).toEqual([605802, 79120, 54694, 21418, 50561, 67360, 26481, 22757, 32955]);
  });

  it('its AREA codes are not units of units.csv, and a table that matches no unit is fatal', () => {
    const mapping: TableMapping = { table: 'IRS050', url: 'https://example.test/IRS050', indicators: [{ indicator: 'population_urban', unit: 'persons', where: { INDICATOR: 'URBAN_DENSITY' } }] };
    const e = thrown(() => toTidyRows(irs050(), mapping, units, '2026-11-26'));
    expect(e).toBeInstanceOf(PxwebError);
    expect(e.message).toMatch(/none of the 9 area codes.*LV0010000/);
  });

  it('parseResponse recognises both formats and names what it got otherwise', () => {
    expect(parseResponse(fixture('irs050_response.json'))).toHaveLength(9);
    expect(parseResponse(fixture('ird041_jsonstat2.json'))).toHaveLength(6);
    expect(thrown(() => parseResponse('<!DOCTYPE html><title>Error</title>')).message).toMatch(/not JSON/);
    expect(thrown(() => parseResponse('{"error":"Too many requests"}')).message).toMatch(/neither JSON-stat 2.0 nor PxWeb JSON/);
  });
});

describe('toTidyRows', () => {
  const ird041 = () => parseJsonStat2(JSON.parse(fixture('ird041_jsonstat2.json')));

  it('writes known areas, skips and counts missing values and unknown areas, never a 0', () => {
    const r = toTidyRows(ird041(), IRD041, units, '2026-11-26');
    expect(r.rows).toEqual([
      { codeOrName: 'LV0001000', indicator: 'population_1jan', year: '2025', value: '600000', unit: 'persons', source: SOURCE, note: 'resident population at beginning of year' },
      { codeOrName: 'LV0001000', indicator: 'population_1jan', year: '2026', value: '590000', unit: 'persons', source: SOURCE, note: 'resident population at beginning of year' },
      { codeOrName: 'LV0002000', indicator: 'population_1jan', year: '2025', value: '80000', unit: 'persons', source: SOURCE, note: 'resident population at beginning of year' },
    ]);
    expect(r.missing).toEqual({ count: 1, symbols: { '..': 1 } });
    expect(r.unknownAreas).toEqual({ LV0099000: 2 });
  });

  it('maps the merged Madona LV0038001 onto LV0038000 from 2026 only, so that no year counts Varakļāni twice', () => {
    const madona = parseJsonStat2(cube(['LV0038000', 'LV0038001', 'LV0055000'], ['2025', '2026'], [27000, null, 29500, 29300, 2800, null]));
    const r = toTidyRows(madona, BY_SEX, units, '2026-11-26');
    expect(r.rows.map((x) => [x.codeOrName, x.year, x.value])).toEqual([
      ['LV0038000', '2025', '27000'],
      ['LV0038000', '2026', '29300'],
      ['LV0055000', '2025', '2800'],
    ]);
    expect(r.rows[1]!.note).toMatch(/LV0038001/);
    expect(r.aliasTooEarly).toBe(1);
    expect(r.missing.count).toBe(2);
    expect(r.unknownAreas).toEqual({});
  });

  it('after the merge a value of the merged code replaces one still given for the old code, and says so', () => {
    const both = parseJsonStat2(cube(['LV0038000', 'LV0038001'], ['2026'], [26700, 29300]));
    const r = toTidyRows(both, BY_SEX, units, '2026-11-26');
    expect(r.rows.map((x) => [x.codeOrName, x.value])).toEqual([['LV0038000', '29300']]);
    expect(r.superseded).toEqual(['LV0038000 population_1jan 2026 (26700)']);
  });

  it('matches a category by its label when the code is not known', () => {
    const json = cube(['LV0001000'], ['2024'], [1, 2]);
    json.id = ['AREA', 'INDICATOR', 'TIME'];
    json.size = [1, 2, 1];
    const dimension = { ...json.dimension, INDICATOR: { category: { index: ['POP_SY', 'X_AVG'], label: { POP_SY: 'Population at the beginning of year', X_AVG: 'Annual  average population ' } } } };
    const labelled = parseJsonStat2({ ...json, dimension });
    const mapping: TableMapping = { table: 'IRS031', url: 'u', indicators: [{ indicator: 'population_annual_average', unit: 'persons', where: { INDICATOR: { label: 'Annual average population' } } }] };
    const r = toTidyRows(labelled, mapping, units, '2026-11-26');
    expect(r.rows.map((x) => [x.indicator, x.value])).toEqual([['population_annual_average', '2']]);
    expect(r.unmapped).toBe(1);
  });

  it('stops when a mapping selects a category the answer does not have, listing what it has', () => {
    const mapping: TableMapping = { ...IRD041, indicators: [{ indicator: 'population_1jan', unit: 'persons', where: { SEX: 'X' } }] };
    expect(thrown(() => toTidyRows(ird041(), mapping, units, '2026-11-26')).message).toMatch(/SEX = "X".*T \(Total\)/);
  });

  it('stops when two cells land on one row instead of keeping either', () => {
    const json = cube(['LV0001000'], ['2026'], [1, 2]);
    const twoSexes = parseJsonStat2({ ...json, size: [1, 2, 1], dimension: { ...json.dimension, SEX: { category: { index: ['M', 'F'] } } } });
    const mapping: TableMapping = { ...IRD041, indicators: [{ indicator: 'population_1jan', unit: 'persons', where: {} }] };
    expect(thrown(() => toTidyRows(twoSexes, mapping, units, '2026-11-26')).message).toMatch(/two cells.*LV0001000 population_1jan 2026.*SEX/);
  });
});

describe('formatTidyCsv and diffTidyCsv', () => {
  const row = (codeOrName: string, year: string, value: string, source = 'CSP X, retrieved 2026-01-01') => ({ codeOrName, indicator: 'population_1jan', year, value, unit: 'persons', source, note: '' });

  it('writes the project header and quotes fields with commas', () => {
    expect(formatTidyCsv([row('LV', '2026', '1845096')])).toBe(
      'code_or_name,indicator,year,value,unit,source,note\nLV,population_1jan,2026,1845096,persons,"CSP X, retrieved 2026-01-01",\n',
    );
  });

  it('lists rows added, removed and changed; a new retrieval date alone is no change', () => {
    const before = formatTidyCsv([row('LV0001000', '2025', '600000'), row('LV0002000', '2025', '80000'), row('LV0003000', '2025', '55000'), row('LV0004000', '2025', '50000.0')]);
    const after = formatTidyCsv([row('LV0001000', '2025', '600000', 'CSP X, retrieved 2026-11-26'), row('LV0002000', '2025', '79999'), row('LV0004000', '2025', '50000'), row('LV0001000', '2026', '590000')]);
    const d = diffTidyCsv(before, after);
    expect(d.added.map((r) => `${r.codeOrName} ${r.year}`)).toEqual(['LV0001000 2026']);
    expect(d.removed.map((r) => `${r.codeOrName} ${r.year}`)).toEqual(['LV0003000 2025']);
    expect(d.changed.map((c) => [c.from.codeOrName, c.from.value, c.to.value, c.fields])).toEqual([['LV0002000', '80000', '79999', ['value']]]);
    expect(d.unchanged).toBe(2);
  });

  it('treats a missing previous file as all rows added', () => {
    const d = diffTidyCsv('', formatTidyCsv([row('LV', '2026', '1')]));
    expect([d.added.length, d.removed.length, d.changed.length]).toEqual([1, 0, 0]);
  });
});

describe('runUpdate: fetch, compare, write through a temp file', () => {
  let dir: string;
  let out: string;
  let configFile: string;
  const config = (tables: string[]) => ({
    areaAliases: [{ from: 'LV0038001', to: 'LV0038000', fromYear: '2026', note: 'CSP area LV0038001 (enlarged Madonas novads)' }],
    tables: tables.map((t) => ({
      table: t,
      title: `test table ${t}`,
      url: `https://data.stat.gov.lv/api/v1/en/OSP_PUB/POP/IR/IRD/${t}`,
      query: { query: [{ code: 'SEX', selection: { filter: 'item', values: ['T'] } }], response: { format: 'json-stat2' } },
      indicators: [{ indicator: 'population_1jan', unit: 'persons', where: { SEX: 'T' } }],
    })),
  });
  const answer = (body: string, status = 200): FetchLike => async () => ({ ok: status < 400, status, statusText: status < 400 ? 'OK' : 'Service Unavailable', text: async () => body });
  const good = JSON.stringify(cube(['LV', 'LV0001000', 'LV0002000'], ['2026'], [1845000, 590000, 77000]));
  const options = (fetch: FetchLike, dryRun = false) => ({ configFile, unitsFile: UNITS_FILE, outDir: out, dryRun, fetch, today: '2026-11-26' });
  const previous = () =>
    formatTidyCsv([
    { codeOrName: 'LV0001000', indicator: 'population_1jan', year: '2026', value: '588911', unit: 'persons', source: 'old', note: '' },
    { codeOrName: 'LV0003000', indicator: 'population_1jan', year: '2026', value: '54408', unit: 'persons', source: 'old', note: '' },
  ]);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pxweb-test-'));
    out = join(dir, 'indicators');
    configFile = join(dir, 'pxweb_tables.json');
    mkdirSync(out);
    writeFileSync(configFile, JSON.stringify(config(['IRD041'])));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes pxweb_<table>.csv and reports every change against the previous file', async () => {
    writeFileSync(join(out, 'pxweb_ird041.csv'), previous());
    const { tables: [outcome] } = await runUpdate(options(answer(good)));
    expect(readFileSync(join(out, 'pxweb_ird041.csv'), 'utf8')).toContain('LV0002000,population_1jan,2026,77000,persons,"CSP IRD041 via data.stat.gov.lv API');
    expect(readdirSync(out)).toEqual(['pxweb_ird041.csv']);
    const report = reportLines(outcome!).join('\n');
    expect(report).toMatch(/2 added, 1 removed, 1 changed/);
    expect(report).toContain('+ LV population_1jan 2026: 1845000');
    expect(report).toContain('- LV0003000 population_1jan 2026: 54408');
    expect(report).toContain('~ LV0001000 population_1jan 2026: 588911 → 590000');
    expect(summaryLines([outcome!], false).join('\n')).toMatch(/npm run geodata/);
  });

  it('--dry-run reports the changes and writes nothing', async () => {
    const { tables: [outcome] } = await runUpdate(options(answer(good), true));
    expect(existsSync(join(out, 'pxweb_ird041.csv'))).toBe(false);
    expect(outcome!.diff.added).toHaveLength(3);
    expect(summaryLines([outcome!], true).join('\n')).toMatch(/nothing was written/i);
  });

  it('a run that changes no value leaves the file as it was', async () => {
    await runUpdate(options(answer(good)));
    const first = readFileSync(join(out, 'pxweb_ird041.csv'), 'utf8');
    const { tables: [again] } = await runUpdate({ ...options(answer(good)), today: '2026-12-01' });
    expect(again!.written).toBe(false);
    expect(readFileSync(join(out, 'pxweb_ird041.csv'), 'utf8')).toBe(first);
  });

  const failures: [string, FetchLike, RegExp][] = [
    ['the network is down', async () => { throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND data.stat.gov.lv' } }); }, /^IRD041: cannot reach https:\/\/data\.stat\.gov\.lv\S*: fetch failed \(getaddrinfo ENOTFOUND data\.stat\.gov\.lv\)$/],
    ['the API answers HTTP 503', answer('<html>busy</html>', 503), /^IRD041: HTTP 503 Service Unavailable from https:\/\/\S+: <html>busy<\/html>$/],
    ['the answer is not the documented format', answer('{"columns":[]}'), /^IRD041: .*neither JSON-stat 2.0 nor PxWeb JSON/],
  ];
  for (const [what, fetch, message] of failures) {
    it(`when ${what}, stops with one line naming the table and leaves the CSV untouched`, async () => {
      writeFileSync(join(out, 'pxweb_ird041.csv'), previous());
      const e = await runUpdate(options(fetch)).then(() => new Error('expected a failure'), (err: unknown) => err as Error);
      expect(failureLine(e)).toMatch(message);
      expect(failureLine(e)).not.toContain('\n');
      expect(readFileSync(join(out, 'pxweb_ird041.csv'), 'utf8')).toBe(previous());
      expect(readdirSync(out)).toEqual(['pxweb_ird041.csv']);
    });
  }

  it('when the file cannot be written, keeps the previous one and says which table', async () => {
    writeFileSync(join(out, 'pxweb_ird041.csv'), previous());
    // A stale temp file of this very process blocks the write: it is neither overwritten nor renamed.
    writeFileSync(join(out, `.pxweb_ird041.csv.${process.pid}.tmp`), 'stale');
    const e = await runUpdate(options(answer(good))).then(() => new Error('expected a failure'), (err: unknown) => err as Error);
    expect(failureLine(e)).toMatch(/^IRD041: cannot write \S+pxweb_ird041\.csv: .*EEXIST.*; the previous file is unchanged$/);
    expect(readFileSync(join(out, 'pxweb_ird041.csv'), 'utf8')).toBe(previous());
  });

  it('writes no table when a later one fails', async () => {
    writeFileSync(configFile, JSON.stringify(config(['IRD041', 'IRS031'])));
    let calls = 0;
    const secondFails: FetchLike = async (url, init) => (++calls === 1 ? answer(good)(url, init) : answer('', 500)(url, init));
    await expect(runUpdate(options(secondFails))).rejects.toThrow(/IRS031: HTTP 500/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('sends the configured query as a JSON POST to the configured URL', async () => {
    const seen: { url: string; body: string; method: string }[] = [];
    const spy: FetchLike = async (url, init) => {
      seen.push({ url, body: init.body ?? '', method: init.method });
      return answer(good)(url, init);
    };
    await runUpdate(options(spy, true));
    expect(seen).toEqual([{ url: 'https://data.stat.gov.lv/api/v1/en/OSP_PUB/POP/IR/IRD/IRD041', method: 'POST', body: JSON.stringify(config(['IRD041']).tables[0]!.query) }]);
  });
});

describe('geodata/inputs/pxweb_tables.json', () => {
  const file = here('../../geodata/inputs/pxweb_tables.json');
  const cfg = () => readUpdateConfig(readFileSync(file, 'utf8'), 'pxweb_tables.json');
  const areas = (table: string) => cfg().tables.find((t) => t.table === table)?.query.query.find((q) => q.code === 'AREA')?.selection.values ?? [];
  const current = units.filter((u) => u.validTo === '').map((u) => u.code);

  it('asks IRD041 and IRS031 for every current unit, LV and the merged Madona code', () => {
    expect(current).toHaveLength(42);
    for (const t of ['IRD041', 'IRS031']) {
      expect(areas(t)).toEqual(expect.arrayContaining([...current, 'LV', 'LV0038001']));
      expect(cfg().tables.find((x) => x.table === t)?.query.response.format).toBe('json-stat2');
    }
  });

  it('maps LV0038001 onto LV0038000 from the first year after the merge', () => {
    expect(cfg().areaAliases).toEqual([expect.objectContaining({ from: 'LV0038001', to: 'LV0038000', fromYear: '2026' })]);
  });

  it('asks IKR060 for the GDP and GDP per capita of every unit of units.csv, all years, and expects 2021 and 2022', () => {
    const t = cfg().tables.find((x) => x.table === 'IKR060')!;
    expect(areas('IKR060')).toEqual(units.map((u) => u.code));
    expect(t.url).toBe('https://data.stat.gov.lv/api/v1/en/OSP_PUB/VEK/IK/IKR/IKR060');
    expect(t.expect).toEqual({ areas: 'units', years: ['2021', '2022'] });
    expect(t.indicators.map((i) => [i.indicator, i.where.ContentsCode, i.sourceUnit?.[0]])).toEqual([
      ['gdp', 'IKR060', 'thousand euro'],
      ['gdp_per_capita_municipal', 'IKR061', 'euro'],
    ]);
  });

  it('refuses an expectation it cannot check, naming the file and the place', () => {
    const table = (expectation: unknown) => JSON.stringify({ tables: [{ table: 'X1', title: 't', url: 'https://x.test/X1', query: { query: [], response: { format: 'json-stat2' } }, indicators: [{ indicator: 'x', unit: 'u', where: {} }], expect: expectation }] });
    expect(thrown(() => readUpdateConfig(table({ areas: 'units', years: ['21'] }), 'cfg.json')).message).toMatch(/^cfg\.json: tables\[0\]\.expect/);
    expect(thrown(() => readUpdateConfig(table({ areas: ['Rīga'], years: [] }), 'cfg.json')).message).toMatch(/^cfg\.json: tables\[0\]\.expect/);
    expect(readUpdateConfig(table({ areas: ['LV', 'LV0001000'], years: ['2025-07'] }), 'cfg.json').tables[0]!.expect).toEqual({ areas: ['LV', 'LV0001000'], years: ['2025-07'] });
  });

  it('refuses a table without indicators, naming the file and the place', () => {
    const bad = JSON.stringify({ areaAliases: [], tables: [{ table: 'X1', title: 't', url: 'https://x.test/X1', query: { query: [], response: { format: 'json-stat2' } }, indicators: [] }] });
    expect(thrown(() => readUpdateConfig(bad, 'cfg.json')).message).toMatch(/^cfg\.json: tables\[0\]\.indicators/);
  });
});
