import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { levelOf, type IndicatorMeta } from '../../src/domain/indicators.ts';
import { derivedSpecs, readCatalogue } from '../../geodata/catalogue.ts';
import { PipelineError } from '../../geodata/errors.ts';
import { keepLevel, packIndicatorData, type RawObservation } from '../../geodata/indicators.ts';
import { CATALOGUE_CSV } from './fixtures/world.ts';
import { pipelineError } from './fixtures/pipelineError.ts';

const HEADER = 'id,name_lv,name_en,dimension,level,role,kind,additive,polarity,unit_lv,unit_en,computed,decimals,source_producer,source_table,source_label,source_url,note_lv,note_en';
const ROWS = [
  'pop,Iedzīvotāji,Residents,social,municipality,indicator,count,yes,neutral,iedz.,residents,,,CSP,IRD041,CSP IRD041,https://x/,Piezīme,Note',
  'asphalt,Asfalts,Asphalt,environmental,municipality,input,count,yes,neutral,km,km,,,CSP,TRS020,CSP TRS020,https://x/,,',
  'density,Blīvums,Density,social,municipality,indicator,rate,no,neutral,iedz./km²,per km²,"ratio(pop, area_km2)",1,CSP,IRD041,CSP IRD041,https://x/,,',
  'city_pop,Pilsēta,City population,social,city,indicator,count,yes,neutral,iedz.,residents,,,Wikipedia,List,Wikipedia / CSP,https://w/,,',
  'city_change,Izmaiņas,Change,social,city,indicator,change,no,higher_better,%,%,"change_pct(city_pop, 2013, 2025)",1,Wikipedia,List,Wikipedia / CSP,https://w/,,',
];
const catalogue = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;

describe('readCatalogue', () => {
  it('reads level, role, both notes, source parts and the recipe of a computed indicator', () => {
    const entries = readCatalogue(catalogue(...ROWS), 'catalogue.csv');
    expect(entries.map((e) => [e.id, e.level, e.role, e.kind, e.line])).toEqual([
      ['pop', 'municipality', 'indicator', 'count', 2],
      ['asphalt', 'municipality', 'input', 'count', 3],
      ['density', 'municipality', 'indicator', 'rate', 4],
      ['city_pop', 'city', 'indicator', 'count', 5],
      ['city_change', 'city', 'indicator', 'change', 6],
    ]);
    expect(entries[0]).toMatchObject({ noteLv: 'Piezīme', noteEn: 'Note', sourceProducer: 'CSP', sourceTable: 'IRD041', sourceLabel: 'CSP IRD041' });
    expect(entries[0]!.computed).toBeUndefined();
    expect(entries[4]!.computed).toEqual({
      lv: 'Aprēķināts šajā kartē: (Pilsēta 2025. g. − Pilsēta 2013. g.) ÷ Pilsēta 2013. g. × 100, no vienas rindas divām vērtībām; ja trūkst kādas ievadvērtības, vērtības nav',
      en: 'Computed by this map: (City population 2025 − City population 2013) ÷ City population 2013 × 100, from two values of the same series; no value where an input is missing',
      formula: 'change_pct(city_pop, 2013, 2025)',
      inputs: ['city_pop'],
    });
    expect(entries[2]!.computed!.inputs).toEqual(['pop', 'area_km2']);
    expect(derivedSpecs(entries).map((s) => [s.id, s.decimals])).toEqual([['density', 1], ['city_change', 1]]);
  });

  it('reads a catalogue written before the new columns as municipal, published indicators', () => {
    const entries = readCatalogue(CATALOGUE_CSV, 'old.csv');
    expect(entries.map((e) => [e.id, e.level, e.role, e.noteLv, e.computed])).toEqual([
      ['population_1jan', 'municipality', 'indicator', '', undefined],
      ['median_age', 'municipality', 'indicator', '', undefined],
      ['city_population', 'municipality', 'indicator', '', undefined],
    ]);
  });

  const refusals: [string, string, string][] = [
    ['an unknown level', ROWS[0]!.replace('pop,', 'p2,').replace(',municipality,', ',region,'), 'unknown level "region" (expected municipality, city)'],
    ['an unknown role', ROWS[0]!.replace('pop,', 'p2,').replace(',indicator,', ',hidden,'), 'unknown role "hidden" (expected indicator, input)'],
    ['an id listed twice', ROWS[0]!, 'indicator "pop" listed twice'],
    ['an invalid id', ROWS[0]!.replace('pop,', 'Pop Density,'), 'invalid indicator id "Pop Density" (lower-case letters, digits and _)'],
    ['an empty name', ROWS[0]!.replace('pop,', 'p2,').replace('Iedzīvotāji,', ','), 'name_lv of "p2" is empty'],
    ['an additive rate', ROWS[2]!.replace('density,', 'rate2,').replace(',rate,no,', ',rate,yes,'), '"rate2" is a rate: only counts may be additive'],
    ['a computed value marked additive', ROWS[2]!.replace('density,', 'd2,').replace(',rate,no,', ',count,yes,'), '"d2" is computed: a ratio or change is never additive'],
    ['a formula that does not parse', ROWS[2]!.replace('density,', 'd2,').replace('ratio(pop, area_km2)', 'pop / area'), 'formula "pop / area" is not of the form name(arguments)'],
    ['a formula reading an unknown input', ROWS[2]!.replace('density,', 'd2,').replace('ratio(pop,', 'ratio(people,'), '"d2" reads "people", which is not in the catalogue'],
    ['a formula reading a computed input', ROWS[2]!.replace('density,', 'd2,').replace('ratio(pop,', 'ratio(density,'), '"d2" reads "density", which is itself computed'],
    ['a formula reading another level', ROWS[4]!.replace('city_change,', 'c2,').replace('city_pop,', 'pop,'), '"c2" (city) reads "pop" (municipality): levels differ'],
    ['a computed indicator without decimals', ROWS[2]!.replace('density,', 'd2,').replace('",1,', '",,'), '"d2" is computed: decimals must be a whole number 0–6, not ""'],
    ['decimals on a published figure', ROWS[0]!.replace('pop,', 'p2,').replace(',,,CSP', ',,2,CSP'), '"p2" is published as given: decimals apply only to computed indicators'],
    ['a change that is not of kind change', ROWS[4]!.replace('city_change,', 'c2,').replace(',change,', ',rate,'), '"c2" uses change_pct: its kind must be change'],
    ['a ratio that is a count', ROWS[2]!.replace('density,', 'd2,').replace(',rate,', ',count,'), '"d2" is a ratio: its kind must be rate or share'],
    ['a computed input', ROWS[2]!.replace('density,', 'd2,').replace(',indicator,', ',input,'), '"d2" is computed: an input must be a published figure'],
    ['a list that is not a category', ROWS[2]!.replace('density,', 'd2,').replace('"ratio(pop, area_km2)",1,', 'listed(pop),,'), '"d2": listed() makes categories, and a category is computed only by listed()'],
    ['a category computed by a change', ROWS[4]!.replace('city_change,', 'c2,').replace(',change,', ',category,'), '"c2" uses change_pct: its kind must be change'],
    ['decimals on a category', ROWS[2]!.replace('density,', 'd2,').replace(',rate,', ',category,').replace('"ratio(pop, area_km2)",1,', 'listed(pop),1,'), '"d2" is a category: decimals do not apply'],
  ];
  for (const [what, bad, reason] of refusals) {
    it(`refuses ${what}, naming the file and line`, () => {
      const e = pipelineError(() => readCatalogue(catalogue(...ROWS, bad), 'geodata/inputs/indicator_catalogue.csv'));
      expect(e.message).toBe(`geodata/inputs/indicator_catalogue.csv, line 7: ${reason}`);
      expect([e.file, e.line]).toEqual(['geodata/inputs/indicator_catalogue.csv', 7]);
    });
  }

  it('takes an area ratio at city level: every city has its own outline now, the three inside novadi included', () => {
    const cityDensity = ROWS[2]!.replace('density,', 'c2,').replace(',municipality,', ',city,').replace('ratio(pop,', 'ratio(city_pop,');
    const entries = readCatalogue(catalogue(...ROWS, cityDensity), 'c.csv');
    expect(entries.find((e) => e.id === 'c2')?.level).toBe('city');
  });

  it('reads the project catalogue, whose computed indicators all have recipes', () => {
    const file = 'geodata/inputs/indicator_catalogue.csv';
    const entries = readCatalogue(readFileSync(file, 'utf8'), file);
    for (const e of entries) {
      expect(e.noteLv, e.id).not.toBe('');
      expect(e.noteEn, e.id).not.toBe('');
      if (e.formula) expect(e.computed?.en, e.id).toMatch(/^Computed by this map: /);
    }
    expect(entries.filter((e) => e.level === 'city').map((e) => e.id)).toEqual([
      'city_population', 'city_density', 'city_population_change', 'gdp_per_capita',
      'avg_gross_monthly_wage_workplace_excl_small_private', 'avg_gross_monthly_wage_public_sector', 'avg_gross_monthly_wage_private_100plus',
    ]);
  });
});

