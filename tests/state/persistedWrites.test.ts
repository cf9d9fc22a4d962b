import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { persisted } from '../../src/state/persisted.ts';
import type { DamagedRecord } from '../../src/state/persistedRecord.ts';
import type { KeyValueStorage } from '../../src/state/storageWrites.ts';
import { createAppStore } from '../../src/state/store.ts';
import { compareCity, KEY, memoryStorage, session, settle } from './persistedFixture.ts';

describe('a failed write or read', () => {
  const unhandled = vi.fn();
  beforeEach(() => void process.on('unhandledRejection', unhandled));
  afterEach(() => {
    process.off('unhandledRejection', unhandled);
    unhandled.mockClear();
  });

  const failures: [string, () => Promise<void>, string][] = [
    ['throws before a promise exists', () => { throw new DOMException('The operation is insecure.', 'SecurityError'); }, 'The compared city could not be saved.'],
    ['rejects', () => Promise.reject(new Error('IDB closed')), 'The compared city could not be saved.'],
    ['hits the quota', () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')), "The compared city could not be saved. The browser's storage is full."],
  ];
  for (const [how, fail, text] of failures) {
    it(`becomes a notice when the storage ${how}; the edit stays on screen`, async () => {
      const storage: KeyValueStorage = { get: async () => undefined, set: fail, del: fail };
      const store = await session(storage);
      store.getState().setCompareCity('riga');
      store.getState().setCompareCity(null);
      await settle();
      expect(store.getState().notices.map((n) => n.en)).toEqual([text, text]);
      expect(store.getState().notices[0]!.lv).toMatch(/^Salīdzināmo pilsētu neizdevās saglabāt\./);
      expect(unhandled).not.toHaveBeenCalled();
    });
  }

  it('is reported when the storage cannot be read at all, and the app goes on', async () => {
    const storage = memoryStorage({ [KEY]: { version: 2, data: 'riga' } });
    storage.get = () => Promise.reject(new DOMException('The operation is insecure.', 'SecurityError'));
    const store = await session(storage);
    expect(store.getState().compareCity).toBeNull();
    expect(store.getState().notices.map((n) => n.en)).toEqual(['The saved compared city could not be read: SecurityError: The operation is insecure. Nothing is compared.']);
    expect(store.getState().notices[0]!.download).toBeUndefined();
    store.getState().setCompareCity('liepaja');
    await settle();
    expect(storage.data.get(KEY)).toMatchObject({ data: 'liepaja' });
    expect(unhandled).not.toHaveBeenCalled();
  });
});

describe('the order of reads and writes', () => {
  it('runs writes one after another: a reset right after a slow save leaves nothing stored', async () => {
    const storage = memoryStorage();
    const set = storage.set;
    storage.set = (k, v) => new Promise((resolve) => setTimeout(() => void set(k, v).then(resolve), 20));
    const store = await session(storage);
    store.getState().setCompareCity('riga');
    store.getState().setCompareCity(null);
    await new Promise((r) => setTimeout(r, 60));
    expect(storage.data.has(KEY)).toBe(false);
  });

  for (const stored of ['riga', 'atlantis']) {
    it(`reads before any write: an edit made during a slow read is saved after it, and wins (${stored} stored)`, async () => {
      const storage = memoryStorage({ [KEY]: { version: 2, data: stored } });
      const get = storage.get;
      storage.get = (k) => new Promise((resolve) => setTimeout(() => void get(k).then(resolve), 20));
      const store = createAppStore('en');
      const { restored } = persisted(store, compareCity, storage);
      store.getState().setCompareCity('liepaja');
      await restored;
      await settle();
      expect(store.getState().compareCity).toBe('liepaja');
      expect(storage.data.get(KEY)).toMatchObject({ data: 'liepaja' });
      // A damaged record was copied aside before the edit replaced it.
      expect((storage.data.get(`${KEY}/damaged`) as DamagedRecord | undefined)?.record).toEqual(stored === 'riga' ? undefined : { version: 2, data: stored });
    });
  }

  it('reads nothing until ready, and stops saving when unsubscribed', async () => {
    const storage = memoryStorage({ [KEY]: { version: 2, data: 'riga' } });
    const store = createAppStore('en');
    const handle = persisted(store, { ...compareCity, ready: (s) => s.firstViewDrawn }, storage);
    await settle();
    expect(store.getState().compareCity).toBeNull();
    store.getState().setFirstViewDrawn();
    await handle.restored;
    expect(store.getState().compareCity).toBe('riga');
    handle.unsubscribe();
    store.getState().setCompareCity('liepaja');
    await settle();
    expect(storage.data.get(KEY)).toMatchObject({ data: 'riga' });
  });
});
