import type { Map as MapLibreMap } from 'maplibre-gl';

/** The picture of the default view in index.html (made by `npm run placeholder`). */
const PLACEHOLDER = '.map-placeholder';

/**
 * Fades the placeholder picture once MapLibre has drawn its first complete frame (`load`: every
 * source and label in), and removes it at the first `idle` at the latest, so that the picture
 * never stands over a settled, live map (nor in a screenshot of one).
 */
export function retirePlaceholder(map: MapLibreMap): void {
  const el = document.querySelector<HTMLElement>(PLACEHOLDER);
  if (!el) return;
  const remove = () => el.remove();
  map.once('load', () => {
    el.classList.add('map-placeholder-gone');
    setTimeout(remove, 300);
  });
  map.once('idle', remove);
  map.once('remove', remove);
}
