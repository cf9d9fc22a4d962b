import { describe, expect, it } from 'vitest';
import { decimalsOf, displayYear, formatNumber, formatValue, fractionDigitsFor, niceRound, titleWithYears, yearSpan } from '../../src/domain/format.ts';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('writes Latvian numbers with no-break-space groups and a decimal comma', () => {
    expect(formatNumber(1234.5, 'lv')).toBe(`1${NBSP}234,5`);
    expect(formatNumber(1234567.89, 'lv', 2)).toBe(`1${NBSP}234${NBSP}567,89`);
  });

  it('groups four-digit numbers in Latvian too', () => {
    expect(formatNumber(1234, 'lv')).toBe(`1${NBSP}234`);
  });

  it('uses only U+00A0 as the Latvian group separator', () => {
    const s = formatNumber(98765432.1, 'lv');
    expect(s).not.toMatch(/[ \u202f\u2009]/);
    expect(s.split(NBSP)).toHaveLength(3);
  });

  it('writes English numbers with comma groups and a decimal point', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });

  it('limits fraction digits and drops trailing zeros', () => {
    expect(formatNumber(1.23456, 'en', 2)).toBe('1.23');
    expect(formatNumber(3, 'lv')).toBe('3');
    expect(formatNumber(2.25, 'lv', 0)).toBe('2');
  });
});

describe('niceRound', () => {
  it('rounds to two significant digits', () => {
    expect(niceRound(24973.4)).toBe(25000);
    expect(niceRound(1234)).toBe(1200);
    expect(niceRound(-1234)).toBe(-1200);
    expect(niceRound(0.0703)).toBe(0.07);
  });

  it('gives exact decimals, without binary floating-point tails', () => {
    expect(niceRound(7.77)).toBe(7.8);
    expect(niceRound(0.57)).toBe(0.57);
    expect(niceRound(0.00071)).toBe(0.00071);
  });

  it('leaves zero and non-finite values alone', () => {
    expect(niceRound(0)).toBe(0);
    expect(niceRound(Number.NaN)).toBeNaN();
    expect(niceRound(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('fractionDigitsFor', () => {
  it('shows fewer digits for larger values', () => {
    expect(fractionDigitsFor(1500)).toBe(0);
    expect(fractionDigitsFor(150)).toBe(0);
    expect(fractionDigitsFor(15)).toBe(1);
    expect(fractionDigitsFor(-15)).toBe(1);
    expect(fractionDigitsFor(1.5)).toBe(2);
  });
});

describe('yearSpan', () => {
  it('names one year, or the first and last of several as a span, never a chain of dashes', () => {
    expect(yearSpan([])).toBe('');
    expect(yearSpan(['2026'])).toBe('2026');
    expect(yearSpan(['2025', '2026'])).toBe('2025–2026');
    expect(yearSpan(['2013', '2019', '2025'])).toBe('2013–2025');
  });
});

describe('typography of numbers and years', () => {
  it('writes a true minus sign, in both languages', () => {
    expect(formatNumber(-14.1, 'lv')).toBe('\u221214,1');
    expect(formatNumber(-1234.5, 'en')).toBe('\u22121,234.5');
    expect(formatNumber(14.1, 'lv')).toBe('14,1');
  });

  it('writes a span of years with an en dash, and a title never repeats the years its name says', () => {
    expect(displayYear('2012-2024')).toBe('2012–2024');
    expect(displayYear('2025')).toBe('2025');
    expect(yearSpan(['2012-2024'])).toBe('2012–2024');
    expect(titleWithYears('Iedzīvotāju skaita izmaiņas 2012–2024 (novadi)', ['2012-2024'])).toBe('Iedzīvotāju skaita izmaiņas 2012–2024 (novadi)');
    expect(titleWithYears('Change 2012-2024', ['2012-2024'])).toBe('Change 2012-2024');
    expect(titleWithYears('Iedzīvotāji', ['2025', '2026'])).toBe('Iedzīvotāji, 2025–2026');
  });
});

describe('a figure keeps the decimals it carries', () => {
  it('shows an imported 1234,5 as 1 234,5, not 1 235, and a count without decimals as before', () => {
    expect(formatValue(1234.5, 'lv')).toBe('1\u00a0234,5');
    expect(formatValue(1234.56, 'en')).toBe('1,234.56');
    expect(formatValue(1234.567, 'en')).toBe('1,234.57');
    expect(formatValue(605273, 'lv')).toBe('605\u00a0273');
    expect(formatValue(38.9, 'lv')).toBe('38,9');
    expect(formatValue(0.125, 'en')).toBe('0.13');
    expect(decimalsOf(2.5e-7)).toBe(2);
  });
});
