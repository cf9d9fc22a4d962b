import { COMMUTING_THRESHOLD } from '../domain/hinterland/commuting.ts';
import { MAX_CLASSES, MIN_CLASSES, type ClassMethod } from '../domain/classify.ts';
import { USER_PREFIX } from '../domain/userIndicators.ts';
import type { Lang } from '../domain/format.ts';
import { PALETTES, type PaletteName } from '../domain/palette.ts';
import type { PlaceRef } from '../domain/places.ts';

/**
 * How a city's hinterland is drawn: the documented units, a gravity (Huff) model, distance bands;
 * `shown` when on the map; `level: 'municipality'` when the administrative or gravity hinterland is
 * made of municipalities rather than the default parishes and towns (`hl=m`; bands and FUAs have
 * no level choice).
 */
export type HinterlandView = ({ kind: 'admin' } | { kind: 'gravity'; alpha?: number; beta?: number; shareCity?: string } | { kind: 'bands'; km?: number } | { kind: 'fua' } | { kind: 'commuting'; threshold?: number }) & { shown?: boolean; level?: 'territorial' | 'municipality' };

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

/** Where the map looks: WGS84 centre and zoom, kept to 4 and 2 decimals (about 10 m). */
export interface CameraView {
  lon: number;
  lat: number;
  zoom: number;
}

/** Everything a shared link restores. Every field is optional: absent means the app's default. */
export interface ViewState {
  lang?: Lang;
  indicator?: string;
  year?: string;
  method?: ClassMethod;
  classes?: number;
  /** Manual class breaks, strictly ascending; only with the 'manual' method. */
  breaks?: number[];
  palette?: PaletteName;
  place?: PlaceRef;
  /** A second state city to compare with. */
  compare?: string;
  hinterland?: HinterlandView;
  links?: LinkFilterView;
  scene?: number;
  camera?: CameraView;
}

/** The app's defaults; a value equal to its default is left out of the URL. */
export interface ViewDefaults {
  lang?: Lang;
  indicator?: string;
  year?: string;
  method?: ClassMethod;
  classes?: number;
  palette?: PaletteName;
  hinterland?: HinterlandView['kind'];
  alpha?: number;
  beta?: number;
  km?: number;
  threshold?: number;
  scene?: number;
}

/** What a URL may refer to; a value outside these lists is dropped with a notice. */
export interface ViewContext {
  indicators: readonly string[];
  /** The years of an indicator; without it any year-like value ('2024', '2025-07', '2021-Q3', '2013-2025', '2024/2026', 'latest') passes. */
  yearsOf?: (indicator: string) => readonly string[];
  cityIds: readonly string[];
  unitCodes: readonly string[];
  linkTypes?: readonly string[];
  linkFields?: readonly string[];
  linkDimensions?: readonly string[];
  sceneCount?: number;
  /** Whether the data have territorial units, so that a link may ask for the parish level. */
  territorialUnits?: boolean;
  /** The cameras the map can show (`CAMERA_RANGE`); a link's camera outside it is refused, not silently moved. */
  cameraRange?: CameraRange;
  defaults?: ViewDefaults;
}

export interface CameraRange {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees: the centre must lie inside. */
  bounds: readonly [number, number, number, number];
}

/** The map's zoom range and bounds (src/map/mapView.ts uses them), wide enough for a scene framed beside big stage cards. */
export const CAMERA_RANGE: CameraRange = { minZoom: 4, maxZoom: 12, bounds: [4, 50, 46, 64] };

/** A parameter the decoder left out, and why, in both languages. */
export interface DroppedParam {
  key: string;
  value: string;
  reason: { lv: string; en: string };
}

const METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'ckmeans', 'manual'];
const HINTERLANDS: readonly HinterlandView['kind'][] = ['admin', 'gravity', 'bands', 'fua', 'commuting'];
/** Gravity exponents and band radius: ranges a person would try, at the precision the URL keeps. */
export const ALPHA_RANGE = { min: 0, max: 5, digits: 2 } as const;
export const BETA_RANGE = { min: 0.1, max: 5, digits: 2 } as const;
export const BAND_KM_RANGE = { min: 1, max: 300, digits: 1 } as const;
/** The commuting threshold, per cent of a unit's employed (COMMUTING_THRESHOLD), to one decimal. */
export const THRESHOLD_RANGE = { min: COMMUTING_THRESHOLD.min, max: COMMUTING_THRESHOLD.max, digits: 1 } as const;
const MAX_LAT = 85.0511;

