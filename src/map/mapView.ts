import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/turf';
import { placesWithoutLatest } from '../domain/indicators.ts';
import type { Dataset } from '../domain/dataset.ts';
import { CAMERA_RANGE } from '../state/urlState.ts';
import type { AppStore } from '../state/store.ts';
import type { MapBinding } from './binding.ts';
import { bindContextLoss } from './contextLoss.ts';
import { bindDataColours, hatchSourceData } from './dataColoursBinding.ts';
import { hatchImage } from './hatch.ts';
import { bindHinterlandsWhenWanted } from './hinterlandsWhenWanted.ts';
import { bindLinksWhenWanted } from './linksWhenWanted.ts';
import { bindLook, type LookBinding } from './lookBinding.ts';
import { bindContextLayersWhenIdle } from './parishes.ts';
import { bindPlaces } from './placeBinding.ts';
import { retirePlaceholder } from './placeholder.ts';
import { buildStyle, HATCH_IMAGE } from './style.ts';
import { LIGHT_THEME, type Theme } from '../domain/theme.ts';
import { attributionHtml, fitPadding, uiScale } from './view.ts';

maplibregl.setWorkerUrl(workerUrl);

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
 * Creates the MapLibre map inside `container` with the first view's style, and binds it to the
 * store through one binding per concern, each in its own module returning `{ unbind, resend }`
 * (binding.ts): places (hover, selection), data colours, look (theme, screen size, language),
 * hinterlands, context layers and links. Scenes, the address and the presenter's pictures are
 * bound by main.tsx the same way. The geometry sources of the units, cities and labels never change.
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
  const unitCodes = dataset.municipalities.features.map((f) => f.properties.code);
  // The units the hatch's source starts with (dataColoursBinding.ts), in the style itself: for
  // the default view its tiles are then made once, with the others (a link to an older year may
  // still add units, and so reload it once).
  const mayLackData = new Set(placesWithoutLatest(dataset.indicators, unitCodes, 'municipality'));
  const map = new maplibregl.Map({
    container,
    style: buildStyle({
      theme,
      lang: state.lang,
      // Screen-pixel sizes grow on a big screen with the interface (screenScale.ts).
      screenScale: uiScale(container.clientWidth),
      sources: {
        municipalities: dataset.municipalities,
        latvia: dataset.latvia,
        neighbours: dataset.neighbours,
        cities: dataset.cities,
        contextLabels: dataset.contextLabels,
        municipalityLabels: dataset.municipalityLabels,
        noData: hatchSourceData(dataset, mayLackData),
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
    if (!map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchImage());
  };
  addHatch();
  map.setMissingStyleImageResolver((id) => {
    if (id === HATCH_IMAGE) addHatch();
  });

  // Every binding returns { unbind, resend }: unbound with the map, resent after a lost context.
  // Created in this order, they see each store change in this order (selection, data, look).
  const places = bindPlaces(map, store, dataset, () => look.outlineStyle(), camera !== undefined);
  const data = bindDataColours(map, store, dataset, () => look.theme(), mayLackData);
  const look: LookBinding = bindLook(map, store, theme, (what) => (what === 'theme' ? data.repaint() : hinterlands.resend()));
  const hinterlands = bindHinterlandsWhenWanted(map, store, dataset, look.theme, look.screenScale);
  const context = bindContextLayersWhenIdle(map, store);
  const links = bindLinksWhenWanted(map, store, dataset, look.screenScale);
  const bindings: MapBinding[] = [places, data, look, hinterlands, context, links];
  const unbindContextLoss = bindContextLoss(map, () => {
    // The data first: the selection's ring is a feature-state the data colours do not touch.
    data.resend();
    places.resend();
    for (const b of [hinterlands, context]) b.resend();
  });
  map.on('remove', () => {
    unbindContextLoss();
    for (const b of bindings) b.unbind();
  });
  return map;
}
