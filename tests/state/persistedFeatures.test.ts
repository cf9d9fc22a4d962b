import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assignmentToCsv } from '../../src/domain/hinterland/assignmentCsv.ts';
import { linksToCsv } from '../../src/domain/links/csv.ts';
import type { Link } from '../../src/domain/links/model.ts';
import { deckToJson } from '../../src/domain/scenes.ts';
import type { UserIndicator } from '../../src/domain/userIndicators.ts';
import { hinterlandContext } from '../../src/state/hinterlandDerived.ts';
import { persistAll } from '../../src/state/persisted.ts';
import { persistedFeatures } from '../../src/state/persistedFeatures.ts';
import type { SceneDeck } from '../../src/state/presentationSlice.ts';
import type { KeyValueStorage } from '../../src/state/storageWrites.ts';
import { createAppStore } from '../../src/state/store.ts';
import { committedDataset } from './hinterlandDataset.ts';

const dataset = committedDataset();
const shippedLinks = (JSON.parse(readFileSync(new URL('../../public/data/links.json', import.meta.url), 'utf8')) as Link[]).slice(0, 3);
const shippedAssignment = (() => {
  const shipped = hinterlandContext(dataset).shipped;
  if (!shipped.ok) throw new Error('the shipped assignment does not parse');
  return shipped.assignment;
})();
const text = (s: string) => ({ lv: s, en: s });
const myDeck: SceneDeck = { title: text('mine'), scenes: [{ id: 'a', title: text('A'), caption: text(''), notes: text(''), view: {} }] };
const imported: UserIndicator = {
  meta: {
    id: 'user:bibliotekas',
    nameLv: 'Bibliotēkas',
    nameEn: 'Libraries',
    dimension: 'social',
    unitLv: 'skaits',
    unitEn: 'number',
    kind: 'count',
    additive: true,
    polarity: 'neutral',
    sourceLabel: 'bibliotekas.csv',
    sourceUrl: '',
    noteEn: '',
  },
  observations: [{ geo: 'LV0001000', indicator: 'user:bibliotekas', year: '2024', value: 12, source: 0 }],
  source: 'bibliotekas.csv',
  importedAt: '2025-01-01',
};

/** What each of the four kept before records were `{ version, data }`. */
const TODAY: Record<string, unknown> = {
  'state-cities/user-indicators': { version: 1, items: [imported] },
  'state-cities/hinterland-assignment': { version: 1, csv: assignmentToCsv(shippedAssignment), savedAt: '2025-01-01T00:00:00.000Z' },
  'state-cities/links': { version: 1, csv: linksToCsv(shippedLinks), savedAt: '2025-01-01T00:00:00.000Z' },
  'state-cities/deck': deckToJson(myDeck),
};

function memoryStorage(initial: Record<string, unknown>): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(structuredClone(initial)));
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, structuredClone(v)), del: async (k) => void data.delete(k) };
}

/** A page with the data in, the links wanted and the first view drawn: every persisted thing is read. */
async function page(storage: KeyValueStorage) {
  const store = createAppStore('en');
  store.getState().setDataset(dataset);
  store.getState().wantLinks();
  store.getState().setFirstViewDrawn();
  const saved = persistAll(store, persistedFeatures(async () => ({ ok: true, value: { title: text('shipped'), scenes: [] } })), storage);
  await Promise.all(Object.values(saved).map((s) => s.restored));
  return store;
}

describe('the records kept before they had { version, data }', () => {
  it('are all read, without a notice, and left as they are until the user changes something', async () => {
    const storage = memoryStorage(TODAY);
    const store = await page(storage);
    const s = store.getState();
    expect(s.notices).toEqual([]);
    expect(s.userIndicators).toEqual([imported]);
    expect(s.userAssignment).toEqual(shippedAssignment);
    expect(s.userLinks).toEqual(shippedLinks);
    expect(s).toMatchObject({ deck: myDeck, deckOrigin: 'user' });
    expect(Object.fromEntries(storage.data)).toEqual(TODAY);
  });

  it('are written as { version, data } at the next change, and read back so', async () => {
    const storage = memoryStorage(TODAY);
    const store = await page(storage);
    store.getState().removeUserIndicator('user:bibliotekas');
    await store.getState().setUnitCity('LV0052000', 'jurmala');
    store.getState().setDeck({ ...myDeck, title: text('mine, edited') }, 'user');
    store.setState({ userLinks: shippedLinks.slice(0, 2) });
    await new Promise((r) => setTimeout(r, 20));
    for (const [key, version] of [['state-cities/user-indicators', 2], ['state-cities/hinterland-assignment', 2], ['state-cities/links', 2], ['state-cities/deck', 1]] as const) {
      expect(storage.data.get(key)).toEqual({ version, data: expect.anything(), savedAt: expect.any(String) });
    }
    const again = (await page(storage)).getState();
    expect(again.notices).toEqual([]);
    expect(again.userIndicators).toEqual([]);
    expect(again.userAssignment).toEqual(store.getState().userAssignment);
    expect(again.userLinks).toEqual(shippedLinks.slice(0, 2));
    expect(again.deck?.title).toEqual(text('mine, edited'));
  });

  it('imports of which some are damaged: the good ones are shown, the record kept aside and offered', async () => {
    const record = { version: 1, items: [imported, { meta: { id: 'user:broken' }, observations: 'no' }] };
    const storage = memoryStorage({ 'state-cities/user-indicators': record });
    const store = await page(storage);
    expect(store.getState().userIndicators).toEqual([imported]);
    expect(storage.data.get('state-cities/user-indicators/damaged')).toMatchObject({ record });
    const [notice, ...more] = store.getState().notices;
    expect(more).toEqual([]);
    expect(notice?.en).toBe('The saved imports could only partly be read: 1 of 2 were damaged and were not loaded. The saved record is not deleted; it can be downloaded.');
    expect(notice?.lv).toBe('Saglabātos importus izdevās nolasīt tikai daļēji: 1 no 2 bija bojāti un netika ielādēti. Saglabātais ieraksts netiek dzēsts; to var lejupielādēt.');
    expect(JSON.parse(notice!.download!.text)).toEqual(record);
  });
});
