import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../geodata/catalogue.ts';
import { readCsvSources } from '../../geodata/csvSource.ts';
import { awaitingData } from '../../geodata/refreshChecks.ts';
import { parseJsonStat2 } from '../../geodata/pxweb.ts';
import { failureLine, notFetchedLines, parseArgs, readUpdateConfig, reportLines, runUpdate, type FetchLike, type UpdateOptions } from '../../geodata/update.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const repo = (p: string) => here(`../../${p}`);
const text = (p: string) => readFileSync(p, 'utf8');
const IKR060_FIXTURE = here('../fixtures/pxweb/ikr060_jsonstat2_handbuilt.json');
const economy = (name: string) => here(`../fixtures/economy/${name}`);
const CATALOGUE = repo('geodata/inputs/indicator_catalogue.csv');
/** Written into every `source` by these tests, so that a leak into the project's data is found. */
const TODAY = '2000-01-01 (test fixture)';

type Cube = { id: string[]; size: number[]; dimension: Record<string, { category: { index: Record<string, number> } }>; value: (number | null)[] };
const ikr060 = (): Cube => JSON.parse(text(IKR060_FIXTURE)) as Cube;

/** The cube without one category of a dimension: its values go too, the rest stay in place. */
function without(cube: Cube, dim: string, code: string): Cube {
  const k = cube.id.indexOf(dim);
  const index = cube.dimension[dim]!.category.index;
  const drop = index[code]!;
  const after = cube.size.slice(k + 1).reduce((a, b) => a * b, 1);
  const value = cube.value.filter((_, i) => Math.floor(i / after) % cube.size[k]! !== drop);
  const kept = Object.entries(index).filter(([c]) => c !== code).sort((a, b) => a[1] - b[1]);
  const size = cube.size.map((s, j) => (j === k ? s - 1 : s));
  const dimension = { ...cube.dimension, [dim]: { ...cube.dimension[dim]!, category: { ...cube.dimension[dim]!.category, index: Object.fromEntries(kept.map(([c], i) => [c, i])) } } };
  return { ...cube, size, dimension, value };
}

/** The project's pxweb_tables.json, cut to IKR060 (the other tables have fixtures of their own). */
function ikr060Config() {
  const config = JSON.parse(text(repo('geodata/inputs/pxweb_tables.json'))) as { tables: { table: string; url: string; indicators: { indicator: string }[] }[] };
  return { ...config, tables: config.tables.filter((t) => t.table === 'IKR060') };
}
const IKR060_URL = ikr060Config().tables[0]!.url;

