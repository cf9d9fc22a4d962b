import type { UserIndicator } from '../domain/userIndicators.ts';
import type { PersistedConfig } from './persisted.ts';
import { fieldOf } from './persistedRecord.ts';

/**
 * The user's imported indicators, kept in the browser until removed, so that an import stays after
 * a reload. Read at once, while the data load, so that a link naming one (`i=user:…`) opens it.
 * Imports that do not check out are left out and the others shown (the record is kept aside).
 */
export const persistedUserIndicators: PersistedConfig<UserIndicator[]> = {
  key: 'state-cities/user-indicators',
  version: 2,
  label: { lv: 'Saglabātos importus', en: 'The saved imports' },
  instead: { lv: 'Rādīti tikai piegādātie rādītāji.', en: 'Only the shipped indicators are shown.' },
  writeFailed: { lv: 'Importu neizdevās saglabāt pārlūkā; tas ir kartē, bet pēc pārlādes zudīs.', en: 'The import could not be saved in the browser; it is on the map but will be lost on reload.' },
  pick: (s) => s.userIndicators,
  encode: (items) => items,
  // Version 1 kept the list beside its version: `{ version: 1, items }`.
  migrate: (version, record) => (version === 1 ? fieldOf(record, 'items') : undefined),
  async decode(data) {
    if (!Array.isArray(data)) return { ok: false, reason: { lv: 'Tas nav importu saraksts.', en: 'It is not a list of imports.' } };
    // The check is fetched only when there is a stored record to read.
    const items = (await import('../domain/storedUserIndicators.ts')).validUserIndicators(data);
    const lost = data.length - items.length;
    if (lost === 0) return { ok: true, value: items };
    return { ok: true, value: items, partial: { lv: `${lost} no ${data.length} bija bojāti un netika ielādēti.`, en: `${lost} of ${data.length} were damaged and were not loaded.` } };
  },
  apply(store, items) {
    if (items.length > 0) store.getState().setUserIndicators(items);
  },
};
