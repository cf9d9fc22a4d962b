import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../src/domain/palette.ts';
import { deckToJson, DECK_FORMAT, DECK_VERSION } from '../../src/domain/scenes.ts';
import { DECK_KEY, readDeck, readSceneView } from '../../src/state/deckStorage.ts';
import { persisted } from '../../src/state/persisted.ts';
import { persistedDeck } from '../../src/state/persistedDeck.ts';
import type { SceneDeck } from '../../src/state/presentationSlice.ts';
import type { KeyValueStorage } from '../../src/state/storageWrites.ts';
import { createAppStore } from '../../src/state/store.ts';
import { bilingual, copy, deepFreeze, hostileKeys, mutated, SEED } from '../hostile.ts';

// The deck reader fuzzed (issue 20, "Schemas, not trust"): decks and views with hostile keys
// (__proto__, constructor, toString, prototype…) and foreign values at every level, from mutations
// of valid decks. Nothing throws, a refusal names its first problem in both languages, a key that is
// not in the format refuses the file, and a refused file changes nothing.

const FIELDS = [
  ...['format', 'version', 'title', 'scenes', 'id', 'caption', 'notes', 'keyFacts', 'viewport', 'view', 'lv', 'en', 'width', 'height'],
  ...['indicator', 'year', 'method', 'classes', 'breaks', 'palette', 'place', 'compare', 'hinterland', 'links', 'camera', 'lang', 'scene'],
  ...['kind', 'code', 'lon', 'lat', 'zoom', 'shown', 'types', 'fields', 'dimensions', 'from', 'to', 'alpha', 'beta', 'km', 'threshold', 'level', 'shareCity'],
];
const WORDS = [DECK_FORMAT, 'city', 'unit', 'admin', 'gravity', 'bands', 'riga', 'municipality', 'lv', 'en'];

const bilingualText = fc.record({ lv: fc.string({ maxLength: 20 }), en: fc.string({ maxLength: 20 }) });
const view = fc.record(
  {
    indicator: fc.string({ maxLength: 10 }),
    year: fc.string({ maxLength: 9 }),
    classes: fc.integer({ min: 2, max: 9 }),
    breaks: fc.array(fc.integer(), { maxLength: 4 }),
    palette: fc.constantFrom(...PALETTES),
    place: fc.oneof(fc.record({ kind: fc.constant('city'), id: fc.string({ maxLength: 8 }) }), fc.record({ kind: fc.constant('unit'), code: fc.string({ maxLength: 9 }) })),
    hinterland: fc.record({ kind: fc.constantFrom('admin', 'gravity', 'bands'), shown: fc.boolean(), level: fc.constantFrom('territorial', 'municipality') }, { requiredKeys: ['kind'] }),
    links: fc.record({ types: fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }), from: fc.string({ maxLength: 4 }), shown: fc.boolean() }, { requiredKeys: [] }),
    camera: fc.record({ lon: fc.integer({ min: -180, max: 180 }), lat: fc.integer({ min: -85, max: 85 }), zoom: fc.integer({ min: 4, max: 12 }) }),
  },
  { requiredKeys: [] },
);
const scene = fc.record(
  {
    id: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,8}$/),
    title: bilingualText.filter((t) => !!(t.lv.trim() || t.en.trim())),
    caption: bilingualText,
    notes: bilingualText,
    keyFacts: fc.constant(true),
    viewport: fc.record({ width: fc.integer({ min: 100, max: 4000 }), height: fc.integer({ min: 100, max: 4000 }) }),
    view,
  },
  { requiredKeys: ['id', 'title', 'view'] },
);
const deck = fc.record({
  format: fc.constant(DECK_FORMAT),
  version: fc.constant(DECK_VERSION),
  title: bilingualText,
  scenes: fc.uniqueArray(scene, { minLength: 1, maxLength: 4, selector: (s) => s.id }),
});
/** Mostly broken decks, and some whole ones. */
const deckFile = fc.oneof({ weight: 4, arbitrary: mutated(deck, FIELDS, WORDS) }, { weight: 1, arbitrary: deck });

describe('the deck reader, fuzzed (seeded)', () => {
  it('never throws, refuses with a reason in both languages, and refuses every key outside the format', () => {
    fc.assert(
      fc.property(deckFile, (raw) => {
        const text = JSON.stringify(raw) ?? 'undefined';
        const result = readDeck(text);
        if (!result.ok) {
          expect(bilingual(result.reason)).toBe(true);
          return;
        }
        expect(hostileKeys(raw)).toEqual([]);
        expect(hostileKeys(result.value)).toEqual([]);
        // What was read is a deck in the format: written out, it reads back the same.
        expect(readDeck(deckToJson(result.value))).toEqual(result);
      }),
      { numRuns: 4000, seed: SEED },
    );
  });

  it('reads a view from its own properties only and never writes to it', () => {
    const views = mutated(view, FIELDS, WORDS, ['set', 'delete', 'replace', 'inherit']);
    fc.assert(
      fc.property(views, (raw) => {
        const asJson = JSON.parse(JSON.stringify(raw) ?? 'null') as unknown;
        const result = readSceneView(deepFreeze(raw));
        // JSON keeps own properties only: what a reader sees must be the same without inherited ones.
        expect(result.ok).toBe(readSceneView(asJson).ok);
        if (!result.ok) expect(bilingual(result.reason)).toBe(true);
        else expect(hostileKeys(result.value)).toEqual([]);
        if (hostileKeys(raw).length > 0) expect(result.ok).toBe(false);
      }),
      { numRuns: 3000, seed: SEED },
    );
  });

  it('leaves the store and the stored deck as they were when the stored deck is refused', async () => {
    const shipped: SceneDeck = { title: { lv: 'piegādāts', en: 'shipped' }, scenes: [] };
    await fc.assert(
      fc.asyncProperty(deckFile, async (raw) => {
        const record = { version: 1, data: JSON.stringify(raw) ?? '', savedAt: '2026-01-01T00:00:00.000Z' };
        const data = new Map<string, unknown>([[DECK_KEY, copy(record)]]);
        const storage: KeyValueStorage = { get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v), del: async (k) => void data.delete(k) };
        const store = createAppStore('en');
        store.getState().setFirstViewDrawn();
        await persisted(store, persistedDeck(async () => ({ ok: true, value: shipped })), storage).restored;
        const read = readDeck(record.data);
        expect(data.get(DECK_KEY)).toEqual(record);
        if (read.ok) expect(store.getState()).toMatchObject({ deck: read.value, deckOrigin: 'user' });
        else {
          expect(store.getState()).toMatchObject({ deck: shipped, deckOrigin: 'default' });
          expect(store.getState().notices.map(bilingual)).toEqual([true]);
        }
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
