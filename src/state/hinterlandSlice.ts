import type { StateCreator } from 'zustand/vanilla';
import type { AssignmentParseResult, HinterlandAssignment } from '../domain/hinterland/assignment.ts';
import { COMMUTING_THRESHOLD, DEFAULT_HUFF } from '../domain/hinterland/defaults.ts';
import type { ComparedDefinition } from './hinterlandComparison.ts';
import type { HinterlandLevel } from '../domain/hinterland/territorial.ts';
import type { AppState } from './store.ts';

/** How a city's hinterland is defined: the documented assignment, the Huff gravity model, distance bands, Eurostat's functional urban areas, CSP's commuting flows. */
export type HinterlandKind = 'admin' | 'gravity' | 'bands' | 'fua' | 'commuting';


/** What the hinterland layer shows; the definition and its parameters are part of a shared link. */
export interface HinterlandSettings {
  shown: boolean;
  kind: HinterlandKind;
  /** Huff exponents of population and distance. */
  alpha: number;
  beta: number;
  /** Radius of the distance bands. */
  km: number;
  /** Commuting: the least share (per cent of a unit's employed) that ties a unit to a city. */
  threshold: number;
  /** Under gravity: the city whose share of attraction colours the units, or null for the winners. */
  shareCity: string | null;
  /** Year of residents for the aggregates; null: the latest in the data. */
  year: string | null;
  /**
   * The units of the administrative and gravity hinterlands; `territorial` takes effect only when
   * the data have territorial units (see `effectiveLevel`). Bands have no units and ignore it.
   */
  level: HinterlandLevel;
  /** Two definitions whose disagreement is drawn over the map (from the comparison), or null; not part of a link. */
  disagree: readonly [ComparedDefinition, ComparedDefinition] | null;
}

/**
 * Off at first, so the first view stays the plain choropleth; the Huff exponents fitted to the FUAs;
 * 30 km bands; made of parishes and towns wherever the data have them (municipalities remain a
 * choice, and are what is drawn until the parishes have loaded).
 */
export const DEFAULT_HINTERLAND: HinterlandSettings = { shown: false, kind: 'admin', alpha: DEFAULT_HUFF.alpha, beta: DEFAULT_HUFF.beta, km: 30, threshold: COMMUTING_THRESHOLD.default, shareCity: null, year: null, level: 'territorial', disagree: null };

export interface HinterlandSlice {
  hinterland: HinterlandSettings;
  /** The user's edited administrative assignment, or null while the shipped one is in force. */
  userAssignment: HinterlandAssignment | null;
  setHinterland: (patch: Partial<HinterlandSettings>) => void;
  /**
   * Gives a unit to a city (or to none), starting from the assignment in force. Resolves once
   * done: the default assignment's code is fetched on first use (it is not part of the first view).
   */
  setUnitCity: (code: string, cityId: string | null) => Promise<void>;
  /** Replaces the assignment with a CSV file's when it is valid; otherwise changes nothing. */
  /** Reads an assignment CSV (the parser is fetched on first use) and puts it in force if valid. */
  importAssignment: (text: string) => Promise<AssignmentParseResult>;
  /** Returns to the shipped assignment. */
  resetAssignment: () => void;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The hinterland settings and the user's own administrative assignment. An edit or an import
 * makes a new assignment object (the old one is never changed), so the map and the aggregates
 * recompute by identity; an invalid import leaves everything as it was.
 */
export const createHinterlandSlice: StateCreator<AppState, [], [], HinterlandSlice> = (set, get) => ({
  hinterland: DEFAULT_HINTERLAND,
  userAssignment: null,
  setHinterland: (patch) =>
    set((s) => {
      const next = { ...s.hinterland, ...patch };
      const same = (Object.keys(next) as (keyof HinterlandSettings)[]).every((k) => next[k] === s.hinterland[k]);
      return same ? {} : { hinterland: next };
    }),
  setUnitCity: async (code, cityId) => {
    const [{ hinterlandContext, roleFor, selectAssignment }, { editedReason }] = await Promise.all([import('./hinterlandDerived.ts'), import('../domain/hinterland/assignment.ts')]);
    const state = get();
    const current = selectAssignment(state);
    if (!state.dataset || !current) return;
    const ctx = hinterlandContext(state.dataset);
    if (!ctx.unitCodes.includes(code) || (cityId !== null && !ctx.cityIds.includes(cityId))) return;
    const row = current.find((a) => a.code === code);
    if (!row || row.cityId === cityId) return;
    const edited = current.map((a) =>
      a.code === code ? { ...a, cityId, role: roleFor(ctx, code, cityId), reason: editedReason(today()), source: 'user edit' } : a,
    );
    set({ userAssignment: edited });
  },
  importAssignment: async (text) => {
    const [{ parseAssignmentCsv }, { hinterlandContext }] = await Promise.all([import('../domain/hinterland/assignmentCsv.ts'), import('./hinterlandDerived.ts')]);
    const { dataset } = get();
    if (!dataset) return { ok: false, errors: [{ line: 0, reason: { lv: 'Dati vēl nav ielādēti', en: 'The data have not loaded yet' } }] };
    const ctx = hinterlandContext(dataset);
    const result = parseAssignmentCsv(text, ctx.unitCodes, ctx.cityIds);
    if (result.ok) set({ userAssignment: result.assignment });
    return result;
  },
  resetAssignment: () => set({ userAssignment: null }),
});
