import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../src/domain/palette.ts';
import { decodeViewState, encodeViewState, withoutDefaults, type ViewContext, type ViewDefaults, type ViewState } from '../../src/state/urlState.ts';

const defaults: ViewDefaults = { indicator: 'population_1jan', year: '2026', method: 'quantile', classes: 5, palette: 'blues', hinterland: 'admin', alpha: 1, beta: 2, km: 30, scene: 0 };
const YEARS: Record<string, string[]> = { population_1jan: ['2025', '2026'], median_age: ['2026'], city_population_change: ['2013-2025'], public_libraries_per_10k: ['2024/2026'], wage_q: ['2021-Q3'], 'wage index & co=ž': ['2023', '2024'] };
const context: ViewContext = {
  indicators: Object.keys(YEARS),
  yearsOf: (i) => YEARS[i] ?? [],
  cityIds: ['riga', 'daugavpils', 'jelgava', 'jurmala', 'liepaja', 'rezekne', 'ventspils', 'valmiera', 'jekabpils', 'ogre'],
  unitCodes: ['LV0001000', 'LV0038000', 'LV0054000'],
  linkTypes: ['membership', 'agreement', 'sister_city'],
  linkFields: ['f1', 'f2', 'f3', 'f4', 'f5'],
  linkDimensions: ['economic', 'social', 'environmental'],
  sceneCount: 5,
  territorialUnits: true,
  defaults,
};
const decode = (search: string) => decodeViewState(search, context);
const keysOf = (search: string) => decode(search).dropped.map((d) => d.key);

const full: ViewState = {
  lang: 'en',
  indicator: 'median_age',
  year: 'latest',
  method: 'manual',
  breaks: [40.5, 45, 50],
  palette: 'rdbu',
  place: { kind: 'city', id: 'rezekne' },
  compare: 'valmiera',
  hinterland: { kind: 'gravity', alpha: 1.5, beta: 2.25 },
  links: { shown: true, types: ['membership', 'sister_city'], fields: ['f1', 'f4'], dimensions: ['economic'], from: '2015', to: '2024-06' },
  scene: 2,
  camera: { lon: 24.1052, lat: 56.9496, zoom: 8.5 },
};
const fullSearch = 'l=en&i=median_age&y=latest&m=manual&b=40.5,45,50&p=rdbu&s=rezekne&c=valmiera&h=gravity&ha=1.5&hb=2.25&ls=1&lt=membership,sister_city&lf=f1,f4&ld=economic&lp=2015..2024-06&sc=2&v=24.1052,56.9496,8.5';

describe('encoding a view', () => {
  it('writes short keys in a fixed order, and nothing for defaults', () => {
    expect(encodeViewState(full, defaults)).toBe(fullSearch);
    expect(encodeViewState({}, defaults)).toBe('');
    expect(encodeViewState({ indicator: 'population_1jan', year: '2026', classes: 5, hinterland: { kind: 'admin' }, scene: 0, links: {} }, defaults)).toBe('');
    expect(encodeViewState({ hinterland: { kind: 'bands', km: 30 } }, defaults)).toBe('h=bands');
    expect(encodeViewState({ hinterland: { kind: 'bands', km: 45 } }, defaults)).toBe('h=bands&hk=45');
  });

  it('rounds the camera and escapes what a URL cannot hold', () => {
    expect(encodeViewState({ camera: { lon: 24.105249, lat: -0.00001, zoom: 8.456 } })).toBe('v=24.1052,0,8.46');
    expect(encodeViewState({ indicator: 'wage index & co=ž' })).toBe('i=wage%20index%20%26%20co%3D%C5%BE');
    expect(encodeViewState({ method: 'quantile', breaks: [1, 2] })).toBe('m=quantile');
    expect(encodeViewState({ method: 'manual', breaks: [-1e21, 0.1] })).toBe('m=manual&b=-1e%2B21,0.1');
  });
});

