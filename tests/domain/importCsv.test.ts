import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/domain/csv.ts';
import { parseIndicatorImport, type ImportResult } from '../../src/domain/importCsv.ts';
import { decimalMarkOf, parseNumberCell, parseYear, yearOfHeader } from '../../src/domain/importCells.ts';
import { unitRefsFromCsv, type UnitRef } from '../../src/domain/unitMatch.ts';

const input = (p: string) => readFileSync(new URL(`../../geodata/inputs/${p}`, import.meta.url), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), 'utf8');
const cities = parseCsvRecords(input('cities.csv')).records.map(({ values: v }) => ({ id: v.id!, nameLv: v.name_lv!, nameEn: v.name_en! }));
const units = unitRefsFromCsv(input('units.csv'), cities);
const current = units.filter((u) => !u.validTo);
const parse = (text: string, options = {}) => parseIndicatorImport(text, units, options);
const kinds = (r: ImportResult) => r.unmatched.map((i) => [i.line, i.kind]);
const valueOf = (r: ImportResult, code: string, year?: string) => r.rows.find((x) => x.code === code && (!year || x.year === year))?.value;

describe('a CSV exactly as the Statistics Portal exports it', () => {
  it('reads the libraries export: title, names, the Latvija total, both Madona rows, Varakļāni', () => {
    const r = parse(fixture('csp-libraries-2024.csv'));
    expect(r.errors).toEqual([]);
    expect(r.format).toEqual({
      delimiter: ',',
      decimal: null,
      layout: 'wide',
      title: 'Publiskās bibliotēkas valstspilsētās un novados - Rādītāji, Teritoriālā vienība un Laika periods',
      placeColumn: 'Teritoriālā vienība',
      valueColumns: ['2024'],
    });
    expect(r.national).toEqual([{ year: '2024', value: 712, line: 4 }]);
    expect(r.rows.map((x) => x.code).sort()).toEqual(current.map((u) => u.code).sort());
    expect(r.rows.find((x) => x.code === 'LV0001000')).toEqual({ code: 'LV0001000', year: '2024', value: 28, line: 5 });
    // The enlarged Madonas novads (no 01.07.2025.) is the unit on the map; the plain row is the old one.
    expect(r.rows.find((x) => x.code === 'LV0038000')).toEqual({ code: 'LV0038000', year: '2024', value: 25, line: 31 });
    expect(kinds(r)).toEqual([
      [30, 'pre_merger'],
      [47, 'dissolved'],
    ]);
    expect(r.unmatched[0]!.reason.en).toBe('Madonas novads before 2025-07-01 (without Varakļānu novads); the enlarged unit is on line 31');
    expect(r.unmatched[1]!.reason.en).toContain('merged into Madona municipality on 2025-07-01');
    expect(r.warnings).toEqual([]);
  });

  it('reads an English export with several years as columns and "…" for a year not yet out', () => {
    const r = parse(fixture('csp-population-wide-en.csv'));
    expect(r.errors).toEqual([]);
    expect(r.format?.valueColumns).toEqual(['2022', '2023', '2024', '2025']);
    expect(r.rows).toHaveLength(6 * 3);
    expect(r.rows.slice(0, 3)).toEqual([
      { code: 'LV0020000', year: '2022', value: 29002, line: 4 },
      { code: 'LV0020000', year: '2023', value: 28828, line: 4 },
      { code: 'LV0020000', year: '2024', value: 28446, line: 4 },
    ]);
    const missing = r.unmatched.filter((i) => i.kind === 'missing');
    expect(missing.map((i) => [i.code, i.year])).toEqual(['LV0020000', 'LV0023000', 'LV0031000', 'LV0038000', 'LV0054000', 'LV0056000'].map((c) => [c, '2025']));
    expect(missing[0]!.reason).toEqual({ lv: 'nav vērtības “…” (2025)', en: 'no value “…” (2025)' });
    expect(r.unmatched.filter((i) => i.kind === 'dissolved').map((i) => i.line)).toEqual([9]);
    // Madona alone: kept, with a caveat for the years before it took in Varakļāni.
    expect(r.warnings.map((w) => [w.code, w.year, w.kind])).toEqual(['2022', '2023', '2024'].map((y) => ['LV0038000', y, 'pre_merger']));
  });

  it('asks which series when the export holds several, and reads the one chosen', () => {
    const text = fixture('csp-forest-2024.csv');
    const all = parse(text);
    expect(all.errors.map((e) => e.kind)).toEqual(['several_series']);
    expect(all.rows).toEqual([]);
    expect(all.series).toEqual([{ column: 'Zemes kategorija', values: ['Meža zeme', 'Mežs'] }]);
    const r = parse(text, { filter: { 'zemes kategorija': 'MEŽS' } });
    expect(r.errors).toEqual([]);
    expect(r.national).toEqual([{ year: '2024', value: 3136955, line: 17 }]);
    expect(r.rows.map((x) => [x.code, x.value])).toEqual([
      ['LV0001000', 5449],
      ['LV0005000', 1029],
      ['LV0020000', 131183],
      ['LV0031000', 143211],
      ['LV0040000', 96917],
      ['LV0054000', 148625],
    ]);
    // Cities inside novadi are not their novads; the enlarged Madona's 0 for 2024 is no data.
    expect(kinds(r)).toEqual([
      [19, 'city_in_novads'],
      [21, 'city_in_novads'],
      [22, 'city_in_novads'],
      [25, 'missing'],
      [26, 'pre_merger'],
      [29, 'dissolved'],
    ]);
    expect(r.unmatched[3]!.reason.en).toBe('0 for a unit that did not exist yet in 2024');
  });
});