const round = (x: number, digits: number) => {
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return r === 0 ? 0 : r;
};
const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The state without what equals a default or cannot apply (breaks without the manual method),
 * with the camera rounded: the canonical form that `encodeViewState` writes and
 * `decodeViewState` returns.
 */
export function withoutDefaults(state: ViewState, defaults: ViewDefaults = {}): ViewState {
  const out: ViewState = {};
  const keep = <K extends keyof ViewState & keyof ViewDefaults>(k: K) => {
    if (state[k] !== undefined && state[k] !== defaults[k]) (out as Record<string, unknown>)[k] = state[k];
  };
  (['lang', 'indicator', 'year', 'method', 'classes', 'palette', 'scene'] as const).forEach(keep);
  if (state.breaks?.length && (state.method ?? defaults.method) === 'manual') out.breaks = [...state.breaks];
  if (state.place) out.place = state.place.kind === 'city' ? { kind: 'city', id: state.place.id } : { kind: 'unit', code: state.place.code };
  if (state.compare !== undefined) out.compare = state.compare;
  const h = state.hinterland;
  if (h) {
    const kept: HinterlandView = { kind: h.kind };
    if (h.shown) kept.shown = true;
    // Parishes are the default level: only the choice of municipalities is written (hl=m).
    if (h.level === 'municipality' && (h.kind === 'admin' || h.kind === 'gravity' || h.kind === 'commuting')) kept.level = 'municipality';
    if (h.kind === 'commuting' && kept.kind === 'commuting' && h.threshold !== undefined && round(h.threshold, THRESHOLD_RANGE.digits) !== defaults.threshold) kept.threshold = round(h.threshold, THRESHOLD_RANGE.digits);
    if (h.kind === 'gravity' && kept.kind === 'gravity') {
      if (h.alpha !== undefined && round(h.alpha, ALPHA_RANGE.digits) !== defaults.alpha) kept.alpha = round(h.alpha, ALPHA_RANGE.digits);
      if (h.beta !== undefined && round(h.beta, BETA_RANGE.digits) !== defaults.beta) kept.beta = round(h.beta, BETA_RANGE.digits);
      if (h.shareCity) kept.shareCity = h.shareCity;
    }
    if (h.kind === 'bands' && kept.kind === 'bands' && h.km !== undefined && round(h.km, BAND_KM_RANGE.digits) !== defaults.km) kept.km = round(h.km, BAND_KM_RANGE.digits);
    if (Object.keys(kept).length > 1 || h.kind !== (defaults.hinterland ?? 'admin')) out.hinterland = kept;
  }
  const l = state.links;
  if (l) {
    const links: LinkFilterView = {};
    if (l.shown) links.shown = true;
    for (const k of ['types', 'fields', 'dimensions'] as const) if (l[k]?.length) links[k] = [...new Set(l[k])];
    if (l.from) links.from = l.from;
    if (l.to) links.to = l.to;
    if (Object.keys(links).length) out.links = links;
  }
  if (state.camera) {
    const { lon, lat, zoom } = state.camera;
    out.camera = { lon: round(lon, 4), lat: round(lat, 4), zoom: round(zoom, 2) };
  }
  return out;
}

/** A number as the shortest text that reads back to it. */
const num = (n: number) => String(n);

/**
 * The query string of a view (without the leading '?'), with short keys in a fixed order and
 * only the values that differ from the defaults: `i=median_age&y=2026&k=4&s=riga&v=24.1052,56.9496,8.5`.
 */
