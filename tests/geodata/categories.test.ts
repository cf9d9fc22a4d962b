import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../geodata/catalogue.ts';
import { checkScopes, deriveListed, readCategories } from '../../geodata/categories.ts';
import { buildIndicatorData } from '../../geodata/dataset.ts';
import { packIndicatorData, readObservations, toCurrentDivision, type RawObservation } from '../../geodata/indicators.ts';
import { readPeriods } from '../../geodata/periods.ts';
import { readUnits } from '../../geodata/units.ts';
import { parseCsvRecords } from '../../src/domain/csv.ts';
import { pipelineError } from './fixtures/pipelineError.ts';
import { UNITS_CSV } from './fixtures/world.ts';

const HEADER = 'id,name_lv,name_en,dimension,level,role,kind,additive,polarity,unit_lv,unit_en,computed,decimals,source_producer,source_table,source_label,source_url,note_lv,note_en';
const CATALOGUE = [
  HEADER,
  'contributor,Iemaksātāja,Contributor,economic,municipality,indicator,category,no,neutral,kategorija,category,,,FM,MK 191,MK noteikumi Nr. 191,https://likumi.lv/ta/id/341104,P,N',
  'contribution,Iemaksa,Contribution,economic,municipality,indicator,count,yes,neutral,EUR,EUR,,,FM,MK 191,MK noteikumi Nr. 191,https://likumi.lv/ta/id/341104,P,N',
  'grant,Dotācija,Grant,economic,municipality,indicator,count,yes,neutral,EUR,EUR,,,MK,Nr. 212,MK rīkojums Nr. 212,https://tap/,P,N',
  'recipient,Saņēmēja,Recipient,economic,municipality,indicator,category,no,neutral,kategorija,category,listed(grant),,MK,Nr. 212,MK rīkojums Nr. 212,https://tap/,P,N',
  'wage,Alga,Wage,economic,municipality,indicator,rate,no,neutral,EUR,EUR,,,CSP,,CSP,https://stat/,P,N',
].join('\n');
const CATEGORIES_HEADER = 'indicator,code,source_value,name_lv,name_en,neutral,scope_of';
const CATEGORY_ROWS = [
  'contributor,1,yes,iemaksā fondā,contributes,no,contribution',
  'contributor,0,no,neiemaksā,does not contribute,yes,',
  'recipient,1,,saņēma dotāciju,received the grant,no,grant',
  'recipient,0,,nav tiesīga,not eligible,yes,',
];
const categoriesCsv = (...rows: string[]) => `${CATEGORIES_HEADER}\n${rows.join('\n')}\n`;
const CATEGORIES_FILE = 'geodata/inputs/indicator_categories.csv';

const units = readUnits(UNITS_CSV, 'units.csv');
const catalogue = () => readCategories(categoriesCsv(...CATEGORY_ROWS), CATEGORIES_FILE, readCatalogue(CATALOGUE, 'catalogue.csv'));
const file = (...rows: string[]) => `code_or_name,indicator,year,value,unit,source,note\n${rows.join('\n')}\n`;
const read = (text: string, entries = catalogue()) => readObservations(text, 'geodata/inputs/indicators/finance.csv', entries, units, new Map());
const byGeo = (rows: RawObservation[], indicator: string, year: string) =>
  Object.fromEntries(rows.filter((r) => r.indicator === indicator && r.year === year).map((r) => [r.geo, r.value]));

