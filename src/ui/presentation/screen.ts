import type { Lang } from '../../domain/format.ts';

/** Whether this window is the presenter's second window (`?presenter=1`), which shows no map. */
export const PRESENTER_WINDOW = typeof location !== 'undefined' && new URLSearchParams(location.search).has('presenter');

/** Asks for full screen; must run inside a click or key handler. A refusal is not an error. */
export function enterFullscreen(): void {
  const el = document.documentElement;
  if (!document.fullscreenElement && el.requestFullscreen) el.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
}

export function leaveFullscreen(): void {
  if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => undefined);
}

/** Opens (or brings forward) the presenter window of this app, in the same language. */
export function openPresenterWindow(lang: Lang): Window | null {
  const url = `${location.pathname}?presenter=1&lang=${lang}`;
  const w = window.open(url, 'state-cities-presenter', 'popup=yes,width=1100,height=720');
  w?.focus();
  return w;
}

/** Whether a key event is typing into a form field, where presenter keys must not act. */
export function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
}

/** mm:ss (or h:mm:ss) of a duration in milliseconds. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
