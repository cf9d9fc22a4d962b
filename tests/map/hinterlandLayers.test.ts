import type { FeatureCollection } from 'geojson';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { CITY_COLOURS, OTHER_CITY, shareColour, SHARE_COLOURS } from '../../src/domain/hinterland/colours.ts';
import { fillUpdates, HINTERLAND_LAYER_IDS, hinterlandFillStates, hinterlandLayers, hinterlandSources, hinterlandVisibility } from '../../src/map/hinterlandLayers.ts';
import { buildStyle } from '../../src/map/style.ts';
import { LIGHT_THEME } from '../../src/domain/theme.ts';
import type { HinterlandScene } from '../../src/state/hinterlandScene.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const sources = { municipalities: empty, latvia: empty, neighbours: empty, cities: empty, contextLabels: empty, municipalityLabels: empty };
const base = buildStyle({ theme: LIGHT_THEME, lang: 'lv', sources });

/** The base style with the hinterland layers inserted where `addLayer(layer, beforeId)` puts them. */
function withHinterlands(lang: 'lv' | 'en' = 'lv') {
  const layers = [...base.layers];
  for (const { layer, beforeId } of hinterlandLayers(LIGHT_THEME, lang)) layers.splice(layers.findIndex((l) => l.id === beforeId), 0, layer);
  return { ...base, sources: { ...base.sources, ...hinterlandSources() }, layers };
}

const scene = (over: Partial<HinterlandScene> = {}): HinterlandScene => ({
  cityByCode: new Map([['LV0001000', 'riga'], ['LV0023000', 'riga'], ['LV0054000', 'valmiera']]),
  roleByCode: new Map([['LV0001000', 'city'], ['LV0023000', 'hinterland'], ['LV0054000', 'hinterland']]),
  shareByCode: null,
  outlines: { type: 'FeatureCollection', features: [] },
  labels: { type: 'FeatureCollection', features: [] },
  ...over,
});

describe('the hinterland layers', () => {
  it('make a valid style together with the base layers', () => {
    expect(validateStyleMin(withHinterlands())).toEqual([]);
    expect(validateStyleMin(withHinterlands('en'))).toEqual([]);
  });

  it('go under base layers that exist: fills over the municipality fill, labels under the city labels', () => {
    const ids = withHinterlands().layers.map((l) => l.id);
    for (const { beforeId } of hinterlandLayers(LIGHT_THEME, 'lv')) expect(base.layers.map((l) => l.id)).toContain(beforeId);
    const at = (id: string) => ids.indexOf(id);
    expect(at('municipalities-fill')).toBeLessThan(at('hinterland-veil'));
    // The no-data hatch stays with the choropleth, under the veil that fades it.
    expect(at('municipalities-nodata')).toBeLessThan(at('hinterland-veil'));
    expect(at('hinterland-veil')).toBeLessThan(at('hinterland-fill'));
    expect(at('hinterland-fill')).toBeLessThan(at('hinterland-unit-fill'));
    expect(at('hinterland-unit-fill')).toBeLessThan(at('borders-municipal'));
    expect(at('hinterland-outline-casing')).toBeLessThan(at('hinterland-outline'));
    expect(at('hinterland-outline')).toBeLessThan(at('municipalities-highlight'));
    expect(at('hinterland-label')).toBeLessThan(at('cities-label'));
    expect(ids.filter((id) => id.startsWith('hinterland-'))).toEqual([...HINTERLAND_LAYER_IDS]);
  });

  it('start hidden, and show the partition or the bands', () => {
    for (const { layer } of hinterlandLayers(LIGHT_THEME, 'lv')) expect(layer.layout).toMatchObject({ visibility: 'none' });
    expect(Object.values(hinterlandVisibility({ shown: false, kind: 'gravity' })).every((v) => v === 'none')).toBe(true);
    const admin = hinterlandVisibility({ shown: true, kind: 'admin' });
    expect(admin['hinterland-fill']).toBe('visible');
    expect(admin['hinterland-outline']).toBe('visible');
    expect(admin['hinterland-bands-fill']).toBe('none');
    const bands = hinterlandVisibility({ shown: true, kind: 'bands' });
    expect(bands['hinterland-bands-fill']).toBe('visible');
    expect(bands['hinterland-fill']).toBe('none');
    expect(admin['hinterland-unit-fill']).toBe('visible');
    expect(bands['hinterland-unit-fill']).toBe('none');
  });
});

