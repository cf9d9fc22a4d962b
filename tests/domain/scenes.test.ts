import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DECK_FORMAT,
  DECK_VERSION,
  sceneDrawingKey,
  deckToJson,
  fittedZoom,
  stagedCamera,
  STAGE_MARGIN,
  insertScene,
  MAX_SCENES,
  moveScene,
  newSceneId,
  removeScene,
  textIn,
  updateScene,
  type Checked,
  type Deck,
  type Scene,
} from '../../src/domain/scenes.ts';
import { parseDeck } from '../../src/domain/deckFile.ts';

/** A view reader that accepts any JSON value: the deck model does not look inside views. */
const anyView = (raw: unknown): Checked<unknown> => ({ ok: true, value: raw });
const text = (lv: string, en = lv) => ({ lv, en });
const scene = (id: string, view: unknown = {}): Scene<unknown> => ({ id, title: text(`Aina ${id}`, `Scene ${id}`), caption: text(''), notes: text(''), view });
const deck = (...ids: string[]): Deck<unknown> => ({ title: text('Komplekts', 'Deck'), scenes: ids.map((id) => scene(id)) });
const file = (body: object) => JSON.stringify({ format: DECK_FORMAT, version: DECK_VERSION, title: text('K', 'D'), ...body });
const reasonOf = (r: Checked<unknown>) => (r.ok ? null : r.reason);

describe('reading a deck file', () => {
  it('reads what deckToJson writes', () => {
    const d = deck('a', 'b');
    d.scenes[0]!.keyFacts = true;
    d.scenes[1]!.viewport = { width: 1920, height: 1080 };
    expect(parseDeck(deckToJson(d), anyView)).toEqual({ ok: true, value: d });
  });

  it('refuses a file that is not JSON, not a deck, or of a newer version, saying why in both languages', () => {
    expect(reasonOf(parseDeck('{oops', anyView))).toEqual({ lv: 'Fails nav derīgs JSON.', en: 'The file is not valid JSON.' });
    expect(reasonOf(parseDeck(JSON.stringify({ scenes: [] }), anyView))?.en).toMatch(/not a scene deck/);
    expect(reasonOf(parseDeck(file({ version: 2, scenes: [scene('a')] }), anyView))?.en).toMatch(/version 2 is newer/);
    expect(reasonOf(parseDeck(file({ version: 'x', scenes: [scene('a')] }), anyView))?.lv).toMatch(/Nezināma komplekta versija/);
  });

  it('refuses an empty deck and one with too many scenes', () => {
    expect(reasonOf(parseDeck(file({ scenes: [] }), anyView))?.en).toBe('The deck has no scenes.');
    const many = Array.from({ length: MAX_SCENES + 1 }, (_, i) => scene(`s${i}`));
    expect(reasonOf(parseDeck(file({ scenes: many }), anyView))?.en).toMatch(/more than 100 scenes/);
  });

  it('names the scene that is malformed', () => {
    const noTitle = { ...scene('b'), title: undefined };
    expect(reasonOf(parseDeck(file({ scenes: [scene('a'), noTitle] }), anyView))).toEqual({
      lv: '2. aina: title: vajag teksta laukus lv un en (līdz 140 zīmēm).',
      en: 'Scene 2: title: needs the texts lv and en (up to 140 characters).',
    });
    expect(reasonOf(parseDeck(file({ scenes: [{ ...scene('a'), title: text(' ') }] }), anyView))?.en).toBe('Scene 1: the title is empty in both languages.');
    expect(reasonOf(parseDeck(file({ scenes: [{ ...scene('A b') }] }), anyView))?.en).toMatch(/^Scene 1: id must be/);
    expect(reasonOf(parseDeck(file({ scenes: [scene('a'), scene('a')] }), anyView))?.en).toBe('Scene 2: the id “a” is used twice.');
    expect(reasonOf(parseDeck(file({ scenes: [{ ...scene('a'), keyFacts: 'yes' }] }), anyView))?.en).toMatch(/keyFacts/);
    expect(reasonOf(parseDeck(file({ scenes: [{ ...scene('a'), viewport: { width: 5, height: 1080 } }] }), anyView))?.en).toMatch(/viewport/);
    expect(reasonOf(parseDeck(file({ scenes: [{ ...scene('a'), view: undefined }] }), anyView))?.en).toBe('Scene 1: no view.');
  });

  it('passes the view reader’s reason on with the scene number', () => {
    const strict = (raw: unknown): Checked<unknown> => (raw === 'ok' ? { ok: true, value: raw } : { ok: false, reason: text('slikts skats', 'bad view') });
    expect(reasonOf(parseDeck(file({ scenes: [scene('a', 'ok'), scene('b', 'no')] }), strict))).toEqual({ lv: '2. aina: skats: slikts skats.', en: 'Scene 2: view: bad view.' });
  });

  it('fills in missing caption and notes as empty texts', () => {
    const r = parseDeck(file({ scenes: [{ id: 'a', title: text('A'), view: {} }] }), anyView);
    expect(r.ok && r.value.scenes[0]).toEqual({ id: 'a', title: text('A'), caption: text(''), notes: text(''), view: {} });
  });

  it('round-trips any valid deck through its JSON file', () => {
    const bilingual = (max: number) => fc.record({ lv: fc.string({ maxLength: max }), en: fc.string({ maxLength: max }) });
    const json: fc.Arbitrary<unknown> = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
    const arbScene = fc.record(
      {
        id: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/),
        title: bilingual(40).filter((t) => !!(t.lv.trim() || t.en.trim())),
        caption: bilingual(80),
        notes: bilingual(200),
        view: json,
        keyFacts: fc.constant(true),
        viewport: fc.record({ width: fc.integer({ min: 100, max: 8000 }), height: fc.integer({ min: 100, max: 8000 }) }),
      },
      { requiredKeys: ['id', 'title', 'caption', 'notes', 'view'] },
    );
    const arbDeck = fc.record({
      title: bilingual(40),
      scenes: fc.uniqueArray(arbScene, { minLength: 1, maxLength: 8, selector: (s) => s.id }),
    });
    fc.assert(
      fc.property(arbDeck, (d) => {
        const r = parseDeck(deckToJson(d as Deck<unknown>), anyView);
        expect(r).toEqual({ ok: true, value: d });
        expect(deckToJson(r.ok ? r.value : d)).toBe(deckToJson(d));
      }),
      { numRuns: 300 },
    );
  });
});

