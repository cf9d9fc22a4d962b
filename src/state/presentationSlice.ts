import type { StateCreator } from 'zustand/vanilla';
import { insertScene, moveScene, removeScene, updateScene, type Deck, type Scene, type Viewport } from '../domain/scenes.ts';
import type { Bilingual } from '../domain/bilingual.ts';
import type { AppState } from './store.ts';
import type { CameraView, ViewState } from './urlState.ts';

/** Exploring freely, presenting a deck to an audience, or an unattended stand looping the deck. */
export type PresentationMode = 'explore' | 'present' | 'kiosk';
/** The kiosk loop: advancing, held by the user, or waiting for the visitor who touched it to leave. */
export type KioskPhase = 'playing' | 'paused' | 'waiting';
export type SceneDeck = Deck<ViewState>;

/** What the map binding offers the UI: the current camera and map size, to make a scene from. */
export type FrameSource = () => { camera: CameraView; viewport: Viewport } | null;

export interface PresentationSlice {
  deck: SceneDeck | null;
  /** 'default' until the user changes or imports the deck; only a user deck is stored. */
  deckOrigin: 'default' | 'user';
  /** The scene on screen (its caption shown), or null while exploring without one. */
  sceneIndex: number | null;
  /** Counts requests to show a scene's view; the map binding moves the camera on each. */
  sceneRequest: number;
  /** What the current scene refers to that the data no longer have, shown beside its caption. */
  sceneNotes: Bilingual[];
  mode: PresentationMode;
  kiosk: KioskPhase;
  /** Counts kiosk input (touch, key), so the idle timer restarts on every one. */
  kioskActivity: number;
  kioskIntervalMs: number;
  kioskIdleMs: number;
  blank: boolean;
  /** The projector theme while exploring, and while presenting or in kiosk mode (on by default). */
  projectorTheme: boolean;
  projectorWhilePresenting: boolean;
  editorOpen: boolean;
  /** When the current presentation started (ms since 1970), for the presenter's clock. */
  presentStartedAt: number | null;
  captureFrame: FrameSource;
  /** Small pictures of scenes as last drawn, by `sceneDrawingKey`, for the presenter window. */
  scenePictures: Readonly<Record<string, string>>;
  rememberScenePicture: (key: string, picture: string) => void;
  /** Draws every scene without a picture under the black screen and takes its picture (set by the map binding). */
  prepareScenePictures: () => Promise<void>;
  setDeck: (deck: SceneDeck, origin: 'default' | 'user') => void;
  addScene: (scene: Scene<ViewState>, at?: number) => void;
  editScene: (id: string, patch: Partial<Omit<Scene<ViewState>, 'id'>>) => void;
  moveSceneTo: (id: string, to: number) => void;
  deleteScene: (id: string) => void;
  /** Shows scene `index` (clamped to the deck): its view, camera and caption. */
  goToScene: (index: number) => void;
  nextScene: () => void;
  previousScene: () => void;
  /** Back to the current scene's own view after the speaker panned or zoomed. */
  returnToScene: () => void;
  closeScene: () => void;
  setSceneNotes: (notes: Bilingual[]) => void;
  startPresenting: (index?: number) => void;
  stopPresenting: () => void;
  toggleBlank: () => void;
  toggleProjector: () => void;
  startKiosk: () => void;
  pauseKiosk: () => void;
  resumeKiosk: () => void;
  stopKiosk: () => void;
  /** A visitor touched the stand: the loop waits until they have left it alone for a while. */
  kioskInput: () => void;
  setEditorOpen: (open: boolean) => void;
}

export const KIOSK_INTERVAL_MS = 12_000;
export const KIOSK_IDLE_MS = 60_000;

const sceneCount = (s: AppState) => s.deck?.scenes.length ?? 0;
const clamp = (i: number, n: number) => Math.max(0, Math.min(n - 1, i));

/**
 * The deck, the scene on screen and how it is shown. Only indexes and flags live here: applying a
 * scene's view (store) and camera (map) is `src/map/sceneBinding.ts`'s job, triggered by
 * `sceneRequest`. Steps never go past the ends while presenting; the kiosk loops.
 */
