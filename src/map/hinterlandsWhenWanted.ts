import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Dataset } from '../domain/dataset.ts';
import type { Theme } from '../domain/theme.ts';
import { whenBrowserIdle, type MapBinding } from './binding.ts';
import type { AppStore } from '../state/store.ts';

type HinterlandModule = typeof import('./hinterlandBinding.ts');

/**
 * Binds the hinterland layers once a hinterland is first shown (by the section, a link or a
 * scene), after the map's first load: their code (layers, partitions, the default assignment) is
 * not part of the first view. It is fetched once the browser is idle after the first view, so
 * that showing a hinterland later binds at once, or when one is wanted before. Until bound
 * nothing is drawn, as `bindHinterlands` itself draws nothing while hidden. The same shape as
 * `bindLinksWhenWanted`, plus the idle-time prefetch and the `data-hinterlands` mark.
 */
export function bindHinterlandsWhenWanted(map: MapLibreMap, store: AppStore, dataset: Dataset, themeOf: () => Theme, screenScaleOf: () => number): MapBinding {
  let bound = false;
  let removed = false;
  let hinterlands: MapBinding | null = null;
  let loaded: HinterlandModule | null = null;
  let loading: Promise<HinterlandModule> | null = null;
  const load = () =>
    (loading ??= import('./hinterlandBinding.ts').then(
      (m) => (loaded = m),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    ));
  // `data-hinterlands` on the map's container says when a wanted binding still waits for its code:
  // a test or a screenshot can wait for 'bound' (then for the map's idle) instead of a fixed time.
  const mark = (how: 'loading' | 'bound' | 'failed') => (map.getContainer().dataset.hinterlands = how);
  const bindWith = (m: HinterlandModule) => {
    if (removed) return;
    hinterlands = m.bindHinterlands(map, store, dataset, themeOf, screenScaleOf, true);
    mark('bound');
  };
  const bind = () => {
    if (bound || !store.getState().hinterland.shown) return;
    bound = true;
    unsubscribe();
    if (loaded) return bindWith(loaded);
    mark('loading');
    load().then(bindWith, () => {
      mark('failed');
      bound = false;
      unsubscribe = store.subscribe(bind);
      store.getState().addNotice({ lv: 'Aptvērumu neizdevās uzzīmēt.', en: 'The hinterlands could not be drawn.' });
    });
  };
  let unsubscribe = () => {};
  map.once('load', () => {
    unsubscribe = store.subscribe(bind);
    bind();
  });
  // Fetched when the browser is idle after the first view: not part of it, ready by the time anyone asks.
  map.once('idle', () => whenBrowserIdle(() => void load().catch(() => undefined)));
  return {
    unbind: () => {
      removed = true;
      unsubscribe();
      hinterlands?.unbind();
    },
    resend: () => hinterlands?.resend(),
  };
}
