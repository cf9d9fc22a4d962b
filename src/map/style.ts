import type {
  ExpressionSpecification,
  FontFacesSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Lang } from '../domain/format.ts';
import { FONT_REGULAR, FONT_SEMIBOLD } from './fontNames.ts';
import type { Theme } from './theme.ts';

/** GeoJSON for each source: an object already loaded, or a URL. */
export interface StyleSources {
  municipalities: GeoJSONSourceSpecification['data'];
  borders: GeoJSONSourceSpecification['data'];
  neighbours: GeoJSONSourceSpecification['data'];
  cities: GeoJSONSourceSpecification['data'];
  contextLabels: GeoJSONSourceSpecification['data'];
  municipalityLabels: GeoJSONSourceSpecification['data'];
}

/** The data-driven part of the style: colours per unit code and the units without data. */
export interface ChoroplethPaint {
  colourByCode: ReadonlyMap<string, string>;
  noDataCodes: readonly string[];
}

export interface LayerInput {
  theme: Theme;
  lang: Lang;
  choropleth: ChoroplethPaint;
}

export const HATCH_IMAGE = 'no-data-hatch';

/** A `match` on the unit code giving its class colour, and the no-data colour otherwise. */
export function fillColourExpression(paint: ChoroplethPaint, noData: string): ExpressionSpecification | string {
  if (paint.colourByCode.size === 0) return noData;
  const pairs = [...paint.colourByCode].sort(([a], [b]) => a.localeCompare(b)).flat();
  return ['match', ['get', 'code'], ...pairs, noData] as unknown as ExpressionSpecification;
}

/** The label text of a feature in the given language. */
export const nameField = (lang: Lang): ExpressionSpecification => ['get', lang === 'lv' ? 'nameLv' : 'nameEn'];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

/**
 * The map's layers as a pure function of theme, language and choropleth, in the usual sandwich:
 * context (sea, neighbours), data (municipality fills), lines, then points and labels on top.
 * Layer ids are `<topic>-<type>`.
 */
export function buildLayers({ theme, lang, choropleth }: LayerInput): LayerSpecification[] {
  const s = theme.labelScale;
  return [
    { id: 'background', type: 'background', paint: { 'background-color': theme.sea } },
    { id: 'neighbours-fill', type: 'fill', source: 'neighbours', paint: { 'fill-color': theme.land } },
    { id: 'neighbours-line', type: 'line', source: 'neighbours', paint: { 'line-color': theme.neighbourLine, 'line-width': 0.8 } },
    {
      id: 'municipalities-fill',
      type: 'fill',
      source: 'municipalities',
      paint: { 'fill-color': fillColourExpression(choropleth, theme.noData), 'fill-antialias': false },
    },
    {
      id: 'municipalities-nodata',
      type: 'fill',
      source: 'municipalities',
      filter: noDataFilter(choropleth),
      paint: { 'fill-pattern': HATCH_IMAGE },
    },
    {
      id: 'borders-municipal',
      type: 'line',
      source: 'borders',
      filter: ['==', ['get', 'kind'], 'municipal'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.municipalBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, theme.municipalBorderWidth, 10, theme.municipalBorderWidth * 2] },
    },
    {
      id: 'borders-national',
      type: 'line',
      source: 'borders',
      filter: ['==', ['get', 'kind'], 'national'],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.nationalBorder, 'line-width': theme.nationalBorderWidth },
    },
    {
      id: 'municipalities-highlight',
      type: 'line',
      source: 'municipalities',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['case', selected, theme.selected, theme.hover],
        'line-width': ['case', selected, 3, hovered, 2, 0],
        'line-opacity': ['case', ['any', selected, hovered], 1, 0],
      },
    },
    {
      id: 'cities-circle',
      type: 'circle',
      source: 'cities',
      paint: {
        'circle-color': cityCircleColour(theme, null),
        'circle-stroke-color': ['case', selected, theme.selected, theme.cityStroke],
        'circle-stroke-width': ['case', selected, 4, hovered, 3, 2],
        'circle-radius': cityCircleRadius(null),
      },
    },
    {
      id: 'sea-label',
      type: 'symbol',
      source: 'context-labels',
      filter: ['==', ['get', 'kind'], 'sea'],
      layout: {
        'text-field': nameField(lang),
        'text-font': [FONT_REGULAR],
        'text-size': 13 * s,
        'text-letter-spacing': 0.1,
        'text-max-width': 6,
      },
      paint: { 'text-color': theme.seaLabel, 'text-halo-color': theme.sea, 'text-halo-width': 1 },
    },
    {
      id: 'neighbours-label',
      type: 'symbol',
      source: 'context-labels',
      filter: ['==', ['get', 'kind'], 'country'],
      layout: {
        'text-field': nameField(lang),
        'text-font': [FONT_REGULAR],
        'text-size': 13 * s,
        'text-letter-spacing': 0.15,
        'text-transform': 'uppercase',
      },
      paint: { 'text-color': theme.neighbourLabel, 'text-halo-color': theme.halo, 'text-halo-width': 1 },
    },
    {
      id: 'municipalities-label',
      type: 'symbol',
      source: 'municipality-labels',
      minzoom: 7.4,
      filter: ['==', ['get', 'kind'], 'novads'],
      layout: {
        'text-field': nameField(lang),
        'text-font': [FONT_REGULAR],
        'text-size': ['interpolate', ['linear'], ['zoom'], 7.4, 11 * s, 10, 14 * s],
        'text-max-width': 7,
        'text-padding': 4,
      },
      paint: { 'text-color': theme.unitLabel, 'text-halo-color': theme.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'cities-label',
      type: 'symbol',
      source: 'cities',
      layout: {
        'text-field': nameField(lang),
        'text-font': [FONT_SEMIBOLD],
        'text-size': ['interpolate', ['linear'], ['zoom'], 6, ['case', ['==', ['get', 'id'], 'riga'], 16 * s, 13 * s], 10, ['case', ['==', ['get', 'id'], 'riga'], 20 * s, 17 * s]],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.8,
        'text-justify': 'auto',
        'text-allow-overlap': false,
        'symbol-sort-key': ['get', 'order'],
      },
      paint: { 'text-color': theme.cityLabel, 'text-halo-color': theme.halo, 'text-halo-width': 1.6 },
    },
  ];
}

