import type { Scene, Viewport } from '../domain/scenes.ts';
import type { Bilingual } from '../domain/bilingual.ts';
import type { AppState, AppStore } from './store.ts';
import { decodeViewState, encodeViewState, type CameraView, type ViewContext, type ViewState } from './urlState.ts';
import { applyViewState, VIEW_DEFAULTS, viewStateOf } from './viewSync.ts';

/**
 * The view of the current state as a scene keeps it: no language (a scene is shown in the
 * presenter's language) and no scene number, plus the camera from the map.
 */
export function sceneViewOf(state: AppState, camera: CameraView | null): ViewState {
  const { lang: _lang, scene: _scene, ...view } = viewStateOf(state);
  return camera ? { ...view, camera: { lon: camera.lon, lat: camera.lat, zoom: camera.zoom } } : view;
}

/** A new scene from the current view, titled after what is mapped (the user edits it after). */
export function sceneFromState(state: AppState, id: string, camera: CameraView | null, viewport: Viewport | null): Scene<ViewState> {
  const meta = state.dataset?.indicators.indicators.find((i) => i.id === state.choropleth.indicator);
  const year = state.choropleth.year === 'latest' ? '' : `, ${state.choropleth.year}`;
  const title = meta ? { lv: `${meta.nameLv}${year}`, en: `${meta.nameEn}${year}` } : { lv: 'Jauna aina', en: 'New scene' };
  const scene: Scene<ViewState> = { id, title, caption: { lv: '', en: '' }, notes: { lv: '', en: '' }, view: sceneViewOf(state, camera) };
  if (state.keyFactsOpen && !state.selection) scene.keyFacts = true;
  if (viewport) scene.viewport = viewport;
  return scene;
}

/**
 * The part of a scene's view the loaded data can show, in the canonical form of a link, and a
 * note for each part that refers to something the data no longer have (an indicator removed, an
 * unknown city id): the scene then opens with those notes instead of failing.
 */
export function resolveSceneView(view: ViewState, context: ViewContext): { view: ViewState; notes: Bilingual[] } {
  const { lang: _lang, scene: _scene, ...rest } = view;
  const { state, dropped } = decodeViewState(encodeViewState(rest, VIEW_DEFAULTS), { ...context, defaults: VIEW_DEFAULTS });
  // A link leaves out a year equal to its default and reads only plain years; a scene keeps the
  // year it names whenever the indicator has data for it ('2012-2024' for a change, too).
  const indicator = state.indicator ?? VIEW_DEFAULTS.indicator;
  const yearKept = rest.year !== undefined && (rest.year === 'latest' || (indicator !== undefined && !!context.yearsOf?.(indicator).includes(rest.year)));
  if (yearKept) state.year = rest.year;
  const notes = dropped.filter((d) => !(yearKept && d.key === 'y')).map((d) => ({
    lv: `Ainā izlaists “${d.key}=${d.value}”: ${d.reason.lv}`,
    en: `Left out of the scene: “${d.key}=${d.value}”: ${d.reason.en}`,
  }));
  return { view: state, notes };
}

/**
 * Puts a scene's view into the store (everything but the camera, which the map binding moves) with
 * the notes about what could not be restored, and returns the camera to move to. The language
 * stays the presenter's.
 */
export function openSceneView(store: AppStore, scene: Scene<ViewState>, index: number, context: ViewContext): CameraView | null {
  const { view, notes } = resolveSceneView(scene.view, context);
  applyViewState(store, { ...view, scene: index });
  store.getState().setKeyFactsOpen(!!scene.keyFacts && !view.place);
  store.getState().setSceneNotes(notes);
  return view.camera ?? null;
}