describe('readCategories', () => {
  it('gives a categorical indicator its categories in file order, and a scoped figure its scope', () => {
    const entries = catalogue();
    const contributor = entries.find((e) => e.id === 'contributor')!;
    expect(contributor.categories).toEqual([
      { code: 1, nameLv: 'iemaksā fondā', nameEn: 'contributes', neutral: false },
      { code: 0, nameLv: 'neiemaksā', nameEn: 'does not contribute', neutral: true },
    ]);
    expect(entries.find((e) => e.id === 'contribution')!.scope).toEqual({ indicator: 'contributor', category: 1 });
    expect(entries.find((e) => e.id === 'grant')!.scope).toEqual({ indicator: 'recipient', category: 1 });
    expect(entries.find((e) => e.id === 'wage')!.scope).toBeUndefined();
  });

  it('writes categories and scope to indicators.json in a fixed key order', () => {
    const packed = packIndicatorData(catalogue(), [
      { geo: 'LV0001000', indicator: 'contributor', year: '2023', value: 1, source: 's', file: 'f.csv', line: 2 },
      { geo: 'LV0001000', indicator: 'contribution', year: '2023', value: 5, source: 's', file: 'f.csv', line: 3 },
    ]);
    const [contributor, contribution] = packed.indicators;
    expect(Object.keys(contributor!).slice(-2)).toEqual(['noteEn', 'categories']);
    expect(Object.keys(contribution!).slice(-2)).toEqual(['noteEn', 'scope']);
    expect(contributor!.kind).toBe('category');
  });

  const refusals: [string, string, string][] = [
    ['a category of an indicator not in the catalogue', 'payer,1,yes,a,b,no,', 'unknown indicator "payer" (not in the catalogue)'],
    ['a category of an indicator that is not categorical', 'wage,1,yes,a,b,no,', '"wage" is a rate, not a category: only kind category has categories'],
    ['a code listed twice', 'contributor,1,maybe,a,b,no,', 'category 1 of "contributor" listed twice'],
    ['a code that is not a whole number', 'contributor,x,maybe,a,b,no,', 'code "x" of "contributor" is not a whole number'],
    ['a second neutral category', 'contributor,2,maybe,a,b,yes,', '"contributor" has two neutral categories: only one can mean "does not apply"'],
    ['a source value listed twice', 'contributor,2,yes,a,b,no,', 'source value "yes" of "contributor" listed twice'],
    ['a scope naming an unknown indicator', 'contributor,2,maybe,a,b,no,levy', '"contributor" category 2 scopes "levy", which is not in the catalogue'],
    ['a scope naming a categorical indicator', 'contributor,2,maybe,a,b,no,recipient', '"contributor" category 2 scopes "recipient", a category itself'],
    ['a figure scoped twice', 'contributor,2,maybe,a,b,no,grant', '"grant" is already scoped by "recipient"'],
    ['an empty name', 'contributor,2,maybe,,b,no,', 'name_lv of category 2 of "contributor" is empty'],
  ];
  for (const [what, bad, reason] of refusals) {
    it(`refuses ${what}, naming the file and line`, () => {
      const e = pipelineError(() => readCategories(categoriesCsv(...CATEGORY_ROWS, bad), CATEGORIES_FILE, readCatalogue(CATALOGUE, 'catalogue.csv')));
      expect(e.message).toBe(`${CATEGORIES_FILE}, line 6: ${reason}`);
    });
  }

  it('refuses a categorical indicator without categories, a published one without source values, and more categories than colours', () => {
    expect(pipelineError(() => readCategories(categoriesCsv(...CATEGORY_ROWS.slice(0, 2)), CATEGORIES_FILE, readCatalogue(CATALOGUE, 'c.csv'))).message).toBe(
      `${CATEGORIES_FILE}: "recipient" is a category indicator with fewer than two categories`,
    );
    expect(pipelineError(() => readCategories(categoriesCsv(CATEGORY_ROWS[0]!.replace(',yes,', ',,'), ...CATEGORY_ROWS.slice(1)), CATEGORIES_FILE, readCatalogue(CATALOGUE, 'c.csv'))).message).toBe(
      `${CATEGORIES_FILE}, line 2: category 1 of "contributor" has no source value: the files name categories by it`,
    );
    const many = ['contributor,2,a,a,a,no,', 'contributor,3,b,b,b,no,', 'contributor,4,c,c,c,no,'];
    expect(pipelineError(() => readCategories(categoriesCsv(...CATEGORY_ROWS, ...many), CATEGORIES_FILE, readCatalogue(CATALOGUE, 'c.csv'))).message).toBe(
      `${CATEGORIES_FILE}: "contributor" has 4 categories besides the neutral one; the qualitative palette has 3 colours`,
    );
  });

  it('refuses a listed() category whose input no category scopes', () => {
    const rows = [...CATEGORY_ROWS.slice(0, 2), 'recipient,1,,saņēma,received,no,', 'recipient,0,,nav tiesīga,not eligible,yes,'];
    expect(pipelineError(() => readCategories(categoriesCsv(...rows), CATEGORIES_FILE, readCatalogue(CATALOGUE, 'c.csv'))).message).toBe(
      `${CATEGORIES_FILE}: "recipient" is listed(grant): one of its categories must scope "grant", and one must be neutral`,
    );
  });
});

