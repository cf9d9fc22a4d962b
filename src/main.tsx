import { render } from 'preact';
import './ui/app.css';
import { registerFonts } from './map/fonts.ts';
import { createMapView, prewarmMap, webglAvailable } from './map/mapView.ts';
import { bindUrl, readUrlView } from './map/urlBinding.ts';
import { bindScenePictures } from './map/scenePictures.ts';
import { bindScenes } from './map/sceneBinding.ts';
import { applyViewState } from './state/viewSync.ts';
import { persistAll } from './state/persisted.ts';
import { persistedFeatures } from './state/persistedFeatures.ts';
import { bindLinksLoading } from './state/linksLoad.ts';
import { bindTerritorialUnitsLoading } from './state/territorialUnitsLoad.ts';
import type { CameraView } from './state/urlState.ts';
import { DataLoadError, loadDataset } from './domain/dataset.ts';
import { createAppStore, langFromQuery, preferredLang } from './state/store.ts';
import { App } from './ui/App.tsx';
import { takeawayServices } from './map/takeawayServices.ts';
import { registerServiceWorker } from './state/offline.ts';
import { setTakeawayServices } from './ui/export/takeaway.ts';
import { StoreContext } from './ui/context.ts';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppStore } from './state/store.ts';

declare global {
  interface Window {
    /** For automation and embedding: the MapLibre map (once created) and the Zustand store. */
    stateCities: { map: MapLibreMap | null; store: AppStore };
  }
}

const store = createAppStore(langFromQuery(location.search) ?? preferredLang(navigator.languages));
window.stateCities = { map: null, store };

let initialCamera: CameraView | undefined;
let linkLeftOut = false;

function mountMap(container: HTMLElement) {
  const dataset = store.getState().dataset;
  if (!dataset) return;
  try {
    const map = createMapView(container, store, dataset, undefined, initialCamera);
    // The address first: it drops what the link left out, and a scene link (`?sc=2`) is then read
    // from what remains, so `?sc=2&i=bad` opens scene 2's own view like `?sc=2`.
    bindUrl(map, store, dataset, { leftOut: linkLeftOut, camera: initialCamera });
    bindScenes(map, store, dataset);
    bindScenePictures(map, store);
    map.on('error', (e) => console.warn('map:', e.error?.message ?? e));
    map.once('idle', () => store.getState().setFirstViewDrawn());
    window.stateCities.map = map;
    setTakeawayServices(takeawayServices(map, store));
  } catch (e) {
    store.getState().setFatal({ kind: 'webgl', reason: (e as Error).message });
  }
}

// Noto Sans from the bundle for the page and the map's labels: the same letters offline and on every machine.
registerFonts();

render(
  <StoreContext.Provider value={store}>
    <App mountMap={mountMap} />
  </StoreContext.Provider>,
  document.getElementById('app')!,
);

registerServiceWorker();
// Everything kept in the browser, started here: each reads its record when it is ready (the imports
// at once, the assignment with the data, the links and the deck when first needed) and saves every change.
// The deck file's reader is not in the first view: fetched with the deck, when it is wanted (deckWanted).
const saved = persistAll(store, persistedFeatures(() => import('./state/deckStorage.ts').then((m) => m.fetchDefaultDeck(document.baseURI))));
// The links, and the restore of their edits, only once something shows or edits them.
bindLinksLoading(store, document.baseURI, fetch, () => saved.links.restored);
// The 592 territorial units only when a hinterland is made of them or the map is zoomed to parishes (mapView.ts).
bindTerritorialUnitsLoading(store, document.baseURI);

if (!webglAvailable()) {
  store.getState().setFatal({ kind: 'webgl', reason: 'This browser has no WebGL2' });
} else {
  prewarmMap();
  // The user's imports are read from the browser while the data load, so that a link naming one
  // (`i=user:…`) opens it; a storage that does not answer within a second and a half is not waited for.
  const userIndicatorsRestored = Promise.race([saved.userIndicators.restored, new Promise<void>((resolve) => setTimeout(resolve, 1500))]);
  loadDataset(document.baseURI)
    .then(async (dataset) => {
      await userIndicatorsRestored;
      store.getState().setDataset(dataset);
      // The link's view is in the store before the map is made (in the next render), so the first frame shows it.
      const { view, leftOut } = readUrlView(location.search, store, store.getState().dataset!);
      initialCamera = view.camera;
      linkLeftOut = leftOut;
      applyViewState(store, view);
    })
    .catch((e: unknown) => {
      const err = e instanceof DataLoadError ? e : new DataLoadError('data', String(e));
      store.getState().setFatal({ kind: 'data', file: err.file, reason: err.reason });
    });
}
