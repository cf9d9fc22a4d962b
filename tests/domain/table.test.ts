import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildChoropleth } from '../../src/domain/choropleth.ts';
import type { IndicatorData, IndicatorMeta } from '../../src/domain/indicators.ts';
import { choroplethRows, rowsToCsv, sortRows } from '../../src/domain/table.ts';

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
    const back = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(back.map((r) => [r.code, r.year, r.value, r.source])).toEqual([
      ['A', '2026', '1200.5', 'CSP IRD041'],
      ['B', '2026', '300', 'CSP IRD041'],
      ['C', '', '', ''],
    ]);
    expect(back[0]!.name_lv).toBe('Ādažu novads');
  });
});
