import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { bbox } from '@turf/turf';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { exportFrame } from '../../../src/domain/exportLayout.ts';
import { LIGHT_THEME, type Theme } from '../../../src/domain/theme.ts';
import { FONT_REGULAR, FONT_SEMIBOLD } from '../../../src/map/fontNames.ts';
import { registerFonts } from '../../../src/map/fonts.ts';
import { hatchImage } from '../../../src/map/hatch.ts';
import { PROJECTOR_THEME, repaintTheme } from '../../../src/map/projectorTheme.ts';
import { buildStyle, HATCH_IMAGE, UNIT_SYMBOL_LAYER, unitCollection } from '../../../src/map/style.ts';
import { attributionHtml, fitPadding, uiScale } from '../../../src/map/view.ts';
import { CAMERA_RANGE } from '../../../src/state/address/params/camera.ts';
import type { ContentStates, ThemeCalls } from '../contentStates.ts';
import { publish } from './values.ts';

/**
 * The same-content floor: the map of the app's first view on a bare MapLibre page. The style is
 * the app's own (`buildStyle` of src/map/style.ts: sea, neighbours, municipalities with their
 * feature-state colours and borders, the no-data hatch, city outlines, circles and labels), with
 * the same fonts, hatch image, map options and first camera, fed from the same data files. The
 * colours are the feature-states the app sets for its default indicator, computed by the benchmark
 * in Node with the app's own functions (tests/bench/contentStates.ts) and replayed here once. No
 * interface, store or data loading beyond fetching the files: what MapLibre itself costs for this map.
 */
maplibregl.setWorkerUrl(workerUrl);
// As the app: the bundled Noto Sans under the style's `text-font` names, and the worker started
// while the data download. The two font files are asked for at once (the app's interface asks for
// the same files as soon as it renders its first text): the labels do not wait for them.
registerFonts();
for (const family of [FONT_REGULAR, FONT_SEMIBOLD]) void document.fonts.load(`16px "${family}"`, 'Rīga');
maplibregl.prewarm();

type Units = FeatureCollection<Polygon | MultiPolygon, { code: string }>;
const json = async <T>(file: string): Promise<T> => (await fetch(`data/${file}`)).json() as Promise<T>;
const [territory, cities, contextLabels, municipalityLabels, states] = await Promise.all([
  json<Topology<Record<string, GeometryCollection>>>('territory.topo.json'),
  json<FeatureCollection>('cities.geojson'),
  json<FeatureCollection>('context-labels.geojson'),
  json<FeatureCollection>('municipality-labels.geojson'),
  json<ContentStates>('content-states.json'),
]);
const layer = (name: string) => feature(territory, territory.objects[name]!) as FeatureCollection;
const municipalities = layer('municipalities') as Units;
const latvia = layer('latvia');
const hatched = new Set(states.hatchSource);

const container = document.getElementById('map')!;
const screenScale = uiScale(container.clientWidth);
const [w, s, e, n] = bbox(latvia);
const map = new maplibregl.Map({
  container,
  style: buildStyle({
    theme: LIGHT_THEME,
    lang: 'lv',
    screenScale,
    sources: {
      municipalities,
      latvia,
      neighbours: layer('neighbours'),
      cities,
      contextLabels,
      municipalityLabels,
      noData: unitCollection(municipalities.features.filter((f) => hatched.has(f.properties.code))),
      cityOutlines: layer('cities'),
    },
  }),
  bounds: [
    [w, s],
    [e, n],
  ],
  fitBoundsOptions: { padding: fitPadding(container.clientWidth, container.clientHeight) },
  minZoom: CAMERA_RANGE.minZoom,
  maxZoom: CAMERA_RANGE.maxZoom,
  maxBounds: [
    [CAMERA_RANGE.bounds[0], CAMERA_RANGE.bounds[1]],
    [CAMERA_RANGE.bounds[2], CAMERA_RANGE.bounds[3]],
  ],
  attributionControl: { compact: false, customAttribution: attributionHtml() },
  dragRotate: false,
  pitchWithRotate: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
map.addImage(HATCH_IMAGE, hatchImage());
// The benchmark finds the map where it finds the app's.
(window as unknown as { stateCities: { map: maplibregl.Map | null } }).stateCities = { map: null };
(window as unknown as { stateCities: { map: maplibregl.Map | null } }).stateCities.map = map;

/** Replays the app's data colours for a theme, as its binding does when the style is parsed. */
const apply = (calls: ThemeCalls) => {
  if (calls.rim) map.setPaintProperty(UNIT_SYMBOL_LAYER, 'circle-stroke-color', calls.rim);
  for (const [source, id, state] of calls.states) map.setFeatureState({ source, id }, state);
};
map.once('style.load', () => apply(states.light));

let theme: Theme = LIGHT_THEME;
const settled = () =>
  new Promise<void>((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });

publish({
  kind: 'maplibre',
  // No indicator picker and no hover highlight: this page is about what the first view costs.
  indicatorCount: 0,
  setIndicator: () => undefined,
  project: ([lon, lat]) => {
    const p = map.project([lon, lat]);
    const r = map.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y };
  },
});
/** What the benchmark drives on this page beyond the first view: the app's theme switch, a camera flight, a PNG. */
Object.assign((window as unknown as { benchPage: object }).benchPage, {
  /** The app's projector theme switch: every base layer's paint and layout again, then every data colour. */
  setTheme: (projector: boolean) => {
    theme = projector ? PROJECTOR_THEME : LIGHT_THEME;
    repaintTheme(map, theme, 'lv', screenScale);
    apply(projector ? states.projector : states.light);
  },
  /** Where the camera is, with its padding (a scene step is flown from and to such a camera). */
  camera: () => ({ center: map.getCenter().toArray(), zoom: map.getZoom(), padding: map.getPadding() }),
  jumpTo: (c: { center: [number, number]; zoom: number; padding: maplibregl.PaddingOptions }) => map.jumpTo(c),
  flyTo: (c: { center: [number, number]; zoom: number; padding: maplibregl.PaddingOptions }, duration: number) => map.flyTo({ ...c, duration, essential: true }),
  /**
   * The map part of the app's PNG export (src/map/pngExport.ts): the map laid out at the picture's
   * aspect (`exportFrame`), drawn at the pixel ratio that makes its canvas the picture's size,
   * copied into a canvas of that size and encoded; then put back. No legend or text drawn in.
   */
  exportPng: async (width: number, height: number): Promise<{ ms: number; bytes: number; canvas: [number, number] }> => {
    const t0 = performance.now();
    const frame = exportFrame({ width: container.clientWidth, height: container.clientHeight }, { width, height });
    const saved = container.getAttribute('style');
    Object.assign(container.style, { inset: 'auto', left: '0', top: '0', width: `${frame.cssWidth}px`, height: `${frame.cssHeight}px` });
    try {
      map.setPixelRatio(frame.pixelRatio);
      await settled();
      const canvas = map.getCanvas();
      const out = document.createElement('canvas');
      out.width = width;
      out.height = height;
      out.getContext('2d')!.drawImage(canvas, 0, 0, width, height);
      const blob = await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
      return { ms: performance.now() - t0, bytes: blob.size, canvas: [canvas.width, canvas.height] };
    } finally {
      container.style.cssText = saved ?? '';
      if (saved === null) container.removeAttribute('style');
      map.setPixelRatio(null as unknown as number);
      map.triggerRepaint();
    }
  },
  theme: () => (theme === PROJECTOR_THEME ? 'projector' : 'light'),
});
