import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/domain/csv.ts';
import { CSV_FORMATS, formatCsv, restoreCsvText, type CsvCell } from '../../src/domain/csvWrite.ts';

const bytes = (text: string) => [...new TextEncoder().encode(text)];
const hex = (text: string) => bytes(text).map((b) => b.toString(16).padStart(2, '0').toUpperCase());

describe('formatCsv', () => {
  it('starts with the UTF-8 byte-order mark and ends every record with CRLF', () => {
    const out = formatCsv([['a', 'b'], ['c', 'd']]);
    expect(hex(out)).toEqual(['EF', 'BB', 'BF', '61', '2C', '62', '0D', '0A', '63', '2C', '64', '0D', '0A']);
  });

  it('writes Latvian letters as UTF-8 bytes', () => {
    const out = formatCsv([['āčēģīķļņšūž']]);
    expect(bytes(out).slice(0, 5)).toEqual([0xef, 0xbb, 0xbf, 0xc4, 0x81]);
    expect(new TextDecoder('utf-8', { ignoreBOM: false }).decode(new TextEncoder().encode(out))).toBe('āčēģīķļņšūž\r\n');
  });

  it('quotes a cell holding the delimiter, a quote, CR or LF, doubling inner quotes', () => {
    expect(formatCsv([['a,b', 'say "hi"', 'x\ny', 'x\ry', 'plain', 'a;b']])).toBe('\uFEFF"a,b","say ""hi""","x\ny","x\ry",plain,a;b\r\n');
    expect(formatCsv([['a,b', 'a;b', '"']], CSV_FORMATS.semicolon)).toBe('\uFEFFa,b;"a;b";""""\r\n');
  });

  it('writes numbers with a dot and no grouping by default', () => {
    expect(formatCsv([[1234.5, 1234567, -14.1, 0, 1e21, 5e-324, null, '']])).toBe('\uFEFF1234.5,1234567,-14.1,0,1e+21,5e-324,,\r\n');
  });

  it('keeps -0 apart from 0 so that it reads back exactly', () => {
    expect(formatCsv([[-0, 0]])).toBe('\uFEFF-0,0\r\n');
  });

  it('writes no number for NaN or an infinity: a spreadsheet has none', () => {
    expect(formatCsv([[Number.NaN, Number.POSITIVE_INFINITY, 1]])).toBe('\uFEFF,,1\r\n');
  });

  it('with ";" and decimal comma writes number cells with a comma and leaves text alone', () => {
    const out = formatCsv([['nosaukums', 'vērtība'], ['Ādaži 1.5', 1234.5], ['1.5', -14.1], ['x', 1234567]], CSV_FORMATS.semicolon);
    expect(out).toBe('\uFEFFnosaukums;vērtība\r\nĀdaži 1.5;1234,5\r\n1.5;-14,1\r\nx;1234567\r\n');
    expect(hex(out).slice(0, 3)).toEqual(['EF', 'BB', 'BF']);
  });

  it('quotes a decimal-comma number when the delimiter is a comma', () => {
    expect(formatCsv([[1.5, 2]], { delimiter: ',', decimalComma: true })).toBe('\uFEFF"1,5",2\r\n');
  });

  it.each([
    ['=', '=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+', '+1+1', `'+1+1`],
    ['-', '-1+1', `'-1+1`],
    ['@', '@SUM(A1)', `'@SUM(A1)`],
  ])('neutralises a text cell starting with %s by a leading apostrophe', (_, text, written) => {
    const quoted = /[",]/.test(written) ? `"${written.replace(/"/g, '""')}"` : written;
    expect(formatCsv([[text, 'x']])).toBe(`\uFEFF${quoted},x\r\n`);
  });

  it('neutralises a text cell starting with a tab or CR, quoting the CR', () => {
    expect(formatCsv([['\tcmd', '\rcmd']])).toBe(`\uFEFF'\tcmd,"'\rcmd"\r\n`);
    expect(bytes(formatCsv([['\tx']])).slice(3)).toEqual([0x27, 0x09, 0x78, 0x0d, 0x0a]);
  });

  it('neutralises the same way with ";" and decimal comma', () => {
    expect(formatCsv([['=1;2', '-3,5', '@x']], CSV_FORMATS.semicolon)).toBe(`\uFEFF"'=1;2";'-3,5;'@x\r\n`);
  });

  it('leaves numbers, negative ones too, and text with a trigger inside alone', () => {
    expect(formatCsv([[-14.1, -0.5, 'a=b', 'x-1', ' =1']])).toBe('\uFEFF-14.1,-0.5,a=b,x-1, =1\r\n');
    expect(formatCsv([[-14.1]], CSV_FORMATS.semicolon)).toBe('\uFEFF-14,1\r\n');
  });

  it('writes one more apostrophe before apostrophes that lead to a trigger, so that reading is lossless', () => {
    expect(formatCsv([[`'=x`, `'plain`, `''-1`]])).toBe(`\uFEFF''=x,'plain,'''-1\r\n`);
  });
});

describe('restoreCsvText', () => {
  it('takes off exactly one apostrophe that formatCsv put before a trigger', () => {
    expect(restoreCsvText(`'=HYPERLINK("x")`)).toBe('=HYPERLINK("x")');
    expect(['+', '-', '@', '\t', '\r'].map((c) => restoreCsvText(`'${c}1`))).toEqual(['+1', '-1', '@1', '\t1', '\r1']);
    expect(restoreCsvText(`''=x`)).toBe(`'=x`);
  });

  it('leaves every other text alone', () => {
    expect([`'plain`, `'`, `''`, 'it\'s', '=x', '-14.1', ''].map(restoreCsvText)).toEqual([`'plain`, `'`, `''`, 'it\'s', '=x', '-14.1', '']);
  });
});

// Text with all that the writer treats specially: delimiters, quotes, line breaks, apostrophes,
// the formula triggers and Latvian letters.
const text = fc.string({ unit: fc.constantFrom(',', ';', '"', "'", '\n', '\r', '\t', '=', '+', '-', '@', ' ', 'a', 'ā', 'Ž', '1', '.') });
const cell: fc.Arbitrary<CsvCell> = fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }));

describe('papaparse reads back what formatCsv writes', () => {
  for (const [name, format] of Object.entries(CSV_FORMATS)) {
    it(`with the ${name} format: text exactly (after restoreCsvText), numbers in that format`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 5 })), (rows) => {
          const out = formatCsv(rows, format);
          const back = Papa.parse<string[]>(out.slice(1), { delimiter: format.delimiter, newline: '\r\n' }).data;
          // A trailing CRLF leaves one empty record after the last.
          expect(back.slice(0, -1).map((r) => r.map(restoreCsvText))).toEqual(
            rows.map((r) => r.map((c) => (typeof c === 'number' ? (Object.is(c, -0) ? '-0' : String(c)).replace('.', format.decimalComma ? ',' : '.') : c))),
          );
        }),
        { numRuns: 300 },
      );
    });
  }

  it('through parseCsvRecords, which takes the BOM off the first column name', () => {
    const { header, records } = parseCsvRecords(formatCsv([['code', 'name'], ['LV1', 'Ādaži']], CSV_FORMATS.semicolon));
    expect(header).toEqual(['code', 'name']);
    expect(records).toEqual([{ line: 2, values: { code: 'LV1', name: 'Ādaži' } }]);
  });
});
