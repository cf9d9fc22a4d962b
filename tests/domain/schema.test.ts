import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { array, boolean, isUnknownField, literal, number, object, oneOf, optional, own, pathText, refine, string, union, withReason } from '../../src/domain/schema.ts';
import { bilingual, deepFreeze, hostileJson, HOSTILE, mutated, put, SEED } from '../hostile.ts';

const point = object({ lon: number(), lat: number(), name: optional(string({ max: 5 })) }, { strict: true });
const shape = object({ kind: oneOf(['a', 'b']), points: array(point), shown: optional(boolean()) }, { strict: true });

describe('a schema', () => {
  it('returns a fresh value of the declared fields, and leaves optional ones out when absent', () => {
    const raw = { kind: 'a', points: [{ lon: 1, lat: 2 }, { lon: 3, lat: 4, name: 'x' }] };
    const read = shape(raw);
    expect(read).toEqual({ ok: true, value: raw });
    expect(read.ok && read.value.points[0]).not.toBe(raw.points[0]);
    expect(read.ok && Object.keys(read.value.points[0]!)).toEqual(['lon', 'lat']);
  });

  it('names the first problem: where (keys and 0-based indices) and why, in both languages', () => {
    const read = shape({ kind: 'a', points: [{ lon: 1, lat: 2 }, { lon: 3, lat: Infinity }] });
    expect(read).toEqual({ ok: false, path: ['points', 1, 'lat'], reason: { lv: 'jābūt skaitlim', en: 'must be a number' } });
    expect(pathText(['points', 1, 'lat'])).toBe('points[1].lat');
    expect(shape({ kind: 'c', points: [] })).toMatchObject({ path: ['kind'], reason: { en: 'must be one of: a, b' } });
    expect(point({ lon: 1, lat: 2, name: 'too long' })).toMatchObject({ path: ['name'], reason: { en: 'must be a text of up to 5 characters' } });
  });

  it('reads own properties only: an inherited field is absent', () => {
    const heir = Object.create({ lon: 1, lat: 2 }) as object;
    expect(point(heir)).toMatchObject({ ok: false, path: ['lon'] });
    expect(own(heir, 'lon')).toBeUndefined();
    expect(own({}, 'constructor')).toBeUndefined();
    expect(own({}, 'toString')).toBeUndefined();
  });

  it('treats __proto__, constructor, toString and prototype as data: unknown fields in a strict object', () => {
    for (const key of HOSTILE) {
      const raw = JSON.parse(`{"lon":1,"lat":2,"${key}":{"polluted":true}}`) as object;
      const read = point(raw);
      expect(read, key).toMatchObject({ ok: false, path: [key], reason: { en: `unknown field “${key}”` } });
      expect(!read.ok && isUnknownField(read)).toBe(true);
      // Not strict: ignored, and not copied.
      const loose = object({ lon: number() })(raw);
      expect(loose).toEqual({ ok: true, value: { lon: 1 } });
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('declares a key even if it is "__proto__", as an own field of the value', () => {
    const odd = object({ ['__proto__']: string() } as Record<string, ReturnType<typeof string>>);
    const raw = {};
    put(raw, '__proto__', 'x');
    const read = odd(raw);
    expect(read.ok && Object.hasOwn(read.value, '__proto__')).toBe(true);
    expect(read.ok && Object.getPrototypeOf(read.value)).toBe(Object.prototype);
  });

  it('has literals, unions, refinements and reasons of its own', () => {
    const place = union([object({ kind: literal('city'), id: string() }), object({ kind: literal('unit'), code: string() })], { lv: 'nav vieta', en: 'not a place' });
    expect(place({ kind: 'unit', code: 'LV1' })).toEqual({ ok: true, value: { kind: 'unit', code: 'LV1' } });
    expect(place({ kind: 'unit', id: 'x' })).toEqual({ ok: false, path: [], reason: { lv: 'nav vieta', en: 'not a place' } });
    const even = refine(number({ integer: true, min: 0, max: 10 }), (n) => (n % 2 ? { lv: 'nepāra', en: 'odd' } : null));
    expect([even(4).ok, even(3).ok, even(12).ok, even(2.5).ok, even('4').ok]).toEqual([true, false, false, false, false]);
    const worded = withReason(point, { lv: 'slikts punkts', en: 'bad point' });
    expect(worded({ lon: 'x', lat: 1 })).toEqual({ ok: false, path: ['lon'], reason: { lv: 'slikts punkts', en: 'bad point' } });
    expect(optional(worded).optional).toBe(true);
    expect(array(number(), { size: (n) => (n > 2 ? { lv: 'par daudz', en: 'too many' } : null) })([1, 'x', 3])).toMatchObject({ reason: { en: 'too many' } });
  });

  it('never throws, never writes to its input, and refuses in both languages (fuzzed, seeded)', () => {
    const FIELDS = ['kind', 'points', 'lon', 'lat', 'name', 'shown'];
    const valid = fc.record({ kind: fc.constantFrom('a', 'b'), points: fc.array(fc.record({ lon: fc.integer(), lat: fc.integer() }), { minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.oneof(hostileJson(FIELDS, ['a', 'b']), mutated(valid, FIELDS, ['a', 'b'], ['set', 'delete', 'replace', 'inherit'])), (raw) => {
        const read = shape(deepFreeze(raw));
        if (!read.ok) expect(bilingual(read.reason)).toBe(true);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });
});
