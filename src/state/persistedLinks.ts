import type { Link } from '../domain/links/model.ts';
import { linksNeeded } from './linksLoad.ts';
import type { PersistedConfig } from './persisted.ts';
import { fieldOf } from './persistedRecord.ts';

/** Bump when the stored data change; an older record is migrated, a newer one kept aside unread. */
export const LINKS_STORE_VERSION = 2;

// The CSV reader and writer (papaparse) and the links' checks, in their own chunks: fetched when the links are.
const csv = () => import('../domain/links/csv.ts');
const edits = () => import('./linkEdits.ts');

/**
 * The user's edited links, saved at every change (no debounce: a crash right after an edit must not
 * lose it); a reset deletes them. Stored as the same CSV the user exports, so that a stored value is
 * checked by the same reader as an imported file. Read the first time the links are needed, before
 * the shipped ones are put in the store (`bindLinksLoading` waits for it).
 */
export const persistedLinks: PersistedConfig<Link[]> = {
  key: 'state-cities/links',
  version: LINKS_STORE_VERSION,
  label: { lv: 'Saglabātās saites', en: 'The saved links' },
  instead: { lv: 'Rādītas piegādātās.', en: 'The shipped ones are shown.' },
  writeFailed: { lv: 'Saites neizdevās saglabāt pārlūkā; izmaiņas ir redzamas, bet pēc pārlādes zudīs.', en: 'The links could not be saved in the browser; the changes are on screen but will be lost on reload.' },
  ready: (s) => s.dataset !== null && linksNeeded(s),
  pick: (s) => s.userLinks,
  encode: async (links) => (await csv()).linksToCsv(links),
  // Version 1: `{ version: 1, csv, savedAt }`.
  migrate: (version, record) => (version === 1 ? fieldOf(record, 'csv') : undefined),
  async decode(data, state) {
    if (typeof data !== 'string' || !state.dataset) return { ok: false, reason: { lv: 'Tas nav CSV teksts.', en: 'It is not CSV text.' } };
    const [{ importLinksCsv }, { linkContextOf }] = await Promise.all([csv(), edits()]);
    const result = importLinksCsv(data, linkContextOf(state.dataset));
    if (result.ok) return { ok: true, value: result.links };
    const first = result.errors[0];
    const where = first?.line !== undefined ? { lv: `rinda ${first.line}: `, en: `line ${first.line}: ` } : { lv: '', en: '' };
    return { ok: false, reason: first ? { lv: where.lv + first.reason.lv, en: where.en + first.reason.en } : { lv: 'Tās neatbilst kartei.', en: 'They do not fit the map.' } };
  },
  apply: (store, links) => store.setState({ userLinks: links, linkUndo: undefined }),
};
