import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Dataset } from '../domain/dataset.ts';
import type { MapBinding } from './binding.ts';
import type { AppState, AppStore } from '../state/store.ts';

/**
 * Binds the links' layers, tooltips and clicks once the links are first wanted (shown, the model
 * shown, or the section opened), after the map's first load: their code (arcs, layers, network)
 * is not part of the first view. Registered after the place handlers, so an arc still wins.
 */
export function bindLinksWhenWanted(map: MapLibreMap, store: AppStore, dataset: Dataset, screenScaleOf: () => number = () => 1): MapBinding {
  const wanted = (s: AppState) => s.linkSettings.shown || s.linkSettings.modelShown || s.linkSettings.commutingShown || s.linksWanted;
  let bound = false;
  let removed = false;
  let links: MapBinding | null = null;
  const bind = () => {
    if (bound || !wanted(store.getState())) return;
    bound = true;
    unsubscribe();
    void import('./linkBinding.ts').then((m) => {
      if (!removed) links = m.bindLinks(map, store, dataset, true, screenScaleOf);
    });
  };
  let unsubscribe = () => {};
  map.once('load', () => {
    unsubscribe = store.subscribe(bind);
    bind();
  });
  return {
    unbind: () => {
      removed = true;
      unsubscribe();
      links?.unbind();
    },
    resend: () => links?.resend(),
  };
}
