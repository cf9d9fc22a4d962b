import { openingYear, yearsOf } from '../domain/indicators.ts';
import { MAX_SCENES } from '../domain/scenes.ts';
import type { Dataset } from './dataset.ts';
import { DEFAULT_CHOROPLETH, type AppState, type AppStore } from './store.ts';
import { CAMERA_RANGE, type ViewContext, type ViewDefaults, type ViewState } from './urlState.ts';
import { applyHinterlandView, HINTERLAND_VIEW_DEFAULTS, hinterlandViewOf } from './hinterlandSlice.ts';
import { applyLinkFilterView, LINK_VIEW_CONTEXT, linkFilterViewOf } from './linksSlice.ts';

/** The view a link leaves out: the first choropleth. The language is always written. */
export const VIEW_DEFAULTS: ViewDefaults = {
  indicator: DEFAULT_CHOROPLETH.indicator,
  year: DEFAULT_CHOROPLETH.year,
  method: DEFAULT_CHOROPLETH.method,
  classes: DEFAULT_CHOROPLETH.classes,
  palette: DEFAULT_CHOROPLETH.palette,
  ...HINTERLAND_VIEW_DEFAULTS,
};

/** What a link may name, from the loaded data: anything else is dropped with a notice. */
export function viewContextOf(dataset: Dataset): ViewContext {
  return {
    indicators: dataset.indicators.indicators.map((i) => i.id),
    yearsOf: (id) => yearsOf(dataset.indicators, id),
    cityIds: dataset.cities.features.map((f) => f.properties.id),
    unitCodes: dataset.municipalities.features.map((f) => f.properties.code),
    // The deck loads after the data: a scene number is checked against it once it is there.
    sceneCount: MAX_SCENES,
    territorialUnits: dataset.territorialUnitsAvailable,
    cameraRange: CAMERA_RANGE,
    defaults: VIEW_DEFAULTS,
    ...LINK_VIEW_CONTEXT,
  };
}

/** The shareable part of the app state (the camera is added by the map binding). */
export function viewStateOf(state: AppState): ViewState {
  const c = state.choropleth;
  const view: ViewState = { lang: state.lang, indicator: c.indicator, year: c.year, method: c.method, classes: c.classes, palette: c.palette };
  if (c.method === 'manual' && c.breaks?.length) view.breaks = c.breaks;
  if (state.selection) view.place = state.selection;
  if (state.compareCity) view.compare = state.compareCity;
  view.hinterland = hinterlandViewOf(state.hinterland);
  view.links = linkFilterViewOf(state.linkSettings);
  if (state.sceneIndex !== null) view.scene = state.sceneIndex;
  return view;
}

/**
 * Puts a decoded view into the store: what the view leaves out returns to its default, so that
 * going back to a link without an indicator shows the first map again.
 */
export function applyViewState(store: AppStore, view: ViewState): void {
  const s = store.getState();
  if (view.lang && view.lang !== s.lang) s.setLang(view.lang);
  const spec = {
    ...DEFAULT_CHOROPLETH,
    indicator: view.indicator ?? DEFAULT_CHOROPLETH.indicator,
    // A link without a year opens the indicator where the picker does (its latest year), so the same choice draws the same map.
    year: view.year ?? (view.indicator && view.indicator !== DEFAULT_CHOROPLETH.indicator && s.dataset ? openingYear(s.dataset.indicators, view.indicator) : DEFAULT_CHOROPLETH.year),
    method: view.method ?? DEFAULT_CHOROPLETH.method,
    classes: view.classes ?? DEFAULT_CHOROPLETH.classes,
    palette: view.palette ?? DEFAULT_CHOROPLETH.palette,
    ...(view.breaks ? { breaks: view.breaks } : {}),
  };
  const same = JSON.stringify(spec) === JSON.stringify(s.choropleth);
  if (!same) store.setState({ choropleth: spec, legendHover: null, legendKeep: [] });
  const place = view.place ?? null;
  if (JSON.stringify(place) !== JSON.stringify(s.selection)) s.select(place);
  const compare = view.compare ?? null;
  if (compare !== store.getState().compareCity) s.setCompareCity(compare);
  applyHinterlandView(store, view.hinterland);
  applyLinkFilterView(store, view.links);
  const scene = view.scene ?? null;
  if (scene !== store.getState().sceneIndex) store.setState({ sceneIndex: scene });
}
