import type { AppStore } from './store.ts';

import type { Dataset } from '../domain/dataset.ts';

type LazyFile = 'territorialUnits' | 'fua' | 'commuting';
type Loaders = typeof import('./territorialUnitsFile.ts');
const requested: Record<LazyFile, WeakSet<AppStore>> = { territorialUnits: new WeakSet(), fua: new WeakSet(), commuting: new WeakSet() };

/**
 * Loads one of the dataset's lazy files once per store, when the data name it (`available`) and it
 * is not there yet, and puts it into the store's dataset (a new dataset object, so everything
 * derived from it is derived again). A file that cannot be read stays absent: its loader says so.
 */
function requestOnce<K extends LazyFile>(store: AppStore, key: K, available: (d: Dataset) => boolean | undefined, load: (m: Loaders) => Promise<Dataset[K] | undefined>): void {
  const dataset = store.getState().dataset;
  if (!dataset || !available(dataset) || dataset[key] || requested[key].has(store)) return;
  requested[key].add(store);
  void import('./territorialUnitsFile.ts')
    .then(load)
    .then((value) => {
      const current = store.getState().dataset;
      if (value && current) store.setState({ dataset: { ...current, [key]: value } });
    });
}

/**
 * Loads the territorial units once, on first need. The first view never waits for them: a zoom
 * that shows parishes (mapView.ts) or a hinterland made of them asks for them. The FUAs, made of
 * them, come along.
 */
export function requestTerritorialUnits(store: AppStore, baseUrl: string, fetcher: typeof fetch = fetch): void {
  if (store.getState().dataset?.territorialUnitsAvailable) requestFua(store, baseUrl, fetcher);
  requestOnce(store, 'territorialUnits', (d) => d.territorialUnitsAvailable, (m) => m.loadTerritorialUnits(baseUrl, fetcher));
}

/**
 * Loads `fua.json` once (2 kB gzip): the FUAs for their definition and the gravity fit for the
 * gravity model's explanation, which needs no parishes.
 */
export function requestFua(store: AppStore, baseUrl: string, fetcher: typeof fetch = fetch): void {
  requestOnce(store, 'fua', (d) => d.territorialUnitsAvailable, (m) => m.loadFua(baseUrl, fetcher));
}

/** Loads `commuting.json` once, when the data name it and the commuting definition or the flows layer is first wanted. */
export function requestCommuting(store: AppStore, baseUrl: string, fetcher: typeof fetch = fetch): void {
  requestOnce(store, 'commuting', (d) => d.commutingAvailable, (m) => m.loadCommuting(baseUrl, fetcher));
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
    if (s.hinterland.kind === 'commuting' || s.linkSettings.commutingShown) requestCommuting(store, baseUrl, fetcher);
  };
  check();
  return store.subscribe(check);
}
