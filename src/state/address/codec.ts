import { Amended, no, Reason, type AddressGroup, type AddressParam } from './param.ts';
import { CAMERA } from './params/camera.ts';
import { CHOROPLETH } from './params/choropleth.ts';
import { HINTERLAND } from './params/hinterland.ts';
import { LANGUAGE } from './params/language.ts';
import { LINKS } from './params/links.ts';
import { PLACE } from './params/place.ts';
import { SCENE } from './params/scene.ts';
import type { DroppedParam, ViewContext, ViewDefaults, ViewState } from './view.ts';

/** The groups of parameters, in the order the address writes them (and the store applies them). */
export const ADDRESS_GROUPS: readonly AddressGroup[] = [LANGUAGE, CHOROPLETH, PLACE, HINTERLAND, LINKS, SCENE, CAMERA];
const PARAMS = ADDRESS_GROUPS.flatMap((g) => g.params);
/** The keys of the address, in the order they are written. */
export const ADDRESS_KEYS: readonly string[] = PARAMS.map((p) => p.key);
const BY_KEY = new Map(PARAMS.flatMap((p) => [p.key, ...(p.aliases ?? [])].map((key) => [key, p] as const)));

/** Each parameter the view sets to something other than its default, with that value in the address's form. */
function valuesOf(state: ViewState, defaults: ViewDefaults): [AddressParam<unknown>, unknown][] {
  return PARAMS.flatMap((p) => {
    const value = p.get(state, defaults);
    return value === undefined || value === p.default?.(defaults) ? [] : [[p, value] as [AddressParam<unknown>, unknown]];
  });
}

/**
 * The state without what equals a default or cannot apply (breaks without the manual method),
 * with the camera rounded: the canonical form that `encodeViewState` writes and
 * `decodeViewState` returns.
 */
export function withoutDefaults(state: ViewState, defaults: ViewDefaults = {}): ViewState {
  const out: ViewState = {};
  for (const [p, value] of valuesOf(state, defaults)) p.put(out, value, defaults);
  return out;
}

/**
 * The query string of a view (without the leading '?'), with short keys in a fixed order and
 * only the values that differ from the defaults: `i=median_age&y=2026&k=4&s=riga&v=24.1052,56.9496,8.5`.
 */
export function encodeViewState(state: ViewState, defaults: ViewDefaults = {}): string {
  return valuesOf(state, defaults)
    .map(([p, value]) => [p.key, p.write(value)] as const)
    .filter(([, text]) => text !== '')
    .map(([key, text]) => `${key}=${encodeURIComponent(text).replace(/%2C/g, ',')}`)
    .join('&');
}

/**
 * Reads a query string (with or without '?') back into a view. A value that is unknown, out of
 * range, repeated or does not apply is dropped, and one that is changed (rounded, a list's
 * unknown items left out) is kept changed, each with a notice naming it as the link wrote it:
 * never thrown. Values equal to the defaults are left out, so the state is in the same
 * canonical form `encodeViewState` writes.
 */
export function decodeViewState(search: string, context: ViewContext): { state: ViewState; dropped: DroppedParam[] } {
  const defaults = context.defaults ?? {};
  const dropped: DroppedParam[] = [];
  const drop = (key: string, value: string, { en, lv }: Reason) => dropped.push({ key, value, reason: { lv, en } });
  /** Each parameter's first occurrence: the key as written, and the value. */
  const found = new Map<AddressParam<unknown>, [string, string]>();
  for (const [key, value] of new URLSearchParams(search.replace(/^[?#]/, ''))) {
    const p = BY_KEY.get(key);
    if (!p) drop(key, value, no('unknown parameter', 'nezināms parametrs'));
    else if (found.has(p)) drop(key, value, no('repeated parameter; the first one is used', 'atkārtots parametrs; izmantots pirmais'));
    else found.set(p, [key, value]);
  }
  const state: ViewState = {};
  for (const p of PARAMS) {
    const at = found.get(p);
    if (!at) continue;
    const [key, raw] = at;
    if (raw === '') {
      drop(key, raw, no('empty value', 'tukša vērtība'));
      continue;
    }
    const read = p.read(raw, context, state);
    if (read instanceof Reason) {
      drop(key, raw, read);
      continue;
    }
    if (read instanceof Amended) for (const note of read.notes) drop(key, note.value, note.reason);
    p.put(state, read instanceof Amended ? read.value : read, defaults);
  }
  return { state: withoutDefaults(state, defaults), dropped };
}
