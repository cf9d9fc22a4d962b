import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../../src/domain/palette.ts';
import { deckToJson, type Deck, type Scene } from '../../src/domain/scenes.ts';
import type { Dataset } from '../../src/domain/dataset.ts';
import { unpackIndicatorFile } from '../../src/domain/indicatorFile.ts';
import { readDeck, readSceneView } from '../../src/state/deckStorage.ts';
import { openSceneView, resolveSceneView, sceneFromState } from '../../src/state/sceneView.ts';
import { createAppStore } from '../../src/state/store.ts';
import type { ViewState } from '../../src/state/urlState.ts';
import { viewContextOf } from '../../src/state/viewSync.ts';

const data = (file: string) => JSON.parse(readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8'));
/** The shipped data, as far as scenes need it: indicators, cities and municipalities. */
const dataset = { indicators: unpackIndicatorFile(data('indicators.json'), 'indicators.json'), cities: data('cities.geojson'), municipalities: data('municipalities.geojson') } as Dataset;
const context = viewContextOf(dataset);
const text = (s: string) => ({ lv: s, en: s });
const sceneOf = (view: ViewState, extra: Partial<Scene<ViewState>> = {}): Scene<ViewState> => ({ id: 's', title: text('S'), caption: text(''), notes: text(''), view, ...extra });

describe('a scene’s view in a deck file', () => {
  it('must have the shape of a view', () => {
    expect(readSceneView({ indicator: 'median_age', camera: { lon: 24, lat: 57, zoom: 7 } }).ok).toBe(true);
    expect(readSceneView([])).toMatchObject({ ok: false, reason: { en: 'the view must be an object' } });
    expect(readSceneView({ colour: 'red' })).toMatchObject({ ok: false, reason: { en: 'unknown field “colour”' } });
    expect(readSceneView({ camera: { lon: '24', lat: 57, zoom: 7 } })).toMatchObject({ ok: false, reason: { en: 'the field “camera” has the wrong type' } });
    expect(readSceneView({ hinterland: { kind: 'gravity', level: 'territorial' } }).ok).toBe(true);
    // A scene of the FUAs, or of one city's share of attraction, saved from the app, opens again.
    expect(readSceneView({ hinterland: { kind: 'fua', shown: true } }).ok).toBe(true);
    expect(readSceneView({ hinterland: { kind: 'gravity', shareCity: 'valmiera' } }).ok).toBe(true);
    expect(readSceneView({ hinterland: { kind: 'gravity', shareCity: 7 } }).ok).toBe(false);
    expect(readSceneView({ hinterland: { kind: 'admin', level: 'parish' } })).toMatchObject({ ok: false, reason: { en: 'the field “hinterland” has the wrong type' } });
    expect(readSceneView({ place: { kind: 'city', code: 'riga' } }).ok).toBe(false);
    expect(readSceneView({ hinterland: { kind: 'voronoi' } }).ok).toBe(false);
    expect(readSceneView({ links: { types: ['agreement'], from: '2020' } }).ok).toBe(true);
  });

  it('reads keys as data, never as behaviour: toString, constructor and __proto__ are unknown fields', () => {
    for (const key of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const raw = JSON.parse(`{"indicator":"median_age","${key}":{"x":1}}`) as unknown;
      expect(() => readSceneView(raw), key).not.toThrow();
      expect(readSceneView(raw), key).toMatchObject({ ok: false, reason: { en: `unknown field “${key}”` } });
    }
  });

  it('refuses any malformed deck with a reason and never throws (fuzzed, seeded)', () => {
    const keys = fc.constantFrom('indicator', 'year', 'place', 'camera', 'hinterland', 'links', 'toString', '__proto__', 'constructor', 'x');
    const json = fc.jsonValue({ maxDepth: 3 });
    const viewLike = fc.dictionary(keys, json, { maxKeys: 5 });
    const sceneLike = fc.record({ id: fc.oneof(fc.constant('a'), fc.string()), title: fc.oneof(fc.constant({ lv: 'T', en: 'T' }), json), view: fc.oneof(viewLike, json) }, { requiredKeys: [] });
    const deckLike = fc.record({ format: fc.oneof(fc.constant('state-cities-deck'), fc.string()), version: fc.oneof(fc.constant(1), json), scenes: fc.oneof(fc.array(sceneLike, { maxLength: 3 }), json) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(deckLike.map((d) => JSON.stringify(d)), fc.string()), (text) => {
        const result = readDeck(text);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.reason.lv.length * result.reason.en.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000, seed: 20261207 },
    );
  });

  it('round-trips any view through a deck file', () => {
    const view: fc.Arbitrary<ViewState> = fc.record(
      {
        indicator: fc.string(),
        year: fc.string(),
        method: fc.constantFrom('quantile', 'equal', 'ckmeans', 'manual'),
        classes: fc.integer({ min: 2, max: 9 }),
        breaks: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n))),
        palette: fc.constantFrom(...PALETTES),
        place: fc.oneof(fc.record({ kind: fc.constant('city' as const), id: fc.string() }), fc.record({ kind: fc.constant('unit' as const), code: fc.string() })),
        compare: fc.string(),
        hinterland: fc.oneof(fc.constant({ kind: 'admin' as const, shown: true }), fc.record({ kind: fc.constant('bands' as const), km: fc.double({ min: 1, max: 300, noNaN: true }) })),
        links: fc.record({ types: fc.array(fc.string()), from: fc.string() }, { requiredKeys: [] }),
        camera: fc.record({ lon: fc.double({ min: -180, max: 180, noNaN: true }), lat: fc.double({ min: -85, max: 85, noNaN: true }), zoom: fc.double({ min: 0, max: 24, noNaN: true }) }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(view, { minLength: 1, maxLength: 5 }), (views) => {
        const deck: Deck<ViewState> = { title: text('d'), scenes: views.map((v, i) => sceneOf(JSON.parse(JSON.stringify(v)) as ViewState, { id: `s${i}` })) };
        expect(readDeck(deckToJson(deck))).toEqual({ ok: true, value: deck });
      }),
      { numRuns: 200 },
    );
  });
});

