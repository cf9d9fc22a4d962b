import type { Map as MapLibreMap } from 'maplibre-gl';
import { EXPORTING_ATTR } from './settled.ts';

/** Set on the map container while the WebGL context is lost and the last picture stands in. */
export const CONTEXT_LOST_ATTR = 'data-context-lost';
/** Set on the map container once a picture of the map is held, so a test can wait for it instead of for a fixed time. */
export const SNAPSHOT_HELD_ATTR = 'data-snapshot-held';

/**
 * Never a black map when the GPU drops the WebGL context (a driver reset, too many contexts, a
 * laptop waking on a projector). After each settled frame the map's canvas is copied into a 2D
 * canvas (cheap: no PNG encoding; the WebGL buffer is gone once the context is lost, so it cannot
 * be read then). On `webglcontextlost` that copy is shown in an <img> over the map; MapLibre 6
 * itself keeps the style and images and rebuilds them on `webglcontextrestored` (it calls
 * `preventDefault` so the browser may restore), and the picture is removed once the rebuilt map
 * has drawn. No reload, so the app state and the speaker's place are kept. The snapshot does not
 * hold feature-state (hover, selection): `restoreFeatureState` puts it back once the rebuilt style
 * has loaded.
 */
export function bindContextLoss(map: MapLibreMap, restoreFeatureState: () => void = () => {}): () => void {
  const container = map.getContainer();
  const canvas = map.getCanvas();
  const copy = document.createElement('canvas');
  let lost = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let overlay: HTMLImageElement | null = null;

  const snapshot = () => {
    if (lost || container.hasAttribute(EXPORTING_ATTR) || canvas.width === 0) return;
    const ctx = copy.getContext('2d');
    if (!ctx) return;
    if (copy.width !== canvas.width || copy.height !== canvas.height) {
      copy.width = canvas.width;
      copy.height = canvas.height;
    }
    ctx.drawImage(canvas, 0, 0);
    container.setAttribute(SNAPSHOT_HELD_ATTR, '');
  };
  // Shortly after the map settles, not on every frame of a move.
  const onIdle = () => {
    clearTimeout(timer);
    timer = setTimeout(snapshot, 150);
  };

  const onLost = () => {
    lost = true;
    clearTimeout(timer);
    container.setAttribute(CONTEXT_LOST_ATTR, '');
    if (copy.width === 0) return;
    overlay?.remove();
    overlay = document.createElement('img');
    overlay.className = 'map-snapshot';
    overlay.alt = '';
    overlay.setAttribute('aria-hidden', 'true');
    overlay.src = copy.toDataURL('image/png');
    container.append(overlay);
  };
  const onRestored = () => {
    map.once('idle', () => {
      lost = false;
      restoreFeatureState();
      overlay?.remove();
      overlay = null;
      container.removeAttribute(CONTEXT_LOST_ATTR);
      snapshot();
    });
    map.triggerRepaint();
  };

  map.on('idle', onIdle);
  map.on('webglcontextlost', onLost);
  map.on('webglcontextrestored', onRestored);
  return () => {
    clearTimeout(timer);
    map.off('idle', onIdle);
    map.off('webglcontextlost', onLost);
    map.off('webglcontextrestored', onRestored);
    overlay?.remove();
  };
}