describe('the hinterland level (hl)', () => {
  it('writes hl=m for municipalities under the administrative and gravity definitions only (parishes are the default)', () => {
    expect(encodeViewState({ hinterland: { kind: 'admin', level: 'municipality' } }, defaults)).toBe('hl=m');
    expect(encodeViewState({ hinterland: { kind: 'admin', level: 'territorial' } }, defaults)).toBe('');
    expect(encodeViewState({ hinterland: { kind: 'gravity', alpha: 1.5, level: 'municipality', shown: true } }, defaults)).toBe('h=gravity&hs=1&ha=1.5&hl=m');
    expect(encodeViewState({ hinterland: { kind: 'bands', level: 'municipality' } }, defaults)).toBe('h=bands');
    expect(encodeViewState({ hinterland: { kind: 'fua', level: 'municipality' } }, defaults)).toBe('h=fua');
  });

  it('reads it back (and an older link’s hl=t), and drops it where it cannot apply', () => {
    expect(decode('hl=m')).toEqual({ state: { hinterland: { kind: 'admin', level: 'municipality' } }, dropped: [] });
    // An older link's hl=t asks for what is now the default: read, nothing to keep, nothing to report.
    expect(decode('hl=t')).toEqual({ state: {}, dropped: [] });
    expect(decode('h=gravity&hl=m&hs=1').state).toEqual({ hinterland: { kind: 'gravity', level: 'municipality', shown: true } });
    expect(decode('h=bands&hl=m').dropped.map((d) => [d.key, d.reason.en])).toEqual([['hl', 'applies only to the administrative, gravity and commuting hinterlands']]);
    expect(decode('hl=p').dropped.map((d) => [d.key, d.reason.en])).toEqual([['hl', 'hl must be m (municipalities) or t (territorial units)']]);
    const noUnits = decodeViewState('hl=t', { ...context, territorialUnits: false });
    expect(noUnits.state).toEqual({});
    expect(noUnits.dropped.map((d) => [d.key, d.reason.en])).toEqual([['hl', 'the map’s data have no territorial units']]);
  });
});

