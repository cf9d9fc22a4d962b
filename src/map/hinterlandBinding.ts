import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { bandsOf, effectiveLevel } from '../state/hinterlandDerived.ts';
import { selectDisagreement } from '../state/hinterlandComparison.ts';
import type { HinterlandScene } from '../state/hinterlandScene.ts';
import type { Dataset } from '../domain/dataset.ts';
import type { AppState, AppStore } from '../state/store.ts';
import { HINTERLAND_LAYER_IDS, HINTERLAND_SOURCES, fillUpdates, hinterlandFillStates, hinterlandLayers, hinterlandSources, hinterlandVisibility, type HinterlandFillState } from './hinterlandLayers.ts';
import { LIGHT_THEME, type Theme } from '../domain/theme.ts';
import { scaledLayer } from './screenScale.ts';
import type { MapBinding } from './binding.ts';

type PaintName = Parameters<MapLibreMap['setPaintProperty']>[1];
type LayoutName = Parameters<MapLibreMap['setLayoutProperty']>[1];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Whether a store change can change what the hinterland layers show. */
const touchesHinterlands = (next: AppState, prev: AppState) =>
  next.hinterland !== prev.hinterland || next.userAssignment !== prev.userAssignment || next.dataset !== prev.dataset || next.lang !== prev.lang;

/**
 * Adds the hinterland sources and layers when they are first shown, each under its base layer
 * (`beforeId`), and keeps them in step with the store: visibility, `setData` of the outlines,
 * labels and bands, and the unit fills' feature-states. Nothing is added or computed while the
 * layer is hidden, so the first view costs nothing; the code of the outlines loads when first
 * needed. `themeOf` gives the theme in use (it can change). Returns `unbind`, and `resend`, which
 * sends every fill again: MapLibre rebuilds its style after a lost WebGL context without the
 * feature-states.
 */
