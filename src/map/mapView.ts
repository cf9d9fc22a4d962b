import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/turf';
import { placesWithoutLatest } from '../domain/indicators.ts';
import { cityGeo } from '../domain/cityProfile.ts';
import { unitIndex } from '../domain/unitIndex.ts';
import type { PlaceRef } from '../domain/places.ts';
import type { Choropleth } from '../domain/choropleth.ts';
import type { Lang } from '../domain/format.ts';
import { selectChoropleth, selectCitySymbols, selectEmphasisedUnits, selectUnitSymbols } from '../state/derived.ts';
import type { Dataset } from '../state/dataset.ts';
import { CAMERA_RANGE } from '../state/urlState.ts';
import type { AppStore } from '../state/store.ts';
import { hatchPattern } from './hatch.ts';
import { buildStyle, UNIT_SYMBOL_LAYER, HATCH_IMAGE, HOVER_WIDTH, LABEL_LAYERS, nameField, NODATA_SOURCE, SELECTION_SOURCE, selectionData, unitCollection, type ChoroplethPaint } from './style.ts';
import { changedStates, cityStates, hatchUpdate, noDataCodes, paintedFill, unitStates, unitSymbolStates, type CityState, type HatchState, type UnitState } from './featureStates.ts';
import { LIGHT_THEME, type Theme } from './theme.ts';
import { bindContextLoss } from './contextLoss.ts';
import { retirePlaceholder } from './placeholder.ts';
import { bindHoverOutline } from './hoverOutline.ts';
import { bindContextLayersWhenIdle, territorialUnitFinder } from './parishes.ts';
import { bindHinterlands } from './hinterlandBinding.ts';
import { bindLinksWhenWanted } from './linksWhenWanted.ts';
import { PROJECTOR_HOVER_WIDTH, PROJECTOR_THEME, repaintTheme } from './projectorTheme.ts';
import { selectProjector } from '../state/presentationSlice.ts';
import { EXPORTING_ATTR } from './exportPng.ts';
import { attributionHtml, boxInside, fitPadding, placeBounds, uiScale, visiblePadding } from './view.ts';

maplibregl.setWorkerUrl(workerUrl);

function paintOf(c: Choropleth | null): ChoroplethPaint {
  return { colourByCode: c?.colourByGeo ?? new Map(), noDataCodes: c?.noData ?? [] };
}

function refOf(feature: maplibregl.MapGeoJSONFeature): PlaceRef | null {
  const p = feature.properties;
  if (feature.layer.id === 'cities-circle' && typeof p.id === 'string') return { kind: 'city', id: p.id };
  if (feature.layer.id === 'municipalities-fill' && typeof p.code === 'string') return { kind: 'unit', code: p.code };
  return null;
}

function featureIdOf(ref: PlaceRef): maplibregl.FeatureIdentifier {
  return ref.kind === 'city' ? { source: 'cities', id: ref.id } : { source: 'municipalities', id: ref.code };
}

/**
 * Starts MapLibre's worker while the data download, so that it has loaded and compiled its code
 * by the time the map is made instead of after.
 */
export function prewarmMap(): void {
  maplibregl.prewarm();
}

/**
 * Whether this browser has WebGL2 at all. No throwaway context is made to find out (a CPU profile
 * of a load put 12–24 ms of main-thread time, and a GPU-process context, into that test): a browser
 * that has WebGL2 but refuses a context makes MapLibre's constructor throw, which the map's
 * mount turns into the same message.
 */
export function webglAvailable(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined';
}

/**
 * Creates the MapLibre map inside `container` and binds it to the store: every imperative map
 * call of the app lives here. Data colours, fading and the cities' hover and selection are
 * feature-state; a unit's hover outline is SVG; the selected unit and the units that may lack
 * data have small sources of their own; the language changes layout properties only. The
 * geometry sources of the units, cities and labels never change.
 */