describe('hinterland fill states', () => {
  const codes = ['LV0001000', 'LV0023000', 'LV0054000', 'LV0052000'];
  it('colours units by city, the city’s own unit stronger than its hinterland, and leaves the rest clear', () => {
    expect(Object.fromEntries(hinterlandFillStates(scene(), codes))).toEqual({
      LV0001000: { hinterlandColour: CITY_COLOURS.riga, hinterlandOpacity: 0.9 },
      LV0023000: { hinterlandColour: CITY_COLOURS.riga, hinterlandOpacity: 0.55 },
      LV0054000: { hinterlandColour: CITY_COLOURS.valmiera, hinterlandOpacity: 0.55 },
      LV0052000: { hinterlandColour: OTHER_CITY, hinterlandOpacity: 0 },
    });
  });

  it('colours every unit by a city’s share of attraction when one is chosen', () => {
    const states = hinterlandFillStates(scene({ shareByCode: new Map([['LV0001000', 0.97], ['LV0054000', 0.04]]) }), codes);
    expect([...states.values()].map((s) => s.hinterlandColour)).toEqual([SHARE_COLOURS[4], SHARE_COLOURS[0], SHARE_COLOURS[0], SHARE_COLOURS[0]]);
    expect(new Set([...states.values()].map((s) => s.hinterlandOpacity))).toEqual(new Set([0.92]));
  });

  it('are read from feature-state by both unit fills, so a new scene lays out no tile again', () => {
    const layers = hinterlandLayers(LIGHT_THEME, 'lv').map((p) => p.layer);
    for (const id of ['hinterland-fill', 'hinterland-unit-fill']) {
      const paint = JSON.stringify(layers.find((l) => l.id === id)?.paint);
      expect(paint).toContain('"feature-state","hinterlandColour"');
      expect(paint).toContain('"feature-state","hinterlandOpacity"');
      expect(paint).not.toContain('"get"');
    }
    expect(hinterlandSources()['hinterland-units']).toMatchObject({ promoteId: 'code' });
  });

  it('are sent as changes: every unit the first time, then the changed ones, and cleared where gone', () => {
    const city = hinterlandFillStates(scene(), codes);
    expect(fillUpdates(null, city).map(([code]) => code)).toEqual(codes);
    expect(fillUpdates(city, hinterlandFillStates(scene(), codes))).toEqual([]);
    // Valmiera's hinterland unit changes city: that unit alone.
    const moved = hinterlandFillStates(scene({ cityByCode: new Map([['LV0001000', 'riga'], ['LV0023000', 'riga'], ['LV0054000', 'riga']]) }), codes);
    expect(fillUpdates(city, moved)).toEqual([['LV0054000', { hinterlandColour: CITY_COLOURS.riga, hinterlandOpacity: 0.55 }]]);
    // From a city's shares back to the partition: every unit whose colour or opacity differs.
    const shares = hinterlandFillStates(scene({ shareByCode: new Map([['LV0001000', 0.97]]) }), codes);
    expect(new Map(fillUpdates(shares, city))).toEqual(city);
    // The units' fills drawn on another source: all of them cleared here.
    expect(fillUpdates(city, new Map())).toEqual(codes.map((code) => [code, { hinterlandOpacity: 0 }]));
  });

  it('puts shares in classes with the upper limit open', () => {
    expect([0, 0.0999, 0.1, 0.3, 0.5, 0.749, 0.75, 1].map(shareColour)).toEqual([0, 0, 1, 2, 3, 3, 4, 4].map((i) => SHARE_COLOURS[i]));
  });

  it('gives the ten cities ten different colours', () => {
    expect(new Set(Object.values(CITY_COLOURS)).size).toBe(10);
  });
});
