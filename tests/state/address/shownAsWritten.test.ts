import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../../src/domain/palette.ts';
import type { Dataset } from '../../../src/domain/dataset.ts';
import { unpackIndicatorFile } from '../../../src/domain/indicatorFile.ts';
import { ADDRESS_KEYS, CAMERA_RANGE, decodeViewState, encodeViewState, type HinterlandView, type ViewContext, type ViewDefaults, type ViewState } from '../../../src/state/urlState.ts';
import { createAppStore } from '../../../src/state/store.ts';
import { applyViewState, VIEW_DEFAULTS, viewContextOf, viewStateOf } from '../../../src/state/viewSync.ts';
import { committedDataset } from '../hinterlandDataset.ts';

/*
 * Issue 20, item 5: a value in a link that the app does not show as written (replaced, rounded,
 * dropped, or meaningless without another key) is named in a notice and left out of the address.
 * Checked over arbitrary addresses made of the real keys with valid, nearly valid and random
 * values, against a small context and against the shipped data with the app's defaults.
 */

const data = (file: string) => JSON.parse(readFileSync(new URL(`../../../public/data/${file}`, import.meta.url), 'utf8'));
const shipped = { indicators: unpackIndicatorFile(data('indicators.json'), 'indicators.json'), cities: data('cities.geojson'), municipalities: data('municipalities.geojson') } as Dataset;

const YEARS: Record<string, string[]> = { population_1jan: ['2025', '2026'], median_age: ['2026'], city_population_change: ['2013-2025'], public_libraries_per_10k: ['2024/2026'], wage_q: ['2021-Q3'], 'wage index & co=ž': ['2023', '2024'] };
const small: ViewContext = {
  indicators: Object.keys(YEARS),
  yearsOf: (i) => YEARS[i] ?? [],
  cityIds: ['riga', 'daugavpils', 'jelgava', 'ogre'],
  unitCodes: ['LV0001000', 'LV0054000'],
  linkTypes: ['membership', 'agreement'],
  linkFields: ['f1', 'f2', 'f3'],
  linkDimensions: ['economic', 'social'],
  sceneCount: 5,
  territorialUnits: true,
  cameraRange: CAMERA_RANGE,
  defaults: { indicator: 'population_1jan', year: '2026', method: 'quantile', classes: 5, palette: 'blues', hinterland: 'admin', alpha: 1, beta: 2, km: 30, threshold: 15, scene: 0 },
};
const CONTEXTS: [string, ViewContext][] = [
  ['a small context', small],
  ['the shipped data and the app’s defaults', viewContextOf(shipped)],
];

/** Keys whose values are numbers (one, or a comma list): `1.50` is the number `1.5` as written. */
const NUMBERS = new Set(['k', 'sc', 'ha', 'hb', 'hk', 'ht', 'b', 'v']);
/** Keys whose values are lists of names, each item kept or named on its own. */
const LISTS = new Set(['lt', 'lf', 'ld']);
/** Old spellings of a key. */
const ALIASES: Record<string, string> = { lang: 'l' };
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** Whether the value the address now holds is the one the link had, spelled perhaps differently. */
function sameAsWritten(key: string, now: string, written: string): boolean {
  if (!NUMBERS.has(key)) return now === written;
  const a = now.split(',');
  const b = written.split(',');
  return a.length === b.length && b.every((x, i) => NUMBER.test(x) && Number(x) === Number(a[i]));
}

/** A failed check, as fast-check reports it (cheaper than expect() thousands of times). */
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

