import { deckToJson, type Checked } from '../domain/scenes.ts';
import type { PersistedConfig } from './persisted.ts';
import type { SceneDeck } from './presentationSlice.ts';
import type { AppState } from './store.ts';

/** Where the user's deck is kept: the deck file's own text, which carries its format version. */
export const DECK_KEY = 'state-cities/deck';

// The deck file's reader, in its own chunk: fetched when there is a stored deck to read.
const deckFile = () => import('./deckStorage.ts');

/**
 * Whether the deck is wanted: it is not in the first view, so it is read once the map has drawn
 * that, or at once when the page starts in a scene, presenting, or with the editor open.
 */
export const deckWanted = (s: AppState): boolean => s.firstViewDrawn || s.sceneIndex !== null || s.mode !== 'explore' || s.editorOpen;

/**
 * The scene deck: the user's own deck from the browser if there is a readable one, otherwise the
 * shipped deck from `loadDefault`. Only a deck the user changed is kept; going back to the shipped
 * one forgets it. The data are the deck file's text, which carries its own format version.
 */
export function persistedDeck(loadDefault: () => Promise<Checked<SceneDeck>>): PersistedConfig<SceneDeck> {
  return {
    key: DECK_KEY,
    version: 1,
    label: { lv: 'Saglabāto ainu komplektu', en: 'The saved scene deck' },
    instead: { lv: 'Rādīts piegādātais komplekts.', en: 'The shipped deck is shown.' },
    writeFailed: {
      lv: 'Ainu komplektu neizdevās saglabāt pārlūkā; izmaiņas ir redzamas, bet pēc pārlādes zudīs — eksportējiet komplektu.',
      en: 'The deck could not be saved in the browser; the changes are on screen but will be lost on reload — export the deck.',
    },
    ready: deckWanted,
    pick: (s) => (s.deckOrigin === 'user' ? s.deck : null),
    encode: (deck) => deckToJson(deck),
    // Before records had versions (version 0) the deck file's text was stored bare.
    migrate: (version, record) => (version === 0 && typeof record === 'string' ? record : undefined),
    decode: async (data) => (typeof data === 'string' ? (await deckFile()).readDeck(data) : { ok: false, reason: { lv: 'Tas nav ainu komplekta teksts.', en: 'It is not the text of a deck.' } }),
    apply: (store, deck) => store.getState().setDeck(deck, 'user'),
    async fallback(store) {
      const deck = await loadDefault();
      // A deck the user imported meanwhile stays.
      if (store.getState().deck) return;
      if (deck.ok) store.getState().setDeck(deck.value, 'default');
      else store.getState().addNotice({ lv: `Noklusējuma ainas nav ielādētas: ${deck.reason.lv}`, en: `The default scenes did not load: ${deck.reason.en}` });
    },
  };
}
