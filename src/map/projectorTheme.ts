import type { ExpressionSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../domain/format.ts';
import { scaledLayer } from './screenScale.ts';
import { buildLayers } from './style.ts';
import type { Theme } from '../domain/theme.ts';

/**
 * The theme for a projector in a lit hall: black lines and labels on a pale land, a sea dark
 * enough to survive a washed-out beam, type one and a half times larger, thicker borders, and
 * Okabe–Ito vermilion for the selection (told apart from every blue, green or purple palette by
 * colour-blind viewers). Every text colour meets WCAG AA on its halo (tested).
 */
export const PROJECTOR_THEME: Theme = {
  sea: '#9fbfdb',
  seaLabel: '#0a2640',
  land: '#f4f1ea',
  neighbourLine: '#5c564c',
  neighbourLabel: '#2e2a24',
  municipalBorder: '#ffffff',
  municipalBorderWidth: 1.6,
  nationalBorder: '#000000',
  nationalBorderWidth: 3.2,
  noData: '#cfcfcf',
  hover: '#000000',
  selected: '#d55e00',
  cityFill: '#ffffff',
  cityStroke: '#000000',
  cityLabel: '#000000',
  unitLabel: '#141414',
  halo: 'rgba(255,255,255,0.96)',
  cityOutline: '#000000',
  cityOutlineWidth: 2.4,
  parishBorder: 'rgba(255,255,255,0.85)',
  parishLabel: '#1f1f1f',
  water: '#9fbfdb',
  river: '#5f8fb8',
  labelScale: 1.5,
};

const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/** Width of a unit's hover outline on a projector (hoverOutline.ts; 2 on screen). */
export const PROJECTOR_HOVER_WIDTH = 3.5;

/**
 * Strokes and halos the Theme object does not carry: on a projector the city rings, the selection
 * outline and the label halos are drawn thicker too.
 */
export const PROJECTOR_PAINT: Readonly<Record<string, Record<string, unknown>>> = {
  'neighbours-line': { 'line-width': 1.4 },
  'municipalities-highlight': { 'line-width': 5 },
  'cities-circle': { 'circle-stroke-width': ['case', selected, 6, hovered, 4.5, 3] },
  'sea-label': { 'text-halo-width': 1.6 },
  'neighbours-label': { 'text-halo-width': 1.8 },
  'municipalities-label': { 'text-halo-width': 2 },
  'cities-label': { 'text-halo-width': 2.6 },
};

/**
 * The base layers for a theme, with the projector's extra strokes when it is the projector theme,
 * and every screen-pixel size `screenScale` times larger on a big screen.
 */
export function themedLayers(theme: Theme, lang: Lang, screenScale = 1): LayerSpecification[] {
  const layers = buildLayers({ theme, lang });
  const themed = theme !== PROJECTOR_THEME ? layers : layers.map((l) => (PROJECTOR_PAINT[l.id] && 'paint' in l ? ({ ...l, paint: { ...l.paint, ...PROJECTOR_PAINT[l.id] } } as LayerSpecification) : l));
  return themed.map((l) => scaledLayer(l, screenScale));
}

/**
 * Re-applies every paint and layout property of the app's base layers for `theme`, leaving the
 * sources and any layer other modules added untouched (a `setStyle` would drop those). The caller
 * re-applies the data-driven colours afterwards.
 */
export function repaintTheme(map: MapLibreMap, theme: Theme, lang: Lang, screenScale = 1): void {
  for (const layer of themedLayers(theme, lang, screenScale)) {
    if (!map.getLayer(layer.id)) continue;
    // MapLibre types the property name per layer type; these come from that very layer's spec.
    const set = { paint: map.setPaintProperty.bind(map) as (id: string, k: string, v: unknown) => void, layout: map.setLayoutProperty.bind(map) as (id: string, k: string, v: unknown) => void };
    for (const [k, v] of Object.entries(('paint' in layer && layer.paint) || {})) set.paint(layer.id, k, v);
    for (const [k, v] of Object.entries(('layout' in layer && layer.layout) || {})) set.layout(layer.id, k, v);
  }
}
