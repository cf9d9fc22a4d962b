import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Dataset } from '../domain/dataset.ts';
import { scaledLayer } from './screenScale.ts';
import type { MapBinding } from './binding.ts';
import type { Position } from 'geojson';
import { endPosition } from '../domain/links/positions.ts';
import { endPositionsOf, linksOfCity, modelPairsOf, selectFilteredLinks, selectFocusIds } from '../state/linksDerived.ts';
import { visiblePadding } from './view.ts';
import type { AppState, AppStore, Selection } from '../state/store.ts';
import { ARROW_IMAGE, arcOpacity, commutingDrawing, LINK_BEFORE_ID, LINK_LAYER_IDS, LINK_SOURCES, linkDrawing, linkLayers, linkSources, linkVisibility, modelDrawing } from './linkLayers.ts';

/** The city dots: under one, the pointer is on the city, never on an arc ending there. */
const CITY_DOT_LAYER = LINK_BEFORE_ID;

/** The layers a pointer can pick a link or a modelled pair from. */
const PICK_LAYERS = ['links-arc', 'links-arc-uncertain', 'links-arrow', 'links-model-line'];

/** A 24 px upward triangle as a signed-distance image, so `icon-color` tints it per link. */
function arrowImage(): { width: number; height: number; data: Uint8Array } {
  const size = 24;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Tip at the top centre, base across the lower quarter.
      const t = (y - 3) / 16;
      const inside = t >= 0 && t <= 1 && Math.abs(x + 0.5 - size / 2) <= t * 8;
      data[(y * size + x) * 4 + 3] = inside ? 255 : 0;
    }
  }
  return { width: size, height: size, data };
}

/**
 * Adds the link sources and layers when first shown, under the city circles, and keeps
 * them in step with the store: visibility, `setData` when the filtered links, the colour choice or
 * the model's top N change, and the arcs' opacity (paint only) when a city is focused. Arc hover
 * and click go to the links slice. `resend` draws every link source again (a restored context).
 */
