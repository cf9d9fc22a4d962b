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
