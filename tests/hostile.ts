import fc from 'fast-check';

/**
 * Inputs for the readers' property tests: keys that are behaviour in JavaScript if a reader treats
 * them as anything but data, JSON values made of them at every level, mutations of a valid input,
 * and checks that a reader neither changed its input nor let such a key into what it returns.
 */
export const HOSTILE = ['__proto__', 'constructor', 'toString', 'prototype', 'valueOf', 'hasOwnProperty'] as const;

/** An own, enumerable property, even "__proto__" (an assignment would set the prototype instead). */
export function put(o: object, key: string | number, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy that keeps own "__proto__" keys as keys (the prototype of each object is kept too). */
export function copy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  // An array keeps its length, holes included.
  const out: object = Array.isArray(value) ? new Array(value.length) : Object.create(Object.getPrototypeOf(value) as object | null);
  for (const key of Object.keys(value)) put(out, key, copy((value as Record<string, unknown>)[key]));
  return out as T;
}

/** Freezes a value and everything in it, so that a reader writing to its input throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/** Every hostile key anywhere in a value (own keys only). */
export function hostileKeys(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).flatMap((k) => [...((HOSTILE as readonly string[]).includes(k) ? [k] : []), ...hostileKeys((value as Record<string, unknown>)[k])]);
}

/** A key: a hostile one, one of the reader's own `fields`, or any string. */
export const keyOf = (fields: readonly string[]) => fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...fields), fc.string({ maxLength: 6 }));

/** JSON values (no undefined, no NaN) whose objects have hostile keys, the reader's field names, or any. */
export function hostileJson(fields: readonly string[], words: readonly string[] = []): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -5, max: 30_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 8 }),
    fc.constantFrom(...HOSTILE, ...fields, ...words, ''),
  );
  const { tree } = fc.letrec<{ tree: unknown; node: unknown }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('node')),
    node: fc.oneof(
      fc.array(tie('tree'), { maxLength: 3 }),
      fc.array(fc.tuple(keyOf(fields), tie('tree')), { maxLength: 4 }).map((entries) => {
        const o = {};
        for (const [k, v] of entries) put(o, k, v);
        return o;
      }),
    ),
  }));
  return tree;
}

interface Mutation {
  at: number;
  op: 'set' | 'delete' | 'replace' | 'inherit';
  key: string;
  value: unknown;
}

/** Every object and array in a value, the value first. */
function nodesOf(value: unknown, out: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(value);
  for (const key of Object.keys(value)) nodesOf((value as Record<string, unknown>)[key], out);
  return out;
}

function mutate(root: unknown, { at, op, key, value: generated }: Mutation): unknown {
  // A copy: fast-check keeps its values to shrink them, so they are never written to.
  const value = copy(generated);
  const nodes = nodesOf(root);
  if (nodes.length === 0) return value;
  const node = nodes[at % nodes.length]! as Record<string, unknown>;
  const keys = Object.keys(node);
  const existing = keys[at % Math.max(1, keys.length)];
  if (op === 'set') put(node, Array.isArray(node) ? Math.min(at % 4, node.length) : key, value);
  else if (op === 'delete' && existing !== undefined) delete node[existing];
  else if (op === 'replace' && existing !== undefined) put(node, existing, value);
  else if (op === 'inherit' && node !== root) {
    // The node's fields moved to its prototype: a reader must see an empty object.
    const heir = Object.create(copy(node) as object) as object;
    const parent = nodes.find((p) => Object.values(p).includes(node))!;
    for (const k of Object.keys(parent)) if ((parent as Record<string, unknown>)[k] === node) put(parent, k, heir);
  }
  return root;
}

/** A valid input with one to three mutations: hostile or declared keys set anywhere, keys removed, values replaced. */
export function mutated<T>(valid: fc.Arbitrary<T>, fields: readonly string[], words: readonly string[] = [], ops: Mutation['op'][] = ['set', 'delete', 'replace']): fc.Arbitrary<unknown> {
  const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom(...ops), key: keyOf(fields), value: hostileJson(fields, words) });
  return fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([v, ms]) => ms.reduce<unknown>(mutate, copy(v)));
}

/** A refusal's reason is there in both languages. */
export const bilingual = (reason: { lv: string; en: string }): boolean => typeof reason.lv === 'string' && typeof reason.en === 'string' && reason.lv.trim() !== '' && reason.en.trim() !== '';

/** The seed of every reader's property test, so that a failure is found again by the same run. */
export const SEED = 20_261_220;
