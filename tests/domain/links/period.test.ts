import { describe, expect, it } from 'vitest';
import { earliestDay, endsBeforeStart, isIsoDate, latestDay, linkStatus, parseSourceDate, periodFromSource, periodOverlaps } from '../../../src/domain/links/period.ts';

describe('parseSourceDate reads the source tables’ wording', () => {
  it.each([
    ['2021-02-01', { date: '2021-02-01' }],
    ['2021-01', { date: '2021-01' }],
    ['2030', { date: '2030' }],
    ['c. 2018', { date: '2018', qualifier: 'circa' }],
    ['≤2014', { date: '2014', qualifier: 'by' }],
    ['reported 2026-02-24', { date: '2026-02-24', qualifier: 'by' }],
    ['2022 (apturēts)', { date: '2022', text: '2022 (apturēts)' }],
    ['2024-10-11 (nodošana valstij lemta)', { date: '2024-10-11', text: '2024-10-11 (nodošana valstij lemta)' }],
    ['current (page undated)', { text: 'current (page undated)' }],
    ['nav zināms (saraksts c. 2019–2020)', { text: 'nav zināms (saraksts c. 2019–2020)' }],
    ['26. okt. (gads nav norādīts)', { text: '26. okt. (gads nav norādīts)' }],
    ['7.–9. nov. (c. 2023)', { text: '7.–9. nov. (c. 2023)' }],
    ['1960. gadi', { text: '1960. gadi' }],
    ['1994–1995 (UNCERTAIN)', { text: '1994–1995 (UNCERTAIN)' }],
    ['?', { text: '?' }],
    ['2021-02-30', { text: '2021-02-30' }],
    ['', {}],
  ])('%s', (raw, expected) => {
    expect(parseSourceDate(raw)).toStrictEqual(expected);
  });

  it('builds a period from a start and an end cell, open where a cell has no date', () => {
    expect(periodFromSource('c. 2018', 'c. 2020')).toStrictEqual({ from: '2018', fromQualifier: 'circa', to: '2020', toQualifier: 'circa' });
    expect(periodFromSource('nav zināms', '')).toStrictEqual({ fromText: 'nav zināms' });
  });
});

describe('dates of any precision', () => {
  it('accepts only real calendar dates', () => {
    expect(['2024', '2024-02', '2024-02-29', '1999-12-31'].every(isIsoDate)).toBe(true);
    expect(['2023-02-29', '2024-13', '2024-00', '24', '2024-1-1', '2024-01-32'].some(isIsoDate)).toBe(false);
  });

  it('reads a date as its earliest and latest day', () => {
    expect([earliestDay('2021'), latestDay('2021')]).toEqual(['2021-01-01', '2021-12-31']);
    expect([earliestDay('2024-02'), latestDay('2024-02'), latestDay('2023-02')]).toEqual(['2024-02-01', '2024-02-29', '2023-02-28']);
  });

  it('finds an end before the start only when no reading of the two dates overlaps', () => {
    expect(endsBeforeStart({ from: '2021-06-01', to: '2021-05-31' })).toBe(true);
    expect(endsBeforeStart({ from: '2021-06-01', to: '2021' })).toBe(false);
    expect(endsBeforeStart({ from: '2014', to: '2014' })).toBe(false);
    expect(endsBeforeStart({ from: '2021-06-01', to: '2021-06-01' })).toBe(false);
    expect(endsBeforeStart({ to: '1990' })).toBe(false);
  });
});

describe('periodOverlaps and linkStatus', () => {
  it('keeps open-ended links in every window', () => {
    expect(periodOverlaps({}, { from: '1990', to: '1991' })).toBe(true);
    expect(periodOverlaps({ from: '2023-06-01', to: '2025-12-31' }, { from: '2026' })).toBe(false);
    expect(periodOverlaps({ from: '2023-06-01', to: '2025-12-31' }, { to: '2023-05' })).toBe(false);
    expect(periodOverlaps({ from: '2023-06-01', to: '2025-12-31' }, { from: '2025-12', to: '2030' })).toBe(true);
  });

  it('never presents an uncertain link as current, but an ended one as ended', () => {
    const asOf = '2026-01-15';
    expect(linkStatus({ period: { from: '2006-08-18', to: '2022' }, uncertain: false }, asOf)).toBe('ended');
    expect(linkStatus({ period: { from: '1997-10-04' }, uncertain: true }, asOf)).toBe('uncertain');
    expect(linkStatus({ period: { from: '2014', to: '2014' }, uncertain: true }, asOf)).toBe('ended');
    expect(linkStatus({ period: { from: '2027' }, uncertain: false }, asOf)).toBe('planned');
    expect(linkStatus({ period: { from: '2021-02-01', to: '2030' }, uncertain: false }, asOf)).toBe('current');
  });
});