describe('decoding a view', () => {
  it('reads back every field, with or without "?"', () => {
    expect(decode(fullSearch)).toEqual({ state: full, dropped: [] });
    expect(decode(`?${fullSearch}`).state).toEqual(full);
    expect(decode('s=riga&h=bands&hk=12.5').state).toEqual({ place: { kind: 'city', id: 'riga' }, hinterland: { kind: 'bands', km: 12.5 } });
  });

  it('still reads the old lang parameter', () => {
    expect(decode('?lang=en')).toEqual({ state: { lang: 'en' }, dropped: [] });
    expect(decode('l=lv&lang=en')).toEqual({ state: { lang: 'lv' }, dropped: [{ key: 'lang', value: 'en', reason: { lv: 'atkārtots parametrs; izmantots pirmais', en: 'repeated parameter; the first one is used' } }] });
  });

  it('drops what is unknown, out of range or does not apply, with a notice each', () => {
    const { state, dropped } = decode('i=gdp&k=9&p=rainbow&s=tallinn&c=LV0001000&h=voronoi&ha=1.5&sc=9&v=200,56,8&utm_source=x&y=&m=manual&m=equal');
    expect(state).toEqual({ method: 'manual' });
    expect(dropped.map((d) => [d.key, d.value, d.reason.en])).toEqual([
      ['utm_source', 'x', 'unknown parameter'],
      ['m', 'equal', 'repeated parameter; the first one is used'],
      ['i', 'gdp', 'no such indicator'],
      ['y', '', 'empty value'],
      ['k', '9', 'classes must be 3–7'],
      ['p', 'rainbow', 'no such palette'],
      ['s', 'tallinn', 'no such city or municipality'],
      ['c', 'LV0001000', 'a comparison applies only with a state city chosen (s=…)'],
      ['h', 'voronoi', 'no such hinterland definition'],
      ['ha', '1.5', 'applies only to the gravity hinterland'],
      ['sc', '9', 'no such scene'],
      ['v', '200,56,8', 'the view must be lon,lat,zoom'],
    ]);
    expect(dropped.every((d) => d.reason.lv.length > 0)).toBe(true);
  });

  it('checks breaks, years, hinterland parameters, link filters and periods', () => {
    expect(keysOf('b=1,2')).toEqual(['b']);
    expect(decode('m=manual&b=3,2').state).toEqual({ method: 'manual' });
    expect(decode('m=manual&b=1,2,3,4,5,6,7').dropped[0]!.reason.en).toBe('breaks must be up to 6 ascending numbers');
    expect(decode('m=manual&b=-1e%2B21,0,1.5').state.breaks).toEqual([-1e21, 0, 1.5]);
    expect(decode('i=median_age&y=2025').dropped[0]!.reason.en).toBe('the indicator has no data for this year');
    expect(decode('y=2025').state).toEqual({ year: '2025' });
    expect(decode('y=2024').state).toEqual({});
    // Periods of change indicators and ratios of two sources' years are years too, and come back.
    expect(decode('i=city_population_change&y=2013-2025')).toEqual({ state: { indicator: 'city_population_change', year: '2013-2025' }, dropped: [] });
    const ratio = { indicator: 'public_libraries_per_10k', year: '2024/2026' };
    expect(decode(encodeViewState(ratio, defaults))).toEqual({ state: ratio, dropped: [] });
    // A quarter (the state cities' wages of 2021 Q3) is a year label too.
    const quarter = { indicator: 'wage_q', year: '2021-Q3' };
    expect(decode(encodeViewState(quarter, defaults))).toEqual({ state: quarter, dropped: [] });
    expect(keysOf('y=2013-20x5')).toEqual(['y']);
    expect(decode('h=gravity&ha=5.5&hb=0').dropped.map((d) => d.reason.en)).toEqual(['alpha must be a number from 0 to 5', 'beta must be a number from 0.1 to 5']);
    expect(decode('h=gravity&ha=1.234&hb=2').state).toEqual({ hinterland: { kind: 'gravity', alpha: 1.23 } });
    expect(decode('h=bands&hk=0').dropped.map((d) => d.key)).toEqual(['hk']);
    const links = decode('lt=membership,bogus,membership&ld=economic&lp=2024..2015');
    expect(links.state).toEqual({ links: { types: ['membership'], dimensions: ['economic'] } });
    expect(links.dropped.map((d) => [d.key, d.value])).toEqual([
      ['lt', 'bogus'],
      ['lp', '2024..2015'],
    ]);
    expect(decode('ls=1').state).toEqual({ links: { shown: true } });
    expect(decode('ls=yes').dropped.map((d) => d.reason.en)).toEqual(['ls must be 1 (links shown)']);
    expect(decode('lp=2015..').state).toEqual({ links: { from: '2015' } });
    expect(decode('lp=..2024-02-29').state).toEqual({ links: { to: '2024-02-29' } });
    expect(keysOf('lp=2023-02-29..')).toEqual(['lp']);
    expect(keysOf('lp=2015-13..2016')).toEqual(['lp']);
    expect(keysOf('lp=2015')).toEqual(['lp']);
    expect(decode('lp=2024-05..2024').state).toEqual({ links: { from: '2024-05', to: '2024' } });
  });

  it('rounds the camera it reads and leaves out values equal to the defaults', () => {
    expect(decode('v=24.105249,56.94961,8.456').state).toEqual({ camera: { lon: 24.1052, lat: 56.9496, zoom: 8.46 } });
    expect(decode('i=population_1jan&y=2026&m=quantile&k=5&p=blues&h=admin&sc=0')).toEqual({ state: {}, dropped: [] });
    expect(['v=24,89,8', 'v=181,0,1', 'v=0,0,25', 'v=0,0,-1', 'v=1e1,0,1', 'v=0,0'].flatMap(keysOf)).toEqual(Array(6).fill('v'));
    expect(decode('v=-180,-85.0511,0').state).toEqual({ camera: { lon: -180, lat: -85.0511, zoom: 0 } });
  });

  it('reads a link without the context lists it needs as empty, with notices', () => {
    const { state, dropped } = decodeViewState('lt=membership&sc=1', { indicators: [], cityIds: [], unitCodes: [] });
    expect(state).toEqual({});
    expect(dropped.map((d) => d.key)).toEqual(['lt', 'sc']);
  });
});

describe('values the map would not show as written', () => {
  it('drops a comparison without a chosen state city, or with the city itself, and says why', () => {
    expect(decode('c=riga').dropped).toEqual([{ key: 'c', value: 'riga', reason: expect.objectContaining({ en: expect.stringContaining('only with a state city chosen') }) }]);
    expect(keysOf('s=LV0038000&c=riga')).toEqual(['c']);
    expect(keysOf('s=riga&c=riga')).toEqual(['c']);
    expect(decode('s=riga&c=ogre')).toEqual({ state: { place: { kind: 'city', id: 'riga' }, compare: 'ogre' }, dropped: [] });
  });

  it('refuses a camera outside what the map can show instead of moving it silently', () => {
    const ranged = { ...context, cameraRange: { minZoom: 4, maxZoom: 12, bounds: [4, 50, 46, 64] as const } };
    const { state, dropped } = decodeViewState('v=0,0,0', ranged);
    expect(state.camera).toBeUndefined();
    expect(dropped[0]).toMatchObject({ key: 'v', value: '0,0,0', reason: { lv: expect.stringContaining('karte atveras ar Latviju') } });
    expect(decodeViewState('v=24.1,56.9,13', ranged).dropped.map((d) => d.key)).toEqual(['v']);
    expect(decodeViewState('v=24.1,56.9,8', ranged)).toEqual({ state: { camera: { lon: 24.1, lat: 56.9, zoom: 8 } }, dropped: [] });
  });
});