describe('opening a scene', () => {
  it('applies indicator, year, classification and place, and keeps the presenter’s language', () => {
    const store = createAppStore('en');
    const view: ViewState = { lang: 'lv', indicator: 'median_age', year: '2026', method: 'equal', classes: 4, palette: 'greens', place: { kind: 'city', id: 'valmiera' }, camera: { lon: 25.4, lat: 57.5, zoom: 9 } };
    const camera = openSceneView(store, sceneOf(view), 3, context);
    const s = store.getState();
    expect(s.choropleth).toMatchObject({ indicator: 'median_age', year: '2026', method: 'equal', classes: 4, palette: 'greens' });
    expect(s.selection).toEqual({ kind: 'city', id: 'valmiera' });
    expect(s.lang).toBe('en');
    expect(s.sceneIndex).toBe(3);
    expect(s.sceneNotes).toEqual([]);
    expect(camera).toEqual({ lon: 25.4, lat: 57.5, zoom: 9 });
  });

  it('draws the links and the hinterlands a scene names, and hides them in a scene that does not', () => {
    const store = createAppStore('lv');
    openSceneView(store, sceneOf({ links: { shown: true, fields: ['f1'] }, hinterland: { kind: 'gravity', shown: true } }), 0, context);
    expect(store.getState().linkSettings).toMatchObject({ shown: true, fields: ['f1'] });
    expect(store.getState().hinterland).toMatchObject({ shown: true, kind: 'gravity' });
    openSceneView(store, sceneOf({ indicator: 'median_age' }), 1, context);
    expect(store.getState().linkSettings).toMatchObject({ shown: false, fields: [] });
    expect(store.getState().hinterland.shown).toBe(false);
  });

  it('opens a scene that names data no longer there, with a note for each, instead of failing', () => {
    const store = createAppStore('lv');
    store.getState().select({ kind: 'city', id: 'riga' });
    openSceneView(store, sceneOf({ indicator: 'removed_indicator', place: { kind: 'city', id: 'atlantis' }, compare: 'riga' }), 0, context);
    const s = store.getState();
    expect(s.choropleth.indicator).toBe('population_1jan');
    expect(s.selection).toBeNull();
    expect(s.sceneNotes.map((n) => n.en)).toEqual([
      'Left out of the scene: “i=removed_indicator”: no such indicator',
      'Left out of the scene: “s=atlantis”: no such city or municipality',
      // Without its city the comparison means nothing, so it goes too, said so.
      'Left out of the scene: “c=riga”: a comparison applies only with a state city chosen (s=…)',
    ]);
    expect(s.sceneNotes[0]?.lv).toBe('Ainā izlaists “i=removed_indicator”: šāda rādītāja nav');
  });

  it('opens the key-facts panel when the scene asks for it', () => {
    const store = createAppStore();
    openSceneView(store, sceneOf({}, { keyFacts: true }), 0, context);
    expect(store.getState().keyFactsOpen).toBe(true);
    openSceneView(store, sceneOf({}), 1, context);
    expect(store.getState().keyFactsOpen).toBe(false);
  });

  it('resolves a view to the canonical form of a link: defaults left out', () => {
    expect(resolveSceneView({ indicator: 'population_1jan', method: 'quantile', palette: 'blues', lang: 'en', scene: 4 }, context)).toEqual({ view: {}, notes: [] });
  });

  it('keeps the year a scene names, even one a link would leave out or cannot carry', () => {
    expect(resolveSceneView({ indicator: 'population_density', year: '2026' }, context).view).toEqual({ indicator: 'population_density', year: '2026' });
    expect(resolveSceneView({ indicator: 'population_annual_average_change', year: '2012-2024' }, context)).toEqual({ view: { indicator: 'population_annual_average_change', year: '2012-2024' }, notes: [] });
    expect(resolveSceneView({ indicator: 'median_age', year: '1990' }, context).notes.map((n) => n.en)).toEqual(['Left out of the scene: “y=1990”: the indicator has no data for this year']);
  });
});

