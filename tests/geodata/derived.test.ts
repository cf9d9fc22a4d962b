import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../geodata/dataset.ts';
import { deriveObservations, parseFormula, type DerivedSpec } from '../../geodata/derived.ts';
import type { RawObservation } from '../../geodata/indicators.ts';
import { DEMOGRAPHY_CSV, worldInputs } from './fixtures/world.ts';

const meta = [
  { id: 'pop', nameLv: 'Iedzīvotāji', nameEn: 'Residents', sourceLabel: 'CSP IRD041' },
  { id: 'libs', nameLv: 'Bibliotēkas', nameEn: 'Libraries', sourceLabel: 'CSP libs' },
  { id: 'forest', nameLv: 'Mežs', nameEn: 'Forest', sourceLabel: 'CSP forest' },
];
const row = (geo: string, indicator: string, year: string, value: number, extra: Partial<RawObservation> = {}): RawObservation => ({
  geo, indicator, year, value, source: `${indicator} source`, file: 'x.csv', line: 2, ...extra,
});
const spec = (id: string, formula: string, decimals = 1): DerivedSpec => ({ id, formula: parseFormula(formula), decimals });
const areas = new Map([['A', 250], ['B', 100], ['LV', 1000]]);

describe('parseFormula', () => {
  it('reads ratios with an optional factor and pinned years, and changes', () => {
    expect(parseFormula('ratio(pop, area_km2)')).toEqual({ fn: 'ratio', num: { kind: 'input', id: 'pop' }, den: { kind: 'area', unit: 'km2' }, factor: 1 });
    expect(parseFormula(' ratio(libs@2024, pop@2026, 10000) ')).toEqual({
      fn: 'ratio', num: { kind: 'input', id: 'libs', year: '2024' }, den: { kind: 'input', id: 'pop', year: '2026' }, factor: 10000,
    });
    expect(parseFormula('change_pct(pop, 2012, 2024)')).toEqual({ fn: 'change_pct', id: 'pop', from: '2012', to: '2024' });
    expect(parseFormula('listed(grant)')).toEqual({ fn: 'listed', id: 'grant' });
  });

  it('says what is wrong with a formula', () => {
    expect(() => parseFormula('sum(pop)')).toThrow('unknown formula "sum" (expected ratio, change_pct or listed)');
    expect(() => parseFormula('ratio(pop)')).toThrow('ratio takes 2 or 3 arguments');
    expect(() => parseFormula('ratio(area_km2, pop)')).toThrow('the numerator of a ratio must be an indicator');
    expect(() => parseFormula('ratio(pop, area_km2, 0)')).toThrow('factor "0" is not a positive number');
    expect(() => parseFormula('ratio(libs@2024, pop)')).toThrow('pin both inputs of a ratio to years, or neither');
    expect(() => parseFormula('ratio(libs@24, pop@2026)')).toThrow('"libs@24" is not an input');
    expect(() => parseFormula('change_pct(pop, 2024, 2012)')).toThrow('two ascending years');
    expect(() => parseFormula('listed(grant, 2023)')).toThrow('listed takes one indicator: listed(id)');
    expect(() => parseFormula('pop / area')).toThrow('is not of the form name(arguments)');
  });
});

