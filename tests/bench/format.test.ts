import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, formatRatio, formatSpread } from './format.ts';

describe('report formatting', () => {
  it('writes ratios with two decimals, one above 10, and a dash when unknown', () => {
    expect(formatRatio(1.234)).toBe('1.23×');
    expect(formatRatio(0.5)).toBe('0.50×');
    expect(formatRatio(117.64)).toBe('117.6×');
    expect(formatRatio(Number.NaN)).toBe('—');
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe('—');
  });
  it('writes milliseconds whole above 10 ms and with a decimal below', () => {
    expect(formatMs(1234.4)).toBe('1234 ms');
    expect(formatMs(0.64)).toBe('0.6 ms');
    expect(formatMs(Number.NaN)).toBe('—');
  });
  it('writes bytes in kB of 1000', () => {
    expect(formatBytes(929_400)).toBe('929 kB');
    expect(formatBytes(78_900)).toBe('78.9 kB');
  });
  it('writes the median with its interquartile range, once when there is no spread', () => {
    expect(formatSpread({ n: 5, median: 1500, p25: 1400, p75: 1620 }, formatMs)).toBe('1500 ms [1400–1620 ms]');
    expect(formatSpread({ n: 1, median: 1500, p25: 1500, p75: 1500 }, formatMs)).toBe('1500 ms');
    expect(formatSpread({ n: 0, median: Number.NaN, p25: Number.NaN, p75: Number.NaN }, formatMs)).toBe('—');
  });
});