const pairsOf = (search: string) => [...new URLSearchParams(search.replace(/^[?#]/, ''))];

/** What a kept value needs of the others and of the data, written out apart from the codec: nothing meaningless survives. */
function checkMeaningful(s: ViewState, context: ViewContext) {
  const d = context.defaults ?? {};
  if (s.indicator !== undefined) check(context.indicators.includes(s.indicator), 'a known indicator');
  if (s.year !== undefined && s.year !== 'latest' && context.yearsOf) check(context.yearsOf(s.indicator ?? d.indicator!).includes(s.year), 'a year the indicator has');
  if (s.breaks !== undefined) check((s.method ?? d.method) === 'manual', 'breaks only with the manual method');
  if (s.place) check(s.place.kind === 'city' ? context.cityIds.includes(s.place.id) : context.unitCodes.includes(s.place.code), 'a known place');
  if (s.compare !== undefined) check(s.place?.kind === 'city' && s.place.id !== s.compare && context.cityIds.includes(s.compare), 'a comparison with another state city, of a chosen state city');
  const h = s.hinterland;
  if (h) {
    const own: Record<string, string[]> = { admin: [], gravity: ['alpha', 'beta', 'shareCity'], bands: ['km'], fua: [], commuting: ['threshold'] };
    check(Object.keys(h).every((k) => ['kind', 'shown', 'level'].includes(k) || own[h.kind]!.includes(k)), 'only the parameters of its definition');
    if (h.level !== undefined) check(h.kind !== 'bands' && h.kind !== 'fua', 'a level only for a definition made of units');
  }
  for (const [list, all] of [[s.links?.types, context.linkTypes], [s.links?.fields, context.linkFields], [s.links?.dimensions, context.linkDimensions]] as const) {
    if (list) check(list.every((x) => all?.includes(x)), 'known link filter values');
  }
  if (s.scene !== undefined) check(s.scene < (context.sceneCount ?? 0), 'a scene of the deck');
  const r = context.cameraRange;
  if (s.camera && r) check(s.camera.zoom >= r.minZoom && s.camera.zoom <= r.maxZoom && s.camera.lon >= r.bounds[0] && s.camera.lon <= r.bounds[2] && s.camera.lat >= r.bounds[1] && s.camera.lat <= r.bounds[3], 'a camera the map can show');
}

/** The property: what the re-encoded address keeps is in the link as written; what it does not is named (or is what the view shows anyway). */
function expectShownAsWritten(search: string, context: ViewContext) {
  const defaults: ViewDefaults = context.defaults ?? {};
  const { state, dropped } = decodeViewState(search, context);
  for (const d of dropped) check(d.reason.lv.length * d.reason.en.length > 0, `a reason in both languages for ${d.key}=${d.value}`);
  checkMeaningful(state, context);
  const address = encodeViewState(state, defaults);
  const input = pairsOf(search);
  const now = new Map(pairsOf(address));
  const first = new Map<string, number>();
  input.forEach(([k], i) => first.has(ALIASES[k] ?? k) || first.set(ALIASES[k] ?? k, i));
  const named = (key: string, value: string) => dropped.some((d) => d.key === key && d.value === value);

  // What the address keeps, the link had, as written; or the link's value is named as changed (rounded).
  for (const [key, value] of now) {
    const at = first.get(key);
    check(at !== undefined, `${key}=${value} is not in the link`);
    const [asKey, written] = input[at!]!;
    if (LISTS.has(key)) check(value.split(',').every((x) => written.split(',').includes(x)), `${key}=${value} from ${written}`);
    else check(sameAsWritten(key, value, written) || named(asKey, written), `${key}=${value} from ${written}, not named`);
  }
  // What the link had and the address does not keep is named, unless it says what the view shows anyway.
  const silentlyShown = (key: string, value: string) => {
    const again = decodeViewState(`${address}&${encodeURIComponent(key)}=${encodeURIComponent(value)}`, context);
    check(JSON.stringify(again) === JSON.stringify({ state, dropped: [] }), `${key}=${value} left out without a notice`);
  };
  input.forEach(([key, value], i) => {
    const k = ALIASES[key] ?? key;
    if (first.get(k) !== i) return check(named(key, value), `repeated ${key}=${value} is named`);
    const kept = now.get(k);
    if (LISTS.has(k) && value !== '') {
      for (const item of value.split(',')) if (!kept?.split(',').includes(item) && !named(key, item)) silentlyShown(k, item);
      return;
    }
    if ((kept !== undefined && sameAsWritten(k, kept, value)) || named(key, value)) return;
    silentlyShown(k, value);
  });
  // Every notice names something the link had.
  for (const d of dropped) check(input.some(([k, v]) => k === d.key && (v === d.value || (LISTS.has(k) && v.split(',').includes(d.value)))), `the notice of ${d.key}=${d.value} names something the link had`);
  // The address written is canonical: read again, it is the same view with nothing to report.
  expect(decodeViewState(address, context)).toEqual({ state, dropped: [] });
}

/** Decimal text of a number in [min, max] at up to `digits` decimals. */
const decimalText = (min: number, max: number, digits: number) => fc.integer({ min: Math.round(min * 10 ** digits), max: Math.round(max * 10 ** digits) }).map((n) => String(n / 10 ** digits));

/** Values for each key: valid ones from the context, nearly valid ones, random text. */
function valuesOf(context: ViewContext): Record<string, fc.Arbitrary<string>> {
  const list = (items: readonly string[]) => fc.array(fc.constantFrom(...items, 'bogus', ''), { minLength: 1, maxLength: 4 }).map((xs) => xs.join(','));
  const years = context.indicators.flatMap((i) => context.yearsOf?.(i) ?? []);
  const date = fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 31 }), fc.integer({ min: 0, max: 2 })).map(([y, m, d, p]) =>
    p === 0 ? `${y}` : p === 1 ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
  const places = [...context.cityIds, ...context.unitCodes];
  const number = (min: number, max: number) => fc.oneof(decimalText(min, max, 0), decimalText(min, max, 1), decimalText(min, max, 2), decimalText(min, max, 4), decimalText(min - 10, max + 10, 3), fc.constantFrom('-0', '00.5', '1e1', '.5', '5.', 'NaN'));
  return {
    l: fc.constantFrom('lv', 'en', 'de', 'EN'),
    i: fc.constantFrom(...context.indicators, 'gdp', 'user:abc'),
    y: fc.constantFrom(...years, 'latest', '1900', '2025', '2026', '2013-2025', '2021-Q5', '2024/2026', '20x5'),
    m: fc.constantFrom('quantile', 'equal', 'ckmeans', 'manual', 'jenks'),
    k: fc.constantFrom('2', '3', '4', '5', '6', '7', '8', '05', '4.0', '-1'),
    b: fc.oneof(
      fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 7 }).map((xs) => xs.sort((a, b) => a - b).map(String).join(',')),
      fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 7 }).map((xs) => xs.join(',')),
      fc.constantFrom('1,,2', '1e999', '.5,5.', '-1e-7,1e21', '3,2'),
    ),
    p: fc.constantFrom(...PALETTES, 'rainbow'),
    s: fc.constantFrom(...places, 'tallinn'),
    c: fc.constantFrom(...places, 'tallinn'),
    h: fc.constantFrom('admin', 'gravity', 'bands', 'fua', 'commuting', 'voronoi'),
    hs: fc.constantFrom('1', '0', 'yes'),
    ha: number(0, 5),
    hb: number(0.1, 5),
    hc: fc.constantFrom(...context.cityIds, 'tallinn'),
    hk: number(1, 300),
    ht: number(1, 90),
    hl: fc.constantFrom('m', 't', 'p'),
    ls: fc.constantFrom('1', 'true'),
    lt: list(context.linkTypes ?? []),
    lf: list(context.linkFields ?? []),
    ld: list(context.linkDimensions ?? []),
    lp: fc.oneof(fc.tuple(fc.option(date, { nil: '' }), fc.option(date, { nil: '' })).map(([a, b]) => `${a}..${b}`), date, fc.constantFrom('..', '2015..2016..2017')),
    sc: fc.constantFrom('0', '1', '4', '5', '01', '999', '-1'),
    v: fc.oneof(
      fc.tuple(number(-180, 180), number(-86, 86), number(0, 24)).map((xs) => xs.join(',')),
      fc.tuple(decimalText(20, 28, 4), decimalText(55, 58.5, 4), decimalText(4, 12, 2)).map((xs) => xs.join(',')),
      fc.tuple(decimalText(20, 28, 6), decimalText(55, 58.5, 6), decimalText(4, 12, 3)).map((xs) => xs.join(',')),
      fc.constantFrom('24,57', '24,57,8,1', '0,0,0'),
    ),
  };
}

