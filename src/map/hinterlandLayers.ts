import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Lang } from '../domain/format.ts';
import type { HinterlandScene } from '../state/hinterlandScene.ts';
import type { HinterlandSettings } from '../state/hinterlandSlice.ts';
import { CITY_COLOURS, cityColour, DISAGREE_COLOUR, OTHER_CITY, SHARE_COLOURS, shareColour } from '../domain/hinterland/colours.ts';
import { changedStates } from './featureStates.ts';
import { FONT_SEMIBOLD } from './fontNames.ts';
import type { Theme } from '../domain/theme.ts';

/**
 * GeoJSON sources of the hinterland layers. The municipality fills reuse the `municipalities`
 * source; `units` holds the territorial units while the hinterlands are made of them.
 */
export const HINTERLAND_SOURCES = { lines: 'hinterland-lines', labels: 'hinterland-labels', bands: 'hinterland-bands', units: 'hinterland-units', disagree: 'hinterland-disagree' } as const;

/** A layer and the base layer it goes under, so the hinterlands sit in the sandwich. */
export interface PlacedLayer {
  layer: LayerSpecification;
  beforeId: string;
}

/** Ids of every hinterland layer, in drawing order. */
export const HINTERLAND_LAYER_IDS = [
  'hinterland-veil',
  'hinterland-fill',
  'hinterland-unit-fill',
  'hinterland-bands-fill',
  'hinterland-bands-line',
  'hinterland-city-line',
  'hinterland-disagree-fill',
  'hinterland-disagree-line',
  'hinterland-outline-casing',
  'hinterland-outline',
  'hinterland-label',
] as const;
export type HinterlandLayerId = (typeof HINTERLAND_LAYER_IDS)[number];

const cityMatch = (property: string): ExpressionSpecification =>
  ['match', ['get', property], ...Object.entries(CITY_COLOURS).flat(), OTHER_CITY] as unknown as ExpressionSpecification;

/**
 * The city's name, upper-case and letter-spaced by the layer, as an area is named. Place names keep
 * their Latvian letters in both languages (RĪGA, LIEPĀJA), so the language does not change it.
 */
export const hinterlandLabelField = (_lang: Lang): ExpressionSpecification => ['get', 'nameLv'];

/**
 * The hinterland layers, hidden until shown: a veil that fades the choropleth so the categorical
 * colours read, the unit fills (city colours or a city's share of attraction), the distance bands
 * (semi-transparent, so overlaps come out darker), the outlines with a white casing, the dashed
 * border of a city's own unit inside its hinterland, and the labels. Fills go under the municipal
 * borders, lines under the hover and selection outline, labels under the city labels.
 */
export function hinterlandLayers(theme: Theme, lang: Lang): PlacedLayer[] {
  const none = { visibility: 'none' } as const;
  const s = theme.labelScale;
  const fills = 'borders-municipal';
  const lines = 'municipalities-highlight';
  return [
    { beforeId: fills, layer: { id: 'hinterland-veil', type: 'fill', source: 'municipalities', layout: none, paint: { 'fill-color': theme.land, 'fill-opacity': 0.82 } } },
    { beforeId: fills, layer: { id: 'hinterland-fill', type: 'fill', source: 'municipalities', layout: none, paint: UNIT_FILL_PAINT } },
    { beforeId: fills, layer: { id: 'hinterland-unit-fill', type: 'fill', source: HINTERLAND_SOURCES.units, layout: none, paint: UNIT_FILL_PAINT } },
    {
      beforeId: fills,
      layer: { id: 'hinterland-bands-fill', type: 'fill', source: HINTERLAND_SOURCES.bands, layout: none, paint: { 'fill-color': cityMatch('cityId'), 'fill-opacity': 0.28 } },
    },
    {
      beforeId: 'borders-national',
      layer: { id: 'hinterland-bands-line', type: 'line', source: HINTERLAND_SOURCES.bands, layout: { ...none, 'line-join': 'round' }, paint: { 'line-color': cityMatch('cityId'), 'line-width': 1.6 } },
    },
    {
      beforeId: lines,
      layer: {
        id: 'hinterland-city-line',
        type: 'line',
        source: HINTERLAND_SOURCES.lines,
        filter: ['==', ['get', 'kind'], 'city'],
        layout: { ...none, 'line-join': 'round' },
        paint: { 'line-color': theme.hover, 'line-width': 1.3, 'line-dasharray': [2, 1.5] },
      },
    },
    {
      beforeId: lines,
      layer: { id: 'hinterland-disagree-fill', type: 'fill', source: HINTERLAND_SOURCES.disagree, layout: none, paint: { 'fill-color': DISAGREE_COLOUR, 'fill-opacity': 0.22 } },
    },
    {
      beforeId: lines,
      layer: {
        id: 'hinterland-disagree-line',
        type: 'line',
        source: HINTERLAND_SOURCES.disagree,
        layout: { ...none, 'line-join': 'round' },
        paint: { 'line-color': DISAGREE_COLOUR, 'line-width': 1.6, 'line-dasharray': [3, 1.5] },
      },
    },
    {
      beforeId: lines,
      layer: {
        id: 'hinterland-outline-casing',
        type: 'line',
        source: HINTERLAND_SOURCES.lines,
        filter: ['==', ['get', 'kind'], 'outline'],
        layout: { ...none, 'line-join': 'round' },
        paint: { 'line-color': '#ffffff', 'line-width': 4.5, 'line-opacity': 0.9 },
      },
    },
    {
      beforeId: lines,
      layer: {
        id: 'hinterland-outline',
        type: 'line',
        source: HINTERLAND_SOURCES.lines,
        filter: ['==', ['get', 'kind'], 'outline'],
        layout: { ...none, 'line-join': 'round' },
        paint: { 'line-color': theme.hover, 'line-width': 2.2 },
      },
    },
    {
      beforeId: 'cities-label',
      layer: {
        id: 'hinterland-label',
        type: 'symbol',
        source: HINTERLAND_SOURCES.labels,
        layout: {
          ...none,
          'text-field': hinterlandLabelField(lang),
          'text-font': [FONT_SEMIBOLD],
          'text-size': ['interpolate', ['linear'], ['zoom'], 6, 11 * s, 10, 15 * s],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.12,
          'text-max-width': 8,
          'text-padding': 2,
          // A hinterland's label point is often beside its city's label: let it move aside.
          'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
          'text-radial-offset': 0.9,
        },
        paint: { 'text-color': '#2b2b2b', 'text-halo-color': theme.halo, 'text-halo-width': 1.8 },
      },
    },
  ];
}

