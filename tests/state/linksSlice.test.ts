import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Link } from '../../src/domain/links/model.ts';
import { importLinks, saveLink } from '../../src/state/linkEdits.ts';
import { selectLinks } from '../../src/state/linksSlice.ts';
import { selectFocusIds } from '../../src/state/linksDerived.ts';
import { persisted } from '../../src/state/persisted.ts';
import { LINKS_STORE_VERSION, persistedLinks } from '../../src/state/persistedLinks.ts';
import type { KeyValueStorage } from '../../src/state/storageWrites.ts';
import { createAppStore } from '../../src/state/store.ts';
import { committedDataset } from './hinterlandDataset.ts';

const shipped = JSON.parse(readFileSync(new URL('../../public/data/links.json', import.meta.url), 'utf8')) as Link[];

function storeWithData() {
  const store = createAppStore('en');
  store.getState().setDataset(committedDataset());
  store.setState({ shippedLinks: shipped });
  return store;
}

const newLink = (over: Partial<Link> = {}): Link => ({
  kind: 'documented',
  id: 'Ltest0000001',
  from: { kind: 'city', id: 'ventspils' },
  to: { kind: 'city', id: 'rezekne' },
  type: 'agreement',
  fields: ['f4'],
  dimensions: ['economic'],
  directed: false,
  period: { from: '2024' },
  description: { lv: 'Tests', en: '' },
  note: { lv: '', en: '' },
  sources: [{ url: 'https://example.org/a' }],
  uncertain: false,
  ...over,
});

function memoryStorage(): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v), del: async (k) => void data.delete(k) };
}
const flush = () => new Promise((r) => setTimeout(r, 0));
// The saved links are read when the links are first needed (here: a section that wants them).
const persistLinks = (store: ReturnType<typeof storeWithData>, storage: KeyValueStorage) => (store.getState().wantLinks(), persisted(store, persistedLinks, storage).restored);

describe('links slice', () => {
  it('adds a valid link, refuses an invalid one with LV/EN reasons, and undoes the last change', () => {
    const store = storeWithData();
    expect(saveLink(store, newLink(), true)).toEqual([]);
    expect(selectLinks(store.getState())).toHaveLength(shipped.length + 1);
    const self = saveLink(store, newLink({ id: 'Ltest0000002', to: { kind: 'city', id: 'ventspils' } }), true);
    expect(self.map((i) => i.code)).toContain('self_link');
    const late = saveLink(store, newLink({ id: 'Ltest0000003', period: { from: '2024', to: '2020' } }), true);
    expect(late.map((i) => i.code)).toEqual(['end_before_start']);
    expect(late[0]!.message.lv).toMatch(/pirms/);
    expect(saveLink(store, newLink({ id: 'Ltest0000004' }), true).map((i) => i.code)).toEqual(['duplicate']);
    expect(selectLinks(store.getState())).toHaveLength(shipped.length + 1);
    store.getState().undoLinkChange();
    expect(selectLinks(store.getState())).toBe(shipped);
  });

  it('an import with a bad row is rejected with its line and leaves the links unchanged', () => {
    const store = storeWithData();
    saveLink(store, newLink(), true);
    const before = store.getState().userLinks;
    const result = importLinks(store, 'id,type\nL1,membership\n', 'csv');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]!.line).toBe(1);
    expect(store.getState().userLinks).toBe(before);
    expect(importLinks(store, '{not json', 'geojson').ok).toBe(false);
    expect(store.getState().userLinks).toBe(before);
  });

  it('focus on a city keeps only its links strong', () => {
    const store = storeWithData();
    expect(selectFocusIds(store.getState())).toBeNull();
    store.getState().setLinkSettings({ shown: true });
    store.getState().select({ kind: 'city', id: 'daugavpils' });
    const ids = selectFocusIds(store.getState())!;
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(shipped.find((l) => l.id === id)!).toSatisfy((l: Link) => [l.from, l.to].some((e) => e.kind === 'city' && e.id === 'daugavpils'));
  });
});

describe('links persistence', () => {
  it('saves every change at once and restores it in a new session; a reset deletes it', async () => {
    const storage = memoryStorage();
    const first = storeWithData();
    await persistLinks(first, storage);
    saveLink(first, newLink(), true);
    await flush();
    expect((storage.data.get('state-cities/links') as { version: number }).version).toBe(LINKS_STORE_VERSION);
    const second = storeWithData();
    await persistLinks(second, storage);
    expect(selectLinks(second.getState())).toEqual(selectLinks(first.getState()));
    second.getState().resetLinks();
    await flush();
    expect(storage.data.has('state-cities/links')).toBe(false);
  });

  it('ignores a stored value of another version, with a notice, and keeps it', async () => {
    const storage = memoryStorage();
    storage.data.set('state-cities/links', { version: 99, csv: 'x', savedAt: '' });
    const store = storeWithData();
    await persistLinks(store, storage);
    expect(store.getState().userLinks).toBeNull();
    expect(store.getState().notices).toHaveLength(1);
    store.getState().resetLinks();
    await flush();
    expect(storage.data.has('state-cities/links')).toBe(true);
  });
});