/** An address: pairs of real keys (and a few others), values valid, nearly valid or random, escaped or not. */
function addressOf(context: ViewContext): fc.Arbitrary<string> {
  const values = valuesOf(context);
  const random = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('', '%', '%E0%A4%A', '+', '&', '=', ',', '#'));
  const key = fc.constantFrom(...ADDRESS_KEYS, 'lang', 'x', 'utm_source', '', 'L');
  const pair = key.chain((k) => fc.tuple(fc.constant(k), fc.oneof({ weight: 4, arbitrary: values[k] ?? random }, { weight: 1, arbitrary: random }), fc.boolean()));
  return fc
    .tuple(fc.array(pair, { maxLength: 14 }), fc.constantFrom('', '?'))
    .map(([pairs, lead]) => lead + pairs.map(([k, v, escaped]) => `${k}=${escaped ? encodeURIComponent(v) : v}`).join('&'));
}

describe('a link shows its values as written, or names them (issue 20, item 5)', () => {
  for (const [name, context] of CONTEXTS) {
    it(`holds for arbitrary addresses over ${name}`, () => {
      fc.assert(
        fc.property(addressOf(context), (search) => expectShownAsWritten(search, context)),
        { numRuns: 2000, seed: 2026_05_21 },
      );
    }, 60_000);
  }

  it('holds for random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (search) => expectShownAsWritten(search, small)),
      { numRuns: 1000, seed: 2026_05_21 },
    );
  }, 60_000);
});

