import type { MapBinding } from './binding.ts';
import { currentCamera } from './settled.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { bbox } from '@turf/turf';
import { stagedCamera, type Viewport } from '../domain/scenes.ts';
import type { Dataset } from '../domain/dataset.ts';
import { selectCurrentScene } from '../state/presentationSlice.ts';
import { openSceneView } from '../state/sceneView.ts';
import type { AppStore } from '../state/store.ts';
import { encodeViewState, type CameraView } from '../state/urlState.ts';
import { VIEW_DEFAULTS, viewContextOf, viewStateOf } from '../state/viewSync.ts';
import { fitPadding, stagePadding } from './view.ts';

/** How long a camera move between scenes takes; the system's reduced-motion setting makes it a jump. */
export const SCENE_FLIGHT_MS = 1600;

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
    const c = camera;
    // The scene's view goes in what the cards leave free (legend card, caption, panel): padding
    // centres it there and the zoom fits the author's extent into it, so no card covers a city.
    const subject = bbox(dataset.latvia) as [number, number, number, number];
    const fly = (pad: Padding) => {
      const { width, height } = sizeOf(map);
      const free = { width: width - pad.left - pad.right, height: height - pad.top - pad.bottom };
      const to = stagedCamera(c, scene.viewport, free, subject);
      map.flyTo({ center: [to.lon, to.lat], zoom: to.zoom, padding: pad, duration, essential: false });
    };
    // On the stage only: a scene opened while exploring keeps the map unpadded, as everything else there.
    const staged = state.mode !== 'explore';
    const none = { top: 0, right: 0, bottom: 0, left: 0 };
    let flown = staged ? overlayPadding(map) : none;
    fly(flown);
    if (!staged) return;
    // The new scene's caption and panel render in the next frames, a lazily loaded panel later
    // still: measured again whenever the page changes in the next seconds, and the flight corrected
    // if they take noticeably more or less room than the one it was aimed for.
    const request = state.sceneRequest;
    const check = () => {
      if (store.getState().sceneRequest !== request) return;
      const again = overlayPadding(map);
      if ((['top', 'right', 'bottom', 'left'] as const).some((k) => Math.abs(again[k] - flown[k]) > 8)) fly((flown = again));
    };
    let queued = false;
    const schedule = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        check();
      });
    };
    // Watched for three seconds after the request: long enough for a lazily loaded panel.
    const watcher = new MutationObserver(schedule);
    watcher.observe(document.body, { childList: true, subtree: true });
    setTimeout(() => watcher.disconnect(), 3000);
    schedule();
  } else {
    const [w, s, e, n] = bbox(dataset.latvia);
    const { width, height } = sizeOf(map);
    map.fitBounds([w, s, e, n], { padding: fitPadding(width, height), duration, essential: false });
  }
}

type Padding = { top: number; right: number; bottom: number; left: number };

/** What the stage's cards cover now: the visible cards of the side bar, the scene caption and a panel. */
function overlayPadding(map: MapLibreMap): Padding {
  const { width, height } = sizeOf(map);
  const origin = map.getContainer().getBoundingClientRect();
  const rects = [...document.querySelectorAll('.sidebar > *, .scene-caption, .panel')]
    .map((el) => el.getBoundingClientRect())
    .map((r) => ({ left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top }));
  return stagePadding(rects, width, height);
}

/**
 * Binds the deck to the map: each scene request (next, previous, a jump, R) applies the scene's
 * view and moves the camera; the scene number goes into the address (`sc`). It also lets the UI
 * take the current camera for a new scene, without the UI touching MapLibre.
 */
export function bindScenes(map: MapLibreMap, store: AppStore, dataset: Dataset): MapBinding {
  store.setState({ captureFrame: () => ({ camera: currentCamera(map), viewport: sizeOf(map) }) });
  const writeAddress = () => {
    const query = encodeViewState({ ...viewStateOf(store.getState()), camera: currentCamera(map) }, VIEW_DEFAULTS);
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  };
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.sceneRequest !== prev.sceneRequest) showCurrentScene(map, store, dataset);
    // Leaving the stage: the scene padding goes, and the view stays where it was.
    if (next.mode === 'explore' && prev.mode !== 'explore') {
      const p = map.getPadding();
      if (p.top || p.right || p.bottom || p.left) {
        // The point now at the canvas's centre becomes the centre once the padding is gone.
        const center = map.unproject([map.getContainer().clientWidth / 2, map.getContainer().clientHeight / 2]);
        map.jumpTo({ center, padding: { top: 0, right: 0, bottom: 0, left: 0 } });
      }
    }
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
  return {
    unbind: () => {
      unsubscribe();
      store.setState({ captureFrame: () => null });
    },
    // The camera, the address and the pictures live outside MapLibre's style: nothing to send again.
    resend: () => undefined,
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