export const createPresentationSlice: StateCreator<AppState, [], [], PresentationSlice> = (set, get) => {
  /** Scene `index` on screen, with any other changes in the same update (one status, one URL write). */
  const show = (index: number, also: Partial<PresentationSlice> = {}) => {
    const n = sceneCount(get());
    if (n === 0) return;
    set((s) => ({ ...also, sceneIndex: clamp(index, n), sceneRequest: s.sceneRequest + 1, blank: false }));
  };
  const editDeck = (change: (deck: SceneDeck) => SceneDeck) => {
    set({ deck: change(get().deck ?? { title: { lv: '', en: '' }, scenes: [] }), deckOrigin: 'user' });
  };
  return {
    deck: null,
    deckOrigin: 'default',
    sceneIndex: null,
    sceneRequest: 0,
    sceneNotes: [],
    mode: 'explore',
    kiosk: 'playing',
    kioskActivity: 0,
    kioskIntervalMs: KIOSK_INTERVAL_MS,
    kioskIdleMs: KIOSK_IDLE_MS,
    blank: false,
    projectorTheme: false,
    projectorWhilePresenting: true,
    editorOpen: false,
    presentStartedAt: null,
    captureFrame: () => null,
    scenePictures: {},
    rememberScenePicture: (key, picture) => set((s) => ({ scenePictures: { ...s.scenePictures, [key]: picture } })),
    prepareScenePictures: async () => undefined,
    setDeck: (deck, deckOrigin) =>
      set((s) => ({ deck, deckOrigin, ...(s.sceneIndex !== null && s.sceneIndex >= deck.scenes.length ? { sceneIndex: null, sceneNotes: [] } : {}) })),
    addScene: (scene, at) => editDeck((d) => insertScene(d, scene, at)),
    editScene: (id, patch) => editDeck((d) => updateScene(d, id, patch)),
    moveSceneTo: (id, to) => editDeck((d) => moveScene(d, id, to)),
    deleteScene: (id) => {
      const index = get().deck?.scenes.findIndex((s) => s.id === id) ?? -1;
      editDeck((d) => removeScene(d, id));
      const current = get().sceneIndex;
      if (current !== null && index >= 0) set({ sceneIndex: current === index ? null : current > index ? current - 1 : current, ...(current === index ? { sceneNotes: [] } : {}) });
    },
    goToScene: show,
    nextScene: () => {
      const s = get();
      const n = sceneCount(s);
      if (s.sceneIndex === null) show(0);
      else if (s.sceneIndex < n - 1) show(s.sceneIndex + 1);
      else if (s.mode === 'kiosk') show(0);
    },
    previousScene: () => {
      const s = get();
      if (s.sceneIndex === null) show(0);
      else if (s.sceneIndex > 0) show(s.sceneIndex - 1);
      else if (s.mode === 'kiosk') show(sceneCount(s) - 1);
    },
    returnToScene: () => {
      const i = get().sceneIndex;
      if (i !== null) show(i);
    },
    closeScene: () => set({ sceneIndex: null, sceneNotes: [], blank: false }),
    setSceneNotes: (sceneNotes) => set({ sceneNotes }),
    startPresenting: (index) => show(index ?? get().sceneIndex ?? 0, { mode: 'present', presentStartedAt: Date.now(), editorOpen: false }),
    stopPresenting: () => set({ mode: 'explore', blank: false, presentStartedAt: null }),
    toggleBlank: () => set((s) => ({ blank: s.mode !== 'explore' && !s.blank })),
    toggleProjector: () =>
      set((s) => (s.mode === 'explore' ? { projectorTheme: !s.projectorTheme } : { projectorWhilePresenting: !s.projectorWhilePresenting })),
    startKiosk: () => show(get().sceneIndex ?? 0, { mode: 'kiosk', kiosk: 'playing', editorOpen: false, presentStartedAt: Date.now() }),
    pauseKiosk: () => set((s) => (s.mode === 'kiosk' ? { kiosk: 'paused' } : {})),
    resumeKiosk: () => {
      const s = get();
      if (s.mode === 'kiosk') show(s.sceneIndex === null ? 0 : (s.sceneIndex + 1) % sceneCount(s), { kiosk: 'playing' });
    },
    stopKiosk: () => set({ mode: 'explore', kiosk: 'playing', blank: false, presentStartedAt: null }),
    kioskInput: () => set((s) => (s.mode === 'kiosk' && s.kiosk !== 'paused' ? { kiosk: 'waiting', kioskActivity: s.kioskActivity + 1 } : {})),
    setEditorOpen: (editorOpen) => set({ editorOpen }),
  };
};

/** Whether the map and the page use the projector theme now. */
export function selectProjector(s: Pick<AppState, 'mode' | 'projectorTheme' | 'projectorWhilePresenting'>): boolean {
  return s.mode === 'explore' ? s.projectorTheme : s.projectorWhilePresenting;
}

/** Whether the screen shows the audience view: no editing controls, a big caption and the legend. */
export function selectAudienceView(s: Pick<AppState, 'mode' | 'kiosk'>): boolean {
  return s.mode === 'present' || (s.mode === 'kiosk' && s.kiosk !== 'waiting');
}

/** The scene on screen, if any. */
export function selectCurrentScene(s: Pick<AppState, 'deck' | 'sceneIndex'>): Scene<ViewState> | null {
  return s.sceneIndex === null ? null : (s.deck?.scenes[s.sceneIndex] ?? null);
}
