import type { Map as MapLibreMap } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { ExportContent, PixelSize } from '../domain/exportLayout.ts';
import type { AppStore } from '../state/store.ts';
import type { ViewState } from '../state/urlState.ts';
import { applyViewState } from '../state/viewSync.ts';
import { bundledFontUrls } from './fonts.ts';
import { renderScene } from './sceneBinding.ts';
import { currentCamera, mapSettled } from './settled.ts';

/**
 * Shows a view as a shared link would (indicator, year, classes, place, camera) and resolves once
 * the map has drawn it: for stepping through views to export each one.
 */
export async function showView(map: MapLibreMap, store: AppStore, view: ViewState): Promise<void> {
  applyViewState(store, view);
  if (view.camera) map.jumpTo({ center: [view.camera.lon, view.camera.lat], zoom: view.camera.zoom });
  await mapSettled(map);
}

/** The files the map itself fetches (its worker and label fonts), which must be cached offline. */
export function mapAssetUrls(): { kind: 'worker' | 'font'; url: string }[] {
  const fonts = bundledFontUrls(document.baseURI).map((url) => ({ kind: 'font' as const, url }));
  return [{ kind: 'worker', url: new URL(workerUrl, document.baseURI).href }, ...fonts];
}

/** What the take-away UI needs from the map (see `TakeawayServices` in src/ui/export/takeaway.ts). */
export function takeawayServices(map: MapLibreMap, store: AppStore) {
  return {
    // The drawing code is fetched on the first export.
    exportPng: async (size: PixelSize, content: ExportContent) => (await import('./pngExport.ts')).exportPng(map, size, content),
    showView: (view: ViewState) => showView(map, store, view),
    showScene: (index: number) => renderScene(map, store, index),
    camera: () => currentCamera(map),
    viewport: () => ({ width: map.getContainer().clientWidth, height: map.getContainer().clientHeight }),
    mapAssets: mapAssetUrls,
  };
}
