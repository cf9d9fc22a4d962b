import { describe, expect, it } from 'vitest';
import { ADDRESS_KEYS, CAMERA_RANGE, decodeViewState, type ViewContext } from '../../../src/state/urlState.ts';

const context: ViewContext = {
  indicators: ['population_1jan', 'median_age'],
  yearsOf: (i) => (i === 'median_age' ? ['2026'] : ['2025', '2026']),
  cityIds: ['riga', 'ogre'],
  unitCodes: ['LV0054000'],
  linkTypes: ['membership'],
  linkFields: ['f1'],
  linkDimensions: ['economic'],
  sceneCount: 5,
  territorialUnits: true,
  cameraRange: CAMERA_RANGE,
  defaults: { indicator: 'population_1jan', year: '2026', method: 'quantile', classes: 5, palette: 'blues', hinterland: 'admin', alpha: 1, beta: 2, km: 30, threshold: 15 },
};
const notices = (search: string) => decodeViewState(search, context).dropped.map((d) => [d.key, d.value, d.reason.en]);

describe('every key: a value the map would not show as written is named (issue 20, item 5)', () => {
  /** For each key, a link whose value for it is refused or changed, and the reason given. */
  const CASES: Record<string, [search: string, value: string, reason: string]> = {
    l: ['l=de', 'de', 'not a language of the app (lv, en)'],
    i: ['i=user:rent', 'user:rent', 'an imported indicator lives only in the browser it was imported into (and there until it is removed); the link shows the first view’s indicator instead'],
    y: ['i=median_age&y=2025', '2025', 'the indicator has no data for this year'],
    m: ['m=jenks', 'jenks', 'no such classification method'],
    k: ['k=9', '9', 'classes must be 3–7'],
    b: ['m=equal&b=1,2', '1,2', 'breaks apply only to the manual method'],
    p: ['p=rainbow', 'rainbow', 'no such palette'],
    s: ['s=tallinn', 'tallinn', 'no such city or municipality'],
    c: ['s=LV0054000&c=riga', 'riga', 'a comparison applies only with a state city chosen (s=…)'],
    h: ['h=voronoi', 'voronoi', 'no such hinterland definition'],
    hs: ['hs=yes', 'yes', 'hs must be 1 (hinterlands shown)'],
    ha: ['h=gravity&ha=1.234', '1.234', 'rounded to 1.23'],
    hb: ['hb=2.5', '2.5', 'applies only to the gravity hinterland'],
    hc: ['h=gravity&hc=tallinn', 'tallinn', 'no such city'],
    hk: ['h=bands&hk=0.5', '0.5', 'the band radius must be a number from 1 to 300'],
    ht: ['h=commuting&ht=20.25', '20.25', 'rounded to 20.3'],
    hl: ['h=fua&hl=m', 'm', 'applies only to the administrative, gravity and commuting hinterlands'],
    ls: ['ls=yes', 'yes', 'ls must be 1 (links shown)'],
    lt: ['lt=membership,bogus', 'bogus', 'unknown link filter value'],
    lf: ['lf=f9', 'f9', 'unknown link filter value'],
    ld: ['ld=cultural', 'cultural', 'unknown link filter value'],
    lp: ['lp=2024..2015', '2024..2015', 'the period ends before it starts'],
    sc: ['sc=99', '99', 'no such scene'],
    v: ['v=0,0,0', '0,0,0', 'outside what the map shows (zoom 4–12, 4–46° E, 50–64° N); the map opens on Latvia'],
  };

  it('has a case for every key of the address', () => {
    expect(Object.keys(CASES)).toEqual([...ADDRESS_KEYS]);
  });

  for (const [key, [search, value, reason]] of Object.entries(CASES)) {
    it(`${key}: ${search}`, () => expect(notices(search)).toEqual([[key, value, reason]]));
  }

  it('unknown keys and repeated ones', () => {
    expect(notices('x=1&k=4&k=6')).toEqual([
      ['x', '1', 'unknown parameter'],
      ['k', '6', 'repeated parameter; the first one is used'],
    ]);
  });
});

describe('bugs the property test found', () => {
  it('names a notice by the key as the link wrote it, the old lang too (it said l=)', () => {
    expect(decodeViewState('lang=', context).dropped).toEqual([{ key: 'lang', value: '', reason: { en: 'empty value', lv: 'tukša vērtība' } }]);
    expect(notices('lang=de')).toEqual([['lang', 'de', 'not a language of the app (lv, en)']]);
  });

  it('says so when it rounds a value to the precision the address keeps (it rounded silently)', () => {
    const { state, dropped } = decodeViewState('h=gravity&ha=1.234&hb=0.456&v=24.105249,56.94961,8.456', context);
    expect(state).toEqual({ hinterland: { kind: 'gravity', alpha: 1.23, beta: 0.46 }, camera: { lon: 24.1052, lat: 56.9496, zoom: 8.46 } });
    expect(dropped).toEqual([
      { key: 'ha', value: '1.234', reason: { en: 'rounded to 1.23', lv: 'noapaļots līdz 1.23' } },
      { key: 'hb', value: '0.456', reason: { en: 'rounded to 0.46', lv: 'noapaļots līdz 0.46' } },
      { key: 'v', value: '24.105249,56.94961,8.456', reason: { en: 'rounded to 24.1052,56.9496,8.46', lv: 'noapaļots līdz 24.1052,56.9496,8.46' } },
    ]);
    expect(notices('h=bands&hk=12.34')).toEqual([['hk', '12.34', 'rounded to 12.3']]);
    // The same number written otherwise is shown as written: nothing to say.
    expect(decodeViewState('h=gravity&ha=1.50&v=24.10,56.9,8.0', context)).toEqual({ state: { hinterland: { kind: 'gravity', alpha: 1.5 }, camera: { lon: 24.1, lat: 56.9, zoom: 8 } }, dropped: [] });
  });
});
