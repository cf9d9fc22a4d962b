import type { StateCreator } from 'zustand/vanilla';
import type { Dimension } from '../domain/indicators.ts';
import type { Link } from '../domain/links/model.ts';
import type { LinkFilter } from '../domain/links/network.ts';
import type { FieldId, LinkType } from '../domain/links/vocabulary.ts';
import type { AppState } from './store.ts';

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
  /** CSP's commuting flows into the cities (when the data carry them), their own layer. */
  commutingShown: boolean;
}

export const DEFAULT_LINK_SETTINGS: LinkSettings = { shown: false, colourBy: 'field', types: [], fields: [], dimensions: [], includeUncertain: true, modelShown: false, modelTop: 10, commutingShown: false };

export interface LinksSlice {
  linkSettings: LinkSettings;
  /**
   * The documented links shipped in links.json, null until they are first needed and loaded
   * (linksLoad.ts): the first view fetches neither them nor the code that edits them.
   */
  shippedLinks: Link[] | null;
  /** Something asked for the links (the section opened, a city's links); linksLoad.ts loads them. */
  linksWanted: boolean;
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
  wantLinks: () => void;
  /** Puts in a new set of links (validated by the caller, linkEdits.ts), keeping the previous one for undo. */
  changeLinks: (next: Link[] | null) => void;
  deleteLink: (id: string) => void;
  undoLinkChange: () => void;
  resetLinks: () => void;
  selectLink: (id: string | null) => void;
  setLinkHover: (hover: LinksSlice['linkHover']) => void;
}

const NO_LINKS: Link[] = [];
/** The links in force: the user's edited set, or the shipped ones (one empty array before they load, so selectors stay stable). */
export const selectLinks = (s: Pick<AppState, 'userLinks' | 'shippedLinks'>): Link[] => s.userLinks ?? s.shippedLinks ?? NO_LINKS;

/** The filter of `filterLinks` from the settings (focus is added by whoever focuses). */
export function linkFilterOf(settings: LinkSettings): LinkFilter {
  const filter: LinkFilter = { types: settings.types, fields: settings.fields, dimensions: settings.dimensions, includeUncertain: settings.includeUncertain };
  if (settings.from || settings.to) filter.period = { ...(settings.from && { from: settings.from }), ...(settings.to && { to: settings.to }) };
  return filter;
}

/**
 * The links and their editing. Every change makes a new array (never edits one in place) and keeps
 * the previous array for one step of undo. Adding and importing validate first, so they live with
 * the validator in linkEdits.ts, loaded with the links.
 */
export const createLinksSlice: StateCreator<AppState, [], [], LinksSlice> = (set, get) => {
  const change = (next: Link[] | null) => set((s) => ({ userLinks: next, linkUndo: s.userLinks }));
  return {
    linkSettings: DEFAULT_LINK_SETTINGS,
    shippedLinks: null,
    linksWanted: false,
    userLinks: null,
    linkUndo: undefined,
    selectedLinkId: null,
    linkHover: null,
    linkEditor: null,
    openLinkEditor: (linkEditor) => set({ linkEditor }),
    setLinkSettings: (patch) => set((s) => ({ linkSettings: { ...s.linkSettings, ...patch } })),
    wantLinks: () => set((s) => (s.linksWanted ? {} : { linksWanted: true })),
    changeLinks: change,
    deleteLink: (id) => {
      const current = selectLinks(get());
      if (!current.some((l) => l.id === id)) return;
      change(current.filter((l) => l.id !== id));
      if (get().selectedLinkId === id) set({ selectedLinkId: null });
    },
    undoLinkChange: () => set((s) => (s.linkUndo === undefined ? {} : { userLinks: s.linkUndo, linkUndo: undefined })),
    resetLinks: () => change(null),
    selectLink: (selectedLinkId) => set({ selectedLinkId }),
    setLinkHover: (linkHover) => set({ linkHover }),
  };
};
