import { useContext, useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { bindKiosk } from '../../state/kiosk.ts';
import { selectAudienceView, selectCurrentScene, selectProjector } from '../../state/presentationSlice.ts';
import { bindAudienceChannel, keyCommand, PRESENTER_CHANNEL, runCommand } from '../../state/presenterChannel.ts';
import type { AppStore } from '../../state/store.ts';
import { StoreContext, useAppState } from '../context.ts';
import { KioskBar } from './KioskBar.tsx';
import { lazyComponent } from '../lazy.tsx';
import { SceneOverlay } from './SceneOverlay.tsx';
import { isTyping, leaveFullscreen } from './screen.ts';

// The editor is fetched when first opened; presenting itself needs only the overlay.
const SceneEditor = lazyComponent(() => import('./SceneEditor.tsx').then((m) => m.SceneEditor));

/**
 * Binds the kiosk timer and the presenter channel, once per page. The deck is loaded and kept by
 * `persistedDeck` (started with everything else kept in the browser, in main.tsx).
 */
function boot(store: AppStore): () => void {
  const unbind = [bindKiosk(store)];
  // A link's scene number can only be checked once both the deck and the link's view are in.
  let checked = false;
  const checkLinkedScene = () => {
    const s = store.getState();
    if (checked || !s.deck || !s.dataset) return;
    checked = true;
    setTimeout(() => {
      const now = store.getState();
      if (now.sceneIndex === null || selectCurrentScene(now)) return;
      now.addNotice({ lv: `Saitē minētās ainas nr. ${now.sceneIndex + 1} komplektā nav.`, en: `The deck has no scene ${now.sceneIndex + 1}, which the link names.` });
      now.closeScene();
    }, 0);
  };
  unbind.push(store.subscribe(checkLinkedScene));
  checkLinkedScene();
  if (typeof BroadcastChannel !== 'undefined') {
    const channel = new BroadcastChannel(PRESENTER_CHANNEL);
    const stop = bindAudienceChannel(store, channel, selectProjector);
    unbind.push(() => {
      stop();
      channel.close();
    });
  }
  return () => unbind.forEach((f) => f());
}

/**
 * Presenter keys while presenting: clicker keys step the scenes, a number then Enter (or a short
 * pause) jumps to that scene. Listened to in the capture phase, so the map's own arrow-key panning
 * and the panels' Esc never see them.
 */
function usePresenterKeys(store: AppStore, active: boolean) {
  const digits = useRef('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (!active) return;
    const jump = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const n = Number(digits.current);
      digits.current = '';
      if (n >= 1) store.getState().goToScene(n - 1);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
      if (/^\d$/.test(e.key)) {
        digits.current = (digits.current + e.key).slice(-3);
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(jump, 900);
      } else if (e.key === 'Enter' && digits.current) {
        jump();
      } else {
        const command = keyCommand(e.key);
        if (!command) return;
        runCommand(store, command);
      }
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [active, store]);
}

/** In kiosk mode every touch, click, wheel or key is a visitor: the loop waits for them. */
function useKioskInput(store: AppStore, active: boolean) {
  useEffect(() => {
    if (!active) return;
    // Esc leaves the kiosk for good (the operator's key); any other input is a visitor's, and the loop waits.
    const onInput = (e: Event) => (e instanceof KeyboardEvent && e.key === 'Escape' ? store.getState().stopKiosk() : store.getState().kioskInput());
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, onInput, { capture: true, passive: true });
    return () => events.forEach((e) => window.removeEventListener(e, onInput, { capture: true }));
  }, [active, store]);
}

/**
 * Everything of the presentation on the main page: the scene caption, the black screen, the kiosk
 * bar and the scene editor; the page classes that switch to the audience view and the projector
 * theme; presenter keys; leaving full screen with the presentation.
 */
export function Presentation() {
  const store = useContext(StoreContext)!;
  const mode = useAppState((s) => s.mode);
  const audience = useAppState(selectAudienceView);
  const projector = useAppState(selectProjector);
  const blank = useAppState((s) => s.blank);
  const editorOpen = useAppState((s) => s.editorOpen);
  useEffect(() => boot(store), [store]);
  // A layout effect: the page classes change in the same commit as the presentation's own
  // elements, so no frame shows the audience view with the explorer's page (or the reverse).
  useLayoutEffect(() => {
    const root = document.documentElement.classList;
    root.toggle('presenting', audience);
    root.toggle('projector', projector);
  }, [audience, projector]);
  useEffect(() => {
    if (mode === 'explore') leaveFullscreen();
    if (mode !== 'present') return;
    // Esc in full screen is taken by the browser: leaving full screen ends the presentation.
    const onChange = () => !document.fullscreenElement && store.getState().stopPresenting();
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [mode, store]);
  usePresenterKeys(store, mode === 'present');
  useKioskInput(store, mode === 'kiosk');
  return (
    <>
      <SceneOverlay />
      <KioskBar />
      <SceneEditor wanted={editorOpen} />
      {blank && mode !== 'explore' && <div class="blank-screen" data-blank="true" onClick={() => store.getState().toggleBlank()} />}
    </>
  );
}
