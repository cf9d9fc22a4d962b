import { persisted, type PersistedConfig } from '../../src/state/persisted.ts';
import type { KeyValueStorage } from '../../src/state/storageWrites.ts';
import { createAppStore } from '../../src/state/store.ts';

export const KEY = 'test/compare-city';
const CITIES = ['riga', 'liepaja', 'ventspils'];

/** A small persisted thing: the city compared with the selected one (null: none, the record deleted). */
export const compareCity: PersistedConfig<string> = {
  key: KEY,
  version: 2,
  label: { lv: 'Saglabāto salīdzināmo pilsētu', en: 'The saved compared city' },
  instead: { lv: 'Nekas netiek salīdzināts.', en: 'Nothing is compared.' },
  writeFailed: { lv: 'Salīdzināmo pilsētu neizdevās saglabāt.', en: 'The compared city could not be saved.' },
  pick: (s) => s.compareCity,
  encode: (id) => id,
  // Version 1 was `{ version: 1, city }`.
  migrate: (version, record) => (version === 1 ? (record as { city?: unknown }).city : undefined),
  decode: (data) => (typeof data === 'string' && CITIES.includes(data) ? { ok: true, value: data } : { ok: false, reason: { lv: `Nezināma pilsēta "${String(data)}".`, en: `Unknown city "${String(data)}".` } }),
  apply: (store, id) => store.getState().setCompareCity(id),
};

export function memoryStorage(initial: Record<string, unknown> = {}): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map(Object.entries(initial));
  return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, structuredClone(v)), del: async (k) => void data.delete(k) };
}
export const settle = () => new Promise((r) => setTimeout(r, 10));

export async function session(storage: KeyValueStorage) {
  const store = createAppStore('en');
  await persisted(store, compareCity, storage).restored;
  return store;
}
