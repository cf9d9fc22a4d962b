import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { addValues, breaksOf, colourOf, FIT_PADDING, INDICATOR_COUNT, publish, schemeOf, showPanel, type Units } from './values.ts';

/**
 * The usual alternative: a Leaflet choropleth as Leaflet's own "Interactive Choropleth Map"
 * tutorial builds it — GeoJSON layer (SVG renderer), `style` with a `getColor` of class breaks,
 * highlight on hover with `bringToFront`, an info box and a legend. Two changes: no tile layer
 * (offline, as the app), and a click opens a place panel instead of zooming, as the app does.
 */
type UnitFeature = Feature<Polygon | MultiPolygon, Record<string, unknown>>;

const units = (await (await fetch('data/municipalities.geojson')).json()) as Units;
addValues(units);
let current = 0;
let breaks = breaksOf(units, 0);

const map = L.map('map', { zoomSnap: 0 });

const style = (feature?: UnitFeature): L.PathOptions => ({
  weight: 2,
  opacity: 1,
  color: 'white',
  dashArray: '3',
  fillOpacity: 0.7,
  fillColor: colourOf(Number(feature?.properties[`v${current}`]), breaks, schemeOf(current)),
});

const info = new L.Control({ position: 'topright' });
let infoDiv: HTMLElement;
const updateInfo = (props?: Record<string, unknown>) => {
  infoDiv.innerHTML = `<h4>Indicator v${current}</h4>` + (props ? `<b>${String(props.nameLv)}</b><br />${String(props[`v${current}`])}` : 'Hover over a unit');
};
info.onAdd = () => {
  infoDiv = L.DomUtil.create('div', 'info');
  updateInfo();
  return infoDiv;
};
info.addTo(map);

const legend = new L.Control({ position: 'bottomright' });
let legendDiv: HTMLElement;
const updateLegend = () => {
  const scheme = schemeOf(current);
  legendDiv.innerHTML = scheme.map((c, i) => `<i style="background:${c}"></i> ${i === 0 ? '&lt; ' + breaks[0] : breaks[i - 1] + (breaks[i] !== undefined ? '&ndash;' + breaks[i] : '+')}`).join('<br>');
};
legend.onAdd = () => {
  legendDiv = L.DomUtil.create('div', 'info legend');
  updateLegend();
  return legendDiv;
};
legend.addTo(map);

const panel = document.getElementById('panel')!;
const geojson: L.GeoJSON = L.geoJSON(units as never, {
  style: style as L.StyleFunction,
  onEachFeature: (feature, layer) => {
    layer.on({
      mouseover: (e) => {
        const path = e.target as L.Path;
        path.setStyle({ weight: 5, color: '#666', dashArray: '', fillOpacity: 0.7 });
        path.bringToFront();
        updateInfo((feature as UnitFeature).properties);
      },
      mouseout: (e) => {
        geojson.resetStyle(e.target as L.Path);
        updateInfo();
      },
      click: () => showPanel(panel, (feature as UnitFeature).properties, current),
    });
  },
});
map.fitBounds(geojson.getBounds(), { paddingTopLeft: [FIT_PADDING.left, FIT_PADDING.top], paddingBottomRight: [FIT_PADDING.right, FIT_PADDING.bottom], animate: false });
geojson.addTo(map);
// Leaflet draws synchronously: the benchmark times the frame after this.
window.dispatchEvent(new Event('bench:drawn'));

publish({
  kind: 'leaflet',
  indicatorCount: INDICATOR_COUNT,
  setIndicator: (k) => {
    current = k;
    breaks = breaksOf(units, k);
    geojson.setStyle(style as L.StyleFunction);
    updateInfo();
    updateLegend();
  },
  project: ([lon, lat]) => {
    const p = map.latLngToContainerPoint([lat, lon]);
    const r = map.getContainer().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  },
});
