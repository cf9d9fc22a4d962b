import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FONT_REGULAR } from './fontNames.ts';
import type { Theme } from '../domain/theme.ts';

// The layers the official boundaries brought (style.ts places each in its sandwich): the lakes and
// the Daugava, the parish and town borders and names, and the ten cities' own outlines. Their
// sources, but the outlines', start empty and are filled after the first view (contextLayersBinding.ts).

/** Sources that start empty and are filled when their data arrive (contextLayersBinding.ts). */
export const TERRITORIAL_SOURCE = 'territorial-units';
export const TERRITORIAL_LABEL_SOURCE = 'territorial-labels';
export const WATER_SOURCE = 'water';

/** Zoom from which parish and town borders are drawn (and their file is fetched), and their names. */
export const PARISH_BORDER_MINZOOM = 7.5;
export const PARISH_LABEL_MINZOOM = 9;

/** The lakes, over the data as an atlas draws them (a lake is no part of a unit's figure), and the Daugava. */
export function waterLayers(theme: Theme): LayerSpecification[] {
  return [
    {
      id: 'water-fill',
      type: 'fill',
      source: WATER_SOURCE,
      filter: ['==', ['get', 'kind'], 'lake'],
      paint: { 'fill-color': theme.water, 'fill-antialias': false },
    },
    {
      id: 'water-line',
      type: 'line',
      source: WATER_SOURCE,
      filter: ['==', ['get', 'kind'], 'river'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': theme.river, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.4, 10, 3.5] },
    },
  ];
}

/** Parish and town borders once zoomed in, dashed and fainter, under the municipal ones (which they share). */
export function parishBorderLayer(theme: Theme): LayerSpecification {
  return {
    id: 'borders-territorial',
    type: 'line',
    source: TERRITORIAL_SOURCE,
    minzoom: PARISH_BORDER_MINZOOM,
    layout: { 'line-join': 'round' },
    paint: {
      'line-color': theme.parishBorder,
      'line-width': ['interpolate', ['linear'], ['zoom'], PARISH_BORDER_MINZOOM, 0.4, 10, 0.9],
      'line-dasharray': [3, 2],
      'line-opacity': ['interpolate', ['linear'], ['zoom'], PARISH_BORDER_MINZOOM, 0, PARISH_BORDER_MINZOOM + 0.5, 1],
    },
  };
}

/**
 * Each state city's own outline, dark over the white municipal borders: Valmiera, Jēkabpils and
 * Ogre show as a core inside their novads, the seven cities as their whole unit.
 */
export function cityOutlineLayer(theme: Theme): LayerSpecification {
  return {
    id: 'cities-outline',
    type: 'line',
    source: 'city-outlines',
    layout: { 'line-join': 'round' },
    paint: { 'line-color': theme.cityOutline, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, theme.cityOutlineWidth, 10, theme.cityOutlineWidth * 1.8] },
  };
}

/** Parish and town names once zoomed in, in CSP's Latvian; the state cities are named by cities-label. */
export function parishLabelLayer(theme: Theme): LayerSpecification {
  const s = theme.labelScale;
  return {
    id: 'territorial-label',
    type: 'symbol',
    source: TERRITORIAL_LABEL_SOURCE,
    minzoom: PARISH_LABEL_MINZOOM,
    filter: ['!=', ['get', 'kind'], 'state_city'],
    layout: {
      'text-field': ['get', 'name'],
      'text-font': [FONT_REGULAR],
      'text-size': ['interpolate', ['linear'], ['zoom'], PARISH_LABEL_MINZOOM, 10.5 * s, 11, 13 * s],
      'text-max-width': 7,
      'text-padding': 3,
    },
    paint: { 'text-color': theme.parishLabel, 'text-halo-color': theme.halo, 'text-halo-width': 1.1 },
  };
}
