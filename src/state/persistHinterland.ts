import { del, get, set } from 'idb-keyval';
import { hinterlandContext } from './hinterlandDerived.ts';
import { orderedWrites, type KeyValueStorage } from './storageWrites.ts';
import type { AppStore } from './store.ts';

const KEY = 'state-cities/hinterland-assignment';
/** Bump when the stored shape changes; a value of another version is ignored, never guessed at. */
export const HINTERLAND_STORE_VERSION = 1;

/**
 * What is stored: the assignment as the same CSV the user can export, so that a stored value is
 * checked by the same reader as an imported file (units of older boundaries are refused).
 */
export interface StoredAssignment {
  version: number;
  csv: string;
  savedAt: string;
}

export type { KeyValueStorage };

const idb: KeyValueStorage = { get, set, del };

/**
 * Restores the user's edited hinterland assignment from IndexedDB and saves every change back;
 * a reset deletes it. A stored value of another version, or one that no longer fits the map's
 * units, is ignored with a notice and the shipped assignment stays in force. Needs the dataset.
 */
export async function persistHinterland(store: AppStore, storage: KeyValueStorage = idb): Promise<void> {
  const dataset = store.getState().dataset;
  if (!dataset) return;
  // The CSV reader and writer (papaparse) are fetched only when there is something to read or write.
  const csv = () => import('../domain/hinterland/assignmentCsv.ts');
  try {
    const stored = (await storage.get(KEY)) as Partial<StoredAssignment> | undefined;
    if (stored !== undefined && stored !== null) {
      if (stored.version !== HINTERLAND_STORE_VERSION || typeof stored.csv !== 'string') {
        store.getState().addNotice({ lv: 'Saglabātais aptvēruma sadalījums ir citā formātā un netika ielādēts.', en: 'The saved hinterland assignment is in another format and was not loaded.' });
      } else {
        const ctx = hinterlandContext(dataset);
        const { parseAssignmentCsv } = await csv();
        const result = parseAssignmentCsv(stored.csv, ctx.unitCodes, ctx.cityIds);
        if (result.ok && store.getState().userAssignment === null) store.setState({ userAssignment: result.assignment });
        if (!result.ok) {
          store.getState().addNotice({ lv: 'Saglabātais aptvēruma sadalījums neatbilst kartei; izmantots piegādātais.', en: 'The saved hinterland assignment does not fit the map; the shipped one is used.' });
        }
      }
    }
  } catch {
    store.getState().addNotice({ lv: 'Saglabāto aptvēruma sadalījumu neizdevās nolasīt.', en: 'The saved hinterland assignment could not be read.' });
  }
  const write = orderedWrites(() => store.getState().addNotice({ lv: 'Aptvēruma sadalījumu neizdevās saglabāt pārlūkā.', en: 'The hinterland assignment could not be saved in the browser.' }));
  store.subscribe((next, prev) => {
    if (next.userAssignment === prev.userAssignment) return;
    const assignment = next.userAssignment;
    void write(() =>
      assignment
        ? csv().then(({ assignmentToCsv }) => storage.set(KEY, { version: HINTERLAND_STORE_VERSION, csv: assignmentToCsv(assignment), savedAt: new Date().toISOString() } satisfies StoredAssignment))
        : storage.del(KEY),
    );
  });
}