describe('reading categorical values, municipality names, gaps and periods', () => {
  it('turns the source’s words into category codes and refuses a word that is no category', () => {
    const { rows } = read(file('LV0001000,contributor,2023,yes,flag,s,', 'LV0038000,contributor,2023,no,flag,s,'));
    expect(rows.map((r) => [r.geo, r.value])).toEqual([['LV0001000', 1], ['LV0038000', 0]]);
    const e = pipelineError(() => read(file('LV0001000,contributor,2023,yes,flag,s,', 'LV0038000,contributor,2023,maybe,flag,s,')));
    expect(e.message).toBe('geodata/inputs/indicators/finance.csv, line 3: value "maybe" is not a category of "contributor" (expected yes, no)');
  });

  it('maps a municipality given by name to its CSP area code', () => {
    const { rows } = read(file('Madonas novads,grant,2023,100,EUR,s,', 'Varakļāni municipality,grant,2023,50,EUR,s,'));
    expect(rows.map((r) => [r.geo, r.value])).toEqual([['LV0038000', 100], ['LV0055000', 50]]);
  });

  it('stops the build at a name that matches no unit, never skipping it', () => {
    const e = pipelineError(() => read(file('Madonas novads,grant,2023,100,EUR,s,', 'Madona novads,grant,2023,50,EUR,s,')));
    expect(e.message).toBe('geodata/inputs/indicators/finance.csv, line 3: unknown municipality name "Madona novads" (not in units.csv)');
    expect(e.line).toBe(3);
  });

  it('skips a blank value whose note says why, and refuses one without a note', () => {
    const { rows, skipped } = read(file('LV0001000,contribution,2023,,EUR,s,share cut off in the stored excerpt', 'LV0038000,contribution,2023,7,EUR,s,'));
    expect(rows.map((r) => r.geo)).toEqual(['LV0038000']);
    expect(skipped).toBe(1);
    const e = pipelineError(() => read(file('LV0001000,contribution,2023,,EUR,s,')));
    expect(e.message).toBe('geodata/inputs/indicators/finance.csv, line 2: value is empty and the note does not say why');
  });

  it('keeps only the periods an indicator is read for, and accepts quarters', () => {
    const entries = readPeriods('indicator,periods,note\nwage,2021-Q3,one release\n', 'geodata/inputs/indicator_periods.csv', catalogue());
    const { rows, skipped } = read(file('LV0001000,wage,2021-Q3,1476,EUR,s,', 'LV0001000,wage,2021-H1,1402,EUR,s,', 'LV0001000,wage,2020,1352,EUR,s,'), entries);
    expect(rows.map((r) => r.year)).toEqual(['2021-Q3']);
    expect(skipped).toBe(2);
    expect(pipelineError(() => readPeriods('indicator,periods,note\npay,2021,x\n', 'p.csv', catalogue())).message).toBe('p.csv, line 2: unknown indicator "pay" (not in the catalogue)');
    expect(pipelineError(() => readPeriods('indicator,periods,note\nwage,21-Q3,x\n', 'p.csv', catalogue())).message).toBe('p.csv, line 2: invalid period "21-Q3"');
  });
});