describe('a valid view comes back from its address unchanged', () => {
  const d = small.defaults!;
  const not = <T,>(arb: fc.Arbitrary<T>, value: T | undefined) => arb.filter((x) => x !== value);
  const hundredths = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);
  const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);
  const hinterland: fc.Arbitrary<HinterlandView> = fc
    .tuple(
      fc.constantFrom('admin' as const, 'gravity' as const, 'bands' as const, 'fua' as const, 'commuting' as const),
      fc.record({ shown: fc.constant(true), level: fc.constant('municipality' as const), alpha: not(hundredths(0, 5), d.alpha), beta: not(hundredths(0.1, 5), d.beta), shareCity: fc.constantFrom(...small.cityIds), km: not(tenths(1, 300), d.km), threshold: not(tenths(1, 90), d.threshold) }, { requiredKeys: [] }),
    )
    .map(([kind, p]): HinterlandView => {
      const shown = p.shown ? { shown: true } : {};
      const level = p.level && kind !== 'bands' && kind !== 'fua' ? { level: p.level } : {};
      if (kind === 'gravity') return { kind, ...shown, ...level, ...(p.alpha !== undefined && { alpha: p.alpha }), ...(p.beta !== undefined && { beta: p.beta }), ...(p.shareCity !== undefined && { shareCity: p.shareCity }) };
      if (kind === 'bands') return { kind, ...shown, ...(p.km !== undefined && { km: p.km }) };
      if (kind === 'commuting') return { kind, ...shown, ...level, ...(p.threshold !== undefined && { threshold: p.threshold }) };
      return { kind, ...shown, ...level };
    })
    .filter((h) => h.kind !== d.hinterland || Object.keys(h).length > 1);
  const date = fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
  const view: fc.Arbitrary<ViewState> = fc
    .record(
      {
        lang: fc.constantFrom('lv' as const, 'en' as const),
        indicator: not(fc.constantFrom(...small.indicators), d.indicator),
        pickYear: fc.nat(),
        method: fc.constantFrom('equal' as const, 'ckmeans' as const, 'manual' as const),
        breaks: fc.uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)), { minLength: 1, maxLength: 6 }).map((b) => b.sort((x, y) => x - y)),
        classes: fc.constantFrom(3, 4, 6, 7),
        palette: not(fc.constantFrom(...PALETTES), d.palette),
        place: fc.oneof(fc.constantFrom(...small.cityIds).map((id) => ({ kind: 'city' as const, id })), fc.constantFrom(...small.unitCodes).map((code) => ({ kind: 'unit' as const, code }))),
        compare: fc.constantFrom(...small.cityIds),
        hinterland,
        links: fc.record({ shown: fc.constant(true), types: fc.uniqueArray(fc.constantFrom(...small.linkTypes!), { minLength: 1 }), fields: fc.uniqueArray(fc.constantFrom(...small.linkFields!), { minLength: 1 }), from: date, to: date }, { requiredKeys: [] }).filter((l) => Object.keys(l).length > 0 && !(l.from && l.to && l.from > l.to)),
        scene: fc.integer({ min: 1, max: 4 }),
        camera: fc.record({ lon: fc.integer({ min: 40_000, max: 460_000 }).map((n) => n / 1e4), lat: fc.integer({ min: 500_000, max: 640_000 }).map((n) => n / 1e4), zoom: fc.integer({ min: 400, max: 1200 }).map((n) => n / 100) }),
      },
      { requiredKeys: [] },
    )
    .map(({ pickYear, breaks, ...rest }) => {
      const v: ViewState = { ...rest };
      if (v.method === 'manual' && breaks) v.breaks = breaks;
      if (pickYear !== undefined) {
        const years = [...YEARS[v.indicator ?? d.indicator!]!, 'latest'].filter((y) => y !== d.year);
        if (years.length) v.year = years[pickYear % years.length]!;
      }
      if (v.compare !== undefined && (v.place?.kind !== 'city' || v.place.id === v.compare)) delete v.compare;
      return v;
    });

  it('decode(encode(view)) is the view, with nothing to report', () => {
    fc.assert(
      fc.property(view, (v) => {
        expect(decodeViewState(encodeViewState(v, d), small)).toEqual({ state: v, dropped: [] });
      }),
      { numRuns: 1500, seed: 2026_05_21 },
    );
  }, 60_000);
});

