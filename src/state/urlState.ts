/**
 * The URL codec, one definition per address parameter in src/state/address/params/ (key, read,
 * write, default, and how it moves between the store and a view); src/state/address/codec.ts
 * loops over them. This module is the codec's public face.
 */
export { ADDRESS_KEYS, decodeViewState, encodeViewState, withoutDefaults } from './address/codec.ts';
export type { DroppedParam, ViewContext, ViewDefaults, ViewState } from './address/view.ts';
export { CAMERA_RANGE, type CameraRange, type CameraView } from './address/params/camera.ts';
export { ALPHA_RANGE, BAND_KM_RANGE, BETA_RANGE, THRESHOLD_RANGE, type HinterlandView } from './address/params/hinterland.ts';
export type { LinkFilterView } from './address/params/links.ts';
