import { useAppState } from '../context.ts';
import { enterFullscreen, openPresenterWindow } from './screen.ts';
import { ps } from './strings.ts';

/**
 * The sidebar card that starts a presentation (full screen, from the current scene), the kiosk
 * loop or the presenter window, opens the scene editor, and switches the projector theme.
 */
export function ScenesCard() {
  const lang = useAppState((s) => s.lang);
  const count = useAppState((s) => s.deck?.scenes.length ?? 0);
  const projector = useAppState((s) => s.projectorTheme);
  const startPresenting = useAppState((s) => s.startPresenting);
  const startKiosk = useAppState((s) => s.startKiosk);
  const setEditorOpen = useAppState((s) => s.setEditorOpen);
  const toggleProjector = useAppState((s) => s.toggleProjector);
  return (
    <section class="scenes-card" aria-label={ps(lang, 'presentation')}>
      <div class="button-row">
        <button
          type="button"
          class="small-button present-button"
          disabled={count === 0}
          title={ps(lang, 'presentHint')}
          onClick={() => {
            enterFullscreen();
            startPresenting();
          }}
        >
          ▶ {ps(lang, 'present')}
        </button>
        <button type="button" class="small-button" onClick={() => setEditorOpen(true)}>
          {ps(lang, 'scenes')} ({count})
        </button>
        <button
          type="button"
          class="small-button stage-only"
          disabled={count === 0}
          title={ps(lang, 'kioskHint')}
          onClick={() => {
            enterFullscreen();
            startKiosk();
          }}
        >
          {ps(lang, 'kiosk')}
        </button>
        <button type="button" class="small-button stage-only" title={ps(lang, 'presenterViewHint')} onClick={() => openPresenterWindow(lang)}>
          {ps(lang, 'presenterView')}
        </button>
      </div>
      <label class="control control-check stage-only">
        <input type="checkbox" checked={projector} onChange={toggleProjector} />
        {ps(lang, 'projector')}
      </label>
    </section>
  );
}
