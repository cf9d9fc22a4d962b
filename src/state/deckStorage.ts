import { get, set, del } from 'idb-keyval';
import { deckToJson, parseDeck, type Bilingual, type Checked } from '../domain/scenes.ts';
import type { SceneDeck } from './presentationSlice.ts';
import { readSceneView } from './sceneView.ts';
import { orderedWrites, type KeyValueStorage } from './storageWrites.ts';
import type { AppStore } from './store.ts';

export type { KeyValueStorage };

export const browserStorage: KeyValueStorage = { get, set, del };
/** The stored value is the deck file's own text, which carries its format version. */
export const DECK_KEY = 'state-cities/deck';

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

/**
 * Puts the deck into the store: the user's own deck from the browser if there is a readable one,
 * otherwise the shipped deck. A stored deck that cannot be read (a newer version, damage) is kept
 * in storage untouched and reported, so nothing the user made is overwritten silently.
 */
export async function loadDeck(store: AppStore, storage: KeyValueStorage, loadDefault: () => Promise<Checked<SceneDeck>>): Promise<void> {
  let stored: unknown;
  try {
    stored = await storage.get(DECK_KEY);
  } catch {
    stored = undefined;
  }
  if (typeof stored === 'string') {
    const deck = readDeck(stored);
    if (deck.ok) return store.getState().setDeck(deck.value, 'user');
    notice(store, { lv: `Saglabāto ainu komplektu neizdevās nolasīt: ${deck.reason.lv}`, en: `The saved scene deck could not be read: ${deck.reason.en}` });
  }
  const deck = await loadDefault();
  if (deck.ok) store.getState().setDeck(deck.value, 'default');
  else notice(store, { lv: `Noklusējuma ainas nav ielādētas: ${deck.reason.lv}`, en: `The default scenes did not load: ${deck.reason.en}` });
}

function notice(store: AppStore, text: Bilingual) {
  store.getState().addNotice(text);
}

/** Keeps the user's deck in storage after every change; returns the unsubscribe function. */
export function persistDeck(store: AppStore, storage: KeyValueStorage): () => void {
  const write = orderedWrites(() => notice(store, { lv: 'Ainu komplektu neizdevās saglabāt pārlūkā; izmaiņas ir redzamas, bet pēc pārlādes zudīs — eksportējiet komplektu.', en: 'The deck could not be saved in the browser; the changes are on screen but will be lost on reload — export the deck.' }));
  return store.subscribe((next, prev) => {
    if (next.deck === prev.deck && next.deckOrigin === prev.deckOrigin) return;
    const deck = next.deck;
    if (next.deckOrigin === 'user' && deck) void write(() => storage.set(DECK_KEY, deckToJson(deck)));
    else if (next.deckOrigin === 'default' && prev.deckOrigin === 'user') void write(() => storage.del(DECK_KEY));
  });
}