describe('editing a deck', () => {
  it('inserts, moves, updates and removes scenes without touching the original', () => {
    const d = deck('a', 'b', 'c');
    expect(insertScene(d, scene('x'), 1).scenes.map((s) => s.id)).toEqual(['a', 'x', 'b', 'c']);
    expect(insertScene(d, scene('x')).scenes.map((s) => s.id)).toEqual(['a', 'b', 'c', 'x']);
    expect(moveScene(d, 'c', 0).scenes.map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(moveScene(d, 'a', 99).scenes.map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(moveScene(d, 'zz', 0)).toBe(d);
    expect(removeScene(d, 'b').scenes.map((s) => s.id)).toEqual(['a', 'c']);
    const u = updateScene(d, 'b', { title: text('Jauns', 'New'), id: 'hacked' } as Partial<Scene<unknown>>);
    expect(u.scenes[1]).toMatchObject({ id: 'b', title: text('Jauns', 'New') });
    expect(d.scenes.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('never grows past the maximum and gives new scenes unused ids', () => {
    const full = { ...deck(), scenes: Array.from({ length: MAX_SCENES }, (_, i) => scene(`s${i}`)) };
    expect(insertScene(full, scene('x'))).toBe(full);
    expect(newSceneId(deck('scene-2', 'scene-3'))).toBe('scene-4');
    expect(newSceneId(deck('a'))).toBe('scene-2');
  });

  it('shows a text in the other language when it is empty in this one', () => {
    expect(textIn(text('Rīga', 'Riga'), 'en')).toBe('Riga');
    expect(textIn({ lv: 'Tikai latviski', en: ' ' }, 'en')).toBe('Tikai latviski');
  });
});

describe('fitting a scene to another screen', () => {
  it('zooms out one level on a screen half as large, and keeps the zoom without a recorded size', () => {
    expect(fittedZoom(7, { width: 1920, height: 1080 }, { width: 960, height: 540 })).toBe(6);
    expect(fittedZoom(7, { width: 1920, height: 1080 }, { width: 3840, height: 1080 })).toBe(7);
    expect(fittedZoom(7, undefined, { width: 500, height: 500 })).toBe(7);
  });
});

describe('a scene drawing key', () => {
  const scene = { view: { indicator: 'population_1jan', year: '2026' }, viewport: { width: 1280, height: 800 } };
  it('changes with what the scene draws, not with its words', () => {
    expect(sceneDrawingKey(scene)).toMatch(/^[0-9a-f]{8}$/);
    expect(sceneDrawingKey({ ...scene })).toBe(sceneDrawingKey(scene));
    expect(sceneDrawingKey({ ...scene, view: { ...scene.view, year: '2025' } })).not.toBe(sceneDrawingKey(scene));
    expect(sceneDrawingKey({ ...scene, keyFacts: true })).not.toBe(sceneDrawingKey(scene));
  });
});

describe('a staged camera', () => {
  const latvia = [20.97, 55.67, 28.24, 58.09] as const;
  const overview = { lon: 24.05, lat: 56.7, zoom: 7.05 };
  const fullHd = { width: 1920, height: 1080 };
  const worldPx = (zoom: number) => 512 * 2 ** zoom;
  const mercY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

  it('fills what the cards leave free with Latvia, not with the author’s whole screen', () => {
    const free = { width: 555, height: 590 };
    const to = stagedCamera(overview, fullHd, free, latvia);
    // Latvia's width then takes the free width less the margins (the tighter side here).
    const latviaPx = ((latvia[2] - latvia[0]) / 360) * worldPx(to.zoom);
    expect(latviaPx).toBeCloseTo(free.width * (1 - 2 * STAGE_MARGIN), -1);
    // Shrinking the author's whole screen into the free area drew Latvia smaller.
    expect(to.zoom).toBeGreaterThan(fittedZoom(overview.zoom, fullHd, free) + 0.2);
    expect(to.lon).toBeCloseTo((latvia[0] + latvia[2]) / 2, 2);
    const heightPx = (mercY(latvia[1]) - mercY(latvia[3])) * worldPx(to.zoom);
    expect(heightPx).toBeLessThanOrEqual(free.height * (1 - 2 * STAGE_MARGIN) + 0.5);
  });

  it('keeps a close-up a close-up: an extent inside Latvia is fitted whole', () => {
    const riga = { lon: 24.1, lat: 56.95, zoom: 9 };
    const to = stagedCamera(riga, fullHd, { width: 960, height: 540 }, latvia);
    expect(to.zoom).toBeCloseTo(8 + Math.log2(1 - 2 * STAGE_MARGIN), 1);
    expect(to.lon).toBeCloseTo(24.1, 3);
  });

  it('only fits the zoom without a recorded screen or when the extent misses Latvia', () => {
    expect(stagedCamera(overview, undefined, { width: 500, height: 500 }, latvia)).toEqual(overview);
    const far = { lon: 10, lat: 45, zoom: 8 };
    expect(stagedCamera(far, fullHd, { width: 960, height: 540 }, latvia)).toEqual({ ...far, zoom: 7 });
  });
});
