import type * as maplibregl from 'maplibre-gl';
import { unitIndex } from '../domain/unitIndex.ts';
import type { AppStore } from '../state/store.ts';
import type { MapBinding } from './binding.ts';
import { PARISH_BORDER_MINZOOM } from './contextLayers.ts';

/**
 * The parish, town or state city under a screen point, once the map shows their borders and they
 * have loaded (contextLayersBinding.ts); indexed on first use, as the municipalities are.
 */
export function territorialUnitFinder(map: maplibregl.Map, store: AppStore): (point: maplibregl.Point) => string | null {
  let indexed: { of: unknown; index: ReturnType<typeof unitIndex> } | null = null;
  return (point) => {
    const loaded = store.getState().dataset?.territorialUnits;
    if (!loaded || map.getZoom() < PARISH_BORDER_MINZOOM) return null;
    if (indexed?.of !== loaded) indexed = { of: loaded, index: unitIndex(loaded.features) };
    const { lng, lat } = map.unproject(point);
    return indexed.index.at(lng, lat);
  };
}

/**
 * Binds the context layers (water, parishes) at the map's first idle, fetching their code then:
 * the first view draws neither. `resend` puts their data back after a lost WebGL context.
 */
export function bindContextLayersWhenIdle(map: maplibregl.Map, store: AppStore): MapBinding {
  let context: MapBinding | null = null;
  let removed = false;
  map.once('idle', () => {
    void import('./contextLayersBinding.ts').then(({ bindContextLayers }) => {
      if (!removed) context = bindContextLayers(map, store, document.baseURI);
    });
  });
  return {
    unbind: () => {
      removed = true;
      context?.unbind();
    },
    resend: () => context?.resend(),
  };
}
