import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildChoropleth } from '../../src/domain/choropleth.ts';
import { parseCsvRecords } from '../../src/domain/csv.ts';
import { CSV_FORMATS, restoreCsvText } from '../../src/domain/csvWrite.ts';
import { parseIndicatorImport } from '../../src/domain/importCsv.ts';
import type { IndicatorData, IndicatorMeta } from '../../src/domain/indicators.ts';
import { choroplethRows, rowsToCsv, sortRows } from '../../src/domain/table.ts';
import { unitRefsFromCsv } from '../../src/domain/unitMatch.ts';

const meta: IndicatorMeta = {
  id: 'pop', nameLv: 'Iedzīvotāji', nameEn: 'Residents', dimension: 'social', unitLv: 'iedz.', unitEn: 'residents', kind: 'count', additive: true, polarity: 'neutral', sourceLabel: 'CSP', sourceUrl: '', noteEn: '',
};
const data: IndicatorData = {
  indicators: [meta],
  sources: ['CSP IRD041'],
  observations: [
    { geo: 'A', indicator: 'pop', year: '2026', value: 1200.5, source: 0 },
    { geo: 'B', indicator: 'pop', year: '2026', value: 300, source: 0, computed: { lv: 'Aprēķināts', en: 'Computed' } },
  ],
};
const unit = (geo: string, nameLv: string) => ({ geo, nameLv, nameEn: nameLv });
const units = [unit('A', 'Ādažu novads'), unit('B', 'Bauskas novads'), unit('C', 'Cēsu novads')];
const choropleth = buildChoropleth(data, ['A', 'B', 'C'], { indicator: 'pop', year: '2026', method: 'quantile', classes: 3, palette: 'blues' })!;

describe('the table view', () => {
  const rows = choroplethRows(choropleth, units, data, 'lv');

  it('has a row per unit with exactly the value and colour the map shows', () => {
    expect(rows.map((r) => [r.code, r.value, r.colour])).toEqual([
      ['A', 1200.5, choropleth.colourByGeo.get('A')],
      ['B', 300, choropleth.colourByGeo.get('B')],
      ['C', null, null],
    ]);
    expect(rows[1]!.computed).toBe('Aprēķināts');
  });

  it('sorts by value with no data last, either way', () => {
    expect(sortRows(rows, 'value', false, 'lv').map((r) => r.code)).toEqual(['B', 'A', 'C']);
    expect(sortRows(rows, 'value', true, 'lv').map((r) => r.code)).toEqual(['A', 'B', 'C']);
    expect(sortRows(rows, 'name', true, 'lv').map((r) => r.code)).toEqual(['C', 'B', 'A']);
  });

  it('downloads as CSV that reads back to the same values, with source and year columns', () => {
    const csv = rowsToCsv(rows, choropleth, 'lv');
    expect(csv.startsWith('\uFEFFcode,name_lv,name_en,indicator,indicator_name,year,value,unit,class,source,source_url,provenance,computed\r\n')).toBe(true);
    const back = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
    // The source is the indicator's producer and table, as the legend names it; the provenance line apart.
    expect(back.map((r) => [r.code, r.year, r.value, r.source, r.provenance])).toEqual([
      ['A', '2026', '1200.5', 'CSP', 'CSP IRD041'],
      ['B', '2026', '300', 'CSP', 'CSP IRD041'],
      ['C', '', '', '', ''],
    ]);
    expect(back[0]!.name_lv).toBe('Ādažu novads');
  });

  it('downloads for a Latvian spreadsheet with ";" and a decimal comma in values only', () => {
    const csv = rowsToCsv(rows, choropleth, 'lv', CSV_FORMATS.semicolon);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFcode;name_lv;name_en;indicator;indicator_name;year;value;unit;class;source;source_url;provenance;computed',
      'A;Ādažu novads;Ādažu novads;pop;Iedzīvotāji;2026;1200,5;iedz.;2;CSP;;CSP IRD041;',
      'B;Bauskas novads;Bauskas novads;pop;Iedzīvotāji;2026;300;iedz.;1;CSP;;CSP IRD041;Aprēķināts',
      'C;Cēsu novads;Cēsu novads;pop;Iedzīvotāji;;;iedz.;;;;;',
      '',
    ]);
  });

  it('neutralises a name a spreadsheet would run as a formula', () => {
    const evil = choroplethRows(choropleth, [unit('A', '=HYPERLINK("http://x")')], data, 'lv');
    const csv = rowsToCsv(evil, choropleth, 'lv');
    expect(csv.split('\r\n')[1]).toBe(`A,"'=HYPERLINK(""http://x"")","'=HYPERLINK(""http://x"")",pop,Iedzīvotāji,2026,1200.5,iedz.,2,CSP,,CSP IRD041,`);
    expect(restoreCsvText(parseCsvRecords(csv).records[0]!.values.name_lv!)).toBe('=HYPERLINK("http://x")');
  });
});

describe('the table download read back by the indicator import', () => {
  const input = (p: string) => readFileSync(new URL(`../../geodata/inputs/${p}`, import.meta.url), 'utf8');
  const cities = parseCsvRecords(input('cities.csv')).records.map(({ values: v }) => ({ id: v.id!, nameLv: v.name_lv!, nameEn: v.name_en! }));
  const refs = unitRefsFromCsv(input('units.csv'), cities);
  const real = [unit('LV0001000', 'Rīga'), unit('LV0002000', 'Daugavpils'), unit('LV0003000', 'Jelgava')];
  const realData: IndicatorData = {
    ...data,
    observations: [
      { geo: 'LV0001000', indicator: 'pop', year: '2026', value: 1234.5, source: 0 },
      { geo: 'LV0002000', indicator: 'pop', year: '2026', value: -14.1, source: 0 },
      { geo: 'LV0003000', indicator: 'pop', year: '2026', value: 1234567, source: 0 },
    ],
  };
  const realChoropleth = buildChoropleth(realData, real.map((u) => u.geo), { indicator: 'pop', year: '2026', method: 'quantile', classes: 3, palette: 'blues' })!;
  const realRows = choroplethRows(realChoropleth, real, realData, 'lv');

  it.each(Object.entries(CSV_FORMATS))('gives the same values in the %s format', (_, format) => {
    const result = parseIndicatorImport(rowsToCsv(realRows, realChoropleth, 'lv', format), refs, { valueColumn: 'value' });
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.code, r.year, r.value])).toEqual([
      ['LV0001000', '2026', 1234.5],
      ['LV0002000', '2026', -14.1],
      ['LV0003000', '2026', 1234567],
    ]);
  });
});