describe('deriveObservations', () => {
  it('computes density as residents ÷ computed area, rounded, naming input, year, source and area', () => {
    const out = deriveObservations([row('A', 'pop', '2026', 1000), row('B', 'pop', '2026', 333)], [spec('density', 'ratio(pop, area_km2)')], meta, areas);
    expect(out.map((o) => [o.geo, o.indicator, o.year, o.value, o.source])).toEqual([
      ['A', 'density', '2026', 4, 'pop source'],
      ['B', 'density', '2026', 3.3, 'pop source'],
    ]);
    expect(out[0]!.computed).toEqual({
      en: 'Computed: Residents 2026 (1,000; CSP IRD041) ÷ area (250.0 km², computed from the boundaries)',
      lv: 'Aprēķināts: Iedzīvotāji 2026. g. (1 000; CSP IRD041) ÷ platība (250,0 km², aprēķināta no robežām)',
    });
  });

  it('makes no value where an input is missing, an area is unknown or the denominator is zero', () => {
    const rows = [row('A', 'libs', '2024', 5), row('B', 'libs', '2024', 7), row('B', 'pop', '2024', 0), row('C', 'pop', '2024', 10)];
    expect(deriveObservations(rows, [spec('per', 'ratio(libs, pop)')], meta, areas)).toEqual([]);
    // C has no area (a city inside a novads has no outline): no density, not a zero.
    expect(deriveObservations(rows, [spec('density', 'ratio(pop, area_km2)')], meta, areas).map((o) => o.geo)).toEqual(['B']);
  });

  it('pins inputs to their years, never filling from another year, and names both years', () => {
    const rows = [row('A', 'libs', '2024', 5), row('A', 'pop', '2026', 20000), row('B', 'libs', '2024', 3), row('B', 'pop', '2025', 3000)];
    const out = deriveObservations(rows, [spec('per10k', 'ratio(libs@2024, pop@2026, 10000)', 2)], meta, areas);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ geo: 'A', year: '2024/2026', value: 2.5 });
    expect(out[0]!.computed!.en).toBe('Computed: Libraries 2024 (5; CSP libs) ÷ Residents 2026 (20,000; CSP IRD041) × 10,000; inputs from different years (2024 and 2026)');
    expect(out[0]!.computed!.lv).toBe('Aprēķināts: Bibliotēkas 2024. g. (5; CSP libs) ÷ Iedzīvotāji 2026. g. (20 000; CSP IRD041) × 10 000; ievaddati no dažādiem gadiem (2024 un 2026)');
  });

  it('says how an input of a merged unit was summed', () => {
    const merged = row('A', 'pop', '2025', 23000, { computed: { en: 'Computed: Madona (20,000) + Varakļāni (3,000); merged in 2025', lv: 'Aprēķināts: Madona (20 000) + Varakļāni (3 000); apvienoti 2025. gadā' } });
    const [o] = deriveObservations([merged], [spec('density', 'ratio(pop, area_km2)')], meta, areas);
    expect(o!.computed!.en).toBe('Computed: Residents 2025 (23,000 [Madona (20,000) + Varakļāni (3,000); merged in 2025]; CSP IRD041) ÷ area (250.0 km², computed from the boundaries)');
    expect(o!.computed!.lv).toMatch(/^Aprēķināts: Iedzīvotāji 2025\. g\. \(23 000 \[Madona \(20 000\) \+ Varakļāni \(3 000\); apvienoti 2025\. gadā\]; CSP IRD041\)/);
  });

  it('takes a share of area in ha and names Latvia’s area as the sum of the municipalities', () => {
    const [o] = deriveObservations([row('LV', 'forest', '2024', 55000)], [spec('forest_share', 'ratio(forest, area_ha, 100)')], meta, areas);
    expect(o).toMatchObject({ geo: 'LV', year: '2024', value: 55 });
    expect(o!.computed!.en).toBe("Computed: Forest 2024 (55,000; CSP forest) ÷ area of Latvia (1,000.0 km² × 100 = 100,000 ha, the sum of the municipalities' areas computed from the boundaries) × 100");
  });

  it('computes a change between two years of one series, labelled with the period', () => {
    const rows = [row('A', 'pop', '2012', 800), row('A', 'pop', '2024', 700), row('B', 'pop', '2012', 100), row('B', 'pop', '2023', 90)];
    const out = deriveObservations(rows, [spec('change', 'change_pct(pop, 2012, 2024)')], meta, areas);
    expect(out.map((o) => [o.geo, o.year, o.value])).toEqual([['A', '2012-2024', -12.5]]);
    expect(out[0]!.computed!.en).toBe('Computed: (Residents 2024 (700; CSP IRD041) − Residents 2012 (800; CSP IRD041)) ÷ Residents 2012 × 100');
    expect(out[0]!.computed!.lv).toBe('Aprēķināts: (Iedzīvotāji 2024. g. (700; CSP IRD041) − Iedzīvotāji 2012. g. (800; CSP IRD041)) ÷ Iedzīvotāji 2012. g. × 100');
  });
});

