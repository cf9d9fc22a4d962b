import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { ExpressionSpecification } from 'maplibre-gl';
import { addValues, breaksOf, FIT_PADDING, INDICATOR_COUNT, publish, schemeOf, showPanel, type Units } from './values.ts';

/**
 * The floor: the least a MapLibre choropleth needs — one GeoJSON source, one fill layer coloured by
 * a `step` expression and one line layer, no transition. Whatever the app costs beyond this page is
 * the app's own.
 */
maplibregl.setWorkerUrl(workerUrl);

const units = (await (await fetch('data/municipalities.geojson')).json()) as Units;
addValues(units);
let current = 0;

const stepColour = (k: number): ExpressionSpecification => {
  const scheme = schemeOf(k);
  const breaks = breaksOf(units, k);
  return ['step', ['get', `v${k}`], scheme[0]!, ...breaks.flatMap((b, i) => [b, scheme[i + 1]!])] as unknown as ExpressionSpecification;
};

let [w, s, e, n] = [180, 90, -180, -90];
for (const f of units.features) {
  const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
  for (const ring of rings) for (const [x, y] of ring) [w, s, e, n] = [Math.min(w, x!), Math.min(s, y!), Math.max(e, x!), Math.max(n, y!)];
}

const map = new maplibregl.Map({
  container: 'map',
  style: {
    version: 8,
    sources: { units: { type: 'geojson', data: units } },
    transition: { duration: 0, delay: 0 },
    layers: [
      { id: 'units-fill', type: 'fill', source: 'units', paint: { 'fill-color': stepColour(0) } },
      { id: 'units-line', type: 'line', source: 'units', paint: { 'line-color': '#ffffff', 'line-width': 1 } },
    ],
  },
  bounds: [w, s, e, n],
  fitBoundsOptions: { padding: FIT_PADDING },
});
// The benchmark finds the map where it finds the app's.
(window as unknown as { stateCities: { map: maplibregl.Map | null } }).stateCities = { map: null };
(window as unknown as { stateCities: { map: maplibregl.Map | null } }).stateCities.map = map;

const panel = document.getElementById('panel')!;
map.on('click', 'units-fill', (ev) => {
  const f = ev.features?.[0];
  if (f) showPanel(panel, f.properties, current);
});

publish({
  kind: 'maplibre',
  indicatorCount: INDICATOR_COUNT,
  setIndicator: (k) => {
    current = k;
    map.setPaintProperty('units-fill', 'fill-color', stepColour(k));
  },
  project: ([lon, lat]) => {
    const p = map.project([lon, lat]);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  },
});
