import { useAppState } from '../context.ts';
import { ps } from './strings.ts';

/**
 * The kiosk's controls, shown once a visitor has touched the stand (the loop then waits) or the
 * operator paused it: resume now, pause, stop. While the loop plays the screen stays clean.
 */
export function KioskBar() {
  const mode = useAppState((s) => s.mode);
  const phase = useAppState((s) => s.kiosk);
  const idle = useAppState((s) => s.kioskIdleMs);
  const lang = useAppState((s) => s.lang);
  const resume = useAppState((s) => s.resumeKiosk);
  const pause = useAppState((s) => s.pauseKiosk);
  const stop = useAppState((s) => s.stopKiosk);
  if (mode !== 'kiosk' || phase === 'playing') return null;
  return (
    <div class="kiosk-bar" role="status" data-kiosk={phase}>
      <span>{phase === 'waiting' ? ps(lang, 'kioskWaiting', { seconds: Math.round(idle / 1000) }) : ps(lang, 'kioskPaused')}</span>
      <button type="button" class="small-button" onClick={resume}>
        {ps(lang, 'kioskResume')}
      </button>
      {phase === 'waiting' && (
        <button type="button" class="small-button" onClick={pause}>
          {ps(lang, 'kioskPause')}
        </button>
      )}
      <button type="button" class="small-button" onClick={stop}>
        {ps(lang, 'kioskStop')}
      </button>
    </div>
  );
}
