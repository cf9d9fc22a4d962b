import type { CameraContext, CameraPart } from './params/camera.ts';
import type { ChoroplethContext, ChoroplethDefaults, ChoroplethView } from './params/choropleth.ts';
import type { HinterlandContext, HinterlandDefaults, HinterlandPart } from './params/hinterland.ts';
import type { LanguageDefaults, LanguageView } from './params/language.ts';
import type { LinksContext, LinksPart } from './params/links.ts';
import type { PlaceContext, PlaceView } from './params/place.ts';
import type { SceneContext, SceneDefaults, SceneView } from './params/scene.ts';

/** Everything a shared link restores, made of the groups' parts. Every field is optional: absent means the app's default. */
export type ViewState = LanguageView & ChoroplethView & PlaceView & HinterlandPart & LinksPart & SceneView & CameraPart;

/** The app's defaults; a value equal to its default is left out of the URL. */
export type ViewDefaults = LanguageDefaults & ChoroplethDefaults & HinterlandDefaults & SceneDefaults;

/** What a URL may refer to; a value outside these lists is dropped with a notice. */
export type ViewContext = ChoroplethContext & PlaceContext & HinterlandContext & LinksContext & SceneContext & CameraContext & { defaults?: ViewDefaults };

/** A parameter the decoder did not take as written (left out, or changed as its reason says), and why, in both languages. */
export interface DroppedParam {
  /** The key as the link wrote it. */
  key: string;
  value: string;
  reason: { lv: string; en: string };
}
