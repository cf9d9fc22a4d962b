import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Link } from '../../src/domain/links/model.ts';
import { bindLinksLoading } from '../../src/state/linksLoad.ts';
import { persisted } from '../../src/state/persisted.ts';
import { persistedLinks } from '../../src/state/persistedLinks.ts';
import type { KeyValueStorage } from '../../src/state/storageWrites.ts';
import { saveLink } from '../../src/state/linkEdits.ts';
import { selectLinks } from '../../src/state/linksSlice.ts';
import { createAppStore } from '../../src/state/store.ts';
import { committedDataset } from './hinterlandDataset.ts';

const text = readFileSync(new URL('../../public/data/links.json', import.meta.url), 'utf8');
const settle = () => new Promise((r) => setTimeout(r, 20));
const noRestore = async () => {};

function counting(ok = () => true) {
  const asked: string[] = [];
  const fetcher = (async (url: string) => {
    asked.push(url);
    return ok() ? new Response(text, { status: 200 }) : new Response('', { status: 503 });
  }) as unknown as typeof fetch;
  return { asked, fetcher };
}

function dataStore() {
  const store = createAppStore('en');
  store.getState().setDataset(committedDataset());
  return store;
}

describe('loading the links when first needed', () => {
  it('fetches nothing until the links are shown, then links.json once', async () => {
    const store = dataStore();
    const { asked, fetcher } = counting();
    bindLinksLoading(store, 'http://x/app/', fetcher, noRestore);
    store.getState().select({ kind: 'city', id: 'riga' });
    await settle();
    expect(asked).toEqual([]);
    expect(selectLinks(store.getState())).toHaveLength(0);
    store.getState().setLinkSettings({ shown: true });
    store.getState().setLinkSettings({ colourBy: 'type' });
    await settle();
    expect(asked).toEqual(['http://x/app/data/links.json']);
    expect(selectLinks(store.getState()).length).toBeGreaterThan(10);
  });

  it('loads for the editor and for an opened section too', async () => {
    for (const want of [(s: ReturnType<typeof dataStore>) => s.getState().openLinkEditor('new'), (s: ReturnType<typeof dataStore>) => s.getState().wantLinks()]) {
      const store = dataStore();
      const { asked, fetcher } = counting();
      bindLinksLoading(store, 'http://x/', fetcher, noRestore);
      want(store);
      await settle();
      expect(asked).toHaveLength(1);
      expect(store.getState().shippedLinks).not.toBeNull();
    }
  });

  it('a failed load leaves a notice and is tried again on the next need', async () => {
    const store = dataStore();
    let up = false;
    const { asked, fetcher } = counting(() => up);
    bindLinksLoading(store, 'http://x/', fetcher, noRestore);
    store.getState().setLinkSettings({ shown: true });
    await settle();
    expect(store.getState().shippedLinks).toBeNull();
    expect(store.getState().notices).toHaveLength(1);
    store.getState().select({ kind: 'city', id: 'riga' });
    await settle();
    expect(asked).toHaveLength(1);
    up = true;
    store.getState().setLinkSettings({ shown: false });
    store.getState().setLinkSettings({ shown: true });
    await settle();
    expect(asked).toHaveLength(2);
    expect(store.getState().shippedLinks).not.toBeNull();
  });

  it('restores the saved edits before the shipped links arrive, so an added link survives a reload', async () => {
    const data = new Map<string, unknown>();
    const storage: KeyValueStorage = { get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v), del: async (k) => void data.delete(k) };
    const session = () => {
      const store = dataStore();
      bindLinksLoading(store, 'http://x/', counting().fetcher, (s) => persisted(s, persistedLinks, storage).restored);
      return store;
    };
    const first = session();
    first.getState().openLinkEditor('new');
    await settle();
    const base = first.getState().shippedLinks![0]!;
    expect(saveLink(first, { ...base, id: 'Ltest0000001', from: { kind: 'city', id: 'ventspils' }, to: { kind: 'city', id: 'rezekne' }, period: { from: '2024' } }, true)).toEqual([]);
    await settle();
    const second = session();
    const seen: number[] = [];
    second.subscribe((s, p) => s.shippedLinks !== p.shippedLinks && seen.push(selectLinks(s).length));
    second.getState().setLinkSettings({ shown: true });
    await settle();
    expect(seen).toEqual([first.getState().shippedLinks!.length + 1]);
    expect(selectLinks(second.getState()).some((l) => l.id === 'Ltest0000001')).toBe(true);
  });
});
