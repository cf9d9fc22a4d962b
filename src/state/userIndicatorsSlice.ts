import type { StateCreator } from 'zustand/vanilla';
import type { IndicatorData } from '../domain/indicators.ts';
import { withUserIndicators, type UserIndicator } from '../domain/userIndicators.ts';
import type { AppState } from './store.ts';

export interface UserIndicatorsSlice {
  /** The indicators as shipped (public/data/indicators.json), never changed by an import. */
  shippedIndicators: IndicatorData | null;
  userIndicators: UserIndicator[];
  /** Replaces the user's indicators (e.g. restored from the browser's storage). */
  setUserIndicators: (users: UserIndicator[]) => void;
  addUserIndicator: (user: UserIndicator) => void;
  removeUserIndicator: (id: string) => void;
  /** The import dialog, and a file dropped on the page for it to read. */
  importOpen: boolean;
  pendingImportFile: File | null;
  setImportOpen: (open: boolean) => void;
  importFile: (file: File) => void;
}

/** The dataset with the shipped indicators joined by the user's. */
function rebuild(state: AppState, users: UserIndicator[]): Partial<AppState> {
  const shipped = state.shippedIndicators ?? state.dataset?.indicators ?? null;
  if (!state.dataset || !shipped) return { userIndicators: users };
  return { userIndicators: users, shippedIndicators: shipped, dataset: { ...state.dataset, indicators: withUserIndicators(shipped, users) } };
}

/**
 * Imported indicators live beside the shipped ones: adding or removing one rebuilds the
 * dataset's indicators from the shipped data plus the remaining imports. Removing the mapped one
 * returns the map to the first indicator.
 */
export const createUserIndicatorsSlice: StateCreator<AppState, [], [], UserIndicatorsSlice> = (set) => ({
  shippedIndicators: null,
  userIndicators: [],
  importOpen: false,
  pendingImportFile: null,
  setImportOpen: (importOpen) => set(importOpen ? { importOpen } : { importOpen, pendingImportFile: null }),
  importFile: (file) => set({ importOpen: true, pendingImportFile: file }),
  setUserIndicators: (users) => set((s) => rebuild(s, users)),
  addUserIndicator: (user) => set((s) => rebuild(s, [...s.userIndicators.filter((u) => u.meta.id !== user.meta.id), user])),
  removeUserIndicator: (id) =>
    set((s) => ({
      ...rebuild(s, s.userIndicators.filter((u) => u.meta.id !== id)),
      ...(s.choropleth.indicator === id ? { choropleth: { ...s.choropleth, indicator: 'population_1jan', year: '2026' } } : {}),
    })),
});
