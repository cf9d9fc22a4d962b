import { ADDRESS_GROUPS } from './address/codec.ts';
import type { Dataset } from '../domain/dataset.ts';
import type { AppState, AppStore } from './store.ts';
import type { ViewContext, ViewDefaults, ViewState } from './urlState.ts';

/** The view a link leaves out: the first choropleth, the default hinterland. The language is always written. */
export const VIEW_DEFAULTS: ViewDefaults = ADDRESS_GROUPS.reduce<ViewDefaults>((all, g) => ({ ...all, ...g.defaults }), {});

/** What a link may name, from the loaded data: anything else is dropped with a notice. */
export function viewContextOf(dataset: Dataset): ViewContext {
  return ADDRESS_GROUPS.reduce<Partial<ViewContext>>((all, g) => ({ ...all, ...g.contextOf(dataset) }), { defaults: VIEW_DEFAULTS }) as ViewContext;
}

/** The shareable part of the app state (the camera is added by the map binding). */
export function viewStateOf(state: AppState): ViewState {
  return ADDRESS_GROUPS.reduce<ViewState>((view, g) => ({ ...view, ...g.viewOf(state) }), {});
}

/**
 * Puts a decoded view into the store: what the view leaves out returns to its default, so that
 * going back to a link without an indicator shows the first map again.
 */
export function applyViewState(store: AppStore, view: ViewState): void {
  for (const g of ADDRESS_GROUPS) g.apply(store, view);
}
