import type { StoreApi } from 'zustand/vanilla';
import { COMMUTING_THRESHOLD } from '../../../domain/hinterland/defaults.ts';
import { DEFAULT_HINTERLAND, type HinterlandSettings } from '../../hinterlandSlice.ts';
import type { AppState } from '../../store.ts';
import { decimal, no, num, oneOf, round, type AddressGroup, type AddressParam, type Parse, type Reason } from '../param.ts';
import type { ViewDefaults, ViewState } from '../view.ts';

/**
 * How a city's hinterland is drawn: the documented units, a gravity (Huff) model, distance bands;
 * `shown` when on the map; `level: 'municipality'` when the administrative or gravity hinterland is
 * made of municipalities rather than the default parishes and towns (`hl=m`; bands and FUAs have
 * no level choice).
 */
export type HinterlandView = ({ kind: 'admin' } | { kind: 'gravity'; alpha?: number; beta?: number; shareCity?: string } | { kind: 'bands'; km?: number } | { kind: 'fua' } | { kind: 'commuting'; threshold?: number }) & { shown?: boolean; level?: 'territorial' | 'municipality' };
type Kind = HinterlandView['kind'];
type Level = NonNullable<HinterlandView['level']>;

export interface HinterlandPart {
  hinterland?: HinterlandView;
}
export interface HinterlandDefaults {
  hinterland?: Kind;
  alpha?: number;
  beta?: number;
  km?: number;
  threshold?: number;
}
export interface HinterlandContext {
  /** Whether the data have territorial units, so that a link may ask for the parish level. */
  territorialUnits?: boolean;
}

const KINDS: readonly Kind[] = ['admin', 'gravity', 'bands', 'fua', 'commuting'];
/** The definitions made of units, with a choice of level. */
const LEVELLED: readonly Kind[] = ['admin', 'gravity', 'commuting'];
/** Gravity exponents and band radius: ranges a person would try, at the precision the URL keeps. */
export const ALPHA_RANGE = { min: 0, max: 5, digits: 2 } as const;
export const BETA_RANGE = { min: 0.1, max: 5, digits: 2 } as const;
export const BAND_KM_RANGE = { min: 1, max: 300, digits: 1 } as const;
/** The commuting threshold, per cent of a unit's employed (COMMUTING_THRESHOLD), to one decimal. */
export const THRESHOLD_RANGE = { min: COMMUTING_THRESHOLD.min, max: COMMUTING_THRESHOLD.max, digits: 1 } as const;

const kindOf = (view: ViewState, d: ViewDefaults = {}): Kind => view.hinterland?.kind ?? d.hinterland ?? 'admin';
/** The view's hinterland, of the default definition when none is named yet. */
const hinterlandOf = (view: ViewState, d: ViewDefaults): HinterlandView => (view.hinterland ??= { kind: d.hinterland ?? 'admin' });
/** A parser that applies only under one definition. */
const only =
  <T>(kind: Kind, en: string, lv: string, parse: Parse<T>): Parse<T> =>
  (v, context, view) =>
    kindOf(view, context.defaults) === kind ? parse(v, context, view) : no(en, lv);
const gravityOnly = ['applies only to the gravity hinterland', 'attiecas tikai uz gravitācijas modeli'] as const;

const kind: AddressParam<Kind> = {
  key: 'h',
  get: (view) => view.hinterland?.kind,
  put: (view, value) => void (view.hinterland = { kind: value }),
  default: (d) => d.hinterland ?? 'admin',
  read: oneOf(KINDS, no('no such hinterland definition', 'šādas apkārtnes definīcijas nav')),
  write: (value) => value,
};

const shown: AddressParam<true> = {
  key: 'hs',
  get: (view) => (view.hinterland?.shown ? true : undefined),
  put: (view, value, d) => void (hinterlandOf(view, d).shown = value),
  read: (v): true | Reason => (v === '1' ? true : no('hs must be 1 (hinterlands shown)', 'hs jābūt 1 (apkārtne rādīta)')),
  write: () => '1',
};

const alpha: AddressParam<number> = {
  key: 'ha',
  get: ({ hinterland: h }) => (h?.kind === 'gravity' && h.alpha !== undefined ? round(h.alpha, ALPHA_RANGE.digits) : undefined),
  put: (view, value, d) => {
    const h = hinterlandOf(view, d);
    if (h.kind === 'gravity') h.alpha = value;
  },
  default: (d) => d.alpha,
  read: only('gravity', ...gravityOnly, decimal(ALPHA_RANGE, 'alpha', 'alfa')),
  write: num,
};

