import { describe, expect, it } from 'vitest';
import { headerDelimiter, parseCsvRecords, requireColumns } from '../../src/domain/csv.ts';

const lines = (text: string) => parseCsvRecords(text).records.map((r) => r.line);

describe('parseCsvRecords', () => {
  it('numbers records by their physical line (header is line 1)', () => {
    const { header, records } = parseCsvRecords('code,value\nA,1\nB,2\n');
    expect(header).toEqual(['code', 'value']);
    expect(records).toEqual([
      { line: 2, values: { code: 'A', value: '1' } },
      { line: 3, values: { code: 'B', value: '2' } },
    ]);
  });

  it('skips blank and whitespace-only lines but keeps counting them', () => {
    expect(lines('code,value\nA,1\n\n   \nB,2\n\n')).toEqual([2, 5]);
    expect(lines('code,value\r\nA,1\r\n\r\nB,2\r\n')).toEqual([2, 4]);
  });

  it('counts a spreadsheet’s delimiter-only rows as blank lines', () => {
    const { records } = parseCsvRecords('code,value\nA,1\n,\n"",""\nB,2\n');
    expect(records.map((r) => [r.line, r.values.code])).toEqual([
      [2, 'A'],
      [5, 'B'],
    ]);
  });

  it('strips a byte-order mark from the first column name', () => {
    const { header, records } = parseCsvRecords('\uFEFFcode,value\nA,1\n');
    expect(header).toEqual(['code', 'value']);
    expect(records[0]).toEqual({ line: 2, values: { code: 'A', value: '1' } });
  });

  it('reads semicolon-separated files with quoted fields', () => {
    const { header, records } = parseCsvRecords('code;name;value\n\nA;"Rīga; galvaspilsēta";"1,5"\nB;"say ""hi""";2\n');
    expect(header).toEqual(['code', 'name', 'value']);
    expect(records).toEqual([
      { line: 3, values: { code: 'A', name: 'Rīga; galvaspilsēta', value: '1,5' } },
      { line: 4, values: { code: 'B', name: 'say "hi"', value: '2' } },
    ]);
  });

  it('keeps commas inside quoted fields of comma-separated files', () => {
    const { records } = parseCsvRecords('code,unit\nA,"EUR, current prices"\n');
    expect(records[0]?.values.unit).toBe('EUR, current prices');
  });

  it('trims column names', () => {
    expect(parseCsvRecords(' code , value \nA,1\n').header).toEqual(['code', 'value']);
  });

  it('names the physical line of a row with too many fields', () => {
    expect(() => parseCsvRecords('code,value\nA,1\n\nB,2,3\n')).toThrow(/^line 4: Too many fields/);
  });
});

describe('requireColumns', () => {
  it('accepts a header with every column, in any order and with extras', () => {
    expect(() => requireColumns(['b', 'extra', 'a'], ['a', 'b'])).not.toThrow();
  });

  it('names every missing column', () => {
    expect(() => requireColumns(['code', 'value'], ['code', 'year', 'value', 'source'])).toThrow('missing column(s): year, source');
  });
});

describe('headerDelimiter', () => {
  it('takes the delimiter from the header line alone', () => {
    expect(headerDelimiter('\uFEFFcode;name\r\nLV1;a, b, c\r\n')).toBe(';');
    expect(headerDelimiter('code,name\nLV1,a;b;c\n')).toBe(',');
    expect(headerDelimiter('code\tname\n')).toBe('\t');
    expect(headerDelimiter('code\nLV1;x\n')).toBe(',');
  });

  it('lets parseCsvRecords read a ";" file whose cells hold commas', () => {
    const text = 'code;reason\r\nA;a, b, c\r\nB;d, e, f\r\n';
    expect(parseCsvRecords(text, headerDelimiter(text)).records.map((r) => r.values.reason)).toEqual(['a, b, c', 'd, e, f']);
  });
});