describe('a category derived from an exhaustive list (listed)', () => {
  const grants = read(file('Rīga,grant,2023,134163,EUR,MK rīkojums Nr. 212,only these received it')).rows;

  it('puts the listed units in the scope’s category and every other unit of that year in the neutral one, none missing', () => {
    const derived = deriveListed(grants, catalogue(), units);
    // Varakļānu novads still existed in 2023: it is not eligible, not left out.
    expect(byGeo(derived, 'recipient', '2023')).toEqual({ LV0001000: 1, LV0038000: 0, LV0040000: 0, LV0055000: 0 });
    const notEligible = derived.find((r) => r.geo === 'LV0040000')!;
    expect(notEligible.source).toBe('MK rīkojums Nr. 212');
    expect(notEligible.computed?.en).toBe('Computed: not in the list of Grant 2023 (MK rīkojums Nr. 212); the list is complete');
    expect(derived.find((r) => r.geo === 'LV0001000')!.computed?.en).toBe('Computed: in the list of Grant 2023 (134,163; MK rīkojums Nr. 212)');
  });

  it('gives the enlarged Madonas novads the category both its parts share, and none when they differ', () => {
    const entries = catalogue();
    const merged = toCurrentDivision([...grants, ...deriveListed(grants, entries, units)], entries, units, '2025-07-01');
    expect(byGeo(merged, 'recipient', '2023')).toEqual({ LV0001000: 1, LV0038000: 0, LV0040000: 0 });
    expect(merged.find((r) => r.indicator === 'recipient' && r.geo === 'LV0038000')!.computed?.en).toBe(
      'Computed: Madona municipality (not eligible) + Varakļāni municipality (not eligible); merged in 2025',
    );
    const split = read(file('Varakļānu novads,grant,2023,10,EUR,s,')).rows;
    const mergedSplit = toCurrentDivision([...split, ...deriveListed(split, entries, units)], entries, units, '2025-07-01');
    expect(byGeo(mergedSplit, 'recipient', '2023')).toEqual({ LV0001000: 0, LV0040000: 0 });
  });

  it('stops the build when a scoped figure belongs to a unit outside its scope', () => {
    const { rows } = read(file('LV0001000,contributor,2023,yes,flag,s,', 'LV0038000,contributor,2023,no,flag,s,', 'LV0038000,contribution,2023,5,EUR,s,'));
    const e = pipelineError(() => checkScopes(rows, catalogue()));
    expect(e.message).toBe('geodata/inputs/indicators/finance.csv, line 4: "contribution" 2023 of LV0038000 exists only for "contributor" = contributes, but it is "does not contribute"');
    const none = read(file('LV0001000,contribution,2023,5,EUR,s,')).rows;
    expect(pipelineError(() => checkScopes(none, catalogue())).message).toBe(
      'geodata/inputs/indicators/finance.csv, line 2: "contribution" 2023 of LV0001000 exists only for "contributor" = contributes, but "contributor" has no value there',
    );
  });
});

/** The project's own inputs, through the same indicator steps as `npm run geodata` (areas left out: no ratio here needs them). */
function projectIndicators() {
  const text = (f: string) => ({ file: f, text: readFileSync(f, 'utf8') });
  const realUnits = readUnits(readFileSync('geodata/inputs/units.csv', 'utf8'), 'geodata/inputs/units.csv');
  const cities = parseCsvRecords(readFileSync('geodata/inputs/cities.csv', 'utf8')).records.map(({ values: v }) => v);
  const cityIdByName = new Map(cities.flatMap((c) => [[c.name_lv!, c.id!], [c.name_en!, c.id!]] as [string, string][]));
  const cityGeos = new Set(cities.map((c) => (c.inside_novads === 'yes' ? `city:${c.id}` : c.municipality_code!)));
  const dir = 'geodata/inputs/indicators';
  return buildIndicatorData(
    {
      catalogue: text('geodata/inputs/indicator_catalogue.csv'),
      categories: text('geodata/inputs/indicator_categories.csv'),
      periods: text('geodata/inputs/indicator_periods.csv'),
      indicators: readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => text(`${dir}/${f}`)),
    },
    realUnits,
    { cityIdByName, cityGeos, areas: new Map() },
    '2025-07-01',
  ).data;
}

