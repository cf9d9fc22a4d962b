import type { MapBinding } from './binding.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { sceneDrawingKey } from '../domain/scenes.ts';
import type { AppStore } from '../state/store.ts';
import { renderScene } from './sceneBinding.ts';

/** Width of a scene picture in pixels: enough for the presenter's current and next panes. */
export const PICTURE_WIDTH = 480;

/** A JPEG of the map canvas as drawn now, `width` wide (the map keeps its drawing buffer). */
export function mapThumbnail(map: MapLibreMap, width = PICTURE_WIDTH): string {
  const source = map.getCanvas();
  const out = document.createElement('canvas');
  out.width = width;
  out.height = Math.max(1, Math.round((width * source.height) / Math.max(1, source.width)));
  out.getContext('2d')?.drawImage(source, 0, 0, out.width, out.height);
  return out.toDataURL('image/jpeg', 0.8);
}

/**
 * Takes a picture of each scene once it has been drawn on stage (presenting or kiosk), for the
 * presenter window's current and next panes, and lets the presenter ask for the pictures still
 * missing: those scenes are drawn at once under the black screen, pictured, and the scene on
 * stage comes back.
 */
export function bindScenePictures(map: MapLibreMap, store: AppStore): MapBinding {
  let busy = false;
  const keyOf = (index: number | null) => {
    const scene = index === null ? undefined : store.getState().deck?.scenes[index];
    return scene ? sceneDrawingKey(scene) : null;
  };
  const takePicture = (index: number) => {
    const s = store.getState();
    const key = keyOf(index);
    if (key && s.sceneIndex === index && !s.blank && s.mode !== 'explore') s.rememberScenePicture(key, mapThumbnail(map));
  };
  // The first idle after a scene request is pictured however long the flight took (a slow machine),
  // and every idle in the four seconds after the request too, the last one winning: the stage's
  // cards settle (and the flight is corrected) for up to three seconds after it (sceneBinding.ts).
  let pictureUntil = 0;
  let pending = false;
  const unsubscribe = store.subscribe((next, prev) => {
    if (busy || next.sceneRequest === prev.sceneRequest || next.mode === 'explore') return;
    pictureUntil = performance.now() + 4000;
    pending = true;
    map.triggerRepaint();
  });
  const onIdle = () => {
    const index = store.getState().sceneIndex;
    if (busy || index === null || !(pending || performance.now() < pictureUntil)) return;
    pending = false;
    takePicture(index);
  };
  map.on('idle', onIdle);
  store.setState({
    prepareScenePictures: async () => {
      const start = store.getState();
      if (busy || !start.deck || start.mode === 'explore') return;
      busy = true;
      const back = start.sceneIndex;
      try {
        for (let i = 0; i < start.deck.scenes.length; i++) {
          const key = keyOf(i);
          if (!key || store.getState().scenePictures[key]) continue;
          await renderScene(map, store, i);
          store.getState().rememberScenePicture(key, mapThumbnail(map));
          // goToScene lifts the black screen: put it back before the frame is shown.
          store.setState({ blank: true });
        }
      } finally {
        busy = false;
        if (back !== null) store.getState().goToScene(back);
        else store.setState({ blank: false });
      }
    },
  });
  return {
    unbind: () => {
      unsubscribe();
      map.off('idle', onIdle);
      store.setState({ prepareScenePictures: async () => undefined });
    },
    // The camera, the address and the pictures live outside MapLibre's style: nothing to send again.
    resend: () => undefined,
  };
}
