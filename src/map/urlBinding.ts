import type { MapBinding } from './binding.ts';
import { currentCamera } from './settled.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Dataset } from '../domain/dataset.ts';
import type { AppStore } from '../state/store.ts';
import { decodeViewState, encodeViewState, type CameraView, type ViewState } from '../state/urlState.ts';
import { applyViewState, VIEW_DEFAULTS, viewContextOf, viewStateOf } from '../state/viewSync.ts';

/**
 * Reads the view in the page's address; what cannot be used is reported as notices, and
 * `leftOut` says whether there was any.
 */
export function readUrlView(search: string, store: AppStore, dataset: Dataset): { view: ViewState; leftOut: boolean } {
  const { state, dropped } = decodeViewState(search, viewContextOf(dataset));
  for (const d of dropped) {
    store.getState().addNotice({ lv: `Saitē izlaists “${d.key}=${d.value}”: ${d.reason.lv}`, en: `Left out of the link: “${d.key}=${d.value}”: ${d.reason.en}` });
  }
  return { view: state, leftOut: dropped.length > 0 };
}

/**
 * Keeps the address in step with the view: a choice the user makes (indicator, year, place, …)
 * is a new history entry, so Back returns to the previous view; a camera move only replaces the
 * current entry. Back and Forward restore the view and the camera from the address.
 */
export function bindUrl(map: MapLibreMap, store: AppStore, dataset: Dataset, opened: { leftOut: boolean; camera?: CameraView }): MapBinding {
  let applying = false;
  let camera: CameraView | null = null;
  const urlOf = (view: ViewState) => {
    const query = encodeViewState(view, VIEW_DEFAULTS);
    return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  };
  const write = (push: boolean) => {
    if (applying) return;
    const url = urlOf({ ...viewStateOf(store.getState()), ...(camera ? { camera } : {}) });
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };
  // A change is written once the task that made it is over: encoding the view and pushing a history
  // entry then neither delays the map's next frame (at 5 000 units a tenth of an indicator switch's
  // handler) nor runs for each intermediate state of one change. A step anywhere in it makes it a step.
  let queued: boolean | null = null;
  const writeSoon = (push: boolean) => {
    if (applying) return;
    if (queued !== null) return void (queued ||= push);
    queued = push;
    setTimeout(() => {
      const step = queued!;
      queued = null;
      write(step);
    }, 0);
  };
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.lang !== prev.lang || next.choropleth !== prev.choropleth || next.selection !== prev.selection || next.compareCity !== prev.compareCity) writeSoon(true);
    // Showing or switching hinterlands is a step Back returns from; moving a slider only replaces the entry.
    else if (next.hinterland !== prev.hinterland) writeSoon(next.hinterland.shown !== prev.hinterland.shown || next.hinterland.kind !== prev.hinterland.kind);
    // A link filter is a step Back returns from; showing the layer or the model is not in the address (write skips an unchanged URL).
    else if (next.linkSettings !== prev.linkSettings) writeSoon(true);
  });
  const onMoveEnd = () => {
    camera = currentCamera(map);
    writeSoon(false);
  };
  // The first view keeps a clean address until the user moves: the camera is then written.
  map.once('idle', () => map.on('moveend', onMoveEnd));
  // A link with values the app left out (each reported by a notice when it was read) loses them
  // from the address at once, so a reload, a bookmark or a copied address does not report them
  // again. The view applied from the link, its camera included, stays in the address.
  if (opened.leftOut) {
    camera = opened.camera ?? null;
    write(false);
  }
  const onPop = () => {
    applying = true;
    const { view } = readUrlView(location.search, store, dataset);
    applyViewState(store, view);
    if (view.camera) map.jumpTo({ center: [view.camera.lon, view.camera.lat], zoom: view.camera.zoom });
    applying = false;
  };
  window.addEventListener('popstate', onPop);
  return {
    unbind: () => {
      unsubscribe();
      map.off('moveend', onMoveEnd);
      window.removeEventListener('popstate', onPop);
    },
    // The camera, the address and the pictures live outside MapLibre's style: nothing to send again.
    resend: () => undefined,
  };
}