describe('a view of the app comes back from its link (store → address → store)', () => {
  const dataset = committedDataset();
  const context = viewContextOf(dataset);
  const years = (id: string) => context.yearsOf!(id);
  const cities = context.cityIds;
  const hundredths = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);
  const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);
  const choices = fc.record({
    lang: fc.constantFrom('lv' as const, 'en' as const),
    indicator: fc.constantFrom(...context.indicators),
    pickYear: fc.nat(),
    method: fc.constantFrom('quantile' as const, 'equal' as const, 'ckmeans' as const, 'manual' as const),
    classes: fc.integer({ min: 3, max: 7 }),
    breaks: fc.uniqueArray(fc.integer({ min: -1000, max: 100_000 }), { minLength: 1, maxLength: 6 }).map((b) => b.sort((x, y) => x - y)),
    palette: fc.constantFrom(...PALETTES),
    place: fc.option(fc.oneof(fc.constantFrom(...cities).map((id) => ({ kind: 'city' as const, id })), fc.constantFrom(...context.unitCodes).map((code) => ({ kind: 'unit' as const, code })))),
    compare: fc.option(fc.constantFrom(...cities)),
    hinterland: fc.record({
      shown: fc.boolean(),
      kind: fc.constantFrom('admin' as const, 'gravity' as const, 'bands' as const, 'fua' as const, 'commuting' as const),
      alpha: hundredths(0, 5),
      beta: hundredths(0.1, 5),
      km: tenths(1, 300),
      threshold: tenths(1, 90),
      shareCity: fc.option(fc.constantFrom(...cities)),
      level: fc.constantFrom('municipality' as const, 'territorial' as const),
    }),
    links: fc.record({
      shown: fc.boolean(),
      types: fc.subarray([...context.linkTypes!]),
      fields: fc.subarray([...context.linkFields!]),
      dimensions: fc.subarray([...context.linkDimensions!]),
      period: fc.tuple(fc.option(fc.integer({ min: 1900, max: 2100 })), fc.option(fc.integer({ min: 1900, max: 2100 }))),
    }),
    scene: fc.option(fc.integer({ min: 0, max: 20 })),
  });

  it('every choice the store can hold is restored by the link it writes, with nothing to report', () => {
    fc.assert(
      fc.property(choices, (c) => {
        const a = createAppStore(c.lang);
        a.getState().setDataset(dataset);
        const ys = years(c.indicator);
        a.getState().setChoropleth({ indicator: c.indicator, year: ys.length ? ys[c.pickYear % ys.length]! : 'latest', method: c.method, classes: c.classes, palette: c.palette, ...(c.method === 'manual' ? { breaks: c.breaks } : {}) });
        a.getState().select(c.place);
        if (c.place?.kind === 'city' && c.compare && c.compare !== c.place.id) a.getState().setCompareCity(c.compare);
        a.getState().setHinterland(c.hinterland);
        const [from, to] = c.links.period.map((y) => (y === null ? undefined : String(y))).sort();
        a.getState().setLinkSettings({ shown: c.links.shown, types: c.links.types, fields: c.links.fields, dimensions: c.links.dimensions, from, to } as never);
        if (c.scene !== null) a.setState({ sceneIndex: c.scene });

        const link = encodeViewState(viewStateOf(a.getState()), VIEW_DEFAULTS);
        const { state, dropped } = decodeViewState(link, context);
        expect(dropped, link).toEqual([]);
        const b = createAppStore(c.lang === 'lv' ? 'en' : 'lv');
        b.getState().setDataset(dataset);
        applyViewState(b, state);
        expect(viewStateOf(b.getState()), link).toEqual(viewStateOf(a.getState()));
      }),
      { numRuns: 500, seed: 2026_05_21 },
    );
  }, 60_000);
});
