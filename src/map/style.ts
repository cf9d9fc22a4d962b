import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection } from 'geojson';
import type { Lang } from '../domain/format.ts';
import { FONT_REGULAR, FONT_SEMIBOLD } from './fontNames.ts';
import { FADED_UNIT } from './featureStates.ts';
import { cityOutlineLayer, parishBorderLayer, parishLabelLayer, TERRITORIAL_LABEL_SOURCE, TERRITORIAL_SOURCE, waterLayers, WATER_SOURCE } from './contextLayers.ts';
import { scaledLayer } from './screenScale.ts';
import type { Theme } from '../domain/theme.ts';

/** GeoJSON for each source: an object already loaded, or a URL. */
export interface StyleSources {
  municipalities: GeoJSONSourceSpecification['data'];
  /** Latvia as one polygon: its outline is the national border (land and coast). */
  latvia: GeoJSONSourceSpecification['data'];
  neighbours: GeoJSONSourceSpecification['data'];
  cities: GeoJSONSourceSpecification['data'];
  contextLabels: GeoJSONSourceSpecification['data'];
  municipalityLabels: GeoJSONSourceSpecification['data'];
  /** The units the no-data hatch may cover (mapView.ts); none if absent. */
  noData?: GeoJSONSourceSpecification['data'];
  /** The ten state cities' own outlines. */
  cityOutlines?: GeoJSONSourceSpecification['data'];
}

export { PARISH_BORDER_MINZOOM, PARISH_LABEL_MINZOOM, TERRITORIAL_LABEL_SOURCE, TERRITORIAL_SOURCE, WATER_SOURCE } from './contextLayers.ts';

export interface LayerInput {
  theme: Theme;
  lang: Lang;
  /** How much the screen-pixel sizes grow on a big screen (`uiScale`, view.ts); 1 when absent. */
  screenScale?: number;
}

export const HATCH_IMAGE = 'no-data-hatch';

/**
 * The fill of a municipality: its `fill` feature-state (the colour painted for its class, fading
 * and data: `paintedFill`, set by the binding), the no-data colour until it is set. Fixed, so that
 * a new indicator repaints without reloading tiles.
 */
export const fillColour = (noData: string): ExpressionSpecification => ['coalesce', ['feature-state', 'fill'], noData];

/** The label text of a feature in the given language. */
export const nameField = (lang: Lang): ExpressionSpecification => ['get', lang === 'lv' ? 'nameLv' : 'nameEn'];
const hovered: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const faded: ExpressionSpecification = ['boolean', ['feature-state', 'faded'], false];

/** The source of the selected unit's outline: that unit alone, or nothing. */
export const SELECTION_SOURCE = 'selection';

/**
 * The source of the no-data hatch: the units that may lack data (seeded by mapView.ts) and any
 * that have lacked it since (feature ids: their codes).
 */
export const NODATA_SOURCE = 'nodata';

/** Width of the selected unit's outline. */
const SELECTED_WIDTH = 3;

/** What the selection source holds: the selected unit's polygon, or nothing. */
export function selectionData(unit: Feature | null | undefined): FeatureCollection {
  return unitCollection(unit ? [unit] : []);
}

/** Some units' polygons as a FeatureCollection (the selection and no-data sources). */
export function unitCollection(units: readonly Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features: [...units] };
}

/** Width of a unit's hover outline (drawn over the map by hoverOutline.ts, not by a layer). */
export const HOVER_WIDTH = 2;

/** Opacity of the cities that are not emphasised by the legend (units: FADED_UNIT, featureStates.ts). */
const FADED_CITY = 0.2;

/**
 * City circle radius: a small fixed marker (Rīga a little larger), or the `r6` / `r10` feature-state
 * (radius at zoom 6 and 10) for proportional or graduated symbols of a city-level indicator.
 */
const cityCircleRadius: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  6,
  ['coalesce', ['feature-state', 'r6'], ['case', ['==', ['get', 'id'], 'riga'], 7, 5.5]],
  10,
  ['coalesce', ['feature-state', 'r10'], ['case', ['==', ['get', 'id'], 'riga'], 10, 8]],
];

/**
 * The map's layers as a pure function of theme and language, in the usual sandwich:
 * context (sea, neighbours), data (municipality fills), lines, then points and labels on top.
 * Layer ids are `<topic>-<type>`. What the data decide (class colours, no-data hatch, fading,
 * city symbols) is read from feature-state, so these layers never change with the indicator.
 */
