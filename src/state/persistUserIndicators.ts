import { get, set } from 'idb-keyval';
import { validUserIndicators, type UserIndicator } from '../domain/userIndicators.ts';
import { orderedWrites, type KeyValueStorage } from './storageWrites.ts';
import type { AppStore } from './store.ts';

const KEY = 'state-cities/user-indicators';
const VERSION = 1;

/** What is stored: versioned, so a later format can migrate or ignore an older one. */
interface Stored {
  version: number;
  items: UserIndicator[];
}

/**
 * Restores the user's imported indicators from IndexedDB and saves every change back, so that an
 * import stays after a reload until it is removed. A stored value of an unknown version or shape
 * is ignored (reported once), never trusted.
 */
export async function persistUserIndicators(store: AppStore, storage: Pick<KeyValueStorage, 'get' | 'set'> = { get, set }): Promise<void> {
  try {
    const stored = (await storage.get(KEY)) as Stored | undefined;
    if (stored && stored.version === VERSION) {
      const items = validUserIndicators(stored.items);
      if (items.length !== (Array.isArray(stored.items) ? stored.items.length : 0)) {
        store.getState().addNotice({ lv: 'Daži saglabātie importi bija bojāti un netika ielādēti.', en: 'Some saved imports were damaged and were not loaded.' });
      }
      if (items.length > 0) store.getState().setUserIndicators(items);
    }
  } catch {
    store.getState().addNotice({ lv: 'Saglabātos importus neizdevās nolasīt.', en: 'Saved imports could not be read.' });
  }
  const write = orderedWrites(() => store.getState().addNotice({ lv: 'Importu neizdevās saglabāt pārlūkā; tas ir kartē, bet pēc pārlādes zudīs.', en: 'The import could not be saved in the browser; it is on the map but will be lost on reload.' }));
  store.subscribe((next, prev) => {
    if (next.userIndicators === prev.userIndicators) return;
    const items = next.userIndicators;
    void write(() => storage.set(KEY, { version: VERSION, items } satisfies Stored));
  });
}
