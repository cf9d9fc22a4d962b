import type { AppStore } from './store.ts';

const requestedUnits = new WeakSet<AppStore>();
const requestedFua = new WeakSet<AppStore>();

/**
 * Loads the territorial units once, on first need, and puts them into the store's dataset (a new
 * dataset object, so everything derived from it is derived again). The first view never waits for
 * them: a zoom that shows parishes (mapView.ts) or a hinterland made of them asks for them. The
 * FUAs, made of them, come along.
 */
export function requestTerritorialUnits(store: AppStore, baseUrl: string, fetcher: typeof fetch = fetch): void {
  const dataset = store.getState().dataset;
  if (!dataset?.territorialUnitsAvailable || dataset.territorialUnits || requestedUnits.has(store)) return;
  requestedUnits.add(store);
  requestFua(store, baseUrl, fetcher);
  void import('./territorialUnitsFile.ts')
    .then(({ loadTerritorialUnits }) => loadTerritorialUnits(baseUrl, fetcher))
    .then((units) => {
      const current = store.getState().dataset;
      if (units && current) store.setState({ dataset: { ...current, territorialUnits: units } });
    });
}

/**
 * Loads `fua.json` once (2 kB gzip): the FUAs for their definition and the gravity fit for the
 * gravity model's explanation, which needs no parishes.
 */
export function requestFua(store: AppStore, baseUrl: string, fetcher: typeof fetch = fetch): void {
  const dataset = store.getState().dataset;
  if (!dataset?.territorialUnitsAvailable || dataset.fua || requestedFua.has(store)) return;
  requestedFua.add(store);
  void import('./territorialUnitsFile.ts')
    .then(({ loadFua }) => loadFua(baseUrl, fetcher))
    .then((fua) => {
      const current = store.getState().dataset;
      if (fua && current) store.setState({ dataset: { ...current, fua } });
    });
}

/** Asks for the territorial units (and the FUAs made of them) whenever a hinterland of territorial units is wanted, and for the FUAs under gravity. */
export function bindTerritorialUnitsLoading(store: AppStore, baseUrl: string, fetcher: typeof fetch = fetch): () => void {
  const check = () => {
    const s = store.getState();
    if (!s.dataset) return;
    // Parishes are the default level, so they load once hinterlands are shown, not before.
    const parishes = s.hinterland.kind === 'fua' || (s.hinterland.level === 'territorial' && s.hinterland.kind !== 'bands');
    if (s.hinterland.shown && parishes) requestTerritorialUnits(store, baseUrl, fetcher);
    if (s.hinterland.kind === 'gravity') requestFua(store, baseUrl, fetcher);
  };
  check();
  return store.subscribe(check);
}
