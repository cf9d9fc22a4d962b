import { del, get, set } from 'idb-keyval';
import { importLinksCsv, linksToCsv } from '../domain/links/csv.ts';
import { linkContextOf } from './linkEdits.ts';
import { orderedWrites, type KeyValueStorage } from './storageWrites.ts';
import type { AppStore } from './store.ts';

const KEY = 'state-cities/links';
/** Bump when the stored shape changes; a value of another version is ignored, never guessed at. */
export const LINKS_STORE_VERSION = 1;

/**
 * What is stored: the links as the same CSV the user exports, so that a stored value is checked by
 * the same reader as an imported file, and a value a newer map cannot read is refused, not half-read.
 */
export interface StoredLinks {
  version: number;
  csv: string;
  savedAt: string;
}

const idb: KeyValueStorage = { get, set, del };

/**
 * Restores the user's edited links from IndexedDB and saves every change at once (no debounce: a
 * crash right after an edit must not lose it); a reset deletes the stored set. A value of another
 * version, or one that no longer validates, is kept untouched in storage and the shipped links are
 * used, with a notice. Needs the dataset.
 */
export async function persistLinks(store: AppStore, storage: KeyValueStorage = idb): Promise<void> {
  const dataset = store.getState().dataset;
  if (!dataset) return;
  let readable = true;
  try {
    const stored = (await storage.get(KEY)) as Partial<StoredLinks> | undefined;
    if (stored !== undefined && stored !== null) {
      const result = stored.version === LINKS_STORE_VERSION && typeof stored.csv === 'string' ? importLinksCsv(stored.csv, linkContextOf(dataset)) : null;
      if (result?.ok) {
        if (store.getState().userLinks === null) store.setState({ userLinks: result.links, linkUndo: undefined });
      } else {
        readable = false;
        store.getState().addNotice({ lv: 'Saglabātās saites nevar nolasīt; rādītas piegādātās (saglabātās netika dzēstas).', en: 'The saved links cannot be read; the shipped ones are shown (the saved ones were not deleted).' });
      }
    }
  } catch {
    store.getState().addNotice({ lv: 'Saglabātās saites neizdevās nolasīt.', en: 'The saved links could not be read.' });
  }
  const write = orderedWrites(() => store.getState().addNotice({ lv: 'Saites neizdevās saglabāt pārlūkā; izmaiņas ir redzamas, bet pēc pārlādes zudīs.', en: 'The links could not be saved in the browser; the changes are on screen but will be lost on reload.' }));
  store.subscribe((next, prev) => {
    if (next.userLinks === prev.userLinks) return;
    // An unreadable stored set is only replaced by a real edit, never deleted by a reset.
    if (next.userLinks === null && !readable) return;
    readable = true;
    const links = next.userLinks;
    void write(() =>
      links ? storage.set(KEY, { version: LINKS_STORE_VERSION, csv: linksToCsv(links), savedAt: new Date().toISOString() } satisfies StoredLinks) : storage.del(KEY),
    );
  });
}
