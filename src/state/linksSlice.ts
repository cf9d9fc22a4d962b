import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { Dimension } from '../domain/indicators.ts';
import { importLinksCsv, type ImportResult } from '../domain/links/csv.ts';
import { importLinksGeoJson } from '../domain/links/geojson.ts';
import type { Link } from '../domain/links/model.ts';
import type { LinkFilter } from '../domain/links/network.ts';
import { validateLink, type LinkContext, type LinkIssue } from '../domain/links/validate.ts';
import { DIMENSIONS, FIELDS, LINK_TYPES, type FieldId, type LinkType } from '../domain/links/vocabulary.ts';
import type { Dataset } from './dataset.ts';
import type { AppState } from './store.ts';
import type { LinkFilterView, ViewContext } from './urlState.ts';

/** What the links layer shows; the filter is part of a shared link (lt/lf/ld/lp). */
export interface LinkSettings {
  shown: boolean;
  /** Arc colour: by the link's first strategy field, or by its type. */
  colourBy: 'field' | 'type';
  types: LinkType[];
  fields: FieldId[];
  dimensions: Dimension[];
  from?: string;
  to?: string;
  includeUncertain: boolean;
  /** The gravity model layer, never mixed with documented links, and how many top pairs it draws. */
  modelShown: boolean;
  modelTop: number;
}

export const DEFAULT_LINK_SETTINGS: LinkSettings = { shown: false, colourBy: 'field', types: [], fields: [], dimensions: [], includeUncertain: true, modelShown: false, modelTop: 10 };

export interface LinksSlice {
  linkSettings: LinkSettings;
  /** The user's edited set of links, or null while the shipped links are in force. */
  userLinks: Link[] | null;
  /** The state before the last change (one step of undo); undefined when there is nothing to undo. */
  linkUndo: Link[] | null | undefined;
  selectedLinkId: string | null;
  /** An arc under the pointer, with its screen position, for the tooltip. */
  linkHover: { id: string; x: number; y: number } | null;
  /** The editor: open on a link's id, on 'new', or closed. */
  linkEditor: string | null;
  openLinkEditor: (target: string | null) => void;
  setLinkSettings: (patch: Partial<LinkSettings>) => void;
  /** Adds or replaces (same id) a link when it is valid; returns the problems otherwise and changes nothing. */
  saveLink: (link: Link, isNew?: boolean) => LinkIssue[];
  deleteLink: (id: string) => void;
  undoLinkChange: () => void;
  /** Replaces every link with a file's when the whole file is valid; otherwise changes nothing. */
  importLinks: (text: string, format: 'csv' | 'geojson') => ImportResult;
  resetLinks: () => void;
  selectLink: (id: string | null) => void;
  setLinkHover: (hover: LinksSlice['linkHover']) => void;
}

const contexts = new WeakMap<Dataset, Omit<LinkContext, 'links'>>();

/** The places a link may name, from the loaded data (memoised on the dataset object). */
export function linkContextOf(dataset: Dataset): Omit<LinkContext, 'links'> {
  const known = contexts.get(dataset);
  if (known) return known;
  const cities = dataset.cities.features.map((f) => f.properties);
  const ctx = {
    cityIds: new Set(cities.map((c) => c.id)),
    unitCodes: new Set(dataset.municipalities.features.map((f) => f.properties.code)),
    // A city inside a novads shares no code with it; only the seven with their own unit are here.
    cityUnits: new Map(cities.filter((c) => !c.insideNovads).map((c) => [c.unitCode, c.id])),
  };
  contexts.set(dataset, ctx);
  return ctx;
}

const NO_LINKS: Link[] = [];
/** The links in force: the user's edited set, or the shipped ones (one empty array before the data, so selectors stay stable). */
export const selectLinks = (s: Pick<AppState, 'userLinks' | 'dataset'>): Link[] => s.userLinks ?? s.dataset?.links ?? NO_LINKS;

/** The filter of `filterLinks` from the settings (focus is added by whoever focuses). */
export function linkFilterOf(settings: LinkSettings): LinkFilter {
  const filter: LinkFilter = { types: settings.types, fields: settings.fields, dimensions: settings.dimensions, includeUncertain: settings.includeUncertain };
  if (settings.from || settings.to) filter.period = { ...(settings.from && { from: settings.from }), ...(settings.to && { to: settings.to }) };
  return filter;
}

