import { describe, expect, it } from 'vitest';
import { compareDefinitions } from '../../../src/domain/hinterland/compare.ts';

const row = (code: string, cityId: string | null) => ({ code, name: '', cityId, role: cityId ? ('hinterland' as const) : null, reason: { lv: '', en: '' }, source: '' });
const area = new Map([
  ['a', 10],
  ['b', 20],
  ['c', 70],
]);

describe('comparing hinterland definitions', () => {
  it('gives each city its units and area per definition, and each pair’s agreement by area', () => {
    const [x] = compareDefinitions({ admin: [row('a', 'x'), row('b', 'x'), row('c', null)], gravity: [row('a', 'x'), row('b', 'y'), row('c', 'x')] }, ['x'], area);
    expect(x!.byDefinition).toEqual({ admin: { units: 2, areaKm2: 30 }, gravity: { units: 2, areaKm2: 80 } });
    // Shared: a (10); union: a, b, c (100).
    expect(x!.agreement).toEqual({ 'admin|gravity': 0.1 });
  });

  it('gives no figures and no agreement for a definition that is not there yet, never zeros', () => {
    const [x] = compareDefinitions({ admin: [row('a', 'x')], fua: null }, ['x'], area);
    expect(x!.byDefinition.fua).toBeNull();
    expect(x!.agreement['admin|fua']).toBeNull();
  });
});
