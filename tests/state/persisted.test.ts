import { describe, expect, it } from 'vitest';
import type { DamagedRecord, StoredRecord } from '../../src/state/persistedRecord.ts';
import { KEY, memoryStorage, session, settle } from './persistedFixture.ts';

describe('a persisted thing', () => {
  it('stores { version, data, savedAt } and reads it back in a new session', async () => {
    const storage = memoryStorage();
    const first = await session(storage);
    first.getState().setCompareCity('liepaja');
    await settle();
    expect(storage.data.get(KEY)).toEqual({ version: 2, data: 'liepaja', savedAt: expect.any(String) } satisfies StoredRecord);
    const second = await session(storage);
    expect(second.getState().compareCity).toBe('liepaja');
    expect(second.getState().notices).toEqual([]);
    second.getState().setCompareCity(null);
    await settle();
    expect(storage.data.has(KEY)).toBe(false);
  });

  it('migrates a record of an older version and leaves it as it is until the next change', async () => {
    const old = { version: 1, city: 'ventspils' };
    const storage = memoryStorage({ [KEY]: old });
    const store = await session(storage);
    expect(store.getState().compareCity).toBe('ventspils');
    expect(store.getState().notices).toEqual([]);
    expect(storage.data.get(KEY)).toEqual(old);
    store.getState().setCompareCity('riga');
    await settle();
    expect(storage.data.get(KEY)).toMatchObject({ version: 2, data: 'riga' });
  });

  for (const [what, record, why] of [
    ['a damaged record', { version: 2, data: 'atlantis' }, 'Unknown city "atlantis".'],
    ['a record of a newer version', { version: 7, data: 'riga', more: true }, 'It was saved by a newer version of the map (format 7; this one reads up to 2).'],
    ['a record in no known format', 'junk', 'It is not in a known format.'],
  ] as const) {
    it(`keeps ${what} aside, says so with the record to download, and neither deletes nor uses it`, async () => {
      const storage = memoryStorage({ [KEY]: record });
      const store = await session(storage);
      expect(store.getState().compareCity).toBeNull();
      expect(storage.data.get(KEY)).toEqual(record);
      const aside = storage.data.get(`${KEY}/damaged`) as DamagedRecord;
      expect(aside).toEqual({ keptAt: expect.any(String), reason: { lv: expect.any(String), en: why }, record });
      const [notice, ...more] = store.getState().notices;
      expect(more).toEqual([]);
      expect(notice?.en).toBe(`The saved compared city could not be read: ${why} Nothing is compared. The saved record is not deleted; it can be downloaded.`);
      expect(notice?.lv).toMatch(/^Saglabāto salīdzināmo pilsētu neizdevās nolasīt: .* Nekas netiek salīdzināts\. Saglabātais ieraksts netiek dzēsts/);
      expect(notice?.download).toEqual({ name: 'compare-city-saved.json', text: typeof record === 'string' ? record : JSON.stringify(record, null, 2) });
      // The user's next edit replaces it and a reset then deletes that; the copy stays aside.
      store.getState().setCompareCity('riga');
      await settle();
      expect(storage.data.get(KEY)).toMatchObject({ version: 2, data: 'riga' });
      store.getState().setCompareCity(null);
      await settle();
      expect(storage.data.has(KEY)).toBe(false);
      expect(storage.data.get(`${KEY}/damaged`)).toEqual(aside);
    });
  }

  it('overwrites no unreadable record while its copy could not be kept aside', async () => {
    const storage = memoryStorage({ [KEY]: { version: 2, data: 'atlantis' } });
    const set = storage.set;
    storage.set = (k, v) => (k.endsWith('/damaged') ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : set(k, v));
    const store = await session(storage);
    store.getState().setCompareCity('riga');
    store.getState().setCompareCity(null);
    await settle();
    // Neither the edit nor the reset touched it.
    expect(storage.data.get(KEY)).toEqual({ version: 2, data: 'atlantis' });
    store.getState().setCompareCity('riga');
    await settle();
    expect(store.getState().compareCity).toBe('riga');
    expect(store.getState().notices.map((n) => n.en)).toEqual([expect.stringContaining('could not be read'), 'The compared city could not be saved.', 'The compared city could not be saved.']);
  });
});