export function bindHinterlands(
  map: MapLibreMap,
  store: AppStore,
  dataset: Dataset,
  themeOf: () => Theme = () => LIGHT_THEME,
  screenScaleOf: () => number = () => 1,
  /** Bound after the map's first load (hinterlandsWhenWanted.ts): drawn at once. */
  afterLoad = false,
): MapBinding {
  let ready = afterLoad;
  let theme: Theme | null = null;
  let scale = 1;
  let lang: AppState['lang'] | null = null;
  const drawn = new Map<string, unknown>();
  const nameOf = new Map(dataset.cities.features.map((f) => [f.properties.id, { nameLv: f.properties.nameLv, nameEn: f.properties.nameEn }]));
  const municipalityCodes = dataset.municipalities.features.map((f) => f.properties.code);
  /** The fill feature-states last sent, by source: only the changes are sent (`fillUpdates`). */
  const filled = new Map<string, ReadonlyMap<string, HinterlandFillState>>();
  const setFills = (source: string, states: ReadonlyMap<string, HinterlandFillState>) => {
    for (const [code, state] of fillUpdates(filled.get(source) ?? null, states)) map.setFeatureState({ source, id: code }, state);
    filled.set(source, states);
  };

  const setData = (source: string, data: FeatureCollection) => {
    if (drawn.get(source) === data) return;
    drawn.set(source, data);
    void map.getSource<GeoJSONSource>(source)?.setData(data);
  };
  /** The layers, added once; again with the new theme's colours when the theme changes. */
  const style = () => {
    const t = themeOf();
    const l = store.getState().lang;
    const k = screenScaleOf();
    if (t === theme && l === lang && k === scale) return;
    for (const [id, spec] of Object.entries(hinterlandSources())) if (!map.getSource(id)) map.addSource(id, spec);
    for (const { layer: unscaled, beforeId } of hinterlandLayers(t, l)) {
      const layer = scaledLayer(unscaled, k);
      if (!map.getLayer(layer.id)) {
        map.addLayer(layer, map.getLayer(beforeId) ? beforeId : undefined);
        continue;
      }
      // The unit fills' paint is fixed (the scene sets feature-states), and visibility is the settings'.
      if (layer.id !== 'hinterland-fill' && layer.id !== 'hinterland-unit-fill') for (const [k, v] of Object.entries(layer.paint ?? {})) map.setPaintProperty(layer.id, k as PaintName, v);
      for (const [k, v] of Object.entries(layer.layout ?? {})) if (k !== 'visibility') map.setLayoutProperty(layer.id, k as LayoutName, v);
    }
    theme = t;
    lang = l;
    scale = k;
  };
  const draw = (scene: HinterlandScene) => {
    setData(HINTERLAND_SOURCES.lines, scene.outlines);
    if (drawn.get('labels-of') !== scene.labels) {
      drawn.set('labels-of', scene.labels);
      const features = scene.labels.features.map((f) => ({ ...f, properties: { ...f.properties, ...nameOf.get(f.properties.cityId) } }));
      setData(HINTERLAND_SOURCES.labels, { type: 'FeatureCollection', features });
    }
    // By territorial unit the scene's codes are the units': they are filled on their own source,
    // and the municipality fill is cleared (a share colour would otherwise cover it everywhere).
    // The units arrive after the map is made (territorialUnitsLoad.ts), in a new dataset object.
    const territorial = effectiveLevel(store.getState()) === 'territorial' && store.getState().dataset?.territorialUnits;
    setData(HINTERLAND_SOURCES.units, territorial || EMPTY);
    const none = new Map<string, HinterlandFillState>();
    if (territorial) {
      setFills(HINTERLAND_SOURCES.units, hinterlandFillStates(scene, territorial.features.map((f) => f.properties.code)));
      setFills('municipalities', none);
    } else {
      setFills('municipalities', hinterlandFillStates(scene, municipalityCodes));
      setFills(HINTERLAND_SOURCES.units, none);
    }
  };
  // The outlines' code (topojson) is fetched when a partition is first drawn, then drawn at once.
  let scenes: typeof import('../state/hinterlandScene.ts') | null = null;
  let loading = false;
  const loadScenes = () => {
    if (loading) return;
    loading = true;
    import('../state/hinterlandScene.ts').then(
      (m) => {
        scenes = m;
        apply();
      },
      () => {
        loading = false;
        store.getState().addNotice({ lv: 'Aptvērumu neizdevās uzzīmēt.', en: 'The hinterlands could not be drawn.' });
      },
    );
  };
  const apply = () => {
    if (!ready) return;
    const state = store.getState();
    // Not added until first shown: a layer added on the municipalities source reloads its tiles,
    // which would hold back the first idle of a map that may never show a hinterland.
    if (theme === null && !state.hinterland.shown) return;
    style();
    const visibility = hinterlandVisibility(state.hinterland);
    for (const id of HINTERLAND_LAYER_IDS) if (map.getLayoutProperty(id, 'visibility') !== visibility[id]) map.setLayoutProperty(id, 'visibility', visibility[id]);
    if (!state.hinterland.shown) return;
    if (state.hinterland.kind === 'bands') {
      const { km } = state.hinterland;
      // Drawn when ready, unless the radius or definition changed meanwhile.
      bandsOf(dataset, km).then(
        (bands) => {
          const h = store.getState().hinterland;
          if (h.kind === 'bands' && h.km === km) setData(HINTERLAND_SOURCES.bands, bands);
        },
        () => store.getState().addNotice({ lv: 'Attāluma joslas neizdevās aprēķināt.', en: 'The distance bands could not be computed.' }),
      );
      return;
    }
    if (!scenes) return void loadScenes();
    const scene = scenes.selectScene(state);
    if (scene) draw(scene);
    drawDisagreement(state);
  };
  /** The units where the two definitions asked for disagree, outlined over the hinterlands. */
  const drawDisagreement = (state: AppState) => {
    const d = selectDisagreement(state);
    if (drawn.get('disagree-of') === d) return;
    drawn.set('disagree-of', d);
    const units = d?.level === 'territorial' ? state.dataset?.territorialUnits?.features : state.dataset?.municipalities.features;
    const codes = new Set(d?.codes ?? []);
    setData(HINTERLAND_SOURCES.disagree, { type: 'FeatureCollection', features: (units ?? []).filter((f) => codes.has(f.properties.code)) });
  };

  // Once loaded, the style stays usable while sources reload; `isStyleLoaded()` is false then.
  if (afterLoad) apply();
  else
    map.once('load', () => {
      ready = true;
      apply();
    });
  const unsubscribe = store.subscribe((next, prev) => {
    if (touchesHinterlands(next, prev) || (theme !== null && themeOf() !== theme)) apply();
  });
  map.on('remove', unsubscribe);
  return {
    unbind: unsubscribe,
    resend: () => {
      filled.clear();
      apply();
    },
  };
}
