import type { Map as MapLibreMap } from 'maplibre-gl';
import type { CameraView } from '../state/urlState.ts';

/** Marks the map container while an export resizes it, so the snapshot of `contextLoss` waits and the look keeps its size class. */
export const EXPORTING_ATTR = 'data-exporting';

/** Resolves on the next `idle`, after asking for a frame so that one comes even on a still map. */
export function mapSettled(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/** The camera of the map now, as a link and a scene keep it. */
export function currentCamera(map: MapLibreMap): CameraView {
  const c = map.getCenter();
  return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
}
