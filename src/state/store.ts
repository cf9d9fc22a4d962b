import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { ChoroplethSpec } from '../domain/choropleth.ts';
import type { CsvFormatName } from '../domain/csvWrite.ts';
import { DEFAULT_CHOROPLETH } from '../domain/defaultChoropleth.ts';
import type { Lang } from '../domain/format.ts';
import type { PlaceRef } from '../domain/places.ts';
import type { Dataset } from '../domain/dataset.ts';
import { withUserIndicators } from '../domain/userIndicators.ts';
import { createUserIndicatorsSlice, type UserIndicatorsSlice } from './userIndicatorsSlice.ts';
import { createPresentationSlice, type PresentationSlice } from './presentationSlice.ts';
import { createHinterlandSlice, type HinterlandSlice } from './hinterlandSlice.ts';
import { createLinksSlice, type LinksSlice } from './linksSlice.ts';

/** What the user picked on the map: a city (by id) or a municipality (by CSP code). */
export type Selection = PlaceRef;

/** Why the map cannot be shown: a data file that failed, or no WebGL in this browser. */
export type FatalError = { kind: 'data'; file: string; reason: string } | { kind: 'webgl'; reason: string };

/** What the pointer is over, with its screen position for the tooltip. */
export interface Hover {
  target: Selection;
  x: number;
  y: number;
  /** The parish, town or state city under the pointer (CSP code), once the map shows them. */
  territorialUnit?: string;
}

/** A message for the user in both languages (e.g. a link parameter that was left out). */
export interface Notice {
  id: number;
  lv: string;
  en: string;
  /** A file the notice offers to download: a saved record the app could not read, as it was stored. */
  download?: { name: string; text: string };
}

export interface DataSlice {
  dataset: Dataset | null;
  fatal: FatalError | null;
  notices: Notice[];
  /**
   * Set once the map has drawn its first complete view (its first idle): parts the first view
   * does not show (the scene deck) are loaded after it, so they never hold it back.
   */
  firstViewDrawn: boolean;
  setDataset: (dataset: Dataset) => void;
  setFirstViewDrawn: () => void;
  setFatal: (fatal: FatalError) => void;
  addNotice: (notice: Omit<Notice, 'id'>) => void;
  dismissNotice: (id: number) => void;
}

export interface ViewSlice {
  lang: Lang;
  choropleth: ChoroplethSpec;
  /** Legend interaction: the class the pointer is over, and the classes kept (empty: all). */
  legendHover: number | null;
  legendKeep: number[];
  tableOpen: boolean;
  /** The key-facts panel (the cities' shares of Latvia), shown while nothing is selected. */
  keyFactsOpen: boolean;
  /** The CSV format of every download (table, links, assignment), kept for the session. */
  csvFormat: CsvFormatName;
  setLang: (lang: Lang) => void;
  /** Changes what is mapped; the legend interaction is reset, since its classes change. */
  setChoropleth: (patch: Partial<ChoroplethSpec>) => void;
  setLegendHover: (classIndex: number | null) => void;
  toggleLegendKeep: (classIndex: number) => void;
  setTableOpen: (open: boolean) => void;
  setKeyFactsOpen: (open: boolean) => void;
  setCsvFormat: (format: CsvFormatName) => void;
}

export interface SelectionSlice {
  selection: Selection | null;
  /** A second state city shown beside the selected one in its profile. */
  compareCity: string | null;
  hover: Hover | null;
  /** The territorial unit that was clicked with the selection (parishes shown), for its panel; null otherwise. */
  territorialUnit: string | null;
  /** Selects a place, and with it the territorial unit clicked inside it, if any. */
  select: (selection: Selection | null, territorialUnit?: string | null) => void;
  setCompareCity: (cityId: string | null) => void;
  setHover: (hover: Hover | null) => void;
}

export type AppState = DataSlice & ViewSlice & SelectionSlice & UserIndicatorsSlice & PresentationSlice & HinterlandSlice & LinksSlice;
export type AppStore = StoreApi<AppState>;

const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  dataset: null,
  fatal: null,
  notices: [],
  firstViewDrawn: false,
  // Imports restored from the browser before the data arrived join the shipped indicators at once.
  setDataset: (dataset) => set((s) => ({ dataset: s.userIndicators.length > 0 ? { ...dataset, indicators: withUserIndicators(dataset.indicators, s.userIndicators) } : dataset, fatal: null, shippedIndicators: dataset.indicators })),
  setFirstViewDrawn: () => set({ firstViewDrawn: true }),
  setFatal: (fatal) => set({ fatal }),
  addNotice: (notice) => set((s) => ({ notices: [...s.notices, { id: (s.notices[s.notices.length - 1]?.id ?? 0) + 1, ...notice }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});

export { DEFAULT_CHOROPLETH };

const createViewSlice =
  (lang: Lang): StateCreator<AppState, [], [], ViewSlice> =>
  (set) => ({
    lang,
    choropleth: DEFAULT_CHOROPLETH,
    legendHover: null,
    legendKeep: [],
    tableOpen: false,
    keyFactsOpen: false,
    csvFormat: 'comma',
    setLang: (l) => set({ lang: l }),
    setChoropleth: (patch) => set((s) => ({ choropleth: { ...s.choropleth, ...patch }, legendHover: null, legendKeep: [] })),
    setLegendHover: (legendHover) => set({ legendHover }),
    toggleLegendKeep: (i) =>
      set((s) => ({ legendKeep: s.legendKeep.includes(i) ? s.legendKeep.filter((k) => k !== i) : [...s.legendKeep, i].sort((a, b) => a - b) })),
    setTableOpen: (tableOpen) => set({ tableOpen }),
    setKeyFactsOpen: (keyFactsOpen) => set(keyFactsOpen ? { keyFactsOpen, selection: null } : { keyFactsOpen }),
    setCsvFormat: (csvFormat) => set({ csvFormat }),
  });

const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set) => ({
  selection: null,
  compareCity: null,
  hover: null,
  territorialUnit: null,
  // A new selection closes a link's card and the hover tooltip: both were about what was under the pointer before.
  select: (selection, territorialUnit = null) =>
    set((s) => ({
      selection,
      territorialUnit: selection ? territorialUnit : null,
      compareCity: selection?.kind === 'city' && selection.id !== s.compareCity ? s.compareCity : null,
      ...(JSON.stringify(selection) !== JSON.stringify(s.selection) && { selectedLinkId: null, hover: null }),
    })),
  setCompareCity: (compareCity) => set({ compareCity }),
  setHover: (hover) => set({ hover }),
});

/** A fresh store of all slices; tests create their own instead of mocking modules. */
export function createAppStore(initialLang: Lang = 'lv'): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createDataSlice(...a),
    ...createViewSlice(initialLang)(...a),
    ...createSelectionSlice(...a),
    ...createUserIndicatorsSlice(...a),
    ...createPresentationSlice(...a),
    ...createHinterlandSlice(...a),
    ...createLinksSlice(...a),
  }));
}

/** The language asked for in a `lang` query parameter, if it is one the app speaks. */
export function langFromQuery(search: string): Lang | null {
  const value = new URLSearchParams(search).get('lang');
  return value === 'lv' || value === 'en' ? value : null;
}

/** Latvian when the browser prefers it over English, otherwise English. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'lv') return 'lv';
    if (base === 'en') return 'en';
  }
  return 'en';
}