describe('npm run data:update with the economic sources (hand-built fixtures, fake fetch)', () => {
  let dir: string;
  let out: string;
  let bodies: Record<string, string>;
  const fakeFetch: FetchLike = async (url) => {
    const body = bodies[url];
    return body === undefined ? { ok: false, status: 404, statusText: 'Not Found', text: async () => '' } : { ok: true, status: 200, statusText: 'OK', text: async () => body };
  };
  const options = (locations: Record<string, string> = {}): UpdateOptions => ({
    configFile: join(dir, 'pxweb_tables.json'),
    unitsFile: repo('geodata/inputs/units.csv'),
    catalogueFile: CATALOGUE,
    outDir: out,
    dryRun: false,
    fetch: fakeFetch,
    today: TODAY,
    csvSources: { configFile: repo('geodata/inputs/csv_sources.json'), locations },
  });
  const everySource = {
    nva_unemployment: 'https://fixture.invalid/nva.csv',
    vraa_tai: economy('vraa_tai_handbuilt.csv'),
    csp_wages_residence: 'https://fixture.invalid/wages.csv',
  };
  const rowsOf = (file: string) => text(join(out, file)).trim().split('\n').slice(1);
  const failure = (o: UpdateOptions) => runUpdate(o).then(() => new Error('expected a refusal'), (e: unknown) => e as Error);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'economy-test-'));
    out = join(dir, 'indicators');
    mkdirSync(out);
    writeFileSync(join(dir, 'pxweb_tables.json'), JSON.stringify(ikr060Config()));
    bodies = {
      [IKR060_URL]: text(IKR060_FIXTURE),
      'https://fixture.invalid/nva.csv': text(economy('nva_unemployment_handbuilt.csv')),
      'https://fixture.invalid/wages.csv': text(economy('csp_wages_residence_handbuilt.csv')),
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('one run writes GDP and GDP per capita of every unit, NVA, VRAA TAI and CSP wages', async () => {
    const result = await runUpdate(options(everySource));
    expect(readdirSync(out).sort()).toEqual(['pxweb_ikr060.csv', 'refresh_csp_wages_residence.csv', 'refresh_nva_unemployment.csv', 'refresh_vraa_tai.csv']);
    const gdp = rowsOf('pxweb_ikr060.csv');
    expect(gdp).toHaveLength(43 * 2 * 2);
    const source = `"CSP IKR060 via data.stat.gov.lv API (${IKR060_URL}), retrieved ${TODAY}"`;
    expect(gdp).toContain(`LV0001000,gdp,2021,50000,"thousand EUR, current prices",${source},GDP at current prices (CSP IKR060 contents IKR060)`);
    expect(gdp).toContain(`LV0056000,gdp_per_capita_municipal,2022,15200,"EUR per inhabitant, current prices",${source},GDP per capita at current prices (CSP IKR060 contents IKR061)`);
    expect(rowsOf('refresh_nva_unemployment.csv')).toHaveLength(86);
    expect(rowsOf('refresh_vraa_tai.csv')).toHaveLength(43);
    expect(rowsOf('refresh_csp_wages_residence.csv')).toHaveLength(88);
    expect(rowsOf('refresh_vraa_tai.csv')[0]).toMatch(/^LV0001000,territorial_development_index,2023,-1\.05,index,"VRAA .*\(.*vraa_tai_handbuilt\.csv\), retrieved 2000-01-01 \(test fixture\)",/);
    const report = result.tables.map((t) => reportLines(t).join('\n')).join('\n');
    expect(report).toMatch(/IKR060 \(.*\) → .*pxweb_ikr060\.csv\n {2}172 rows\n {2}new file: 172 rows added/);
    expect(report).toMatch(/nva_unemployment \(.*\) → .*refresh_nva_unemployment\.csv\n {2}86 rows; skipped: places that are not units of the map \(ignored as configured\): Rīgas reģions ×2/);
  });

  it('sends the configured IKR060 query as a POST; the CSV sources are GET or read from disk', async () => {
    const seen: string[] = [];
    const spy: FetchLike = async (url, init) => {
      seen.push(`${init.method} ${url}`);
      if (init.method === 'POST') expect(JSON.parse(init.body!)).toEqual((readUpdateConfig(JSON.stringify(ikr060Config()), 'x').tables[0]!.query));
      return fakeFetch(url, init);
    };
    await runUpdate({ ...options(everySource), fetch: spy, dryRun: true });
    expect(seen).toEqual([`POST ${IKR060_URL}`, 'GET https://fixture.invalid/nva.csv', 'GET https://fixture.invalid/wages.csv']);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a source without a confirmed address and the tables whose code is not confirmed are listed, not fetched', async () => {
    const { notFetched } = await runUpdate(options());
    expect(readdirSync(out)).toEqual(['pxweb_ikr060.csv']);
    expect(notFetched.map((n) => n.name)).toEqual(['enterprises_per_1000 (CSP)', 'municipal wages (CSP PxWeb)', 'nva_unemployment', 'vraa_tai', 'csp_wages_residence']);
    const lines = notFetchedLines(notFetched).join('\n');
    expect(lines).toMatch(/nva_unemployment: not fetched: no confirmed download address.*--source nva_unemployment=/);
    expect(lines).toMatch(/enterprises_per_1000 \(CSP\): not fetched: table code not confirmed/);
  });

  describe('a table that does not match what the catalogue expects is refused whole; nothing is written', () => {
    const previous = 'code_or_name,indicator,year,value,unit,source,note\nLV0001000,gdp,2021,1,thousand EUR,old,\n';
    const refusals: [string, () => unknown, RegExp][] = [
      ['another unit of measure', () => JSON.parse(text(IKR060_FIXTURE).replace('"base": "thousand euro"', '"base": "million euro"')), /^IKR060: refused whole: gdp: the unit of measure in the answer is "million euro", expected "thousand euro"[^(]* \(pxweb_tables\.json "sourceUnit"\)$/],
      ['no unit of measure at all', () => JSON.parse(text(IKR060_FIXTURE).replace(/,\s*"unit": \{[^}]*\}[^}]*\}[^}]*\}/, '')), /^IKR060: refused whole: gdp: the answer states no unit of measure, expected "thousand euro"/],
      ['an unknown area code', () => JSON.parse(text(IKR060_FIXTURE).replace('"LV0056000": 42', '"LV0099000": 42')), /^IKR060: refused whole: area code not in units\.csv: LV0099000 ×4$/],
      ['a missing expected year', () => without(ikr060(), 'TIME', '2021'), /^IKR060: refused whole: expected year 2021 is not in the answer \(it has 2022\)$/],
      ['a missing expected area', () => without(ikr060(), 'AREA', 'LV0046000'), /^IKR060: refused whole: no value for 4 expected cells: LV0046000 gdp 2021, LV0046000 gdp 2022, LV0046000 gdp_per_capita_municipal 2021, LV0046000 gdp_per_capita_municipal 2022$/],
      ['a missing value of an expected area', () => { const c = ikr060(); c.value[0] = null; return c; }, /^IKR060: refused whole: no value for 1 expected cell: LV0001000 gdp 2021$/],
    ];
    for (const [what, answer, message] of refusals) {
      it(`refuses ${what}, says which table and why in one line, and leaves the files as they were`, async () => {
        writeFileSync(join(out, 'pxweb_ikr060.csv'), previous);
        bodies[IKR060_URL] = JSON.stringify(answer());
        const e = await failure(options(everySource));
        expect(failureLine(e)).toMatch(message);
        expect(readdirSync(out)).toEqual(['pxweb_ikr060.csv']);
        expect(text(join(out, 'pxweb_ikr060.csv'))).toBe(previous);
      });
    }

    it('refuses an NVA file that lacks a place in force, though IKR060 was good', async () => {
      bodies['https://fixture.invalid/nva.csv'] = text(economy('nva_unemployment_handbuilt.csv')).replace(/^2026-01;Saldus novads;.*\n/m, '');
      const e = await failure(options(everySource));
      expect(failureLine(e)).toMatch(/^nva_unemployment: refused whole: no value for 2 expected cells: LV0046000 nva_registered_unemployed 2026-01, LV0046000 nva_registered_unemployment_rate 2026-01$/);
      expect(readdirSync(out)).toEqual([]);
    });

    it('refuses a CSV value column in another unit, naming the source', async () => {
      bodies['https://fixture.invalid/wages.csv'] = text(economy('csp_wages_residence_handbuilt.csv')).replace('mēnesī (EUR)', 'mēnesī (LVL)');
      const e = await failure(options(everySource));
      expect(failureLine(e)).toMatch(/^csp_wages_residence: refused whole: unit of measure of "Vidējā bruto darba samaksa mēnesī" is "LVL", expected "EUR"/);
      expect(readdirSync(out)).toEqual([]);
    });

    it('refuses a table whose indicator is not in the catalogue (the build would drop its rows unseen)', async () => {
      const config = ikr060Config();
      config.tables[0]!.indicators[0]!.indicator = 'gdp_nowhere';
      writeFileSync(join(dir, 'pxweb_tables.json'), JSON.stringify(config));
      const e = await failure(options());
      expect(failureLine(e)).toMatch(/^IKR060: refused whole: gdp_nowhere is not in indicator_catalogue\.csv/);
    });

    it('holds only tables with an expectation to the catalogue (IRD041 also writes counts by sex no row uses yet)', async () => {
      const config = ikr060Config() as ReturnType<typeof ikr060Config> & { tables: { expect?: unknown }[] };
      config.tables[0]!.indicators[0]!.indicator = 'gdp_nowhere';
      delete config.tables[0]!.expect;
      writeFileSync(join(dir, 'pxweb_tables.json'), JSON.stringify(config));
      await runUpdate(options());
      expect(text(join(out, 'pxweb_ikr060.csv'))).toContain('LV0001000,gdp_nowhere,2021,50000,');
    });
  });
});