const geojson = (data: GeoJSONSourceSpecification['data'], promoteId?: string): GeoJSONSourceSpecification =>
  promoteId ? { type: 'geojson', data, promoteId } : { type: 'geojson', data };

/** The whole offline style: no tiles, glyph server or sprite; fonts come from `fontFaces`. */
export function buildStyle(input: LayerInput & { sources: StyleSources; fontFaces: FontFacesSpecification }): StyleSpecification {
  return {
    version: 8,
    name: 'state-cities',
    'font-faces': input.fontFaces,
    sources: {
      neighbours: geojson(input.sources.neighbours),
      municipalities: geojson(input.sources.municipalities, 'code'),
      borders: geojson(input.sources.borders),
      cities: geojson(input.sources.cities, 'id'),
      'context-labels': geojson(input.sources.contextLabels),
      'municipality-labels': geojson(input.sources.municipalityLabels),
    },
    // Colour switches are instant: a fade would blend two classifications on screen.
    transition: { duration: 0, delay: 0 },
    layers: buildLayers(input),
  };
}

/** City circles: white, or coloured by class when a city-level indicator is mapped. */
export function cityCircleColour(theme: Theme, colourById: ReadonlyMap<string, string> | null): ExpressionSpecification | string {
  if (!colourById || colourById.size === 0) return theme.cityFill;
  const pairs = [...colourById].sort(([a], [b]) => a.localeCompare(b)).flat();
  return ['match', ['get', 'id'], ...pairs, theme.noData] as unknown as ExpressionSpecification;
}

/**
 * City circle radius: a small fixed marker (Rīga a little larger), or the given radii (at zoom 6,
 * 1.5× at zoom 10) for proportional or graduated symbols; a city without a value gets a dot.
 */
export function cityCircleRadius(radiusById: ReadonlyMap<string, number> | null): ExpressionSpecification {
  if (!radiusById || radiusById.size === 0) {
    return ['interpolate', ['linear'], ['zoom'], 6, ['case', ['==', ['get', 'id'], 'riga'], 7, 5.5], 10, ['case', ['==', ['get', 'id'], 'riga'], 10, 8]];
  }
  const at = (factor: number) =>
    ['match', ['get', 'id'], ...[...radiusById].sort(([a], [b]) => a.localeCompare(b)).flatMap(([id, r]) => [id, Math.round(r * factor * 10) / 10]), 3] as unknown as ExpressionSpecification;
  return ['interpolate', ['linear'], ['zoom'], 6, at(1), 10, at(1.5)];
}

/** Layers whose `text-field` follows the language, so a language switch touches only them. */
export const LABEL_LAYERS = ['sea-label', 'neighbours-label', 'municipalities-label', 'cities-label'] as const;

/** Which municipalities get the no-data hatch: those without a value in the choropleth. */
export function noDataFilter(paint: ChoroplethPaint): ExpressionSpecification {
  return ['in', ['get', 'code'], ['literal', [...paint.noDataCodes]]];
}

/**
 * Fill opacity that brings out some units and fades the rest (legend hover and kept classes);
 * null keeps every unit fully opaque.
 */
export function fillOpacityExpression(emphasised: readonly string[] | null, faded = 0.15): ExpressionSpecification | number {
  if (emphasised === null) return 1;
  return ['case', ['in', ['get', 'code'], ['literal', [...emphasised]]], 1, faded];
}
