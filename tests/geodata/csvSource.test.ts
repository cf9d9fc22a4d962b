import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsvSource, readCsvSources, type CsvSource } from '../../geodata/csvSource.ts';
import { PipelineError } from '../../geodata/errors.ts';
import { readUnits } from '../../geodata/units.ts';
import { pipelineError } from './fixtures/pipelineError.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const fixture = (name: string) => readFileSync(here(`../fixtures/economy/${name}`), 'utf8');
const units = readUnits(readFileSync(here('../../geodata/inputs/units.csv'), 'utf8'), 'units.csv');
const sources = readCsvSources(readFileSync(here('../../geodata/inputs/csv_sources.json'), 'utf8'), 'csv_sources.json');
const source = (id: string): CsvSource => {
  const s = sources.find((x) => x.id === id);
  if (!s) throw new Error(`no source ${id} in csv_sources.json`);
  return s;
};
const read = (id: string, text: string) => readCsvSource(text, source(id), units, 'fixture.invalid/x.csv', '2000-01-01 (test fixture)');

describe('readCsvSource: the documented layout', () => {
  it('reads NVA by Latvian name: counts with spaces, rates with a decimal comma, regions skipped and counted', () => {
    const r = read('nva_unemployment', fixture('nva_unemployment_handbuilt.csv'));
    // Latvija and the 42 units in force in January 2026 (Varakļāni is part of Madona), two indicators each.
    expect(r.rows).toHaveLength(86);
    const row = (code: string, indicator: string) => r.rows.find((x) => x.codeOrName === code && x.indicator === indicator);
    expect(row('LV0001000', 'nva_registered_unemployed')).toMatchObject({ year: '2026-01', value: '12000', unit: 'persons' });
    expect(row('LV0001000', 'nva_registered_unemployment_rate')).toMatchObject({ value: '3', unit: '% of the economically active population of working age' });
    expect(row('LV', 'nva_registered_unemployed')!.value).toBe('50000');
    expect(row('LV0001000', 'nva_registered_unemployed')!.source).toBe(`NVA ${source('nva_unemployment').title} (fixture.invalid/x.csv), retrieved 2000-01-01 (test fixture)`);
    expect(r.rows[0]!.codeOrName).toBe('LV');
    expect(r.ignoredAreas).toEqual({ 'Rīgas reģions': 2, 'Vidzemes reģions': 2, 'Kurzemes reģions': 2, 'Zemgales reģions': 2, 'Latgales reģions': 2 });
  });

  it('reads VRAA TAI: a pure index without a unit in its header, negative values kept', () => {
    const r = read('vraa_tai', fixture('vraa_tai_handbuilt.csv'));
    expect(r.rows).toHaveLength(43);
    expect(r.rows.find((x) => x.codeOrName === 'LV0001000')).toMatchObject({ indicator: 'territorial_development_index', year: '2023', value: '-1.05', unit: 'index' });
  });

  it('reads CSP wages by area code, skipping towns and parishes below a municipality', () => {
    const r = read('csp_wages_residence', fixture('csp_wages_residence_handbuilt.csv'));
    expect(r.rows).toHaveLength(2 * 44);
    expect(r.rows.filter((x) => x.year === '2023').find((x) => x.codeOrName === 'LV0056000')!.value).toBe(String(1000 + 10 * 42 + 50));
    expect(r.ignoredAreas).toEqual({ LV0054010: 2, LV0031010: 2 });
  });
});

describe('readCsvSource: what it refuses, whole, with the reason', () => {
  const nva = () => fixture('nva_unemployment_handbuilt.csv');
  const refusals: [string, () => string, RegExp][] = [
    ['a value column in another unit of measure', () => nva().replace('Reģistrētā bezdarba līmenis (%)', 'Reģistrētā bezdarba līmenis (‰)'), /unit of measure of "Reģistrētā bezdarba līmenis" is "‰", expected "%"/],
    ['a value column that states no unit', () => nva().replace('Reģistrētā bezdarba līmenis (%)', 'Reģistrētā bezdarba līmenis'), /"Reģistrētā bezdarba līmenis" states no unit of measure, expected "%"/],
    ['a missing value column', () => nva().replace('Reģistrētā bezdarba līmenis (%)', 'Bezdarba rādītājs (%)'), /no column "Reģistrētā bezdarba līmenis \(…\)"; the header has: Periods, Teritorija, Reģistrēto bezdarbnieku skaits \(personas\), Bezdarba rādītājs \(%\)$/],
    ['an unknown place', () => nva().replace('2026-01;Saldus novads;', '2026-01;Brocēnu novads;'), /line \d+: unknown place "Brocēnu novads"/],
    ['a period that is neither a year nor a month', () => nva().replace('2026-01;Rīga;', '01.2026;Rīga;'), /line 3: period "01\.2026" is neither a year \(YYYY\) nor a month \(YYYY-MM\)/],
    ['a value that is not a number', () => nva().replace('2026-01;Rīga;12 000;', '2026-01;Rīga;12k;'), /line 3: "12k" in "Reģistrēto bezdarbnieku skaits \(personas\)" is not a number/],
    ['a place listed twice for one period', () => `${nva()}2026-01;Rīga;1;1,0\n`, /Rīga .*2026-01.* listed twice/],
  ];
  for (const [what, text, message] of refusals) {
    it(`refuses ${what}`, () => {
      const e = pipelineError(() => read('nva_unemployment', text()));
      expect(e.file).toBe('nva_unemployment');
      expect(e.message).toMatch(message);
    });
  }

  it('a missing value (an empty cell, "..", "-") is skipped and counted, never read as 0', () => {
    const tai = fixture('vraa_tai_handbuilt.csv').replace('2023;Rīgas plānošanas reģions;0,100', '2023;Rīgas plānošanas reģions;..');
    const text = `${tai}2024;Rīga;..\n`;
    const r = read('vraa_tai', text);
    expect(r.rows.some((x) => x.year === '2024')).toBe(false);
    expect(r.missing).toEqual({ count: 1, symbols: { '..': 1 } });
  });
});

describe('csv_sources.json', () => {
  it('lists NVA, VRAA TAI and CSP wages, none with an address yet (each to confirm online)', () => {
    expect(sources.map((s) => [s.id, s.producer, s.url])).toEqual([
      ['nva_unemployment', 'NVA', ''],
      ['vraa_tai', 'VRAA', ''],
      ['csp_wages_residence', 'CSP', ''],
    ]);
  });

  it('refuses a source without an indicator or with an unknown way of naming places, naming the file and the entry', () => {
    const one = JSON.parse(readFileSync(here('../../geodata/inputs/csv_sources.json'), 'utf8')) as { sources: Record<string, unknown>[] };
    const bad = (change: Record<string, unknown>) => JSON.stringify({ sources: [{ ...one.sources[0], ...change }] });
    expect(() => readCsvSources(bad({ indicators: [] }), 'cfg.json')).toThrow(/^cfg\.json: sources\[0\]\.indicators/);
    expect(() => readCsvSources(bad({ area: { column: 'X', by: 'iso' } }), 'cfg.json')).toThrow(/^cfg\.json: sources\[0\]\.area/);
    expect(() => readCsvSources(bad({ expect: { areas: 'units', years: ['21'] } }), 'cfg.json')).toThrow(/^cfg\.json: sources\[0\]\.expect/);
    expect(() => readCsvSources('{"sources": []}', 'cfg.json')).toThrow(PipelineError);
  });
});
