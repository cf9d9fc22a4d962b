import type { Bilingual } from './bilingual.ts';
import { isRecord, own } from './own.ts';

/**
 * The declared shapes of what the app reads from outside — deck files, link files, stored
 * records. A schema is a function from anything to the value it describes, built afresh from the
 * input's own properties, or to a refusal naming the first problem: where (`path`, keys and 0-based
 * indices) and why, in Latvian and English. Keys are data: `__proto__`, `constructor` or
 * `toString` in the input is an unknown field (or ignored), never read from a prototype and never
 * behaviour; a schema never writes to its input and never throws.
 */

export type Path = readonly (string | number)[];
export interface Refusal {
  readonly ok: false;
  readonly path: Path;
  readonly reason: Bilingual;
}
export type Parsed<T> = { readonly ok: true; readonly value: T } | Refusal;

export interface Schema<T> {
  (raw: unknown): Parsed<T>;
  /** Set by `optional`: the field may be absent from its object. */
  readonly optional?: boolean;
}
export type Infer<S> = S extends Schema<infer T> ? T : never;
type Shape = Readonly<Record<string, Schema<unknown>>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly optional: true } ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Flat<{ [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }>;

export const refuse = (reason: Bilingual, path: Path = []): Refusal => ({ ok: false, path, reason });
const accept = <T>(value: T): Parsed<T> => ({ ok: true, value });
const words = (lv: string, en: string): Bilingual => ({ lv, en });

export { isRecord, own };

/** The reason of a field not in the declared shape; the one wording of every reader. */
export const unknownField = (key: string): Bilingual => words(`nezināms lauks “${key}”`, `unknown field “${key}”`);

/** Whether a refusal is of a field not in the declared shape (the last key of its path). */
export function isUnknownField(r: Refusal): boolean {
  const key = r.path[r.path.length - 1];
  return typeof key === 'string' && r.reason.en === unknownField(key).en;
}

/** A path as people read it: `scenes[2].view.camera`. */
export const pathText = (path: Path): string => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');

/** Any value, as it is (for a part that another reader checks). */
export const anything: Schema<unknown> = accept;

/** A string; `max` characters at most; matching `pattern` (no /g flag). */
export function string(o: { max?: number; pattern?: RegExp; reason?: Bilingual } = {}): Schema<string> {
  const reason = o.reason ?? (o.max === undefined ? words('jābūt tekstam', 'must be a text') : words(`jābūt tekstam līdz ${o.max} zīmēm`, `must be a text of up to ${o.max} characters`));
  return (raw) => (typeof raw === 'string' && (o.max === undefined || raw.length <= o.max) && (!o.pattern || o.pattern.test(raw)) ? accept(raw) : refuse(reason));
}

/** A finite number; an integer when asked; within `min` and `max`. */
export function number(o: { integer?: boolean; min?: number; max?: number; reason?: Bilingual } = {}): Schema<number> {
  const reason = o.reason ?? (o.integer ? words('jābūt veselam skaitlim', 'must be a whole number') : words('jābūt skaitlim', 'must be a number'));
  const fits = (n: number) => Number.isFinite(n) && (!o.integer || Number.isInteger(n)) && !(n < (o.min ?? -Infinity)) && !(n > (o.max ?? Infinity));
  return (raw) => (typeof raw === 'number' && fits(raw) ? accept(raw) : refuse(reason));
}

export function boolean(reason = words('jābūt true vai false', 'must be true or false')): Schema<boolean> {
  return (raw) => (typeof raw === 'boolean' ? accept(raw) : refuse(reason));
}

/** Exactly `value`. */
export function literal<const T extends string | number | boolean | null>(value: T, reason = words(`jābūt ${JSON.stringify(value)}`, `must be ${JSON.stringify(value)}`)): Schema<T> {
  return (raw) => (raw === value ? accept(value) : refuse(reason));
}

/** One of the strings of a list. */
export function oneOf<const T extends string>(values: readonly T[], reason?: Bilingual): Schema<T> {
  const list = values.join(', ');
  const why = reason ?? words(`jābūt vienam no: ${list}`, `must be one of: ${list}`);
  return (raw) => (typeof raw === 'string' && (values as readonly string[]).includes(raw) ? accept(raw as T) : refuse(why));
}

/**
 * An array of `item`s; `size` may refuse its length before any item is read (so a huge list is
 * refused at once). An item's refusal carries its index in the path.
 */
export function array<T>(item: Schema<T>, o: { reason?: Bilingual; size?: (length: number) => Bilingual | null } = {}): Schema<T[]> {
  return (raw) => {
    if (!Array.isArray(raw)) return refuse(o.reason ?? words('jābūt sarakstam', 'must be a list'));
    const tooMany = o.size?.(raw.length);
    if (tooMany) return refuse(tooMany);
    const out: T[] = [];
    for (let i = 0; i < raw.length; i++) {
      const r = item(own(raw, i));
      if (!r.ok) return refuse(r.reason, [i, ...r.path]);
      out.push(r.value);
    }
    return accept(out);
  };
}

/**
 * An object with the fields of `shape`, read as own properties, in the shape's order; the value
 * has those fields only. `strict` refuses any other own key (first, in the input's order), so a
 * misspelt or foreign field is named instead of silently dropped.
 */
export function object<S extends Shape>(shape: S, o: { strict?: boolean; reason?: Bilingual; unknown?: (key: string) => Bilingual } = {}): Schema<ObjectOf<S>> {
  const keys = Object.keys(shape);
  return (raw) => {
    if (!isRecord(raw)) return refuse(o.reason ?? words('jābūt objektam', 'must be an object'));
    if (o.strict) for (const key of Object.keys(raw)) if (!Object.hasOwn(shape, key)) return refuse((o.unknown ?? unknownField)(key), [key]);
    const out = {};
    for (const key of keys) {
      const field = shape[key]!;
      const value = own(raw, key);
      if (value === undefined && field.optional) continue;
      const r = field(value);
      if (!r.ok) return refuse(r.reason, [key, ...r.path]);
      // Defined, not assigned: a declared key is data even if it were "__proto__".
      if (r.value !== undefined) Object.defineProperty(out, key, { value: r.value, enumerable: true, writable: true, configurable: true });
    }
    return accept(out as ObjectOf<S>);
  };
}

/** The field may be absent (or undefined); any other value must fit `schema`. */
export function optional<T>(schema: Schema<T>): Schema<T | undefined> & { readonly optional: true } {
  return Object.assign((raw: unknown) => (raw === undefined ? accept(undefined) : schema(raw)), { optional: true as const });
}

/** The first of `schemas` that reads the value, or `reason`. */
export function union<const S extends readonly Schema<unknown>[]>(schemas: S, reason: Bilingual): Schema<Infer<S[number]>> {
  return (raw) => {
    for (const schema of schemas) {
      const r = schema(raw);
      if (r.ok) return r as Parsed<Infer<S[number]>>;
    }
    return refuse(reason);
  };
}

/** `schema` with a check of the whole value after it: a reason refuses it. */
export function refine<T>(schema: Schema<T>, check: (value: T) => Bilingual | null): Schema<T> {
  return withFlag(schema, (raw) => {
    const r = schema(raw);
    if (!r.ok) return r;
    const why = check(r.value);
    return why ? refuse(why) : r;
  });
}

/** `schema` with its own reason for any refusal inside it; the path still says where. */
export function withReason<T>(schema: Schema<T>, reason: Bilingual | ((inner: Refusal) => Bilingual)): Schema<T> {
  return withFlag(schema, (raw) => {
    const r = schema(raw);
    return r.ok ? r : refuse(typeof reason === 'function' ? reason(r) : reason, r.path);
  });
}

const withFlag = <T>(from: Schema<T>, to: Schema<T>): Schema<T> => (from.optional ? Object.assign(to, { optional: true as const }) : to);
