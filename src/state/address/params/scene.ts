import { MAX_SCENES } from '../../../domain/scenes.ts';
import { no, num, type AddressGroup, type AddressParam } from '../param.ts';

export interface SceneView {
  scene?: number;
}
export interface SceneDefaults {
  scene?: number;
}
export interface SceneContext {
  sceneCount?: number;
}

/** `sc`: the scene of the presentation the view belongs to. */
const scene: AddressParam<number> = {
  key: 'sc',
  get: (view) => view.scene,
  put: (view, value) => void (view.scene = value),
  default: (d) => d.scene,
  read: (v, context) => (/^\d{1,3}$/.test(v) && +v < (context.sceneCount ?? 0) ? +v : no('no such scene', 'šādas ainas nav')),
  write: num,
};

/** The scene shown. */
export const SCENE: AddressGroup = {
  params: [scene],
  defaults: {},
  // The deck loads after the data: a scene number is checked against it once it is there.
  contextOf: () => ({ sceneCount: MAX_SCENES }),
  viewOf: (state) => (state.sceneIndex !== null ? { scene: state.sceneIndex } : {}),
  apply: (store, view) => {
    const sceneIndex = view.scene ?? null;
    if (sceneIndex !== store.getState().sceneIndex) store.setState({ sceneIndex });
  },
  shapes: (s) => ({ scene: s.number({ integer: true }) }),
};
