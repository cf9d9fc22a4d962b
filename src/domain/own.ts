/**
 * Reading data as data: an object's own properties only, never one it inherits, so that a key
 * such as `constructor`, `toString` or `__proto__` in a file or a stored record is never read from
 * a prototype. Apart from the schema layer (schema.ts, loaded with the readers) because the first
 * view reads stored records with it.
 */

/** An object that is not an array (nor null). */
export const isRecord = (x: unknown): x is object => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The input's own property `key`, never one it inherits; undefined when it has none. */
export function own(raw: object, key: string | number): unknown {
  return Object.hasOwn(raw, key) ? (raw as Record<string | number, unknown>)[key] : undefined;
}