export function bindLinks(map: MapLibreMap, store: AppStore, dataset: Dataset, afterLoad = false, screenScaleOf: () => number = () => 1): MapBinding {
  let ready = false;
  const drawnFor = { links: null as unknown, colourBy: '', top: -1, commuting: null as unknown };
  const setData = (source: string, data: FeatureCollection) => void map.getSource<GeoJSONSource>(source)?.setData(data);

  let installed = false;
  const install = () => {
    installed = true;
    if (!map.hasImage(ARROW_IMAGE)) map.addImage(ARROW_IMAGE, arrowImage(), { sdf: true });
    for (const [id, spec] of Object.entries(linkSources())) if (!map.getSource(id)) map.addSource(id, spec);
    // Sized for the screen the links are first shown on (screenScale.ts).
    for (const layer of linkLayers()) if (!map.getLayer(layer.id)) map.addLayer(scaledLayer(layer, screenScaleOf()), map.getLayer(LINK_BEFORE_ID) ? LINK_BEFORE_ID : undefined);
  };

  const apply = () => {
    if (!ready) return;
    const s = store.getState();
    const { shown, modelShown, modelTop, colourBy, commutingShown } = s.linkSettings;
    // Added when first shown: new sources and layers would hold back the first idle.
    if (!installed && !shown && !modelShown && !commutingShown) return;
    if (!installed) install();
    const visibility = linkVisibility(shown, modelShown, commutingShown);
    for (const id of LINK_LAYER_IDS) if (map.getLayoutProperty(id, 'visibility') !== visibility[id]) map.setLayoutProperty(id, 'visibility', visibility[id]);
    if (shown) {
      const links = selectFilteredLinks(s);
      if (links !== drawnFor.links || colourBy !== drawnFor.colourBy) {
        const drawing = linkDrawing(links, endPositionsOf(dataset), colourBy);
        setData(LINK_SOURCES.arcs, drawing.arcs);
        setData(LINK_SOURCES.arrows, drawing.arrows);
        setData(LINK_SOURCES.nodes, drawing.nodes);
        drawnFor.links = links;
        drawnFor.colourBy = colourBy;
      }
      const focus = selectFocusIds(s);
      for (const id of ['links-arc', 'links-arc-uncertain'] as const) map.setPaintProperty(id, 'line-opacity', arcOpacity(focus));
      map.setPaintProperty('links-arrow', 'icon-opacity', arcOpacity(focus, 1));
      map.setPaintProperty('links-arc-casing', 'line-opacity', focus ? 0 : 0.7);
    }
    if (modelShown && modelTop !== drawnFor.top) {
      const model = modelPairsOf(dataset);
      setData(LINK_SOURCES.model, modelDrawing(model?.pairs.slice(0, modelTop) ?? [], endPositionsOf(dataset).cities));
      drawnFor.top = modelTop;
    }
    // The dataset object changes when the flows arrive (and with other lazy files): redraw only for new flows.
    const flows = s.dataset?.commuting?.municipality;
    if (commutingShown && flows !== drawnFor.commuting) {
      setData(LINK_SOURCES.commuting, commutingDrawing(flows, endPositionsOf(dataset)));
      drawnFor.commuting = flows;
    }
  };

  const pick = (ev: MapMouseEvent): string | null => {
    const s = store.getState().linkSettings;
    if (!ready || (!s.shown && !s.modelShown)) return null;
    const box: [PointLike, PointLike] = [
      [ev.point.x - 4, ev.point.y - 4],
      [ev.point.x + 4, ev.point.y + 4],
    ];
    // A city's dot wins over the arcs that end under it: clicking it chooses the city.
    if (map.getLayer(CITY_DOT_LAYER) && map.queryRenderedFeatures(ev.point, { layers: [CITY_DOT_LAYER] }).length > 0) return null;
    const layers = PICK_LAYERS.filter((id) => map.getLayoutProperty(id, 'visibility') === 'visible');
    const f = layers.length ? map.queryRenderedFeatures(box, { layers })[0] : undefined;
    if (!f) return null;
    const p = f.properties;
    return f.layer.id === 'links-model-line' ? `model:${p.from}:${p.to}` : typeof p.id === 'string' ? p.id : null;
  };
  // Registered after the place handlers, so an arc wins over the municipality under it.
  map.on('mousemove', (ev) => {
    const id = pick(ev);
    const st = store.getState();
    if (id) {
      st.setHover(null);
      st.setLinkHover({ id, x: ev.point.x, y: ev.point.y });
      map.getCanvas().style.cursor = 'pointer';
    } else if (st.linkHover) st.setLinkHover(null);
  });
  map.on('mouseout', () => store.getState().linkHover && store.getState().setLinkHover(null));
  let before: Selection | null = null;
  map.on('mousedown', () => (before = store.getState().selection));
  map.on('click', (ev) => {
    const id = pick(ev);
    if (!id || id.startsWith('model:')) return;
    // The place handler has selected what lies under the arc: the focus stays where it was.
    const st = store.getState();
    if (JSON.stringify(st.selection) !== JSON.stringify(before)) st.select(before);
    st.selectLink(id);
  });

  /** A city chosen while the links are shown: the camera frames all of its links (never zooming in past where it is). */
  const frameCityLinks = (s: AppState) => {
    if (!ready || !s.linkSettings.shown || s.selection?.kind !== 'city') return;
    const positions = endPositionsOf(dataset);
    const city = positions.cities.get(s.selection.id);
    const ends = linksOfCity(selectFilteredLinks(s), dataset, s.selection.id).flatMap((l) => [endPosition(l.from, positions), endPosition(l.to, positions)]);
    const points = [city, ...ends].filter((p): p is Position => p !== undefined);
    if (points.length < 2) return;
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    const container = map.getContainer();
    map.fitBounds([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], { padding: visiblePadding(container.clientWidth, container.clientHeight), maxZoom: map.getZoom(), duration: 700 });
  };

  const start = () => {
    ready = true;
    apply();
  };
  if (afterLoad) start();
  else map.once('load', start);
  // The shipped links too: they are fetched on first use and may come in after the binding (a
  // scene or a link that shows them at once).
  const touches = (n: AppState, p: AppState) =>
    n.linkSettings !== p.linkSettings || n.shippedLinks !== p.shippedLinks || n.userLinks !== p.userLinks || n.selection !== p.selection || n.dataset !== p.dataset;
  const unsubscribe = store.subscribe((next, prev) => {
    if (touches(next, prev)) apply();
    if (next.selection !== prev.selection) frameCityLinks(next);
  });
  map.on('remove', unsubscribe);
  return {
    unbind: unsubscribe,
    resend: () => {
      Object.assign(drawnFor, { links: null, colourBy: '', top: -1, commuting: null });
      apply();
    },
  };
}
