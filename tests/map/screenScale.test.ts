import type { FeatureCollection } from 'geojson';
import { validateStyleMin, type LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { hinterlandLayers } from '../../src/map/hinterlandLayers.ts';
import { linkLayers } from '../../src/map/linkLayers.ts';
import { PROJECTOR_THEME, themedLayers } from '../../src/map/projectorTheme.ts';
import { scaledLayer, scaledValue } from '../../src/map/screenScale.ts';
import { buildStyle } from '../../src/map/style.ts';
import { LIGHT_THEME } from '../../src/domain/theme.ts';
import { uiScale } from '../../src/map/view.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const sources = { municipalities: empty, latvia: empty, neighbours: empty, cities: empty, contextLabels: empty, municipalityLabels: empty };

const layer = (layers: LayerSpecification[], id: string) => layers.find((l) => l.id === id) as LayerSpecification & { paint?: Record<string, unknown>; layout?: Record<string, unknown> };

describe('sizes on a big screen', () => {
  it('scales numbers, the outputs of a zoom curve, and wraps data expressions', () => {
    expect(scaledValue(13, 2)).toBe(26);
    expect(scaledValue(['interpolate', ['linear'], ['zoom'], 6, 11, 10, 15], 2)).toEqual(['interpolate', ['linear'], ['zoom'], 7, 22, 11, 30]);
    expect(scaledValue(['step', ['zoom'], 1, 8, 2], 2)).toEqual(['step', ['zoom'], 2, 9, 4]);
    expect(scaledValue(['get', 'radius'], 2)).toEqual(['*', 2, ['get', 'radius']]);
    // An interpolation over data, not zoom, is an ordinary expression.
    expect(scaledValue(['interpolate', ['linear'], ['get', 'rank'], 1, 4, 10, 2.5], 2)).toEqual(['*', 2, ['interpolate', ['linear'], ['get', 'rank'], 1, 4, 10, 2.5]]);
    expect(scaledValue(['get', 'radius'], 1)).toEqual(['get', 'radius']);
  });

  it('doubles the labels, borders and city symbols of a 4K screen, and leaves colours alone', () => {
    const k = uiScale(3840);
    expect(k).toBe(2);
    const plain = buildStyle({ theme: LIGHT_THEME, lang: 'lv', sources }).layers;
    const big = buildStyle({ theme: LIGHT_THEME, lang: 'lv', sources, screenScale: k }).layers;
    expect(layer(big, 'borders-national').paint!['line-width']).toBe(2 * (layer(plain, 'borders-national').paint!['line-width'] as number));
    expect(layer(big, 'municipalities-label').layout!['text-size']).toEqual(['interpolate', ['linear'], ['zoom'], 8.4, 22, 11, 28]);
    // The unit names start one zoom deeper, as the 4K view is fitted one zoom deeper than 1920's.
    expect(layer(big, 'municipalities-label').minzoom).toBeCloseTo(layer(plain, 'municipalities-label').minzoom! + 1);
    expect(layer(big, 'cities-label').paint!['text-color']).toBe(layer(plain, 'cities-label').paint!['text-color']);
    expect(JSON.stringify(layer(big, 'cities-circle').paint!['circle-radius'])).not.toBe(JSON.stringify(layer(plain, 'cities-circle').paint!['circle-radius']));
  });

  it('gives valid styles at every scale, for every layer the map may add', () => {
    for (const k of [1, 1.5, 2]) {
      const style = buildStyle({ theme: LIGHT_THEME, lang: 'lv', sources, screenScale: k });
      expect(validateStyleMin(style), `base ×${k}`).toEqual([]);
      expect(validateStyleMin({ ...style, layers: themedLayers(PROJECTOR_THEME, 'lv', k) }), `projector ×${k}`).toEqual([]);
      const extra = [...hinterlandLayers(LIGHT_THEME, 'lv').map((p) => p.layer), ...linkLayers()].map((l) => scaledLayer(l, k));
      const withSources = { ...style, sources: { ...style.sources, ...Object.fromEntries(extra.map((l) => ('source' in l && typeof l.source === 'string' ? [l.source, { type: 'geojson', data: empty }] : ['none', { type: 'geojson', data: empty }]))) }, layers: [...style.layers, ...extra] };
      expect(validateStyleMin(withSources as never), `hinterland and links ×${k}`).toEqual([]);
    }
  });
});
