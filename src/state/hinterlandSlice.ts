import type { StateCreator, StoreApi } from 'zustand/vanilla';
import { editedReason, type AssignmentParseResult, type HinterlandAssignment } from '../domain/hinterland/assignment.ts';
import { COMMUTING_THRESHOLD } from '../domain/hinterland/commuting.ts';
import { DEFAULT_HUFF } from '../domain/hinterland/huff.ts';
import type { ComparedDefinition } from './hinterlandComparison.ts';
import { hinterlandContext, roleFor, selectAssignment } from './hinterlandDerived.ts';
import type { AppState } from './store.ts';
import type { HinterlandView, ViewDefaults } from './urlState.ts';

/** How a city's hinterland is defined: the documented assignment, the Huff gravity model, distance bands, Eurostat's functional urban areas, CSP's commuting flows. */
export type HinterlandKind = 'admin' | 'gravity' | 'bands' | 'fua' | 'commuting';

/** What the administrative and gravity hinterlands are made of: municipalities, or territorial units (cities and parishes). */
export type HinterlandLevel = 'municipality' | 'territorial';

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
  /** Gives a unit to a city (or to none), starting from the assignment in force. */
  setUnitCity: (code: string, cityId: string | null) => void;
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
  setUnitCity: (code, cityId) => {
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
    const { parseAssignmentCsv } = await import('../domain/hinterland/assignmentCsv.ts');
    const { dataset } = get();
    if (!dataset) return { ok: false, errors: [{ line: 0, reason: { lv: 'Dati vēl nav ielādēti', en: 'The data have not loaded yet' } }] };
    const ctx = hinterlandContext(dataset);
    const result = parseAssignmentCsv(text, ctx.unitCodes, ctx.cityIds);
    if (result.ok) set({ userAssignment: result.assignment });
    return result;
  },
  resetAssignment: () => set({ userAssignment: null }),
});

/** The hinterland part of a link's defaults: a link leaves these out. */
export const HINTERLAND_VIEW_DEFAULTS: Pick<ViewDefaults, 'hinterland' | 'alpha' | 'beta' | 'km' | 'threshold'> = {
  hinterland: DEFAULT_HINTERLAND.kind,
  alpha: DEFAULT_HINTERLAND.alpha,
  beta: DEFAULT_HINTERLAND.beta,
  km: DEFAULT_HINTERLAND.km,
  threshold: DEFAULT_HINTERLAND.threshold,
};

/** The shareable part of the settings: whether shown, the definition and its own parameters. */
export function hinterlandViewOf(h: HinterlandSettings): HinterlandView {
  const shown = h.shown ? { shown: true } : {};
  const level = h.level === 'municipality' ? { level: 'municipality' as const } : {};
  if (h.kind === 'gravity') return { kind: 'gravity', alpha: h.alpha, beta: h.beta, ...(h.shareCity ? { shareCity: h.shareCity } : {}), ...shown, ...level };
  if (h.kind === 'bands') return { kind: 'bands', km: h.km, ...shown };
  if (h.kind === 'fua') return { kind: 'fua', ...shown };
  if (h.kind === 'commuting') return { kind: 'commuting', threshold: h.threshold, ...shown, ...level };
  return { kind: 'admin', ...shown, ...level };
}

/** Puts a link's hinterland view into the store; what it leaves out returns to the default (hidden). */
export function applyHinterlandView(store: StoreApi<AppState>, view: HinterlandView | undefined): void {
  const d = DEFAULT_HINTERLAND;
  store.getState().setHinterland({
    shown: view?.shown === true,
    kind: view?.kind ?? d.kind,
    alpha: view?.kind === 'gravity' ? (view.alpha ?? d.alpha) : d.alpha,
    beta: view?.kind === 'gravity' ? (view.beta ?? d.beta) : d.beta,
    km: view?.kind === 'bands' ? (view.km ?? d.km) : d.km,
    threshold: view?.kind === 'commuting' ? (view.threshold ?? d.threshold) : d.threshold,
    disagree: null,
    shareCity: view?.kind === 'gravity' ? (view.shareCity ?? null) : null,
    // Bands and FUAs have no level choice: the one in force is kept for when another partition is chosen.
    ...(view?.kind === 'bands' || view?.kind === 'fua' ? {} : { level: view?.level ?? d.level }),
  });
}
