import { parseDeck, type Checked } from '../domain/scenes.ts';
import type { SceneDeck } from './presentationSlice.ts';
import { readSceneView } from './sceneView.ts';

/** Where the user's deck is kept (see `persistedDeck`): the deck file's own text, which carries its format version. */
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