describe('plain tables', () => {
  it('reads code,value,year', () => {
    const r = parse(fixture('plain-codes.csv'));
    expect(r.errors).toEqual([]);
    expect(r.unmatched).toEqual([]);
    expect(r.format).toMatchObject({ layout: 'long', placeColumn: 'code', yearColumn: 'year', valueColumns: ['value'] });
    expect(r.rows).toHaveLength(10);
    expect(r.rows[0]).toEqual({ code: 'LV0001000', year: '2026', value: 588911, line: 2 });
  });

  it('reports every bad row with its line and a reason, and keeps the good ones', () => {
    const r = parse(fixture('bad-rows.csv'));
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { code: 'LV0001000', year: '2026', value: 588911, line: 2 },
      { code: 'LV0038000', year: '2025', value: 27102, line: 12 },
    ]);
    expect(kinds(r)).toEqual([
      [3, 'dissolved'],
      [4, 'unknown_place'],
      [5, 'not_a_number'],
      [6, 'missing'],
      [7, 'duplicate'],
      [8, 'duplicate'],
      [9, 'city_in_novads'],
      [10, 'invalid_year'],
      [11, 'malformed'],
    ]);
    expect(r.unmatched[4]).toMatchObject({ lines: [7, 8], code: 'LV0004000', year: '2026', raw: '0004000,52926,2026' });
    expect(r.unmatched[4]!.reason.en).toBe('different values for one place and year (lines 7, 8); none is used');
    expect(r.unmatched[8]!.reason.en).toBe('4 fields where the header has 3');
    expect(r.warnings.map((w) => [w.line, w.kind])).toEqual([[12, 'pre_merger']]);
    expect(r.warnings[0]!.reason.en).toBe('the 2025 value may describe Madonas novads before 2025-07-01 (without Varakļānu novads)');
  });

  it('reads a semicolon file with decimal commas, a BOM, CRLF and name variants', () => {
    const r = parse(fixture('semicolon-decimal-comma.csv'));
    expect(r.errors).toEqual([]);
    expect(r.format).toMatchObject({ delimiter: ';', decimal: ',', placeColumn: 'Nosaukums', valueColumns: ['Vidējais vecums'], yearColumn: 'Gads' });
    expect(r.rows.map((x) => [x.code, x.value, x.line])).toEqual([
      ['LV0001000', 44.1, 2],
      ['LV0002000', 48.4, 3],
      ['LV0020000', 47.9, 4],
      ['LV0023000', 40.7, 5],
      ['LV0040000', 43.6, 6],
      ['LV0056000', 45.9, 7],
    ]);
    expect(r.national).toEqual([]);
    expect(r.unmatched).toMatchObject([{ line: 8, kind: 'missing', code: 'LV' }]);
  });

  it('prefers a code column to a name column, and reports a footnote line', () => {
    const r = parse('nosaukums,kods,value,year\nRīga,LV0002000,1,2024\nAvots: CSP\n');
    expect(r.format?.placeColumn).toBe('kods');
    expect(r.rows).toEqual([{ code: 'LV0002000', year: '2024', value: 1, line: 2 }]);
    expect(r.unmatched).toMatchObject([{ line: 3, kind: 'malformed', raw: 'Avots: CSP' }]);
  });

  it('reads a file of 150 000 rows without overflowing the stack, and reports a place repeated 50 000 times once, by count', () => {
    const codes = ['LV0001000', 'LV0002000', 'LV0003000', 'LV0004000', 'LV0005000'];
    const big = ['code,value,year', ...Array.from({ length: 150_000 }, (_, i) => `${codes[i % 5]},${i % 7},${2000 + Math.floor(i / 5) % 20}`)].join('\n');
    expect(() => parse(big)).not.toThrow();
    const repeated = ['code,value,year', ...Array.from({ length: 50_000 }, () => 'LV0001000,5,2024')].join('\n');
    const r = parse(repeated);
    expect(r.rows).toEqual([{ code: 'LV0001000', year: '2024', value: 5, line: 2 }]);
    expect(r.unmatched).toHaveLength(1);
    expect(r.unmatched[0]).toMatchObject({ kind: 'duplicate', line: 3, count: 49_999 });
    expect(r.unmatched[0]!.reason.en).toBe('repeated value (lines 2, 3, 4, 5, 6 … (50000 in all)); the first is used');
  }, 60_000); // a big input on a shared CI machine: the test is about the stack and the count, not the time

  it('keeps one of two identical values and reports the repeat', () => {
    const r = parse('code,value,year\nLV0001000,5,2024\nRīga,5,2024\n');
    expect(r.rows).toEqual([{ code: 'LV0001000', year: '2024', value: 5, line: 2 }]);
    expect(r.unmatched).toMatchObject([{ line: 3, kind: 'duplicate', lines: [2, 3] }]);
  });

  it('takes the year from the options when the file has none, and tells apart value and name columns', () => {
    expect(parse('kods,nosaukums,iedzīvotāji\nLV0001000,Rīga,588911\n').errors.map((e) => e.kind)).toEqual(['no_year']);
    const r = parse('kods,nosaukums,iedzīvotāji\nLV0001000,Rīga,588911\n', { year: '2026' });
    expect(r.rows).toEqual([{ code: 'LV0001000', year: '2026', value: 588911, line: 2 }]);
    expect(r.format?.valueColumns).toEqual(['iedzīvotāji']);
  });

  it('reads tab-separated text, an Excel "sep=" line and year headers with a label', () => {
    expect(parse('code\tvalue\tyear\nLV-RIX\t1\t2024\n').rows).toEqual([{ code: 'LV0001000', year: '2024', value: 1, line: 2 }]);
    const excel = parse('sep=;\ncode;value;year\n1000;1,5;2024\n');
    expect(excel.rows).toEqual([{ code: 'LV0001000', year: '2024', value: 1.5, line: 3 }]);
    expect(excel.format?.title).toBe('');
    const r = parse('"Teritoriālā vienība";"2024 Iedzīvotāju skaits gada sākumā";"2025 Iedzīvotāju skaits gada sākumā"\n"Rīga";"591 882";"588 911"\n');
    expect(r.rows.map((x) => [x.year, x.value])).toEqual([
      ['2024', 591882],
      ['2025', 588911],
    ]);
  });

  it('reads a tidy multi-indicator file once an indicator is chosen, or a named value column', () => {
    const text = 'code_or_name,indicator,year,value,note\nLV0001000,population_1jan,2026,588911,a\nLV0001000,median_age,2026,44.1,b\n';
    expect(parse(text).series).toEqual([
      { column: 'indicator', values: ['population_1jan', 'median_age'] },
      { column: 'note', values: ['a', 'b'] },
    ]);
    expect(parse(text, { filter: { indicator: 'median_age' } }).rows).toEqual([{ code: 'LV0001000', year: '2026', value: 44.1, line: 3 }]);
    expect(parse(text, { filter: { nope: 'x' } }).errors.map((e) => e.kind)).toEqual(['no_filter_column']);
    expect(parse(text, { filter: { indicator: 'gdp' } }).errors[0]!.message.en).toBe('No row has “gdp” in “indicator”.');
    const twoColumns = '"Teritoriālā vienība","2024 Vīrieši","2024 Sievietes"\n"Rīga",1,2\n';
    expect(parse(twoColumns).errors.map((e) => e.kind)).toEqual(['several_series']);
    expect(parse(twoColumns, { valueColumn: '2024 Sievietes' }).rows).toEqual([{ code: 'LV0001000', year: '2024', value: 2, line: 2 }]);
  });

  it('keeps a Madona row qualified "until" the merger out of the map', () => {
    const r = parse('name,value,year\nMadonas novads (līdz 30.06.2025.),27102,2025\nRīga,1,2025\n');
    expect(kinds(r)).toEqual([[2, 'pre_merger']]);
    expect(valueOf(r, 'LV0038000')).toBeUndefined();
  });
});