const beta: AddressParam<number> = {
  key: 'hb',
  get: ({ hinterland: h }) => (h?.kind === 'gravity' && h.beta !== undefined ? round(h.beta, BETA_RANGE.digits) : undefined),
  put: (view, value, d) => {
    const h = hinterlandOf(view, d);
    if (h.kind === 'gravity') h.beta = value;
  },
  default: (d) => d.beta,
  read: only('gravity', ...gravityOnly, decimal(BETA_RANGE, 'beta', 'beta')),
  write: num,
};

/** `hc`: the city whose share of attraction colours the gravity hinterland. */
const shareCity: AddressParam<string> = {
  key: 'hc',
  get: ({ hinterland: h }) => (h?.kind === 'gravity' && h.shareCity ? h.shareCity : undefined),
  put: (view, value, d) => {
    const h = hinterlandOf(view, d);
    if (h.kind === 'gravity') h.shareCity = value;
  },
  read: only('gravity', ...gravityOnly, (v, context) => (context.cityIds.includes(v) ? v : no('no such city', 'šādas pilsētas nav'))),
  write: (value) => value,
};

const km: AddressParam<number> = {
  key: 'hk',
  get: ({ hinterland: h }) => (h?.kind === 'bands' && h.km !== undefined ? round(h.km, BAND_KM_RANGE.digits) : undefined),
  put: (view, value, d) => {
    const h = hinterlandOf(view, d);
    if (h.kind === 'bands') h.km = value;
  },
  default: (d) => d.km,
  read: only('bands', 'applies only to distance bands', 'attiecas tikai uz attāluma joslām', decimal(BAND_KM_RANGE, 'the band radius', 'joslas rādiusam')),
  write: num,
};

const threshold: AddressParam<number> = {
  key: 'ht',
  get: ({ hinterland: h }) => (h?.kind === 'commuting' && h.threshold !== undefined ? round(h.threshold, THRESHOLD_RANGE.digits) : undefined),
  put: (view, value, d) => {
    const h = hinterlandOf(view, d);
    if (h.kind === 'commuting') h.threshold = value;
  },
  default: (d) => d.threshold,
  read: only('commuting', 'applies only to the commuting hinterland', 'attiecas tikai uz svārstmigrācijas aptvērumu', decimal(THRESHOLD_RANGE, 'the threshold', 'slieksnim')),
  write: num,
};

/** `hl`: m, municipalities; t (the default, accepted from older links), parishes and towns. */
const level: AddressParam<Level> = {
  key: 'hl',
  get: ({ hinterland: h }) => (h && LEVELLED.includes(h.kind) ? h.level : undefined),
  put: (view, value, d) => void (hinterlandOf(view, d).level = value),
  default: () => 'territorial',
  read: (v, context, view) => {
    if (v !== 't' && v !== 'm') return no('hl must be m (municipalities) or t (territorial units)', 'hl jābūt m (pašvaldības) vai t (teritoriālās vienības)');
    if (!LEVELLED.includes(kindOf(view, context.defaults))) return no('applies only to the administrative, gravity and commuting hinterlands', 'attiecas tikai uz administratīvo, gravitācijas un svārstmigrācijas aptvērumu');
    if (v === 'm') return 'municipality';
    return context.territorialUnits ? 'territorial' : no('the map’s data have no territorial units', 'kartes datos nav teritoriālo vienību');
  },
  write: (value) => (value === 'municipality' ? 'm' : 't'),
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

/** The hinterland: shown or not, its definition and that definition's parameters. */
export const HINTERLAND: AddressGroup = {
  params: [kind, shown, alpha, beta, shareCity, km, threshold, level],
  defaults: { hinterland: DEFAULT_HINTERLAND.kind, alpha: DEFAULT_HINTERLAND.alpha, beta: DEFAULT_HINTERLAND.beta, km: DEFAULT_HINTERLAND.km, threshold: DEFAULT_HINTERLAND.threshold },
  contextOf: (dataset) => ({ territorialUnits: dataset.territorialUnitsAvailable }),
  viewOf: (state) => ({ hinterland: hinterlandViewOf(state.hinterland) }),
  apply: (store, view) => applyHinterlandView(store, view.hinterland),
  shapes: ({ boolean, number, object, oneOf: oneOfList, optional, string }) => ({
    hinterland: object(
      {
        kind: oneOfList(KINDS),
        shareCity: optional(string()),
        alpha: optional(number()),
        beta: optional(number()),
        km: optional(number()),
        threshold: optional(number()),
        shown: optional(boolean()),
        level: optional(oneOfList(['territorial', 'municipality'])),
      },
      { strict: true },
    ),
  }),
};
