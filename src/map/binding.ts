import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * What every binding of the map to the store returns. `unbind` stops it (the map is removed);
 * `resend` sends everything it put into the map again — feature-states, data, paint — after
 * MapLibre rebuilt its style without them (a restored WebGL context, contextLoss.ts).
 */
export interface MapBinding {
  unbind: () => void;
  resend: () => void;
}

/**
 * Runs paint and feature-state calls once the style has loaded; a change that comes earlier waits
 * for 'load'. Once loaded, the style takes those calls even while a source reloads (then
 * `isStyleLoaded()` is false, and a 'load' that never comes again would swallow the change).
 */
export function styleReadiness(map: MapLibreMap): (apply: () => void) => void {
  let loaded = false;
  map.once('load', () => (loaded = true));
  return (apply) => (loaded ? apply() : void map.once('load', apply));
}

/**
 * Runs `run` when the browser is next idle (at the latest after two seconds): for what the first
 * view does not need, so that it neither shares the first view's frames nor delays its idle.
 */
export function whenBrowserIdle(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