export function buildLayers({ theme, lang }: LayerInput): LayerSpecification[] {
  const s = theme.labelScale;
  return [
    { id: 'background', type: 'background', paint: { 'background-color': theme.sea } },
    // No antialiasing pass: neighbours-line draws the same edges.
    { id: 'neighbours-fill', type: 'fill', source: 'neighbours', paint: { 'fill-color': theme.land, 'fill-antialias': false } },
    { id: 'neighbours-line', type: 'line', source: 'neighbours', paint: { 'line-color': theme.neighbourLine, 'line-width': 0.8 } },
    {
      // One feature-state value per unit, fading included (featureStates.ts, paintedFill).
      id: 'municipalities-fill',
      type: 'fill',
      source: 'municipalities',
      paint: { 'fill-color': fillColour(theme.noData), 'fill-antialias': false },
    },
    {
      // The hatch, from a source of the units that lack data (mapView.ts): a pattern over every
      // unit, shown only where data lack, cost a textured pass over all of Latvia in every
      // frame — a quarter of a frame where WebGL runs in software.
      id: 'municipalities-nodata',
      type: 'fill',
      source: NODATA_SOURCE,
      // `hatched`: the unit lacks data in the view shown (the source also holds units that may lack it).
      paint: {
        'fill-pattern': HATCH_IMAGE,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hatched'], false], ['case', faded, FADED_UNIT, 1], 0],
        'fill-antialias': false,
      },
    },
    ...waterLayers(theme),
    parishBorderLayer(theme),
    {
      // Every unit's outline: a shared border is drawn twice in the same opaque colour, which
      // looks the same as drawing it once and spares shipping and tiling separate border lines.
      // The units' outer edges lie under the national border.
      id: 'borders-municipal',
      type: 'line',
      source: 'municipalities',
      layout: { 'line-join': 'round' },
      // Wider once zoomed in, so that it stands out from the parish borders drawn there.
      paint: { 'line-color': theme.municipalBorder, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, theme.municipalBorderWidth, 10, theme.municipalBorderWidth * 3] },
    },
    {
      id: 'borders-national',
      type: 'line',
      source: 'latvia',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.nationalBorder, 'line-width': theme.nationalBorderWidth },
    },
    cityOutlineLayer(theme),
    {
      // The selected unit's outline, from a source that holds that unit alone (empty when none
      // is selected): a line layer over all units, drawn at zero width but the selected one,
      // cost every frame and every feature-state change. The hover outline is SVG over the
      // map (hoverOutline.ts).
      id: 'municipalities-highlight',
      type: 'line',
      source: SELECTION_SOURCE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': theme.selected, 'line-width': SELECTED_WIDTH },
    },
    {
      // A municipal count (residents, libraries, road length): a circle on each unit's label
      // point, area ∝ value, coloured by class (feature-states from featureStates.ts); radius 0
      // (nothing drawn) while the map shows a choropleth. Under the city dots and every label.
      id: UNIT_SYMBOL_LAYER,
      type: 'circle',
      source: 'municipality-labels',
      paint: {
        // Smaller below the overview zoom (a phone's first view), so circles do not swamp the country.
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, ['*', 0.5, ['coalesce', ['feature-state', 'r6'], 0]], 6, ['coalesce', ['feature-state', 'r6'], 0], 10, ['coalesce', ['feature-state', 'r10'], 0]],
        'circle-color': ['coalesce', ['feature-state', 'fill'], theme.noData],
        'circle-opacity': ['case', faded, FADED_CITY, 0.88],
        // A thin rim, set by mapView to the palette's darkest colour: the lightest class stays visible on plain land.
        'circle-stroke-color': theme.cityStroke,
        // No rim without a circle: radius 0 and no stroke draw nothing, with no layout change.
        'circle-stroke-width': ['case', ['>', ['coalesce', ['feature-state', 'r6'], 0], 0], 1, 0],
        'circle-stroke-opacity': ['case', faded, FADED_CITY, 1],
      },
    },
    {
      id: 'cities-circle',
      type: 'circle',
      source: 'cities',
      paint: {
        'circle-color': ['coalesce', ['feature-state', 'fill'], theme.cityFill],
        'circle-stroke-color': ['case', selected, theme.selected, theme.cityStroke],
        'circle-stroke-width': ['case', selected, 4, hovered, 3, 2],
        'circle-radius': cityCircleRadius,
        'circle-opacity': ['case', faded, FADED_CITY, 1],
        'circle-stroke-opacity': ['case', faded, FADED_CITY, 1],
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
    parishLabelLayer(theme),
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

/**
 * The whole offline style: no tiles, glyph server, sprite or `font-faces`. Without a glyph server
 * MapLibre draws the labels' glyphs with the page's fonts of the `text-font` names, which the page
 * registers from its own bundle (fonts.ts).
 */
export function buildStyle(input: LayerInput & { sources: StyleSources }): StyleSpecification {
  return {
    version: 8,
    name: 'state-cities',
    // In this order MapLibre sends the sources to its worker and asks for their tiles. Label tiles
    // wait for the page to draw their glyphs and the hatch's for its pattern: asked first, they
    // are ready with the rest instead of after it (a late tile costs one more frame, and a late
    // label tile one more again to place its labels).
    sources: {
      'context-labels': geojson(input.sources.contextLabels),
      cities: geojson(input.sources.cities, 'id'),
      'municipality-labels': geojson(input.sources.municipalityLabels, 'code'),
      [TERRITORIAL_LABEL_SOURCE]: geojson(unitCollection([])),
      [NODATA_SOURCE]: geojson(input.sources.noData ?? unitCollection([]), 'code'),
      municipalities: geojson(input.sources.municipalities, 'code'),
      'city-outlines': geojson(input.sources.cityOutlines ?? unitCollection([])),
      [WATER_SOURCE]: geojson(unitCollection([])),
      [TERRITORIAL_SOURCE]: geojson(unitCollection([]), 'code'),
      latvia: geojson(input.sources.latvia),
      neighbours: geojson(input.sources.neighbours),
      [SELECTION_SOURCE]: geojson(selectionData(null)),
    },
    // Colour switches are instant: a fade would blend two classifications on screen.
    transition: { duration: 0, delay: 0 },
    layers: buildLayers(input).map((l) => scaledLayer(l, input.screenScale ?? 1)),
  };
}

/** The circles of a municipal count, on the units' label points. */
export const UNIT_SYMBOL_LAYER = 'unit-symbols-circle';

/** Layers whose `text-field` follows the language, so a language switch touches only them. */
export const LABEL_LAYERS = ['sea-label', 'neighbours-label', 'municipalities-label', 'cities-label'] as const;
