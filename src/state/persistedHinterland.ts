import type { HinterlandAssignment } from '../domain/hinterland/assignment.ts';
import type { PersistedConfig } from './persisted.ts';
import { fieldOf } from './persistedRecord.ts';

/** Bump when the stored data change; an older record is migrated, a newer one kept aside unread. */
export const HINTERLAND_STORE_VERSION = 2;

// The CSV reader and writer (papaparse), and the hinterland's context, are fetched only when there
// is something to read or write: none of them is part of the first view.
const csv = () => import('../domain/hinterland/assignmentCsv.ts');
const derived = () => import('./hinterlandDerived.ts');

/**
 * The user's edited hinterland assignment; a reset deletes it. Stored as the same CSV the user can
 * export, so that a stored value is checked by the same reader as an imported file: one that no
 * longer fits the map's units is refused and the shipped assignment stays in force.
 */
export const persistedHinterland: PersistedConfig<HinterlandAssignment> = {
  key: 'state-cities/hinterland-assignment',
  version: HINTERLAND_STORE_VERSION,
  label: { lv: 'Saglabāto aptvēruma sadalījumu', en: 'The saved hinterland assignment' },
  instead: { lv: 'Izmantots piegādātais.', en: 'The shipped one is used.' },
  writeFailed: { lv: 'Aptvēruma sadalījumu neizdevās saglabāt pārlūkā.', en: 'The hinterland assignment could not be saved in the browser.' },
  // Checked against the map's units, so read once the data are in.
  ready: (s) => s.dataset !== null,
  pick: (s) => s.userAssignment,
  encode: async (assignment) => (await csv()).assignmentToCsv(assignment),
  // Version 1: `{ version: 1, csv, savedAt }`.
  migrate: (version, record) => (version === 1 ? fieldOf(record, 'csv') : undefined),
  async decode(data, state) {
    if (typeof data !== 'string' || !state.dataset) return { ok: false, reason: { lv: 'Tas nav CSV teksts.', en: 'It is not CSV text.' } };
    const ctx = (await derived()).hinterlandContext(state.dataset);
    const result = (await csv()).parseAssignmentCsv(data, ctx.unitCodes, ctx.cityIds);
    if (result.ok) return { ok: true, value: result.assignment };
    const first = result.errors[0];
    return { ok: false, reason: first ? { lv: `rinda ${first.line}: ${first.reason.lv}`, en: `line ${first.line}: ${first.reason.en}` } : { lv: 'Tas neatbilst kartei.', en: 'It does not fit the map.' } };
  },
  apply: (store, assignment) => store.setState({ userAssignment: assignment }),
};
