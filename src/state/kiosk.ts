import type { AppState, AppStore } from './store.ts';

/** The two timer functions the kiosk needs; tests pass fake ones. */
export interface Timers {
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: never) => void;
}

/**
 * Runs the kiosk loop: while playing, the next scene after `kioskIntervalMs` (wrapping to the
 * first); after a visitor's touch or key, the loop waits and resumes once nobody has touched the
 * stand for `kioskIdleMs`; paused or stopped, nothing moves. Each change restarts the timer, so a
 * scene chosen by hand gets its full interval.
 */
export function bindKiosk(store: AppStore, timers: Timers = globalThis as unknown as Timers): () => void {
  let handle: unknown = null;
  const schedule = (s: AppState) => {
    if (handle !== null) timers.clearTimeout(handle as never);
    handle = null;
    if (s.mode !== 'kiosk') return;
    if (s.kiosk === 'playing') handle = timers.setTimeout(() => store.getState().nextScene(), s.kioskIntervalMs);
    else if (s.kiosk === 'waiting') handle = timers.setTimeout(() => store.getState().resumeKiosk(), s.kioskIdleMs);
  };
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.mode !== prev.mode || next.kiosk !== prev.kiosk || next.sceneRequest !== prev.sceneRequest || next.kioskActivity !== prev.kioskActivity) schedule(next);
  });
  schedule(store.getState());
  return () => {
    unsubscribe();
    if (handle !== null) timers.clearTimeout(handle as never);
  };
}