describe('npm run data:update options', () => {
  it('takes --dry-run and any number of --source <id>=<file or URL>, a file made absolute', () => {
    expect(parseArgs(['--source', 'nva_unemployment=dl/nva.csv', '--dry-run', '--source', 'csp_wages_residence=https://data.gov.lv/x.csv?a=b'])).toEqual({
      dryRun: true,
      locations: { nva_unemployment: join(process.cwd(), 'dl/nva.csv'), csp_wages_residence: 'https://data.gov.lv/x.csv?a=b' },
    });
    expect(() => parseArgs(['--source', 'nva.csv'])).toThrow(/unknown option --source/);
    expect(() => parseArgs(['--force'])).toThrow(/unknown option --force/);
  });
});

describe('the catalogue rows of the economic sources', () => {
  const catalogue = readCatalogue(text(CATALOGUE), 'indicator_catalogue.csv');
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  const pxweb = readUpdateConfig(text(repo('geodata/inputs/pxweb_tables.json')), 'pxweb_tables.json');
  const csv = readCsvSources(text(repo('geodata/inputs/csv_sources.json')), 'csv_sources.json');
  const mapped = [
    ...pxweb.tables.filter((t) => t.expect).flatMap((t) => t.indicators.map((m) => ({ from: t.table, ...m }))),
    ...csv.flatMap((s) => s.indicators.map((m) => ({ from: s.id, ...m }))),
  ];

  it('every indicator the refresh writes is catalogued: economic, bilingual, in the unit the refresh writes', () => {
    expect(mapped.map((m) => m.indicator)).toEqual([
      'gdp', 'gdp_per_capita_municipal', 'nva_registered_unemployed', 'nva_registered_unemployment_rate', 'territorial_development_index', 'avg_gross_wage_by_residence',
    ]);
    for (const m of mapped) {
      const c = byId.get(m.indicator);
      expect(c, m.indicator).toBeDefined();
      expect([c!.dimension, c!.level, c!.role]).toEqual(['economic', 'municipality', 'indicator']);
      for (const f of [c!.nameLv, c!.nameEn, c!.unitLv, c!.unitEn, c!.noteLv, c!.noteEn]) expect(f?.trim(), m.indicator).not.toBe('');
      expect(m.unit.startsWith(c!.unitEn), `${m.indicator}: "${m.unit}" vs "${c!.unitEn}"`).toBe(true);
    }
  });

  it("each source label names the table its link opens, for every catalogue row", () => {
    for (const c of catalogue) {
      const pxwebTable = /^https:\/\/data\.stat\.gov\.lv\/pxweb\/lv\/OSP_PUB\/START__[A-Z_]+\/([A-Za-z0-9]+)\/$/.exec(c.sourceUrl)?.[1];
      const dataset = /^https:\/\/data\.gov\.lv\/dati\/lv\/dataset\/([a-z0-9-]+)$/.exec(c.sourceUrl)?.[1];
      const table = pxwebTable ?? dataset;
      if (!table) continue;
      expect(c.sourceTable, c.id).toContain(table);
      expect(c.sourceLabel, c.id).toContain(table);
    }
    expect(byId.get('gdp_per_capita_municipal')).toMatchObject({ sourceLabel: 'CSP IKR060', sourceUrl: 'https://data.stat.gov.lv/pxweb/lv/OSP_PUB/START__VEK__IK__IKR/IKR060/' });
  });

  it('an indicator catalogued without data yet is named by the build, not shipped as an empty map', () => {
    const data = { indicators: catalogue.filter((c) => c.id === 'population_1jan'), sources: [], observations: [] };
    const waiting = awaitingData(catalogue, data);
    expect(waiting).toEqual(expect.arrayContaining(['gdp', 'nva_registered_unemployment_rate', 'territorial_development_index']));
    expect(waiting).not.toContain('population_1jan');
    expect(waiting).not.toContain('road_length_all_asphalt'); // an input, never listed
  });
});

describe('nothing from a hand-built fixture is in the project data', () => {
  it('no indicator input and no public data file names a test fixture', () => {
    const dir = repo('geodata/inputs/indicators');
    const files = [...readdirSync(dir).map((f) => join(dir, f)), repo('public/data/indicators.json')].filter((f) => existsSync(f));
    for (const f of files) expect(text(f), f).not.toMatch(/test fixture|fixture\.invalid|HAND-BUILT|handbuilt/i);
  });

  it('the IKR060 fixture says it is hand-built in its own label', () => {
    const cube = JSON.parse(text(IKR060_FIXTURE)) as { label: string };
    expect(cube.label).toMatch(/^HAND-BUILT TEST FIXTURE/);
    expect(parseJsonStat2(cube).find((c) => c.dimensions.ContentsCode === 'IKR061')?.unit).toBe('euro');
  });
});