describe('fatal errors', () => {
  const errorOf = (text: string) => {
    const r = parse(text);
    expect(r.rows).toEqual([]);
    return r.errors.map((e) => e.kind);
  };

  it('name the problem instead of returning rows', () => {
    expect(errorOf('')).toEqual(['empty']);
    expect(errorOf('\uFEFF \r\n\r\n')).toEqual(['empty']);
    expect(errorOf('{"code": "LV0001000", "value": 1}')).toEqual(['not_csv']);
    expect(errorOf('<html><body>404</body></html>')).toEqual(['not_csv']);
    expect(errorOf('PK\u0003\u0004\u0000\u0000\u0008\u0000\u0000\u0000rubbish')).toEqual(['not_csv']);
    expect(errorOf('just one line of prose\nand another\n')).toEqual(['not_csv']);
    expect(errorOf('code,value,year\n')).toEqual(['no_data_rows']);
    expect(errorOf('a,b,c\nfoo,1,2024\nbar,2,2024\n')).toEqual(['no_place_column']);
    expect(errorOf('code,x,y,year\nLV0001000,1,2,2024\n')).toEqual(['no_value_column']);
    expect(errorOf('code,value,year\nLV0099000,1,2024\nVarakļānu novads,2,2024\nLatvija,3,2024\n')).toEqual(['nothing_matched']);
  });

  it('still says why each row failed when nothing matched', () => {
    const r = parse('code,value,year\nLV0055000,1,2024\nRīga,..,2024\n');
    expect(r.errors[0]!.message.en).toBe('No row gives a value for a municipality of the map.');
    expect(kinds(r)).toEqual([
      [2, 'dissolved'],
      [3, 'missing'],
    ]);
  });
});