export function encodeViewState(state: ViewState, defaults: ViewDefaults = {}): string {
  const s = withoutDefaults(state, defaults);
  const pairs: [string, string | undefined][] = [
    ['l', s.lang],
    ['i', s.indicator],
    ['y', s.year],
    ['m', s.method],
    ['k', s.classes !== undefined ? num(s.classes) : undefined],
    ['b', s.breaks?.map(num).join(',')],
    ['p', s.palette],
    ['s', s.place && (s.place.kind === 'city' ? s.place.id : s.place.code)],
    ['c', s.compare],
    ['h', s.hinterland && s.hinterland.kind !== (defaults.hinterland ?? 'admin') ? s.hinterland.kind : undefined],
    ['hs', s.hinterland?.shown ? '1' : undefined],
    ['ha', s.hinterland?.kind === 'gravity' && s.hinterland.alpha !== undefined ? num(s.hinterland.alpha) : undefined],
    ['hb', s.hinterland?.kind === 'gravity' && s.hinterland.beta !== undefined ? num(s.hinterland.beta) : undefined],
    ['hc', s.hinterland?.kind === 'gravity' ? s.hinterland.shareCity : undefined],
    ['hk', s.hinterland?.kind === 'bands' && s.hinterland.km !== undefined ? num(s.hinterland.km) : undefined],
    ['ht', s.hinterland?.kind === 'commuting' && s.hinterland.threshold !== undefined ? num(s.hinterland.threshold) : undefined],
    ['hl', s.hinterland?.level === 'municipality' ? 'm' : undefined],
    ['ls', s.links?.shown ? '1' : undefined],
    ['lt', s.links?.types?.join(',')],
    ['lf', s.links?.fields?.join(',')],
    ['ld', s.links?.dimensions?.join(',')],
    ['lp', s.links && (s.links.from || s.links.to) ? `${s.links.from ?? ''}..${s.links.to ?? ''}` : undefined],
    ['sc', s.scene !== undefined ? num(s.scene) : undefined],
    ['v', s.camera && `${num(s.camera.lon)},${num(s.camera.lat)},${num(s.camera.zoom)}`],
  ];
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`)
    .join('&');
}

const KEYS = new Set(['l', 'i', 'y', 'm', 'k', 'b', 'p', 's', 'c', 'h', 'hs', 'ha', 'hb', 'hc', 'hk', 'ht', 'hl', 'ls', 'lt', 'lf', 'ld', 'lp', 'sc', 'v']);
const DECIMAL = /^-?\d+(?:\.\d+)?$/;
const BREAK = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `s` is an existing ISO date at year, month or day precision. */
function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const month = Number(m[2] ?? 1);
  const day = Number(m[3] ?? 1);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

/** Why a parser refused a value. */
class Reason {
  constructor(
    readonly en: string,
    readonly lv: string,
  ) {}
}
const no = (en: string, lv: string) => new Reason(en, lv);

/**
 * Reads a query string (with or without '?') back into a view. A value that is unknown, out of
 * range or does not apply is dropped with a notice, never thrown; values equal to the defaults are
 * left out, so the state is in the same canonical form `encodeViewState` writes. The old `lang`
 * parameter is still read.
 */
export function decodeViewState(search: string, context: ViewContext): { state: ViewState; dropped: DroppedParam[] } {
  const defaults = context.defaults ?? {};
  const dropped: DroppedParam[] = [];
  const drop = (key: string, value: string, { en, lv }: Reason) => dropped.push({ key, value, reason: { lv, en } });
  const params = new URLSearchParams(search.replace(/^[?#]/, ''));
  const raw = new Map<string, string>();
  for (const [key, value] of params) {
    const k = key === 'lang' ? 'l' : key;
    if (!KEYS.has(k)) drop(key, value, no('unknown parameter', 'nezināms parametrs'));
    else if (raw.has(k)) drop(key, value, no('repeated parameter; the first one is used', 'atkārtots parametrs; izmantots pirmais'));
    else raw.set(k, value);
  }
  /** The value of `key` when `parse` accepts it; otherwise undefined and a notice. */
  function take<T>(key: string, parse: (v: string) => T | Reason): T | undefined {
    const v = raw.get(key);
    if (v === undefined) return undefined;
    if (v === '') {
      drop(key, v, no('empty value', 'tukša vērtība'));
      return undefined;
    }
    const r = parse(v);
    if (!(r instanceof Reason)) return r;
    drop(key, v, r);
    return undefined;
  }
  const oneOf = <T extends string>(list: readonly T[] | undefined, what: Reason) => (v: string): T | Reason => (list?.includes(v as T) ? (v as T) : what);
  const decimal = (range: { min: number; max: number; digits: number }, what: string, ce: string) => (v: string): number | Reason => {
    const n = DECIMAL.test(v) ? round(Number(v), range.digits) : NaN;
    return n >= range.min && n <= range.max ? n : no(`${what} must be a number from ${range.min} to ${range.max}`, `${ce} jābūt skaitlim no ${range.min} līdz ${range.max}`);
  };

  const state: ViewState = {};
  const lang = take('l', oneOf<Lang>(['lv', 'en'], no('not a language of the app (lv, en)', 'nav lietotnes valoda (lv, en)')));
  if (lang) state.lang = lang;
  const indicator = take('i', (v): string | Reason =>
    context.indicators?.includes(v)
      ? v
      : v.startsWith(USER_PREFIX)
        ? no(
            'an imported indicator lives only in the browser it was imported into (and there until it is removed); the link shows the first view’s indicator instead',
            'importēts rādītājs glabājas tikai tajā pārlūkā, kurā tas importēts (un tur, līdz to izņem); saite rāda sākuma skata rādītāju',
          )
        : no('no such indicator', 'šāda rādītāja nav'),
  );
  if (indicator) state.indicator = indicator;
  const ind = indicator ?? defaults.indicator;
  const year = take('y', (v): string | Reason => {
    if (v !== 'latest' && !/^\d{4}(?:-\d{2}|-Q[1-4]|[-/]\d{4})?$/.test(v)) return no('not a year', 'nav gads');
    if (v !== 'latest' && ind !== undefined && context.yearsOf && !context.yearsOf(ind).includes(v)) return no('the indicator has no data for this year', 'rādītājam nav datu par šo gadu');
    return v;
  });
  if (year) state.year = year;
  const method = take('m', oneOf(METHODS, no('no such classification method', 'šādas klasificēšanas metodes nav')));
  if (method) state.method = method;
  const classes = take('k', (v): number | Reason => (/^\d$/.test(v) && +v >= MIN_CLASSES && +v <= MAX_CLASSES ? +v : no(`classes must be ${MIN_CLASSES}–${MAX_CLASSES}`, `klašu skaitam jābūt ${MIN_CLASSES}–${MAX_CLASSES}`)));
  if (classes !== undefined) state.classes = classes;
  const breaks = take('b', (v): number[] | Reason => {
    if ((method ?? defaults.method) !== 'manual') return no('breaks apply only to the manual method', 'robežas attiecas tikai uz manuālo metodi');
    const parts = v.split(',');
    const ns = parts.map((x) => (BREAK.test(x) ? Number(x) : NaN));
    if (parts.length >= MAX_CLASSES || !ns.every(Number.isFinite) || !ns.every((n, i) => i === 0 || n > ns[i - 1]!)) {
      return no(`breaks must be up to ${MAX_CLASSES - 1} ascending numbers`, `robežām jābūt līdz ${MAX_CLASSES - 1} augošiem skaitļiem`);
    }
    return ns.map((n) => (n === 0 ? 0 : n));
  });
  if (breaks) state.breaks = breaks;
  const palette = take('p', oneOf(PALETTES, no('no such palette', 'šādas krāsu paletes nav')));
  if (palette) state.palette = palette;
  const place = take('s', (v): PlaceRef | Reason =>
    context.cityIds.includes(v) ? { kind: 'city', id: v } : context.unitCodes.includes(v) ? { kind: 'unit', code: v } : no('no such city or municipality', 'šādas pilsētas vai pašvaldības nav'),
  );
  if (place) state.place = place;
  // A comparison is part of a state city's profile: meaningless without that city chosen.
  const compare = take('c', (v): string | Reason =>
    place?.kind !== 'city'
      ? no('a comparison applies only with a state city chosen (s=…)', 'salīdzinājums attiecas tikai uz izvēlētu valstspilsētu (s=…)')
      : v === place.id
        ? no('a city is not compared with itself', 'pilsētu nesalīdzina ar sevi')
        : context.cityIds.includes(v)
          ? v
          : no('no such state city', 'šādas valstspilsētas nav'),
  );
  if (compare) state.compare = compare;

  const kind = take('h', oneOf(HINTERLANDS, no('no such hinterland definition', 'šādas apkārtnes definīcijas nav'))) ?? defaults.hinterland ?? 'admin';
  const only = (k: HinterlandView['kind'], en: string, lv: string) => <T>(parse: (v: string) => T | Reason) => (v: string): T | Reason => (kind === k ? parse(v) : no(en, lv));
  const gravity = only('gravity', 'applies only to the gravity hinterland', 'attiecas tikai uz gravitācijas modeli');
  const alpha = take('ha', gravity(decimal(ALPHA_RANGE, 'alpha', 'alfa')));
  const beta = take('hb', gravity(decimal(BETA_RANGE, 'beta', 'beta')));
  const shareCity = take('hc', gravity((v): string | Reason => (context.cityIds.includes(v) ? v : no('no such city', 'šādas pilsētas nav'))));
  const km = take('hk', only('bands', 'applies only to distance bands', 'attiecas tikai uz attāluma joslām')(decimal(BAND_KM_RANGE, 'the band radius', 'joslas rādiusam')));
  const threshold = take('ht', only('commuting', 'applies only to the commuting hinterland', 'attiecas tikai uz svārstmigrācijas aptvērumu')(decimal(THRESHOLD_RANGE, 'the threshold', 'slieksnim')));
  const hinterland: HinterlandView =
    kind === 'gravity'
      ? { kind, ...(alpha !== undefined && { alpha }), ...(beta !== undefined && { beta }), ...(shareCity !== undefined && { shareCity }) }
      : kind === 'bands'
        ? { kind, ...(km !== undefined && { km }) }
        : kind === 'commuting'
          ? { kind, ...(threshold !== undefined && { threshold }) }
          : { kind };
  if (take('hs', (v): true | Reason => (v === '1' ? true : no('hs must be 1 (hinterlands shown)', 'hs jābūt 1 (apkārtne rādīta)')))) hinterland.shown = true;
  // m: municipalities; t (the default, accepted from older links): parishes and towns.
  const level = take('hl', (v): 'territorial' | 'municipality' | Reason => {
    if (v !== 't' && v !== 'm') return no('hl must be m (municipalities) or t (territorial units)', 'hl jābūt m (pašvaldības) vai t (teritoriālās vienības)');
    if (kind === 'bands' || kind === 'fua') return no('applies only to the administrative, gravity and commuting hinterlands', 'attiecas tikai uz administratīvo, gravitācijas un svārstmigrācijas aptvērumu');
    if (v === 'm') return 'municipality';
    return context.territorialUnits ? 'territorial' : no('the map’s data have no territorial units', 'kartes datos nav teritoriālo vienību');
  });
  if (level) hinterland.level = level;
  state.hinterland = hinterland;

  const links: LinkFilterView = {};
  if (take('ls', (v): true | Reason => (v === '1' ? true : no('ls must be 1 (links shown)', 'ls jābūt 1 (saites rādītas)')))) links.shown = true;
  for (const [key, k, list] of [['lt', 'types', context.linkTypes], ['lf', 'fields', context.linkFields], ['ld', 'dimensions', context.linkDimensions]] as const) {
    const items = take(key, (v) => v.split(','));
    const good = [...new Set(items?.filter((x) => list?.includes(x) || void drop(key, x, no('unknown link filter value', 'nezināma saišu filtra vērtība'))))];
    if (good.length) links[k] = good;
  }
  const period = take('lp', (v): [string, string] | Reason => {
    const [from = '', to = '', ...rest] = v.split('..');
    const ok = rest.length === 0 && v.includes('..') && (from || to) && (!from || isIsoDate(from)) && (!to || isIsoDate(to));
    if (!ok) return no('the period must be from..to as ISO dates', 'periodam jābūt no..līdz kā ISO datumiem');
    const end = to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to;
    return from && to && `${from}-01-01`.slice(0, 10) > end ? no('the period ends before it starts', 'periods beidzas pirms sākuma') : [from, to];
  });
  if (period?.[0]) links.from = period[0];
  if (period?.[1]) links.to = period[1];
  state.links = links;

  const scene = take('sc', (v): number | Reason => (/^\d{1,3}$/.test(v) && +v < (context.sceneCount ?? 0) ? +v : no('no such scene', 'šādas ainas nav')));
  if (scene !== undefined) state.scene = scene;
  const camera = take('v', (v): CameraView | Reason => {
    const parts = v.split(',');
    const [lon, lat, zoom] = parts.map((x) => (DECIMAL.test(x) ? Number(x) : NaN)) as [number, number, number];
    const ok = parts.length === 3 && Math.abs(lon) <= 180 && Math.abs(lat) <= MAX_LAT && zoom >= 0 && zoom <= 24;
    if (!ok) return no('the view must be lon,lat,zoom', 'skatam jābūt garums,platums,tālummaiņa');
    const r = context.cameraRange;
    if (r && !(zoom >= r.minZoom && zoom <= r.maxZoom && lon >= r.bounds[0] && lon <= r.bounds[2] && lat >= r.bounds[1] && lat <= r.bounds[3])) {
      const [w, so, e, n] = r.bounds;
      return no(
        `outside what the map shows (zoom ${r.minZoom}–${r.maxZoom}, ${w}–${e}° E, ${so}–${n}° N); the map opens on Latvia`,
        `ārpus kartes rādāmā (tālummaiņa ${r.minZoom}–${r.maxZoom}, ${w}–${e}° A, ${so}–${n}° Z); karte atveras ar Latviju`,
      );
    }
    return { lon, lat, zoom };
  });
  if (camera) state.camera = camera;
  return { state: withoutDefaults(state, defaults), dropped };
}
