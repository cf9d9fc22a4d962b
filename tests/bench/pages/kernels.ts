/**
 * The app's pure hinterland code, bundled on its own so that the benchmark can time the gravity
 * recompute inside the app's page, on the app's loaded data, apart from any drawing.
 */
export { huffShares } from '../../../src/domain/hinterland/huff.ts';
export { gravityPartition, hinterlandContext } from '../../../src/state/hinterlandDerived.ts';
export { gravityScene } from '../../../src/state/hinterlandScene.ts';
