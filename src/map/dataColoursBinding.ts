import type * as maplibregl from 'maplibre-gl';
import { cityGeo } from '../domain/cityProfile.ts';
import type { Choropleth } from '../domain/choropleth.ts';
import { selectChoropleth, selectCitySymbols, selectEmphasisedUnits, selectUnitSymbols } from '../state/derived.ts';
import type { Dataset } from '../domain/dataset.ts';
import type { AppStore } from '../state/store.ts';
import { styleReadiness, type MapBinding } from './binding.ts';
import { changedStates, cityStates, hatchUpdate, noDataCodes, paintedFill, unitStates, unitSymbolStates, type ChoroplethPaint, type CityState, type HatchState, type UnitState } from './featureStates.ts';
import { NODATA_SOURCE, UNIT_SYMBOL_LAYER, unitCollection } from './style.ts';
import type { Theme } from '../domain/theme.ts';

function paintOf(c: Choropleth | null): ChoroplethPaint {
  return { colourByCode: c?.colourByGeo ?? new Map(), noDataCodes: c?.noData ?? [] };
}

/** The units in `codes` as the hatch's source holds them (the style starts with the units that may lack data). */
export function hatchSourceData(dataset: Dataset, codes: Iterable<string>) {
  const wanted = new Set(codes);
  return unitCollection(dataset.municipalities.features.filter((f) => wanted.has(f.properties.code)));
}

/** The data colours binding: `resend` after a lost context, `repaint` after the theme changed. */
export interface DataColoursBinding extends MapBinding {
  repaint: () => void;
}

/**
 * The data on the map, as feature-state (featureStates.ts; only what changed is sent): the units'
 * class colours and fading, the cities' and the units' proportional circles, and the no-data hatch.
 * The hatch's source holds the units that may lack data (`mayLackData`, also in the style the map
 * starts with), and a flag shows the hatch on those that lack it now: the pattern is drawn over
 * those few units, not all of Latvia. The source only grows, once per unit, when another year or
 * an imported indicator leaves a further unit without data, so switching indicators does not
 * reload it. Set as soon as the style is parsed, so the tiles arrive with their colours.
 */
export function bindDataColours(map: maplibregl.Map, store: AppStore, dataset: Dataset, themeOf: () => Theme, mayLackData: ReadonlySet<string>): DataColoursBinding {
  const unitCodes = dataset.municipalities.features.map((f) => f.properties.code);
  const cityIds = dataset.cities.features.map((f) => f.properties.id);
  const cityIdByGeo = new Map(dataset.cities.features.map((f) => [cityGeo(f.properties), f.properties.id]));
  const whenStyleReady = styleReadiness(map);
  let unitsShown: Map<string, UnitState> | null = null;
  let citiesShown: Map<string, CityState> | null = null;
  let unitCirclesShown: Map<string, CityState> | null = null;
  let hatch: HatchState = { inSource: new Set(mayLackData), hatched: new Set() };
  let hatchQueued = false;
  /** `resend`: the source's data and every flag again (a restored context). */
  const applyNoData = (codes: readonly string[], resend: boolean) => {
    const { next, added, flags } = hatchUpdate(resend ? { inSource: hatch.inSource, hatched: new Set() } : hatch, codes);
    if (resend) for (const code of hatch.inSource) if (!next.hatched.has(code)) flags.push([code, false]);
    for (const [code, hatched] of flags) map.setFeatureState({ source: NODATA_SOURCE, id: code }, { hatched });
    hatch = next;
    if (hatchQueued || (!resend && added.length === 0)) return;
    // Sent once the store has settled in this task: one change (indicator, then its year) may
    // pass through intermediate states.
    hatchQueued = true;
    queueMicrotask(() => {
      hatchQueued = false;
      void map.getSource<maplibregl.GeoJSONSource>(NODATA_SOURCE)?.setData(hatchSourceData(dataset, hatch.inSource));
    });
  };
  /** `force`: every state again; `resendHatch`: the hatch's source too (its data may be gone). */
  const applyData = (force = false, resendHatch = force) => {
    const state = store.getState();
    const theme = themeOf();
    const symbols = selectCitySymbols(state);
    const countSymbols = selectUnitSymbols(state);
    const emphasised = selectEmphasisedUnits(state);
    // A city-level indicator colours the city circles, a municipal count the units' circles; the
    // municipalities then stay plain land (a unit without a value is still hatched).
    const units = unitStates(unitCodes, paintOf(symbols ? null : selectChoropleth(state)), theme, symbols !== null, emphasised, countSymbols !== null);
    const cityEmphasis = symbols && emphasised ? emphasised.map((g) => cityIdByGeo.get(g) ?? g) : null;
    const cities = cityStates(cityIds, symbols, theme, cityEmphasis);
    // Under hinterlands the legend is their key, so the circles it would explain are not drawn.
    // Hidden circles get radius 0 rather than `visibility: none`: a layout change would make MapLibre
    // lay out every tile of the labels' source again, which cost each switch to or from a count
    // about 130 ms of idle time (bench, issue 18).
    const circles = state.hinterland.shown ? null : countSymbols;
    const unitCircles = unitSymbolStates(unitCodes, circles, theme, circles ? emphasised : null);
    // The circles' rim in the palette's darkest colour: a light class stays visible, and no circle reads as a city's dot.
    const rim = countSymbols ? selectChoropleth(state)?.classes.at(-1)?.colour : undefined;
    if (rim && map.getPaintProperty(UNIT_SYMBOL_LAYER, 'circle-stroke-color') !== rim) map.setPaintProperty(UNIT_SYMBOL_LAYER, 'circle-stroke-color', rim);
    applyNoData(noDataCodes(units), resendHatch);
    for (const [code, s] of changedStates(units, force ? null : unitsShown)) {
      map.setFeatureState({ source: 'municipalities', id: code }, { ...s, fill: paintedFill(s, theme) });
      if (s.nodata) map.setFeatureState({ source: NODATA_SOURCE, id: code }, { faded: s.faded });
    }
    for (const [id, s] of changedStates(cities, force ? null : citiesShown)) map.setFeatureState({ source: 'cities', id }, { ...s });
    for (const [code, s] of changedStates(unitCircles, force ? null : unitCirclesShown)) map.setFeatureState({ source: 'municipality-labels', id: code }, { ...s });
    unitsShown = units;
    citiesShown = cities;
    unitCirclesShown = unitCircles;
  };
  map.once('style.load', () => applyData(true, false));
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.choropleth !== prev.choropleth || next.dataset !== prev.dataset || next.legendHover !== prev.legendHover || next.legendKeep !== prev.legendKeep || next.hinterland.shown !== prev.hinterland.shown) {
      whenStyleReady(() => applyData());
    }
  });
  return {
    unbind: unsubscribe,
    resend: () => applyData(true),
    // Every unit: the painted colours of faded units depend on the theme (the sources stay).
    repaint: () => applyData(true, false),
  };
}
