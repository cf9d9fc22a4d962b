import { sceneDrawingKey, textIn } from '../domain/scenes.ts';
import type { Bilingual } from '../domain/bilingual.ts';
import type { Lang } from '../domain/format.ts';
import type { PresentationMode } from './presentationSlice.ts';
import type { AppState, AppStore } from './store.ts';

/** What a clicker, the keyboard or the presenter window asks the presentation to do. */
export type PresentCommand =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'goto'; index: number }
  | { kind: 'blank' }
  | { kind: 'return' }
  | { kind: 'projector' }
  | { kind: 'pictures' }
  | { kind: 'stop' };

/**
 * The keys presenter clickers send, and the app's own: → PageDown Space next, ← PageUp previous,
 * Home End, B or . black screen, R back to the scene's view, T projector theme, Esc leaves.
 * Digits are read by the caller (a number, then Enter or a pause, jumps to that scene).
 */
export function keyCommand(key: string): PresentCommand | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
    case 'ArrowDown':
      return { kind: 'next' };
    case 'ArrowLeft':
    case 'PageUp':
    case 'ArrowUp':
      return { kind: 'previous' };
    case 'Home':
      return { kind: 'first' };
    case 'End':
      return { kind: 'last' };
    case 'b':
    case 'B':
    case '.':
      return { kind: 'blank' };
    case 'r':
    case 'R':
      return { kind: 'return' };
    case 't':
    case 'T':
      return { kind: 'projector' };
    case 'Escape':
      return { kind: 'stop' };
    default:
      return null;
  }
}

/** Carries out a command on the store. */
export function runCommand(store: AppStore, command: PresentCommand): void {
  const s = store.getState();
  const last = (s.deck?.scenes.length ?? 1) - 1;
  switch (command.kind) {
    case 'next':
      return s.nextScene();
    case 'previous':
      return s.previousScene();
    case 'first':
      return s.goToScene(0);
    case 'last':
      return s.goToScene(last);
    case 'goto':
      return s.goToScene(command.index);
    case 'blank':
      return s.toggleBlank();
    case 'return':
      return s.returnToScene();
    case 'projector':
      return s.toggleProjector();
    case 'pictures':
      return void s.prepareScenePictures();
    case 'stop':
      return s.mode === 'kiosk' ? s.stopKiosk() : s.stopPresenting();
  }
}

/** The BroadcastChannel both windows of one browser open (same origin, same app). */
export const PRESENTER_CHANNEL = 'state-cities-presenter';

/** What the audience window tells the presenter window, on every change and when asked. */
export interface PresentStatus {
  type: 'status';
  lang: Lang;
  mode: PresentationMode;
  index: number | null;
  count: number;
  blank: boolean;
  projector: boolean;
  startedAt: number | null;
  /** `picture` names the scene's picture in `ScenePictures` (its drawing key). */
  scenes: { title: Bilingual; caption: Bilingual; notes: Bilingual; picture: string }[];
  sceneNotes: Bilingual[];
}

/** The pictures of the scenes as last drawn, by drawing key (JPEG data URLs); sent apart from the status, only when they change. */
export interface ScenePictures {
  type: 'pictures';
  pictures: Readonly<Record<string, string>>;
}

export type PresenterMessage = { type: 'hello' } | { type: 'command'; command: PresentCommand };

export function statusOf(s: AppState, projector: boolean): PresentStatus {
  const scenes = (s.deck?.scenes ?? []).map((x) => ({ title: x.title, caption: x.caption, notes: x.notes, picture: sceneDrawingKey(x) }));
  return { type: 'status', lang: s.lang, mode: s.mode, index: s.sceneIndex, count: scenes.length, blank: s.blank, projector, startedAt: s.presentStartedAt, scenes, sceneNotes: s.sceneNotes };
}

/**
 * The audience side: answers the presenter window's hello with the status, sends it again on every
 * change that the presenter shows, and carries out the presenter's commands.
 */
export function bindAudienceChannel(store: AppStore, channel: BroadcastChannel, projectorOf: (s: AppState) => boolean): () => void {
  const post = () => channel.postMessage(statusOf(store.getState(), projectorOf(store.getState())));
  const postPictures = () => channel.postMessage({ type: 'pictures', pictures: store.getState().scenePictures } satisfies ScenePictures);
  const onMessage = (e: MessageEvent<PresenterMessage>) => {
    if (e.data?.type === 'hello') {
      post();
      postPictures();
    }
    else if (e.data?.type === 'command') runCommand(store, e.data.command);
  };
  channel.addEventListener('message', onMessage);
  const keys = ['lang', 'mode', 'sceneIndex', 'blank', 'deck', 'presentStartedAt', 'sceneNotes', 'projectorTheme', 'projectorWhilePresenting'] as const;
  const unsubscribe = store.subscribe((next, prev) => {
    if (keys.some((k) => next[k] !== prev[k])) post();
    if (next.scenePictures !== prev.scenePictures) postPictures();
  });
  return () => {
    unsubscribe();
    channel.removeEventListener('message', onMessage);
  };
}

/** The title of scene `i` in `lang`, or '' when there is none. */
export function sceneTitle(status: PresentStatus, i: number | null, lang: Lang): string {
  const scene = i === null ? undefined : status.scenes[i];
  return scene ? textIn(scene.title, lang) : '';
}