export function createMapView(
  container: HTMLElement,
  store: AppStore,
  dataset: Dataset,
  theme: Theme = LIGHT_THEME,
  camera?: { lon: number; lat: number; zoom: number },
): maplibregl.Map {
  const state = store.getState();
  const [w, s, e, n] = bbox(dataset.latvia);
  const bounds: maplibregl.LngLatBoundsLike = [
    [w, s],
    [e, n],
  ];
  const unitByCode = new Map(dataset.municipalities.features.map((f) => [f.properties.code, f]));
  const unitCodes = dataset.municipalities.features.map((f) => f.properties.code);
  const hatchData = (codes: Iterable<string>) => unitCollection([...codes].flatMap((c) => unitByCode.get(c) ?? []));
  // The units the hatch's source starts with (see applyNoData below), in the style itself: for
  // the default view its tiles are then made once, with the others (a link to an older year may
  // still add units, and so reload it once).
  const mayLackData = new Set(placesWithoutLatest(dataset.indicators, unitCodes, 'municipality'));
  // Screen-pixel sizes grow on a big screen with the interface (screenScale.ts).
  let screenScale = uiScale(container.clientWidth);
  const map = new maplibregl.Map({
    container,
    style: buildStyle({
      theme,
      lang: state.lang,
      screenScale,
      sources: {
        municipalities: dataset.municipalities,
        latvia: dataset.latvia,
        neighbours: dataset.neighbours,
        cities: dataset.cities,
        contextLabels: dataset.contextLabels,
        municipalityLabels: dataset.municipalityLabels,
        noData: hatchData(mayLackData),
        cityOutlines: dataset.cityOutlines,
      },
    }),
    ...(camera
      ? { center: [camera.lon, camera.lat] as [number, number], zoom: camera.zoom }
      : { bounds, fitBoundsOptions: { padding: fitPadding(container.clientWidth, container.clientHeight) } }),
    // Wide enough that a scene framed beside big stage cards (low zoom, padding) is never pushed off
    // its centre; a link's camera outside the range is refused by the address codec, not moved.
    minZoom: CAMERA_RANGE.minZoom,
    maxZoom: CAMERA_RANGE.maxZoom,
    maxBounds: [
      [CAMERA_RANGE.bounds[0], CAMERA_RANGE.bounds[1]],
      [CAMERA_RANGE.bounds[2], CAMERA_RANGE.bounds[3]],
    ],
    attributionControl: { compact: false, customAttribution: attributionHtml() },
    dragRotate: false,
    pitchWithRotate: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  retirePlaceholder(map);
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();

  // The hatch's pattern before the style asks for it: its tiles are then laid out once, not
  // again when the image arrives. The resolver is only a fallback (MapLibre keeps the images
  // through a restored context, and the app never replaces the style).
  const addHatch = () => {
    if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchPattern(8, [232, 232, 232], [150, 150, 150]));
  };
  addHatch();
  map.setMissingStyleImageResolver((id) => {
    if (id === HATCH_IMAGE) addHatch();
  });

  const canvas = map.getCanvas();
  const describeCanvas = (lang: Lang) => canvas.setAttribute('aria-label', lang === 'lv' ? 'Latvijas pašvaldību un valstspilsētu karte' : 'Map of Latvian municipalities and state cities');
  describeCanvas(state.lang);

  // A unit's hover outline is SVG over the map (hoverOutline.ts: no WebGL frame per hover); a
  // city's is its circle's stroke, a feature-state.
  const outline = bindHoverOutline(map, () => ({ colour: theme.hover, width: (theme === PROJECTOR_THEME ? PROJECTOR_HOVER_WIDTH : HOVER_WIDTH) * screenScale }));
  const units = unitIndex(dataset.municipalities.features);
  const territorialUnitAt = territorialUnitFinder(map, store);
  let hovered: PlaceRef | null = null;
  const setHovered = (ref: PlaceRef | null, point?: maplibregl.Point) => {
    const same = ref && hovered && JSON.stringify(ref) === JSON.stringify(hovered);
    if (!same) {
      if (hovered?.kind === 'city') map.setFeatureState(featureIdOf(hovered), { hover: false });
      if (ref?.kind === 'city') map.setFeatureState(featureIdOf(ref), { hover: true });
      outline.show(ref && ref.kind !== 'city' ? (unitByCode.get(ref.code)?.geometry ?? null) : null);
      hovered = ref;
    }
    const territorialUnit = ref && point ? territorialUnitAt(point) : null;
    store.getState().setHover(ref && point ? { target: ref, x: point.x, y: point.y, ...(territorialUnit ? { territorialUnit } : {}) } : null);
    canvas.style.cursor = ref ? 'pointer' : '';
  };
  const topRefAt = (point: maplibregl.Point): PlaceRef | null => {
    const cityBox: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - 6, point.y - 6],
      [point.x + 6, point.y + 6],
    ];
    const city = map.queryRenderedFeatures(cityBox, { layers: ['cities-circle'] })[0];
    if (city) return refOf(city);
    // Units from their own index: with thousands of units, asking the rendered tiles costs more.
    const { lng, lat } = map.unproject(point);
    const code = units.at(lng, lat);
    return code === null ? null : { kind: 'unit', code };
  };
  map.on('mousemove', (ev) => setHovered(topRefAt(ev.point), ev.point));
  map.on('mouseout', () => setHovered(null));
  map.on('click', (ev) => {
    const ref = topRefAt(ev.point);
    store.getState().select(ref, ref?.kind === 'unit' ? territorialUnitAt(ev.point) : null);
  });

  let selected: PlaceRef | null = null;
  // A place chosen from the list or the table, or hidden by the panel, is brought into view.
  const reveal = (ref: PlaceRef) => {
    const b = placeBounds(dataset, ref);
    if (!b) return;
    const { clientWidth: width, clientHeight: height } = container;
    const pad = visiblePadding(width, height);
    const sw = map.project([b[0], b[1]]);
    const ne = map.project([b[2], b[3]]);
    if (boxInside([sw.x, ne.y, ne.x, sw.y], width, height, pad)) return;
    // A city (a point) is panned into view, never zoomed into: its surroundings and links stay in sight.
    map.fitBounds(b, { padding: pad, maxZoom: ref.kind === 'city' ? map.getZoom() : Math.max(map.getZoom(), 7.5), duration: 700 });
  };
  // A city's selection is its circle's ring (feature-state); a unit's is the outline of the
  // selection source, which then holds that unit alone.
  const applySelection = (bringIntoView = true) => {
    const next = store.getState().selection;
    if (selected?.kind === 'city') map.setFeatureState(featureIdOf(selected), { selected: false });
    if (selected?.kind === 'unit' || next?.kind === 'unit') {
      const unit = next?.kind === 'unit' ? unitByCode.get(next.code) : null;
      void map.getSource<maplibregl.GeoJSONSource>(SELECTION_SOURCE)?.setData(selectionData(unit));
    }
    selected = next;
    if (selected) {
      if (selected.kind === 'city') map.setFeatureState(featureIdOf(selected), { selected: true });
      if (bringIntoView) reveal(selected);
    }
  };
  // The data colours are feature-state (see featureStates.ts): only what changed is sent.
  const cityIds = dataset.cities.features.map((f) => f.properties.id);
  const cityIdByGeo = new Map(dataset.cities.features.map((f) => [cityGeo(f.properties), f.properties.id]));
  let unitsShown: Map<string, UnitState> | null = null;
  let citiesShown: Map<string, CityState> | null = null;
  let unitCirclesShown: Map<string, CityState> | null = null;
  // The hatch's source holds the units that may lack data, and `hatched` shows the hatch on those
  // that lack it now: the pattern is drawn over those few units, not all of Latvia. It starts with
  // the units without a value in the latest year of some indicator (the year an indicator opens
  // at), so switching indicators does not reload it; it only grows, once per unit, when another
  // year or an imported indicator leaves a further unit without data.
  let hatch: HatchState = { inSource: mayLackData, hatched: new Set() };
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
      void map.getSource<maplibregl.GeoJSONSource>(NODATA_SOURCE)?.setData(hatchData(hatch.inSource));
    });
  };
  /** `force`: every state again; `resendHatch`: the hatch's source too (its data may be gone). */
  const applyData = (force = false, resendHatch = force) => {
    const state = store.getState();
    const symbols = selectCitySymbols(state);
    const countSymbols = selectUnitSymbols(state);
    const emphasised = selectEmphasisedUnits(state);
    // A city-level indicator colours the city circles, a municipal count the units' circles; the
    // municipalities then stay plain land (a unit without a value is still hatched).
    const units = unitStates(unitCodes, paintOf(symbols ? null : selectChoropleth(state)), theme, symbols !== null, emphasised, countSymbols !== null);
    const cityEmphasis = symbols && emphasised ? emphasised.map((g) => cityIdByGeo.get(g) ?? g) : null;
    const cities = cityStates(cityIds, symbols, theme, cityEmphasis);
    const unitCircles = unitSymbolStates(unitCodes, countSymbols, theme, countSymbols ? emphasised : null);
    // Under hinterlands the legend is their key, so the circles it would explain are not drawn.
    const circlesShown = countSymbols !== null && !state.hinterland.shown ? 'visible' : 'none';
    if (map.getLayoutProperty(UNIT_SYMBOL_LAYER, 'visibility') !== circlesShown) map.setLayoutProperty(UNIT_SYMBOL_LAYER, 'visibility', circlesShown);
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
  const applyLang = () => {
    const { lang } = store.getState();
    for (const id of LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', nameField(lang));
    describeCanvas(lang);
  };
  // Paint and feature-state calls need the style; a change that comes earlier waits for 'load'.
  // Once loaded, the style takes paint and feature-state calls even while a source reloads (then
  // isStyleLoaded() is false, and a 'load' that never comes again would swallow the change).
  let styleLoaded = false;
  map.once('load', () => (styleLoaded = true));
  const whenStyleReady = (apply: () => void) => (styleLoaded ? apply() : map.once('load', apply));
  // Set as soon as the style is parsed, so that the tiles arrive with their colours: the first
  // frame already shows the choropleth.
  map.once('style.load', () => applyData(true, false));
  map.once('load', () => {
    // A link's own camera is kept as it is, even if its place is under the panel.
    if (store.getState().selection) applySelection(!camera);
  });
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.selection !== prev.selection) whenStyleReady(() => applySelection());
    if (next.choropleth !== prev.choropleth || next.dataset !== prev.dataset || next.legendHover !== prev.legendHover || next.legendKeep !== prev.legendKeep || next.hinterland.shown !== prev.hinterland.shown) {
      whenStyleReady(() => applyData());
    }
    if (next.lang !== prev.lang) whenStyleReady(applyLang);
    // Projector theme on or off: repaint the base layers, then the data colours of the new theme.
    if (selectProjector(next) !== selectProjector(prev)) {
      whenStyleReady(() => {
        theme = selectProjector(store.getState()) ? PROJECTOR_THEME : LIGHT_THEME;
        repaintTheme(map, theme, store.getState().lang, screenScale);
        // Every unit: the painted colours of faded units depend on the theme (the sources stay).
        applyData(true, false);
      });
    }
  });
  map.on('remove', unsubscribe);
  const hinterlands = bindHinterlands(map, store, dataset, () => theme, () => screenScale);
  // A window moved to a screen of another size class (a laptop plugged into a 4K projector).
  // Not while a PNG export lays the map out at the picture's size for a moment.
  map.on('resize', () => {
    if (container.hasAttribute(EXPORTING_ATTR)) return;
    const next = uiScale(container.clientWidth);
    if (next === screenScale) return;
    screenScale = next;
    whenStyleReady(() => {
      repaintTheme(map, theme, store.getState().lang, screenScale);
      hinterlands.resend();
    });
  });
  const context = bindContextLayersWhenIdle(map, store);
  map.on(
    'remove',
    bindContextLoss(map, () => {
      applyData(true);
      applySelection(false);
      hinterlands.resend();
      context.resend();
    }),
  );
  bindLinksWhenWanted(map, store, dataset, () => screenScale);
  return map;
}
