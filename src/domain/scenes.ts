import type { Lang } from './format.ts';

/** A text in both languages of the app; one of the two may be '' (the other is then shown). */
import type { Bilingual } from './bilingual.ts';
import { otherLang } from './bilingual.ts';
import type { Path } from './schema.ts';

/** The screen size a scene was made on, so its camera can be fitted to another screen. */
export interface Viewport {
  width: number;
  height: number;
}

/**
 * A saved view to present: what the map shows (`view`, the same object a shared link restores),
 * the title and caption the audience sees, and the speaker's notes. The deck model does not
 * look inside `view`: the caller passes the reader that checks it.
 */
export interface Scene<V = unknown> {
  id: string;
  title: Bilingual;
  caption: Bilingual;
  notes: Bilingual;
  view: V;
  /** Opens the key-facts panel (the cities' shares of Latvia) with the scene. */
  keyFacts?: boolean;
  viewport?: Viewport;
}

/** An ordered list of scenes with a title: what is presented, exported and imported. */
export interface Deck<V = unknown> {
  title: Bilingual;
  scenes: Scene<V>[];
}

/** The `format` and `version` a deck file carries, so a newer or foreign file is refused by name. */
export const DECK_FORMAT = 'state-cities-deck';
export const DECK_VERSION = 1;
/** Upper bounds that keep a deck file a presentation and not a denial of service. */
export const MAX_SCENES = 100;
export const MAX_TEXT = { title: 140, caption: 500, notes: 5000 } as const;
/** What a scene's id may be. */
export const SCENE_ID = /^[a-z0-9][a-z0-9_-]{0,47}$/;

/** The result of reading a deck or a view: the value, or why it was refused (and where, when known), in LV and EN. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: Bilingual; path?: Path };

/** Reads the `view` of one scene; `parseDeck` adds the scene number to its reason. */
export type ViewReader<V> = (raw: unknown) => Checked<V>;

/** The deck as the file people share: fixed key order, two-space indent, trailing newline. */
export function deckToJson<V>(deck: Deck<V>): string {
  const scenes = deck.scenes.map((s) => ({
    id: s.id,
    title: { lv: s.title.lv, en: s.title.en },
    caption: { lv: s.caption.lv, en: s.caption.en },
    notes: { lv: s.notes.lv, en: s.notes.en },
    ...(s.keyFacts ? { keyFacts: true } : {}),
    ...(s.viewport ? { viewport: { width: s.viewport.width, height: s.viewport.height } } : {}),
    view: s.view,
  }));
  return `${JSON.stringify({ format: DECK_FORMAT, version: DECK_VERSION, title: { lv: deck.title.lv, en: deck.title.en }, scenes }, null, 2)}\n`;
}

/** The text in `lang`, or in the other language when it is empty there. */
export function textIn(text: Bilingual, lang: Lang): string {
  return text[lang].trim() || text[otherLang(lang)];
}

/** An id not yet used in the deck: `scene-1`, `scene-2`, … */
export function newSceneId(deck: Deck<unknown>): string {
  const used = new Set(deck.scenes.map((s) => s.id));
  let n = deck.scenes.length + 1;
  while (used.has(`scene-${n}`)) n++;
  return `scene-${n}`;
}

/** The deck with `scene` inserted at `at` (default: the end); at most MAX_SCENES scenes. */
export function insertScene<V>(deck: Deck<V>, scene: Scene<V>, at = deck.scenes.length): Deck<V> {
  if (deck.scenes.length >= MAX_SCENES) return deck;
  const scenes = [...deck.scenes];
  scenes.splice(Math.max(0, Math.min(at, scenes.length)), 0, scene);
  return { ...deck, scenes };
}

/** The deck with the scene `id` changed; the id itself cannot change. */
export function updateScene<V>(deck: Deck<V>, id: string, patch: Partial<Omit<Scene<V>, 'id'>>): Deck<V> {
  return { ...deck, scenes: deck.scenes.map((s) => (s.id === id ? { ...s, ...patch, id } : s)) };
}