/** Empty GeoJSON sources for the hinterland layers; the binding fills them with `setData`. */
export function hinterlandSources(): Record<(typeof HINTERLAND_SOURCES)[keyof typeof HINTERLAND_SOURCES], GeoJSONSourceSpecification> {
  const empty: GeoJSONSourceSpecification = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
  // The territorial units carry their fill as feature-state, by code, as the municipalities do.
  const units: GeoJSONSourceSpecification = { ...empty, promoteId: 'code' };
  return { [HINTERLAND_SOURCES.lines]: empty, [HINTERLAND_SOURCES.labels]: empty, [HINTERLAND_SOURCES.bands]: empty, [HINTERLAND_SOURCES.units]: units, [HINTERLAND_SOURCES.disagree]: empty } as Record<
    string,
    GeoJSONSourceSpecification
  >;
}

/** Which layers are visible for the settings: none while hidden; bands or the partition layers. */
export function hinterlandVisibility(settings: Pick<HinterlandSettings, 'shown' | 'kind'> & Partial<Pick<HinterlandSettings, 'disagree'>>): Record<HinterlandLayerId, 'visible' | 'none'> {
  const on = (yes: boolean) => (settings.shown && yes ? 'visible' : 'none');
  const bands = settings.kind === 'bands';
  return {
    'hinterland-veil': on(true),
    'hinterland-fill': on(!bands),
    'hinterland-unit-fill': on(!bands),
    'hinterland-bands-fill': on(bands),
    'hinterland-bands-line': on(bands),
    'hinterland-city-line': on(!bands),
    'hinterland-disagree-fill': on(!bands && !!settings.disagree),
    'hinterland-disagree-line': on(!bands && !!settings.disagree),
    'hinterland-outline-casing': on(!bands),
    'hinterland-outline': on(!bands),
    'hinterland-label': on(!bands),
  };
}

/** A unit's hinterland fill: the feature-state the two unit fill layers read. */
export interface HinterlandFillState {
  hinterlandColour: string;
  hinterlandOpacity: number;
}

/**
 * Paint of the two unit fills, the same for every scene and theme: colour and opacity are each
 * unit's feature-state (`hinterlandFillStates`). A new partition or new exponents then only change
 * feature-states; a data-driven `match` by code in the paint would make MapLibre lay out every
 * tile of the source again (all municipality layers) on each change — most of a redraw's time.
 */
const UNIT_FILL_PAINT = {
  'fill-color': ['coalesce', ['feature-state', 'hinterlandColour'], OTHER_CITY],
  'fill-opacity': ['coalesce', ['feature-state', 'hinterlandOpacity'], 0],
} as const satisfies { 'fill-color': ExpressionSpecification; 'fill-opacity': ExpressionSpecification };

/**
 * Each unit's fill for a scene, for every code of the source drawn: its city's colour, its own
 * unit strong and its hinterland lighter, units of no city clear; or, when a city's share of
 * attraction is shown, every unit in the class colour of that share.
 */
export function hinterlandFillStates(scene: HinterlandScene, codes: Iterable<string>): Map<string, HinterlandFillState> {
  const states = new Map<string, HinterlandFillState>();
  for (const code of codes) {
    if (scene.shareByCode) {
      const share = scene.shareByCode.get(code);
      states.set(code, { hinterlandColour: share === undefined ? SHARE_COLOURS[0]! : shareColour(share), hinterlandOpacity: 0.92 });
      continue;
    }
    const city = scene.cityByCode.get(code);
    const role = scene.roleByCode.get(code);
    states.set(code, { hinterlandColour: city === undefined ? OTHER_CITY : cityColour(city), hinterlandOpacity: role === undefined ? 0 : role === 'city' ? 0.9 : 0.55 });
  }
  return states;
}

/**
 * The feature-states that take a source's units from the fills last sent (`prev`, null if none
 * were) to `next`: the units whose fill changed, and the units filled before but absent now, cleared.
 */
export function fillUpdates(prev: ReadonlyMap<string, HinterlandFillState> | null, next: ReadonlyMap<string, HinterlandFillState>): [string, Partial<HinterlandFillState>][] {
  const out: [string, Partial<HinterlandFillState>][] = [...changedStates(next, prev)].map(([code, state]) => [code, { ...state }]);
  if (prev) for (const code of prev.keys()) if (!next.has(code)) out.push([code, { hinterlandOpacity: 0 }]);
  return out;
}