describe('derived indicators in buildDataset', () => {
  const CATALOGUE = `id,name_lv,name_en,dimension,level,role,kind,additive,polarity,unit_lv,unit_en,computed,decimals,source_producer,source_table,source_label,source_url,note_lv,note_en
population_1jan,Iedzīvotāji,Residents,social,municipality,indicator,count,yes,neutral,iedz.,residents,,,CSP,IRD041,CSP IRD041,https://data.stat.gov.lv/,,
population_density,Blīvums,Density,social,municipality,indicator,rate,no,neutral,iedz./km²,per km²,"ratio(population_1jan, area_km2)",1,CSP,IRD041,CSP IRD041,https://data.stat.gov.lv/,APRĒĶINĀTS,COMPUTED
public_libraries,Bibliotēkas,Libraries,social,municipality,input,count,yes,neutral,bibl.,libraries,,,CSP,libs,CSP libs,https://stat.gov.lv/,,
libraries_per_10k,Bibl. uz 10 000,Libraries per 10 000,social,municipality,indicator,rate,no,higher_better,uz 10 000,per 10 000,"ratio(public_libraries@2024, population_1jan@2026, 10000)",2,CSP,libs; IRD041,CSP,https://stat.gov.lv/,,
gdp_per_capita,IKP,GDP per capita,economic,city,indicator,rate,no,higher_better,tūkst. EUR,thousand EUR,,,CSP,IKR061,CSP IKR061,https://stat.gov.lv/,,
`;
  const LIBS = `code_or_name,indicator,year,value,unit,source,note
LV0001000,public_libraries,2024,30,count,CSP libs,
LV0038000,public_libraries,2024,22,count,CSP libs,
LV0055000,public_libraries,2024,3,count,CSP libs,
LV0040000,public_libraries,2024,20,count,CSP libs,
LV0001000,population_1jan,2026,590000,persons,CSP IRD041,
LV0040000,population_1jan,2026,55000,persons,CSP IRD041,
LV0001000,gdp_per_capita,2022,31.6,thousand EUR,CSP IKR061,
city:Ogre,gdp_per_capita,2022,11.1,thousand EUR,CSP IKR061,
LV0040000,gdp_per_capita,2022,9.9,thousand EUR,CSP IKR061,a novads: not drawn on a city indicator
LV,gdp_per_capita,2022,17.7,thousand EUR,CSP IKR061,
`;
  const dataset = buildDataset(
    worldInputs({
      catalogue: { file: 'catalogue.csv', text: CATALOGUE },
      indicators: [
        { file: 'demography.csv', text: DEMOGRAPHY_CSV },
        { file: 'libs.csv', text: LIBS },
      ],
    }),
  );
  const area = (code: string) => dataset.municipalities.features.find((f) => f.properties.code === code)!.properties.areaKm2;
  const obs = (indicator: string) => dataset.indicators.observations.filter((o) => o.indicator === indicator);

  it('computes the merged unit’s density from its summed residents and its dissolved area', () => {
    const madona = obs('population_density').find((o) => o.geo === 'LV0038000')!;
    expect(madona.year).toBe('2025');
    expect(madona.value).toBe(Math.round((23000 / area('LV0038000')) * 10) / 10);
    expect(madona.computed!.en).toContain('Residents 2025 (23,000 [Madona municipality (20,000) + Varakļāni municipality (3,000); merged in 2025]; CSP IRD041)');
  });

  it('gives no 2024/2026 ratio for the merged unit, whose 2026 residents are missing', () => {
    expect(obs('libraries_per_10k').map((o) => [o.geo, o.year, o.value])).toEqual([
      ['LV0001000', '2024/2026', Math.round((30 / 590000) * 1e4 * 100) / 100],
      ['LV0040000', '2024/2026', Math.round((20 / 55000) * 1e4 * 100) / 100],
    ]);
  });

  it('writes an input-only indicator to neither the catalogue nor the observations', () => {
    expect(dataset.indicators.indicators.map((i) => i.id)).toEqual(['population_1jan', 'population_density', 'libraries_per_10k', 'gdp_per_capita']);
    expect(obs('public_libraries')).toEqual([]);
  });

  it('keeps a city indicator for the cities and Latvia only', () => {
    expect(obs('gdp_per_capita').map((o) => o.geo)).toEqual(['city:ogre', 'LV', 'LV0001000']);
    expect(dataset.indicators.indicators.find((i) => i.id === 'gdp_per_capita')!.level).toBe('city');
  });

  it('describes the recipe of a derived indicator in its catalogue entry', () => {
    expect(dataset.indicators.indicators.find((i) => i.id === 'libraries_per_10k')!.computed).toEqual({
      lv: 'Aprēķināts šajā kartē: Bibliotēkas (2024. g.) ÷ Iedzīvotāji (2026. g.) × 10 000; ja trūkst kādas ievadvērtības, vērtības nav',
      en: 'Computed by this map: Libraries (2024) ÷ Residents (2026) × 10,000; no value where an input is missing',
      formula: 'ratio(public_libraries@2024, population_1jan@2026, 10000)',
      inputs: ['public_libraries', 'population_1jan'],
    });
  });
});