/** The deck with the scene `id` moved to position `to` (clamped to the list). */
export function moveScene<V>(deck: Deck<V>, id: string, to: number): Deck<V> {
  const from = deck.scenes.findIndex((s) => s.id === id);
  if (from < 0) return deck;
  const scenes = [...deck.scenes];
  const [scene] = scenes.splice(from, 1);
  scenes.splice(Math.max(0, Math.min(to, scenes.length)), 0, scene!);
  return { ...deck, scenes };
}

/** The deck without the scene `id`. */
export function removeScene<V>(deck: Deck<V>, id: string): Deck<V> {
  return { ...deck, scenes: deck.scenes.filter((s) => s.id !== id) };
}

/**
 * The zoom that shows a scene's extent on another screen: a screen half as wide (or high, whichever
 * is tighter) needs one zoom level less. Without a recorded viewport the zoom is kept.
 */
export function fittedZoom(zoom: number, recorded: Viewport | undefined, current: Viewport): number {
  if (!recorded || current.width <= 0 || current.height <= 0) return zoom;
  const ratio = Math.min(current.width / recorded.width, current.height / recorded.height);
  return Math.round((zoom + Math.log2(ratio)) * 100) / 100;
}

const TILE = 512;
const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - 90;

/** Share of the free area kept clear on each side, for the labels beside the cities at its edge. */
export const STAGE_MARGIN = 0.07;

/**
 * Where the camera goes to show a scene in the part of the screen the stage's cards leave free:
 * the extent the author saw (their camera on their recorded screen), clipped to the subject
 * (Latvia's bounding box: sea and neighbours around it are not what a scene is about), fitted into
 * the free area with a margin. So an overview made on a big screen still fills a small projector's
 * free area with Latvia, instead of shrinking the author's whole screen, cards included, into it.
 * Without a recorded viewport, or when the extent misses the subject, only the zoom is fitted.
 */
export function stagedCamera(
  camera: { lon: number; lat: number; zoom: number },
  recorded: Viewport | undefined,
  free: Viewport,
  subject: readonly [number, number, number, number],
): { lon: number; lat: number; zoom: number } {
  const fallback = { lon: camera.lon, lat: camera.lat, zoom: fittedZoom(camera.zoom, recorded, free) };
  if (!recorded || free.width <= 0 || free.height <= 0) return fallback;
  const world = TILE * 2 ** camera.zoom;
  const [cx, cy] = [mercatorX(camera.lon), mercatorY(camera.lat)];
  const half = { x: recorded.width / 2 / world, y: recorded.height / 2 / world };
  const [w, s, e, n] = subject;
  const x0 = Math.max(cx - half.x, mercatorX(w));
  const x1 = Math.min(cx + half.x, mercatorX(e));
  const y0 = Math.max(cy - half.y, mercatorY(n));
  const y1 = Math.min(cy + half.y, mercatorY(s));
  if (!(x1 > x0 && y1 > y0)) return fallback;
  const usable = { width: free.width * (1 - 2 * STAGE_MARGIN), height: free.height * (1 - 2 * STAGE_MARGIN) };
  const zoom = Math.log2(Math.min(usable.width / ((x1 - x0) * TILE), usable.height / ((y1 - y0) * TILE)));
  const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
  return { lon: round(lonOf((x0 + x1) / 2), 5), lat: round(latOf((y0 + y1) / 2), 5), zoom: round(zoom, 2) };
}

/**
 * A short fingerprint of what a scene draws (its view, viewport and key-facts switch, not its
 * words): a picture of the scene taken once stays valid until one of these changes. FNV-1a over
 * the JSON, as 8 hex digits.
 */
export function sceneDrawingKey(scene: Pick<Scene, 'view' | 'viewport' | 'keyFacts'>): string {
  const text = JSON.stringify([scene.view, scene.viewport ?? null, scene.keyFacts ?? false]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