/**
 * The links and their editing. Every change makes a new array (never edits one in place), keeps
 * the previous array for one step of undo, and is refused as a whole when invalid.
 */
export const createLinksSlice: StateCreator<AppState, [], [], LinksSlice> = (set, get) => {
  const change = (next: Link[] | null) => set((s) => ({ userLinks: next, linkUndo: s.userLinks }));
  return {
    linkSettings: DEFAULT_LINK_SETTINGS,
    userLinks: null,
    linkUndo: undefined,
    selectedLinkId: null,
    linkHover: null,
    linkEditor: null,
    openLinkEditor: (linkEditor) => set({ linkEditor }),
    setLinkSettings: (patch) => set((s) => ({ linkSettings: { ...s.linkSettings, ...patch } })),
    saveLink: (link, isNew = false) => {
      const state = get();
      if (!state.dataset) return [{ code: 'invalid', message: { lv: 'Dati vēl nav ielādēti.', en: 'The data have not loaded yet.' } }];
      const current = selectLinks(state);
      // A new link is checked under a placeholder id, so that a twin (same key, hence same id) is reported as a duplicate.
      const issues = validateLink(isNew ? { ...link, id: 'new' } : link, { ...linkContextOf(state.dataset), links: current });
      if (issues.length === 0 && isNew && current.some((l) => l.id === link.id)) {
        issues.push({ code: 'duplicate', message: { lv: `Saite ar id ${link.id} jau ir.`, en: `A link with id ${link.id} exists already.` } });
      }
      if (issues.length > 0) return issues;
      const at = current.findIndex((l) => l.id === link.id);
      change(at < 0 ? [...current, link] : current.map((l, i) => (i === at ? link : l)));
      return [];
    },
    deleteLink: (id) => {
      const current = selectLinks(get());
      if (!current.some((l) => l.id === id)) return;
      change(current.filter((l) => l.id !== id));
      if (get().selectedLinkId === id) set({ selectedLinkId: null });
    },
    undoLinkChange: () => set((s) => (s.linkUndo === undefined ? {} : { userLinks: s.linkUndo, linkUndo: undefined })),
    importLinks: (text, format) => {
      const { dataset } = get();
      if (!dataset) return { ok: false, errors: [{ reason: { lv: 'Dati vēl nav ielādēti.', en: 'The data have not loaded yet.' } }] };
      let result: ImportResult;
      if (format === 'csv') result = importLinksCsv(text, linkContextOf(dataset));
      else {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          return { ok: false, errors: [{ reason: { lv: 'Fails nav derīgs JSON.', en: 'The file is not valid JSON.' } }] };
        }
        result = importLinksGeoJson(json, linkContextOf(dataset));
      }
      if (result.ok) change(result.links);
      return result;
    },
    resetLinks: () => change(null),
    selectLink: (selectedLinkId) => set({ selectedLinkId }),
    setLinkHover: (linkHover) => set({ linkHover }),
  };
};

/** The link-filter part of a shared view. */
export function linkFilterViewOf(s: LinkSettings): LinkFilterView {
  const view: LinkFilterView = {};
  if (s.shown) view.shown = true;
  if (s.types.length) view.types = [...s.types];
  if (s.fields.length) view.fields = [...s.fields];
  if (s.dimensions.length) view.dimensions = [...s.dimensions];
  if (s.from) view.from = s.from;
  if (s.to) view.to = s.to;
  return view;
}

/** Puts a view's links into the store: shown or not, and the filter (what it leaves out returns to all). Colour and the model layer stay as they are. */
export function applyLinkFilterView(store: StoreApi<AppState>, view: LinkFilterView | undefined): void {
  const s = store.getState().linkSettings;
  const next = {
    shown: view?.shown === true,
    types: (view?.types ?? []) as LinkType[],
    fields: (view?.fields ?? []) as FieldId[],
    dimensions: (view?.dimensions ?? []) as Dimension[],
    from: view?.from,
    to: view?.to,
  };
  const same = JSON.stringify([s.shown, s.types, s.fields, s.dimensions, s.from, s.to]) === JSON.stringify([next.shown, next.types, next.fields, next.dimensions, next.from, next.to]);
  if (!same) store.getState().setLinkSettings(next);
}

/** What a URL may name in the link filter. */
export const LINK_VIEW_CONTEXT: Pick<ViewContext, 'linkTypes' | 'linkFields' | 'linkDimensions'> = { linkTypes: LINK_TYPES, linkFields: FIELDS, linkDimensions: DIMENSIONS };