describe('a new scene from the current view', () => {
  it('keeps view and camera but not the language or the scene number, and is titled after the indicator', () => {
    const store = createAppStore('en');
    store.setState({ dataset });
    store.getState().setChoropleth({ indicator: 'median_age', year: '2026' });
    store.getState().goToScene(0);
    const scene = sceneFromState(store.getState(), 'scene-9', { lon: 24.1, lat: 56.9, zoom: 8 }, { width: 1280, height: 800 });
    expect(scene.view).toMatchObject({ indicator: 'median_age', year: '2026', method: 'quantile', classes: 5, palette: 'blues', camera: { lon: 24.1, lat: 56.9, zoom: 8 } });
    expect(scene.view.lang).toBeUndefined();
    expect(scene.view.scene).toBeUndefined();
    expect(scene.title.lv).toMatch(/mediāna, 2026$/);
    expect(scene.viewport).toEqual({ width: 1280, height: 800 });
  });
});

describe('the shipped deck', () => {
  const file = readFileSync(new URL('../../public/data/deck.json', import.meta.url), 'utf8');
  const read = readDeck(file);
  const deck = read.ok ? read.value : null;

  it('is a valid deck file in its own canonical form', () => {
    expect(read.ok ? null : read.reason).toBeNull();
    expect(deckToJson(deck!)).toBe(file);
  });

  it('refers only to indicators, years and cities the data have', () => {
    for (const scene of deck!.scenes) expect(resolveSceneView(scene.view, context).notes, scene.id).toEqual([]);
  });

  it('tells the story: cities and shares, one scene per dimension, hinterlands, cooperation', () => {
    const dimensions = new Set(deck!.scenes.map((s) => dataset.indicators.indicators.find((i) => i.id === s.view.indicator)?.dimension).filter(Boolean));
    expect([...dimensions].sort()).toEqual(['economic', 'environmental', 'social']);
    expect(deck!.scenes[0]?.keyFacts).toBe(true);
    expect(deck!.scenes.some((s) => s.view.hinterland)).toBe(true);
    expect(deck!.scenes.find((s) => s.id === 'cooperation')?.view.links?.shown, 'the cooperation scene draws the links').toBe(true);
    expect(deck!.scenes.find((s) => s.id === 'hinterlands')?.view.hinterland?.shown, 'the hinterland scene draws them').toBe(true);
    for (const s of deck!.scenes) expect(s.view.camera, s.id).toBeDefined();
  });

  it('states no figure in titles or captions, in either language: the legend carries the numbers', () => {
    for (const s of deck!.scenes) {
      for (const t of [s.title.lv, s.title.en, s.caption.lv, s.caption.en]) expect(t, s.id).not.toMatch(/\d/);
      expect(s.caption.lv && s.caption.en && s.notes.lv && s.notes.en, s.id).toBeTruthy();
    }
  });
});
