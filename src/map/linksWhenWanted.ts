import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Dataset } from '../state/dataset.ts';
import type { AppState, AppStore } from '../state/store.ts';

/**
 * Binds the links' layers, tooltips and clicks once the links are first wanted (shown, the model
 * shown, or the section opened), after the map's first load: their code (arcs, layers, network)
 * is not part of the first view. Registered after the place handlers, so an arc still wins.
 */
export function bindLinksWhenWanted(map: MapLibreMap, store: AppStore, dataset: Dataset, screenScaleOf: () => number = () => 1): void {
  const wanted = (s: AppState) => s.linkSettings.shown || s.linkSettings.modelShown || s.linkSettings.commutingShown || s.linksWanted;
  let bound = false;
  const bind = () => {
    if (bound || !wanted(store.getState())) return;
    bound = true;
    unsubscribe();
    void import('./linkBinding.ts').then((m) => m.bindLinks(map, store, dataset, true, screenScaleOf));
  };
  let unsubscribe = () => {};
  map.once('load', () => {
    unsubscribe = store.subscribe(bind);
    bind();
  });
}
