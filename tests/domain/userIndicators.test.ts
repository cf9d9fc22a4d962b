import { describe, expect, it } from 'vitest';
import type { IndicatorData } from '../../src/domain/indicators.ts';
import type { ImportResult } from '../../src/domain/importCsv.ts';
import { userIndicatorFrom, userIndicatorId, withUserIndicators } from '../../src/domain/userIndicators.ts';
import { validUserIndicators } from '../../src/domain/storedUserIndicators.ts';

const result = (over: Partial<ImportResult> = {}): ImportResult => ({
  rows: [
    { code: 'LV0001000', year: '2024', value: 5, line: 3 },
    { code: 'LV0002000', year: '2024', value: 7.5, line: 4 },
  ],
  national: [{ year: '2024', value: 6, line: 2 }],
  unmatched: [],
  warnings: [],
  errors: [],
  series: [],
  ...over,
});
const input = { name: 'Bērnudārzu rindas', unit: 'bērni', dimension: 'social' as const, fileName: 'rindas.csv', today: '2026-11-26' };
const shipped: IndicatorData = { indicators: [], sources: ['CSP'], observations: [{ geo: 'LV0001000', indicator: 'x', year: '2024', value: 1, source: 0 }] };

describe('user indicators', () => {
  it('get a readable, unique id', () => {
    expect(userIndicatorId('Bērnudārzu rindas', [])).toBe('user:bernudarzu-rindas');
    expect(userIndicatorId('Bērnudārzu rindas', ['user:bernudarzu-rindas'])).toBe('user:bernudarzu-rindas-2');
  });

  it('carry the matched rows and the national value, with the import as their source', () => {
    const u = userIndicatorFrom(result(), input, [])!;
    expect(u.observations.map((o) => [o.geo, o.value])).toEqual([['LV0001000', 5], ['LV0002000', 7.5], ['LV', 6]]);
    expect(u.source).toContain('rindas.csv');
  });

  it('are not made from an import with a fatal error', () => {
    expect(userIndicatorFrom(result({ errors: [{ kind: 'empty', message: { lv: '', en: '' } }] }), input, [])).toBeNull();
    expect(userIndicatorFrom(result({ rows: [] }), input, [])).toBeNull();
  });

  it('join the shipped data without changing it', () => {
    const u = userIndicatorFrom(result(), input, [])!;
    const before = JSON.stringify(shipped);
    const merged = withUserIndicators(shipped, [u]);
    expect(JSON.stringify(shipped)).toBe(before);
    expect(merged.indicators.map((i) => i.id)).toEqual([u.meta.id]);
    expect(merged.sources).toEqual(['CSP', u.source]);
    expect(merged.observations.filter((o) => o.indicator === u.meta.id).every((o) => o.source === 1)).toBe(true);
  });

  it('keep only well-formed entries from storage', () => {
    const u = userIndicatorFrom(result(), input, [])!;
    expect(validUserIndicators([u, { meta: { id: 'population_1jan' } }, null, 'x'])).toEqual([u]);
    expect(validUserIndicators({})).toEqual([]);
  });
});