describe('cells', () => {
  it('read numbers with any grouping space and either decimal mark', () => {
    const n = (s: string, d: ',' | '.' | null = null) => {
      const c = parseNumberCell(s, d);
      return c.kind === 'number' ? c.value : c.kind;
    };
    expect(['1 234,5', '1\u00a0234,5', '1\u2009234,5', '1\u202f234,5', '1234,5', '1.234,5', '1,234.5', ' 1234.5 '].map((s) => n(s))).toEqual(Array(8).fill(1234.5));
    expect([n('−5'), n('-5'), n('+3'), n('1e3'), n('2,5E-3'), n('0'), n('-0')]).toEqual([-5, -5, 3, 1000, 0.0025, 0, 0]);
    expect(Object.is(n('-0'), 0)).toBe(true);
    expect(['..', '…', '-', '', ' ', 'x', ':'].map((s) => n(s))).toEqual(Array(7).fill('missing'));
    expect(['abc', '1,2,3,4', '12.34.5', '1..2', '1 234 abc', '5%', 'NaN', 'Infinity', '1e999'].map((s) => n(s))).toEqual(Array(9).fill('invalid'));
    // A lone separator before three digits groups thousands only when the file's decimal mark is the other one.
    expect([n('1.234'), n('1.234', ','), n('1,234'), n('1,234', '.'), n('1,234', ','), n('1.234.567')]).toEqual([1.234, 1234, 1.234, 1234, 1.234, 1234567]);
  });

  it('infer the decimal mark from unambiguous numbers only', () => {
    expect(decimalMarkOf(['1,5', '1.234', '7'])).toBe(',');
    expect(decimalMarkOf(['2.75', '1,234'])).toBe('.');
    expect(decimalMarkOf(['1,234', '1.234', '12'])).toBeNull();
  });

  it('read years and year headers', () => {
    expect(['2024', ' 2024 ', '2024.', '2024. gads', '2025M07', '2025-07'].map(parseYear)).toEqual(['2024', '2024', '2024', '2024', '2025-07', '2025-07']);
    expect(['24', '2024Q1', '2025M13', 'gads', ''].map(parseYear)).toEqual([null, null, null, null, null]);
    expect(['2024', '2024 Iedzīvotāju skaits…', '"2025"'.replace(/"/g, ''), 'Gads', '20245', '1000', '2024Q1'].map(yearOfHeader)).toEqual(['2024', '2024', '2025', null, null, null, null]);
  });
});

describe('properties', () => {
  const idOf = (u: UnitRef, kind: number, upper: boolean) => {
    const id = [u.code, u.atvk, u.atvk.replace(/^0+/, ''), u.iso, u.nameLv, u.nameEn][kind]!;
    return upper ? id.toUpperCase() : id;
  };
  const row = fc.record({
    unit: fc.constantFrom(...current),
    id: fc.integer({ min: 0, max: 5 }),
    upper: fc.boolean(),
    year: fc.integer({ min: 1990, max: 2035 }).map(String),
    value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)),
  });
  const table = fc.record({
    rows: fc.uniqueArray(row, { selector: (r) => `${r.unit.code}|${r.year}`, minLength: 1, maxLength: 25 }),
    order: fc.constantFrom([0, 1, 2], [0, 2, 1], [2, 0, 1], [1, 0, 2]),
    names: fc.constantFrom(['code', 'value', 'year'], ['kods', 'vērtība', 'gads'], ['Nosaukums', 'Vērtība', 'Gads'], ['ATVK', 'VALUE', 'Year']),
    style: fc.constantFrom('comma', 'semicolon'),
    eol: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
  });

  it('a plain table written from valid rows parses back to exactly those rows', () => {
    fc.assert(
      fc.property(table, ({ rows, order, names, style, eol, bom }) => {
        const d = style === 'comma' ? ',' : ';';
        const num = (v: number) => (style === 'comma' ? String(v) : String(v).replace('.', ','));
        const line = (cells: readonly string[]) => order.map((i) => cells[i]).join(d);
        const text = (bom ? '\uFEFF' : '') + [line(names), ...rows.map((r) => line([idOf(r.unit, r.id, r.upper), num(r.value), r.year]))].join(eol) + eol;
        const result = parse(text);
        expect(result.errors).toEqual([]);
        expect(result.unmatched).toEqual([]);
        expect(result.rows).toEqual(rows.map((r, i) => ({ code: r.unit.code, year: r.year, value: r.value, line: i + 2 })));
      }),
      { numRuns: 300 },
    );
  });

  const invariants = (r: ImportResult) => {
    const codes = new Set(current.map((u) => u.code));
    if (r.errors.length > 0) expect([r.rows, r.national]).toEqual([[], []]);
    else expect(r.rows.length).toBeGreaterThan(0);
    for (const x of r.rows) {
      expect(codes.has(x.code)).toBe(true);
      expect(Number.isFinite(x.value)).toBe(true);
      expect(x.line).toBeGreaterThan(0);
    }
  };

  it('arbitrary text never throws and keeps the result consistent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => invariants(parse(s))), { numRuns: 500 });
  });

  it('CSV-like noise never throws and keeps the result consistent', () => {
    const cell = fc.oneof(
      fc.constantFrom('"', '""', '', '..', '…', '-', 'Latvija', 'Rīga', 'Varakļānu novads', 'Madonas novads (no 01.07.2025.)', 'Madonas novads', 'Valmiera', '2024', '2025', 'code', 'value', 'year', 'LV0001000', '0055000', '1 234,5', '1,5', '1.234'),
      fc.string({ maxLength: 8 }),
    );
    const noise = fc.record({
      lines: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }),
      d: fc.constantFrom(',', ';', '\t'),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
    });
    fc.assert(fc.property(noise, ({ lines, d, eol }) => invariants(parse(lines.map((l) => l.join(d)).join(eol)))), { numRuns: 500 });
  });
});
