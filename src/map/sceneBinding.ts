import type { Map as MapLibreMap } from 'maplibre-gl';
import { bbox } from '@turf/turf';
import { fittedZoom, type Viewport } from '../domain/scenes.ts';
import type { Dataset } from '../state/dataset.ts';
import { selectCurrentScene } from '../state/presentationSlice.ts';
import { openSceneView } from '../state/sceneView.ts';
import type { AppStore } from '../state/store.ts';
import { encodeViewState, type CameraView } from '../state/urlState.ts';
import { VIEW_DEFAULTS, viewContextOf, viewStateOf } from '../state/viewSync.ts';
import { fitPadding } from './view.ts';

/** How long a camera move between scenes takes; the system's reduced-motion setting makes it a jump. */
export const SCENE_FLIGHT_MS = 1600;

const cameraOf = (map: MapLibreMap): CameraView => {
  const c = map.getCenter();
  return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
};
const sizeOf = (map: MapLibreMap): Viewport => ({ width: map.getContainer().clientWidth, height: map.getContainer().clientHeight });

let instant = false;
let applying = false;

/**
 * Shows the store's current scene: its view goes into the store, the camera flies there
 * (`essential: false`, so prefers-reduced-motion turns the flight into a jump), fitted to this
 * screen when the scene was made on another size. A scene without a camera shows all of Latvia.
 */
function showCurrentScene(map: MapLibreMap, store: AppStore, dataset: Dataset): void {
  const state = store.getState();
  const scene = selectCurrentScene(state);
  if (!scene || state.sceneIndex === null) return;
  applying = true;
  let camera;
  try {
    camera = openSceneView(store, scene, state.sceneIndex, viewContextOf(dataset));
  } finally {
    applying = false;
  }
  const duration = instant ? 0 : SCENE_FLIGHT_MS;
  if (camera) {
    map.flyTo({ center: [camera.lon, camera.lat], zoom: fittedZoom(camera.zoom, scene.viewport, sizeOf(map)), duration, essential: false });
  } else {
    const [w, s, e, n] = bbox(dataset.latvia);
    const { width, height } = sizeOf(map);
    map.fitBounds([w, s, e, n], { padding: fitPadding(width, height), duration, essential: false });
  }
}

/**
 * Binds the deck to the map: each scene request (next, previous, a jump, R) applies the scene's
 * view and moves the camera; the scene number goes into the address (`sc`). It also lets the UI
 * take the current camera for a new scene, without the UI touching MapLibre.
 */
export function bindScenes(map: MapLibreMap, store: AppStore, dataset: Dataset): () => void {
  store.setState({ captureFrame: () => ({ camera: cameraOf(map), viewport: sizeOf(map) }) });
  const writeAddress = () => {
    const query = encodeViewState({ ...viewStateOf(store.getState()), camera: cameraOf(map) }, VIEW_DEFAULTS);
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  };
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.sceneRequest !== prev.sceneRequest) showCurrentScene(map, store, dataset);
    if (next.sceneIndex !== prev.sceneIndex) writeAddress();
    // Someone changed what is mapped by hand: the scene's caption no longer describes the map.
    const changed = next.choropleth !== prev.choropleth || next.selection !== prev.selection;
    if (changed && !applying && next.mode !== 'present' && next.sceneIndex !== null && next.sceneIndex === prev.sceneIndex) next.closeScene();
  });
  // A link that names only a scene (`?sc=2`) opens that scene's own view once the deck is there.
  const onlyScene = [...new URLSearchParams(location.search).keys()].every((k) => k === 'sc' || k === 'l' || k === 'lang');
  const openLinkedScene = () => {
    const s = store.getState();
    if (selectCurrentScene(s) && s.sceneIndex !== null && onlyScene) s.goToScene(s.sceneIndex);
  };
  if (store.getState().deck) openLinkedScene();
  else {
    const stop = store.subscribe((next) => {
      if (!next.deck) return;
      stop();
      openLinkedScene();
    });
  }
  return () => {
    unsubscribe();
    store.setState({ captureFrame: () => null });
  };
}

/**
 * Shows scene `index` at once (no flight) and resolves when the map has drawn it completely.
 * For stepping through every scene programmatically, e.g. to export each one as an image; the
 * caller restores the scene it started from if it wants to.
 */
export async function renderScene(map: MapLibreMap, store: AppStore, index: number): Promise<void> {
  instant = true;
  try {
    store.getState().goToScene(index);
  } finally {
    instant = false;
  }
  await new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}
