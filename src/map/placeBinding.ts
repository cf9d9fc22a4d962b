import type * as maplibregl from 'maplibre-gl';
import type { Polygon, MultiPolygon } from 'geojson';
import { unitIndex } from '../domain/unitIndex.ts';
import type { PlaceRef } from '../domain/places.ts';
import type { Dataset } from '../domain/dataset.ts';
import type { AppStore } from '../state/store.ts';
import { styleReadiness, type MapBinding } from './binding.ts';
import { bindHoverOutline } from './hoverOutline.ts';
import { territorialUnitFinder } from './parishes.ts';
import { SELECTION_SOURCE, selectionData } from './style.ts';
import { boxInside, placeBounds, visiblePadding } from './view.ts';

function refOf(feature: maplibregl.MapGeoJSONFeature): PlaceRef | null {
  const p = feature.properties;
  if (feature.layer.id === 'cities-circle' && typeof p.id === 'string') return { kind: 'city', id: p.id };
  if (feature.layer.id === 'municipalities-fill' && typeof p.code === 'string') return { kind: 'unit', code: p.code };
  return null;
}

function featureIdOf(ref: PlaceRef): maplibregl.FeatureIdentifier {
  return ref.kind === 'city' ? { source: 'cities', id: ref.id } : { source: 'municipalities', id: ref.code };
}

/**
 * The places under the pointer and the one chosen. A unit's hover outline is SVG over the map
 * (hoverOutline.ts: no WebGL frame per hover); a city's is its circle's stroke, a feature-state.
 * A click selects the city under it (a small box, so the dot is easy to hit) or else the unit;
 * a selected place outside the free part of the screen is brought into view. `outlineStyle` gives
 * the hover outline's colour and width for the look in use; `openedAtCamera` is true when a link
 * set the camera, which is then kept even if the place is under the panel.
 */
export function bindPlaces(
  map: maplibregl.Map,
  store: AppStore,
  dataset: Dataset,
  outlineStyle: () => { colour: string; width: number },
  openedAtCamera: boolean,
): MapBinding {
  const container = map.getContainer();
  const canvas = map.getCanvas();
  const unitByCode = new Map(dataset.municipalities.features.map((f) => [f.properties.code, f]));
  const outline = bindHoverOutline(map, outlineStyle);
  const units = unitIndex(dataset.municipalities.features);
  const territorialUnitAt = territorialUnitFinder(map, store);
  const whenStyleReady = styleReadiness(map);

  let hovered: PlaceRef | null = null;
  const setHovered = (ref: PlaceRef | null, point?: maplibregl.Point) => {
    const same = ref && hovered && JSON.stringify(ref) === JSON.stringify(hovered);
    if (!same) {
      if (hovered?.kind === 'city') map.setFeatureState(featureIdOf(hovered), { hover: false });
      if (ref?.kind === 'city') map.setFeatureState(featureIdOf(ref), { hover: true });
      const geometry: Polygon | MultiPolygon | null = ref && ref.kind !== 'city' ? (unitByCode.get(ref.code)?.geometry ?? null) : null;
      outline.show(geometry);
      hovered = ref;
    }
    const territorialUnit = ref && point ? territorialUnitAt(point) : null;
    store.getState().setHover(ref && point ? { target: ref, x: point.x, y: point.y, ...(territorialUnit ? { territorialUnit } : {}) } : null);
    canvas.style.cursor = ref ? 'pointer' : '';
  };
  const topRefAt = (point: maplibregl.Point): PlaceRef | null => {
    const cityBox: [maplibregl.PointLike, maplibregl.PointLike] = [
      [point.x - 6, point.y - 6],
      [point.x + 6, point.y + 6],
    ];
    const city = map.queryRenderedFeatures(cityBox, { layers: ['cities-circle'] })[0];
    if (city) return refOf(city);
    // Units from their own index: with thousands of units, asking the rendered tiles costs more.
    const { lng, lat } = map.unproject(point);
    const code = units.at(lng, lat);
    return code === null ? null : { kind: 'unit', code };
  };
  const onMove = (ev: maplibregl.MapMouseEvent) => setHovered(topRefAt(ev.point), ev.point);
  const onOut = () => setHovered(null);
  const onClick = (ev: maplibregl.MapMouseEvent) => {
    const ref = topRefAt(ev.point);
    store.getState().select(ref, ref?.kind === 'unit' ? territorialUnitAt(ev.point) : null);
  };
  map.on('mousemove', onMove);
  map.on('mouseout', onOut);
  map.on('click', onClick);

  let selected: PlaceRef | null = null;
  // A place chosen from the list or the table, or hidden by the panel, is brought into view.
  const reveal = (ref: PlaceRef) => {
    const b = placeBounds(dataset, ref);
    if (!b) return;
    const { clientWidth: width, clientHeight: height } = container;
    const pad = visiblePadding(width, height);
    const sw = map.project([b[0], b[1]]);
    const ne = map.project([b[2], b[3]]);
    if (boxInside([sw.x, ne.y, ne.x, sw.y], width, height, pad)) return;
    // A city (a point) is panned into view, never zoomed into: its surroundings and links stay in sight.
    map.fitBounds(b, { padding: pad, maxZoom: ref.kind === 'city' ? map.getZoom() : Math.max(map.getZoom(), 7.5), duration: 700 });
  };
  // A city's selection is its circle's ring (feature-state); a unit's is the outline of the
  // selection source, which then holds that unit alone.
  const applySelection = (bringIntoView = true) => {
    const next = store.getState().selection;
    if (selected?.kind === 'city') map.setFeatureState(featureIdOf(selected), { selected: false });
    if (selected?.kind === 'unit' || next?.kind === 'unit') {
      const unit = next?.kind === 'unit' ? unitByCode.get(next.code) : null;
      void map.getSource<maplibregl.GeoJSONSource>(SELECTION_SOURCE)?.setData(selectionData(unit));
    }
    selected = next;
    if (selected) {
      if (selected.kind === 'city') map.setFeatureState(featureIdOf(selected), { selected: true });
      if (bringIntoView) reveal(selected);
    }
  };
  map.once('load', () => {
    if (store.getState().selection) applySelection(!openedAtCamera);
  });
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.selection !== prev.selection) whenStyleReady(() => applySelection());
  });
  return {
    unbind: () => {
      unsubscribe();
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      map.off('click', onClick);
    },
    resend: () => applySelection(false),
  };
}
