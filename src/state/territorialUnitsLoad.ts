import type { AppStore } from './store.ts';

const requested = new WeakSet<AppStore>();

/**
 * Loads the territorial units once, on first need, and puts them into the store's dataset (a new
 * dataset object, so everything derived from it is derived again). The first view never waits for
 * them: a zoom that shows parishes (mapView.ts) or a hinterland made of them asks for them.
 */
export function requestTerritorialUnits(store: AppStore, baseUrl: string, fetcher: typeof fetch = fetch): void {
  const dataset = store.getState().dataset;
  if (!dataset?.territorialUnitsAvailable || dataset.territorialUnits || requested.has(store)) return;
  requested.add(store);
  void import('./territorialUnitsFile.ts')
    .then(({ loadTerritorialUnits, loadFua }) => Promise.all([loadTerritorialUnits(baseUrl, fetcher), loadFua(baseUrl, fetcher)]))
    .then(([units, fua]) => {
      const current = store.getState().dataset;
      if (units && current) store.setState({ dataset: { ...current, territorialUnits: units, ...(fua ? { fua } : {}) } });
    });
}

/** Asks for the territorial units (and the FUAs made of them) whenever a hinterland of territorial units is wanted. */
export function bindTerritorialUnitsLoading(store: AppStore, baseUrl: string, fetcher: typeof fetch = fetch): () => void {
  const check = () => {
    const s = store.getState();
    if (s.dataset && (s.hinterland.level === 'territorial' || s.hinterland.kind === 'fua')) requestTerritorialUnits(store, baseUrl, fetcher);
  };
  check();
  return store.subscribe(check);
}
