import { parseDeck } from '../domain/deckFile.ts';
import type { Checked } from '../domain/scenes.ts';
import * as schema from '../domain/schema.ts';
import { ADDRESS_GROUPS } from './address/codec.ts';
import type { SceneDeck } from './presentationSlice.ts';
import type { ViewState } from './urlState.ts';

// The deck file's reader (its schema, the views' shapes): loaded when a deck is first read or
// fetched, not with the first view (`persistedDeck` and main.tsx import this module lazily).

export { DECK_KEY } from './persistedDeck.ts';

/** A field's reason: a key inside it that is not declared by its path (`camera.bearing`), anything else as the wrong type. */
const reasonOf = (key: string) => (inner: schema.Refusal) =>
  schema.isUnknownField(inner) ? schema.unknownField(schema.pathText([key, ...inner.path])) : { lv: `laukam “${key}” ir nepareizs tips`, en: `the field “${key}” has the wrong type` };

/** The declared shape of a view, from the groups of address parameters; made when a deck is first read. */
let viewShape: schema.Schema<unknown> | undefined;
function viewSchema(): schema.Schema<unknown> {
  if (viewShape) return viewShape;
  const fields = ADDRESS_GROUPS.flatMap((g) => Object.entries(g.shapes(schema)));
  viewShape = schema.object(Object.fromEntries(fields.map(([key, shape]) => [key, schema.optional(schema.withReason(shape, reasonOf(key)))])), {
    strict: true,
    reason: { lv: 'skatam jābūt objektam', en: 'the view must be an object' },
  });
  return viewShape;
}

/**
 * Checks that a scene's view from a deck file has the shape of a ViewState, to the last nested
 * field: own keys only, and a key no group declares ("toString", "__proto__", a field inside the
 * camera) is named as unknown, never read from a prototype. The view returned is built from the
 * declared fields alone. Whether its indicator, year or city exist in the data is left to
 * `resolveSceneView`, so a deck made with other data still opens, with notes.
 */
export function readSceneView(raw: unknown): Checked<ViewState> {
  return viewSchema()(raw) as Checked<ViewState>;
}

/** Reads a deck file's text into a deck of views; a bad file is refused with the reason. */
export function readDeck(text: string): Checked<SceneDeck> {
  return parseDeck(text, readSceneView);
}

/** Fetches the shipped deck, `data/deck.json` next to the other data files. */
export async function fetchDefaultDeck(baseUrl: string, fetcher: typeof fetch = fetch): Promise<Checked<SceneDeck>> {
  try {
    const res = await fetcher(new URL('data/deck.json', baseUrl).href);
    if (!res.ok) return { ok: false, reason: { lv: `deck.json: HTTP ${res.status}`, en: `deck.json: HTTP ${res.status}` } };
    return readDeck(await res.text());
  } catch (e) {
    const msg = (e as Error).message || 'network error';
    return { ok: false, reason: { lv: `deck.json: ${msg}`, en: `deck.json: ${msg}` } };
  }
}