const raw = (geo: string, indicator: string, year = '2024', value = 1): RawObservation => ({ geo, indicator, year, value, source: 's', file: 'f.csv', line: 2 });

describe('keepLevel', () => {
  it('keeps a city indicator only for the cities’ place ids and LV, counting the rest', () => {
    const entries = readCatalogue(catalogue(...ROWS), 'c.csv');
    const rows = [raw('LV0001000', 'city_pop'), raw('city:ogre', 'city_pop'), raw('LV', 'city_pop'), raw('LV0039000', 'city_pop'), raw('LV0039000', 'pop')];
    const { rows: kept, skipped } = keepLevel(rows, entries, new Set(['LV0001000', 'city:ogre']));
    expect(kept.map((r) => `${r.indicator}@${r.geo}`)).toEqual(['city_pop@LV0001000', 'city_pop@city:ogre', 'city_pop@LV', 'pop@LV0039000']);
    expect(skipped).toBe(1);
  });
});

describe('packIndicatorData', () => {
  it('leaves out input-only rows and writes every catalogue field in a fixed order', () => {
    const entries = readCatalogue(catalogue(...ROWS), 'c.csv');
    const packed = packIndicatorData(entries, [raw('A', 'pop'), raw('A', 'asphalt'), raw('A', 'density')]);
    expect(packed.indicators.map((i) => i.id)).toEqual(['pop', 'density']);
    expect(packed.observations.map((o) => o.indicator)).toEqual(['density', 'pop']);
    expect(Object.keys(packed.indicators[1]!)).toEqual([
      'id', 'nameLv', 'nameEn', 'dimension', 'level', 'unitLv', 'unitEn', 'kind', 'additive', 'polarity',
      'sourceProducer', 'sourceTable', 'sourceLabel', 'sourceUrl', 'noteLv', 'noteEn', 'computed',
    ]);
    expect(packed.indicators[1]).not.toHaveProperty('role');
    expect(packed.indicators[1]).not.toHaveProperty('line');
  });
});

describe('levelOf', () => {
  it('reads a missing level as municipality', () => {
    const meta = { id: 'x', level: undefined } as unknown as IndicatorMeta;
    expect(levelOf(meta)).toBe('municipality');
    expect(levelOf({ ...meta, level: 'city' })).toBe('city');
  });
});
