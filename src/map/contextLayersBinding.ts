import type * as maplibregl from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Dataset } from '../domain/dataset.ts';
import type { AppStore } from '../state/store.ts';
import { requestTerritorialUnits } from '../state/territorialUnitsLoad.ts';
import { whenBrowserIdle, type MapBinding } from './binding.ts';
import { PARISH_BORDER_MINZOOM, TERRITORIAL_LABEL_SOURCE, TERRITORIAL_SOURCE, WATER_SOURCE } from './style.ts';

/** The territorial units' names as points, without the ten cities (cities-label names them). */
function unitLabels(dataset: Dataset): FeatureCollection {
  const cityUnits = new Set(dataset.cities.features.map((f) => f.properties.outlineCode));
  return {
    type: 'FeatureCollection',
    features: (dataset.territorialUnits?.features ?? [])
      .filter((f) => !cityUnits.has(f.properties.code))
      .map((f) => ({ type: 'Feature', properties: { name: f.properties.name, kind: f.properties.kind }, geometry: { type: 'Point', coordinates: f.properties.label } })),
  };
}

/**
 * The context layers that load after the first view: the lakes and the Daugava once the map is
 * first idle, the parish and town borders and names once the map is zoomed to them (or a
 * hinterland of parishes has loaded them). Their sources start empty in the style.
 */
export function bindContextLayers(map: maplibregl.Map, store: AppStore, baseUrl: string): MapBinding {
  let water: FeatureCollection | null = null;
  let unitsSent: Dataset['territorialUnits'] | null = null;
  const source = (id: string) => map.getSource<maplibregl.GeoJSONSource>(id);
  const sendUnits = (force = false) => {
    const dataset = store.getState().dataset;
    const units = dataset?.territorialUnits;
    if (!dataset || !units || (units === unitsSent && !force)) return;
    unitsSent = units;
    void source(TERRITORIAL_SOURCE)?.setData(units);
    void source(TERRITORIAL_LABEL_SOURCE)?.setData(unitLabels(dataset));
  };
  const askOnZoom = () => {
    if (map.getZoom() >= PARISH_BORDER_MINZOOM - 0.5) requestTerritorialUnits(store, baseUrl);
  };
  // `data-context` on the map's container says when the water has been sent (or could not be):
  // a screenshot or a count of frames can wait for it instead of for a fixed time.
  const settle = (how: 'loaded' | 'failed') => (map.getContainer().dataset.context = how);
  // The water when the browser is next idle after the first view: it is context, and the first
  // view neither waits for it nor shares its frames with it.
  // Bound at the map's first idle (mapView.ts): the units a hinterland already asked for, the zoom
  // a link opened at, and the water once the browser is idle again.
  askOnZoom();
  sendUnits();
  whenBrowserIdle(() => loadWater());
  const loadWater = () => {
    fetch(new URL('data/water.geojson', baseUrl).href)
      .then((r) => (r.ok ? (r.json() as Promise<FeatureCollection>) : null))
      .then(async (fc) => {
        if (!fc || !Array.isArray(fc.features)) return settle('failed');
        water = fc;
        await source(WATER_SOURCE)?.setData(fc);
        settle('loaded');
      })
      .catch(() => settle('failed')); // context only: the map is whole without it
  };
  map.on('zoomend', askOnZoom);
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.dataset !== prev.dataset && map.isStyleLoaded()) sendUnits();
    else if (next.dataset !== prev.dataset) map.once('idle', () => sendUnits());
  });
  return {
    unbind: () => {
      unsubscribe();
      map.off('zoomend', askOnZoom);
    },
    resend: () => {
      if (water) void source(WATER_SOURCE)?.setData(water);
      sendUnits(true);
    },
  };
}
