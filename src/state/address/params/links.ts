import type { StoreApi } from 'zustand/vanilla';
import type { Dimension } from '../../../domain/indicators.ts';
import { DIMENSIONS, FIELDS, LINK_TYPES, type FieldId, type LinkType } from '../../../domain/links/ids.ts';
import type { LinkSettings } from '../../linksSlice.ts';
import type { AppState } from '../../store.ts';
import { Amended, no, type AddressGroup, type AddressParam } from '../param.ts';
import type { ViewState } from '../view.ts';

/** Which documented links are shown; an absent list means all. Dates are ISO at any precision. */
export interface LinkFilterView {
  /** Whether the links are drawn at all (`ls=1`). */
  shown?: boolean;
  types?: string[];
  fields?: string[];
  dimensions?: string[];
  from?: string;
  to?: string;
}
export interface LinksPart {
  links?: LinkFilterView;
}
export interface LinksContext {
  linkTypes?: readonly string[];
  linkFields?: readonly string[];
  linkDimensions?: readonly string[];
}

const linksOf = (view: ViewState): LinkFilterView => (view.links ??= {});
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `s` is an existing ISO date at year, month or day precision. */
function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const month = Number(m[2] ?? 1);
  const day = Number(m[3] ?? 1);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

const shown: AddressParam<true> = {
  key: 'ls',
  get: (view) => (view.links?.shown ? true : undefined),
  put: (view, value) => void (linksOf(view).shown = value),
  read: (v) => (v === '1' ? true : no('ls must be 1 (links shown)', 'ls jābūt 1 (saites rādītas)')),
  write: () => '1',
};

/** A filter list (`lt`, `lf`, `ld`): each unknown item is left out and named; the rest are kept. */
function filterList(key: string, field: 'types' | 'fields' | 'dimensions', allowed: (context: LinksContext) => readonly string[] | undefined): AddressParam<string[]> {
  return {
    key,
    get: (view) => (view.links?.[field]?.length ? [...new Set(view.links[field])] : undefined),
    put: (view, value) => void (linksOf(view)[field] = value),
    read: (v, context) => {
      const items = v.split(',');
      const bad = items.filter((x) => !allowed(context)?.includes(x));
      const good = [...new Set(items.filter((x) => !bad.includes(x)))];
      return bad.length ? new Amended(good, bad.map((value) => ({ value, reason: no('unknown link filter value', 'nezināma saišu filtra vērtība') }))) : good;
    },
    write: (value) => value.join(','),
  };
}

/** `lp`: the period, from..to, either end open. */
const period: AddressParam<[string, string]> = {
  key: 'lp',
  get: ({ links: l }) => (l?.from || l?.to ? [l.from ?? '', l.to ?? ''] : undefined),
  put: (view, [from, to]) => {
    if (from) linksOf(view).from = from;
    if (to) linksOf(view).to = to;
  },
  read: (v) => {
    const [from = '', to = '', ...rest] = v.split('..');
    const ok = rest.length === 0 && v.includes('..') && (from || to) && (!from || isIsoDate(from)) && (!to || isIsoDate(to));
    if (!ok) return no('the period must be from..to as ISO dates', 'periodam jābūt no..līdz kā ISO datumiem');
    const end = to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
    return from && to && `${from}-01-01`.slice(0, 10) > end ? no('the period ends before it starts', 'periods beidzas pirms sākuma') : [from, to];
  },
  write: ([from, to]) => `${from}..${to}`,
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

/** The documented links: shown or not, and the filter by type, field, dimension and period. */
export const LINKS: AddressGroup = {
  params: [shown, filterList('lt', 'types', (c) => c.linkTypes), filterList('lf', 'fields', (c) => c.linkFields), filterList('ld', 'dimensions', (c) => c.linkDimensions), period],
  defaults: {},
  contextOf: () => ({ linkTypes: LINK_TYPES, linkFields: FIELDS, linkDimensions: DIMENSIONS }),
  viewOf: (state) => ({ links: linkFilterViewOf(state.linkSettings) }),
  apply: (store, view) => applyLinkFilterView(store, view.links),
  shapes: ({ array, boolean, object, optional, string }) => ({
    links: object(
      {
        shown: optional(boolean()),
        types: optional(array(string())),
        fields: optional(array(string())),
        dimensions: optional(array(string())),
        from: optional(string()),
        to: optional(string()),
      },
      { strict: true },
    ),
  }),
};
