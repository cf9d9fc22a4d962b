import { MAX_CLASSES, MIN_CLASSES, type ClassMethod } from '../../../domain/classify.ts';
import { openingYear, yearsOf } from '../../../domain/indicators.ts';
import { PALETTES, type PaletteName } from '../../../domain/palette.ts';
import { USER_PREFIX } from '../../../domain/userIndicators.ts';
import { DEFAULT_CHOROPLETH } from '../../../domain/defaultChoropleth.ts';
import { no, num, oneOf, type AddressGroup, type AddressParam } from '../param.ts';

export interface ChoroplethView {
  indicator?: string;
  year?: string;
  method?: ClassMethod;
  classes?: number;
  /** Manual class breaks, strictly ascending; only with the 'manual' method. */
  breaks?: number[];
  palette?: PaletteName;
}
export type ChoroplethDefaults = Pick<ChoroplethView, 'indicator' | 'year' | 'method' | 'classes' | 'palette'>;
export interface ChoroplethContext {
  indicators: readonly string[];
  /** The years of an indicator; without it any year-like value ('2024', '2025-07', '2021-Q3', '2013-2025', '2024/2026', 'latest') passes. */
  yearsOf?: (indicator: string) => readonly string[];
}

const METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'ckmeans', 'manual'];
const BREAK = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

const indicator: AddressParam<string> = {
  key: 'i',
  get: (view) => view.indicator,
  put: (view, value) => void (view.indicator = value),
  default: (d) => d.indicator,
  read: (v, context) =>
    context.indicators?.includes(v)
      ? v
      : v.startsWith(USER_PREFIX)
        ? no(
            'an imported indicator lives only in the browser it was imported into (and there until it is removed); the link shows the first view’s indicator instead',
            'importēts rādītājs glabājas tikai tajā pārlūkā, kurā tas importēts (un tur, līdz to izņem); saite rāda sākuma skata rādītāju',
          )
        : no('no such indicator', 'šāda rādītāja nav'),
  write: (value) => value,
};

/** `y`: a year of the indicator read before it (or of the default one). */
const year: AddressParam<string> = {
  key: 'y',
  get: (view) => view.year,
  put: (view, value) => void (view.year = value),
  default: (d) => d.year,
  read: (v, context, view) => {
    const ind = view.indicator ?? context.defaults?.indicator;
    if (v !== 'latest' && !/^\d{4}(?:-\d{2}|-Q[1-4]|[-/]\d{4})?$/.test(v)) return no('not a year', 'nav gads');
    if (v !== 'latest' && ind !== undefined && context.yearsOf && !context.yearsOf(ind).includes(v)) return no('the indicator has no data for this year', 'rādītājam nav datu par šo gadu');
    return v;
  },
  write: (value) => value,
};

const method: AddressParam<ClassMethod> = {
  key: 'm',
  get: (view) => view.method,
  put: (view, value) => void (view.method = value),
  default: (d) => d.method,
  read: oneOf(METHODS, no('no such classification method', 'šādas klasificēšanas metodes nav')),
  write: (value) => value,
};

const classes: AddressParam<number> = {
  key: 'k',
  get: (view) => view.classes,
  put: (view, value) => void (view.classes = value),
  default: (d) => d.classes,
  read: (v) => (/^\d$/.test(v) && +v >= MIN_CLASSES && +v <= MAX_CLASSES ? +v : no(`classes must be ${MIN_CLASSES}–${MAX_CLASSES}`, `klašu skaitam jābūt ${MIN_CLASSES}–${MAX_CLASSES}`)),
  write: num,
};

/** `b`: manual breaks, meaningful only with the manual method. */
const breaks: AddressParam<number[]> = {
  key: 'b',
  get: (view, d) => (view.breaks?.length && (view.method ?? d.method) === 'manual' ? [...view.breaks] : undefined),
  put: (view, value) => void (view.breaks = value),
  read: (v, context, view) => {
    if ((view.method ?? context.defaults?.method) !== 'manual') return no('breaks apply only to the manual method', 'robežas attiecas tikai uz manuālo metodi');
    const parts = v.split(',');
    const ns = parts.map((x) => (BREAK.test(x) ? Number(x) : NaN));
    if (parts.length >= MAX_CLASSES || !ns.every(Number.isFinite) || !ns.every((n, i) => i === 0 || n > ns[i - 1]!)) {
      return no(`breaks must be up to ${MAX_CLASSES - 1} ascending numbers`, `robežām jābūt līdz ${MAX_CLASSES - 1} augošiem skaitļiem`);
    }
    return ns.map((n) => (n === 0 ? 0 : n));
  },
  write: (value) => value.map(num).join(','),
};

const palette: AddressParam<PaletteName> = {
  key: 'p',
  get: (view) => view.palette,
  put: (view, value) => void (view.palette = value),
  default: (d) => d.palette,
  read: oneOf(PALETTES, no('no such palette', 'šādas krāsu paletes nav')),
  write: (value) => value,
};

/** What is mapped and how it is classified; a link leaves out the first choropleth. */
export const CHOROPLETH: AddressGroup = {
  params: [indicator, year, method, classes, breaks, palette],
  defaults: { indicator: DEFAULT_CHOROPLETH.indicator, year: DEFAULT_CHOROPLETH.year, method: DEFAULT_CHOROPLETH.method, classes: DEFAULT_CHOROPLETH.classes, palette: DEFAULT_CHOROPLETH.palette },
  contextOf: (dataset) => ({ indicators: dataset.indicators.indicators.map((i) => i.id), yearsOf: (id) => yearsOf(dataset.indicators, id) }),
  viewOf: ({ choropleth: c }) => ({ indicator: c.indicator, year: c.year, method: c.method, classes: c.classes, palette: c.palette, ...(c.method === 'manual' && c.breaks?.length ? { breaks: c.breaks } : {}) }),
  apply: (store, view) => {
    const s = store.getState();
    const d = DEFAULT_CHOROPLETH;
    const spec = {
      ...d,
      indicator: view.indicator ?? d.indicator,
      // A link without a year opens the indicator where the picker does (its latest year), so the same choice draws the same map.
      year: view.year ?? (view.indicator && view.indicator !== d.indicator && s.dataset ? openingYear(s.dataset.indicators, view.indicator) : d.year),
      method: view.method ?? d.method,
      classes: view.classes ?? d.classes,
      palette: view.palette ?? d.palette,
      ...(view.breaks ? { breaks: view.breaks } : {}),
    };
    if (JSON.stringify(spec) !== JSON.stringify(s.choropleth)) store.setState({ choropleth: spec, legendHover: null, legendKeep: [] });
  },
  shapes: ({ array, number, string }) => ({
    indicator: string(),
    year: string(),
    method: string(),
    classes: number({ integer: true }),
    breaks: array(number()),
    palette: string(),
  }),
};