describe('the project’s economic indicators', () => {
  const data = projectIndicators();
  const current = readUnits(readFileSync('geodata/inputs/units.csv', 'utf8'), 'u.csv').filter((u) => u.validTo === '').map((u) => u.code);
  const of = (indicator: string, year: string) => data.observations.filter((o) => o.indicator === indicator && o.year === year);

  it('knows for every one of the 42 units, in 2023 and 2026, whether it pays into the equalisation fund', () => {
    for (const [year, contributors] of [['2023', 8], ['2026', 9]] as const) {
      const flags = of('equalisation_fund_contributor', year);
      expect(flags.map((o) => o.geo).sort(), year).toEqual([...current].sort());
      expect(flags.filter((o) => o.value === 1), year).toHaveLength(contributors);
      // Each contributor has its contribution; no one else has one.
      expect(of('equalisation_fund_contribution', year).map((o) => o.geo).sort()).toEqual(flags.filter((o) => o.value === 1).map((o) => o.geo).sort());
    }
  });

  it('maps the seven grant recipients named in Order Nr. 212 to the codes the finance file gives them, and every other unit to not eligible', () => {
    const coded = parseCsvRecords(readFileSync('geodata/inputs/indicators/finance_municipal.csv', 'utf8')).records.map(({ values: v }) => v).filter((v) => v.indicator === 'low_revenue_state_grant');
    const amounts = of('state_grant_low_revenue_municipalities', '2023');
    expect(Object.fromEntries(amounts.map((o) => [o.geo, o.value]))).toEqual(Object.fromEntries(coded.map((v) => [v.code_or_name!, Number(v.value)])));
    const recipient = of('state_grant_low_revenue_recipient', '2023');
    expect(recipient.map((o) => o.geo).sort()).toEqual([...current].sort());
    expect(recipient.filter((o) => o.value === 1).map((o) => o.geo).sort()).toEqual(amounts.map((o) => o.geo).sort());
    expect(recipient.filter((o) => o.value === 0)).toHaveLength(35);
  });

  it('lists at least four economic indicators, each with its source and year, and no implied PIT revenue', () => {
    const economic = data.indicators.filter((i) => i.dimension === 'economic');
    expect(economic.length).toBeGreaterThanOrEqual(4);
    for (const i of economic) {
      expect(i.sourceLabel, i.id).not.toBe('');
      expect(i.sourceUrl, i.id).toMatch(/^https:\/\//);
      expect(data.observations.some((o) => o.indicator === i.id && /^\d{4}/.test(o.year)), i.id).toBe(true);
    }
    expect(data.observations.some((o) => o.indicator === 'pit_revenue_implied')).toBe(false);
  });

  it('maps each wage definition of 2021 Q3 on its own, for the seven state-city municipalities and Latvia', () => {
    for (const id of ['avg_gross_monthly_wage_workplace_excl_small_private', 'avg_gross_monthly_wage_public_sector', 'avg_gross_monthly_wage_private_100plus']) {
      const rows = data.observations.filter((o) => o.indicator === id);
      expect(new Set(rows.map((o) => o.year)), id).toEqual(new Set(['2021-Q3']));
      expect(rows.map((o) => o.geo).sort(), id).toEqual(['LV', 'LV0001000', 'LV0002000', 'LV0003000', 'LV0004000', 'LV0005000', 'LV0006000', 'LV0007000']);
      expect(data.indicators.find((i) => i.id === id)?.level, id).toBe('city');
    }
  });
});