describe('properties', () => {
  const year = (min: number) => fc.integer({ min, max: 2030 });
  const date = fc.tuple(year(1990), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, p, m, d]) =>
    p === 0 ? `${y}` : p === 1 ? `${y}-${String(m).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  );
  const start = (d: string) => `${d}-01-01`.slice(0, 10);
  const end = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);
  const sub = (list: readonly string[]) => fc.uniqueArray(fc.constantFrom(...list), { minLength: 1 });
  const hundredths = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);

  const validState: fc.Arbitrary<ViewState> = fc
    .record(
      {
        lang: fc.constantFrom('lv' as const, 'en' as const),
        indicator: fc.constantFrom(...context.indicators),
        classes: fc.integer({ min: 3, max: 7 }),
        palette: fc.constantFrom(...PALETTES),
        place: fc.oneof(fc.constantFrom(...context.cityIds).map((id) => ({ kind: 'city' as const, id })), fc.constantFrom(...context.unitCodes).map((code) => ({ kind: 'unit' as const, code }))),
        compare: fc.constantFrom(...context.cityIds),
        hinterland: fc.oneof(
          fc.record({ kind: fc.constant('admin' as const), level: fc.constant('territorial' as const) }, { requiredKeys: ['kind'] }),
          fc.record({ kind: fc.constant('gravity' as const), alpha: hundredths(0, 5), beta: hundredths(0.1, 5), level: fc.constant('territorial' as const) }, { requiredKeys: ['kind'] }),
          fc.record({ kind: fc.constant('bands' as const), km: fc.integer({ min: 10, max: 3000 }).map((n) => n / 10) }, { requiredKeys: ['kind'] }),
        ),
        links: fc
          .record({ shown: fc.constant(true), types: sub(context.linkTypes!), fields: sub(context.linkFields!), dimensions: sub(context.linkDimensions!), from: date, to: date }, { requiredKeys: [] })
          .map((l) => (l.from && l.to && start(l.from) > end(l.to) ? { ...l, from: l.to, to: l.from } : l)),
        scene: fc.integer({ min: 0, max: 4 }),
        camera: fc.record({
          lon: fc.integer({ min: -1_800_000, max: 1_800_000 }).map((n) => n / 1e4),
          lat: fc.integer({ min: -850_511, max: 850_511 }).map((n) => n / 1e4),
          zoom: fc.integer({ min: 0, max: 2400 }).map((n) => n / 100),
        }),
        choropleth: fc.oneof(
          fc.record({ method: fc.constantFrom('quantile' as const, 'equal' as const, 'ckmeans' as const) }, { requiredKeys: [] }),
          fc.record({ method: fc.constant('manual' as const), breaks: fc.uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)), { minLength: 1, maxLength: 6 }).map((b) => b.sort((x, y) => x - y)) }, { requiredKeys: ['method'] }),
        ),
        pickYear: fc.oneof(fc.constant('latest'), fc.nat()),
      },
      { requiredKeys: [] },
    )
    .map(({ choropleth, pickYear, ...rest }) => {
      const s: ViewState = { ...rest, ...choropleth };
      // A comparison belongs to a chosen state city's profile, and never with itself.
      if (s.compare && (s.place?.kind !== 'city' || s.place.id === s.compare)) delete s.compare;
      if (pickYear !== undefined) {
        const years = YEARS[s.indicator ?? defaults.indicator!]!;
        s.year = pickYear === 'latest' ? 'latest' : years[pickYear % years.length]!;
      }
      return s;
    });

  it('encode → decode gives back any valid state (defaults left out)', () => {
    fc.assert(
      fc.property(validState, (s) => {
        const search = encodeViewState(s, defaults);
        expect(decode(search)).toEqual({ state: withoutDefaults(s, defaults), dropped: [] });
        expect(encodeViewState(withoutDefaults(s, defaults), defaults)).toBe(search);
      }),
      { numRuns: 500 },
    );
  });

  /** Validity checked independently of the codec. */
  function expectValid(s: ViewState) {
    const ind = s.indicator ?? defaults.indicator!;
    const ok = (cond: boolean, what: string) => expect(cond, what).toBe(true);
    if (s.lang !== undefined) ok(['lv', 'en'].includes(s.lang), 'lang');
    if (s.indicator !== undefined) ok(context.indicators.includes(s.indicator) && s.indicator !== defaults.indicator, 'indicator');
    if (s.year !== undefined) ok((s.year === 'latest' || YEARS[ind]!.includes(s.year)) && s.year !== defaults.year, 'year');
    if (s.classes !== undefined) ok(Number.isInteger(s.classes) && s.classes >= 3 && s.classes <= 7 && s.classes !== 5, 'classes');
    if (s.breaks !== undefined) ok(s.method === 'manual' && s.breaks.length >= 1 && s.breaks.length <= 6 && s.breaks.every((b, i) => Number.isFinite(b) && (i === 0 || b > s.breaks![i - 1]!)), 'breaks');
    if (s.palette !== undefined) ok(PALETTES.includes(s.palette) && s.palette !== 'blues', 'palette');
    if (s.place) ok(s.place.kind === 'city' ? context.cityIds.includes(s.place.id) : context.unitCodes.includes(s.place.code), 'place');
    if (s.compare !== undefined) ok(context.cityIds.includes(s.compare) && s.place?.kind === 'city' && s.place.id !== s.compare, 'compare');
    const h = s.hinterland;
    if (h?.kind === 'gravity') ok((h.alpha === undefined || (h.alpha >= 0 && h.alpha <= 5)) && (h.beta === undefined || (h.beta >= 0.1 && h.beta <= 5)), 'gravity');
    if (h?.kind === 'bands') ok(h.km === undefined || (h.km >= 1 && h.km <= 300), 'bands');
    if (h?.kind === 'admin') ok(Object.keys(h).length > 1 || defaults.hinterland !== 'admin', 'admin');
    if (h?.level !== undefined) ok(h.level === 'territorial' && h.kind !== 'bands', 'level');
    if (s.links) {
      ok(Object.keys(s.links).length > 0, 'links');
      for (const [list, all] of [[s.links.types, context.linkTypes], [s.links.fields, context.linkFields], [s.links.dimensions, context.linkDimensions]] as const) {
        if (list) ok(list.length > 0 && new Set(list).size === list.length && list.every((x) => all!.includes(x)), 'link list');
      }
      if (s.links.from && s.links.to) ok(start(s.links.from) <= end(s.links.to), 'period');
    }
    if (s.scene !== undefined) ok(Number.isInteger(s.scene) && s.scene >= 1 && s.scene < 5, 'scene');
    if (s.camera) {
      const { lon, lat, zoom } = s.camera;
      ok(Math.abs(lon) <= 180 && Math.abs(lat) <= 85.0511 && zoom >= 0 && zoom <= 24, 'camera range');
      ok(Math.round(lon * 1e4) / 1e4 === lon && Math.round(lat * 1e4) / 1e4 === lat && Math.round(zoom * 100) / 100 === zoom, 'camera precision');
    }
  }

  const checkDecoded = (search: string) => {
    const { state, dropped } = decode(search);
    expectValid(state);
    expect(dropped.every((d) => typeof d.key === 'string' && d.reason.lv && d.reason.en)).toBe(true);
    // Whatever was read is canonical: writing it out and reading it again changes nothing.
    expect(decode(encodeViewState(state, defaults))).toEqual({ state, dropped: [] });
  };

  it('decoding any string never throws and yields a valid state', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkDecoded), { numRuns: 500 });
  });

  it('decoding query-like noise never throws and yields a valid state', () => {
    const key = fc.constantFrom('l', 'lang', 'i', 'y', 'm', 'k', 'b', 'p', 's', 'c', 'h', 'ha', 'hb', 'hk', 'ht', 'lt', 'lf', 'ld', 'lp', 'sc', 'v', 'x', '');
    const value = fc.oneof(
      fc.constantFrom('en', 'lv', 'median_age', '2026', '2025', 'latest', 'manual', 'equal', '4', '1,2,3', '3,2', 'rdbu', 'riga', 'LV0054000', 'gravity', 'bands', 'admin', '1.5', '0', '-0', '45', 'membership,bogus', 'f1,f9', 'economic', '2015..2024', '..2020', '2024..2015', '1', '24.1,56.9,8', '-0,-0,0', '24,89,8', '181,0,1', '0,0,25', '%E0%A4%A', '+', '1e999'),
      fc.string({ maxLength: 10 }),
    );
    const query = fc.array(fc.tuple(key, value), { maxLength: 12 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    fc.assert(fc.property(query, checkDecoded), { numRuns: 1000 });
  });
});
