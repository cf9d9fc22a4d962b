import type { Bilingual } from '../../domain/bilingual.ts';
import type { Dataset } from '../../domain/dataset.ts';
import type * as SchemaKit from '../../domain/schema.ts';
import type { AppState, AppStore } from '../store.ts';
import type { ViewContext, ViewDefaults, ViewState } from './view.ts';

/** Why a link's value is not taken as written, in both languages (a `Bilingual`, told apart from a value by its class). */
export class Reason implements Bilingual {
  constructor(
    readonly lv: string,
    readonly en: string,
  ) {}
}
/** A reason, English first as the codec's definitions read best (the key's meaning, then its translation). */
export const no = (en: string, lv: string) => new Reason(lv, en);

/** A value taken with part of what the link wrote left out or changed, each part named with its reason. */
export class Amended<T> {
  constructor(
    readonly value: T,
    readonly notes: readonly { value: string; reason: Reason }[],
  ) {}
}

/** What a link's text means: the value, a reason to refuse it, or the value with parts changed. */
export type Read<T> = T | Reason | Amended<T>;
/** Reads a link's text; `view` holds the parameters read before. */
export type Parse<T> = (raw: string, context: ViewContext, view: ViewState) => Read<T>;

/**
 * One parameter of the address: its key, where its value sits in a view, how a link's text is
 * read (against the data, the defaults and the parameters read before it) and how it is written.
 * The codec loops over these for encoding, decoding, defaults and the keys it knows; a value
 * that `read` refuses or amends is reported, so that a link never shows something other than
 * what it says without a notice.
 */
export interface AddressParam<T> {
  readonly key: string;
  /** Older spellings of the key, still read. */
  readonly aliases?: readonly string[];
  /** The value a view holds, in the form the address keeps (rounded, deduplicated); undefined when absent or when it cannot apply. */
  get(view: ViewState, defaults: ViewDefaults): T | undefined;
  /** Puts a value into a view being built. */
  put(view: ViewState, value: T, defaults: ViewDefaults): void;
  /** The value the address leaves out. */
  default?(defaults: ViewDefaults): T | undefined;
  /** What a link's text means, a Reason to refuse it, or the value with the parts changed; `view` holds the parameters read before. */
  read(raw: string, context: ViewContext, view: ViewState): Read<T>;
  write(value: T): string;
}

/**
 * The parameters one part of the store owns, with what carries them between the store and a
 * view, and the checks of a deck file's view: a new parameter is added to its group and nowhere
 * else (a new group, once, to the codec's list and to the types in view.ts).
 */
export interface AddressGroup {
  readonly params: readonly AddressParam<unknown>[];
  /** The app's values the address leaves out. */
  readonly defaults: ViewDefaults;
  /** What a link may name, from the loaded data. */
  contextOf(dataset: Dataset): Partial<ViewContext>;
  /** The group's part of the shareable view of the store. */
  viewOf(state: AppState): ViewState;
  /** Puts the group's part of a view into the store; what the view leaves out returns to its default. */
  apply(store: AppStore, view: ViewState): void;
  /**
   * The declared shape of each of the group's view fields in a deck file, made with the schema
   * layer it is given: the layer is loaded with the deck reader, not with the first view.
   */
  shapes(s: typeof SchemaKit): Readonly<Record<string, SchemaKit.Schema<unknown>>>;
}

export const round = (x: number, digits: number) => {
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return r === 0 ? 0 : r;
};
/** A number as the shortest text that reads back to it. */
export const num = (n: number) => String(n);

/** A value from a list, or the reason given. */
export const oneOf =
  <T extends string>(list: readonly T[] | undefined, why: Reason) =>
  (v: string): T | Reason =>
    list?.includes(v as T) ? (v as T) : why;

const DECIMAL = /^-?\d+(?:\.\d+)?$/;
/** A plain decimal, or NaN. */
export const decimalOf = (v: string) => (DECIMAL.test(v) ? Number(v) : NaN);
/** Said of a value kept at the precision the address holds. */
export const rounded = (to: string) => no(`rounded to ${to}`, `noapaļots līdz ${to}`);

/** A number in a range, kept at the range's precision: a finer one is rounded, and said so. */
export const decimal =
  (range: { min: number; max: number; digits: number }, what: string, ce: string) =>
  (v: string): Read<number> => {
    const n = round(decimalOf(v), range.digits);
    if (!(n >= range.min && n <= range.max)) return no(`${what} must be a number from ${range.min} to ${range.max}`, `${ce} jābūt skaitlim no ${range.min} līdz ${range.max}`);
    return n === Number(v) ? n : new Amended(n, [{ value: v, reason: rounded(num(n)) }]);
  };
