import { useLayoutEffect, useRef } from 'preact/hooks';
import { hasText, InLanguage } from '../OriginalText.tsx';
import { selectAudienceView, selectCurrentScene } from '../../state/presentationSlice.ts';
import { useAppState } from '../context.ts';
import { ps } from './strings.ts';

/**
 * The scene on screen: its number, title and caption, and a note for anything the data no longer
 * have. Before an audience it is large and has no buttons; while exploring it is a small card
 * with previous, next, back-to-the-scene and close.
 */
export function SceneOverlay() {
  const scene = useAppState(selectCurrentScene);
  const index = useAppState((s) => s.sceneIndex);
  const count = useAppState((s) => s.deck?.scenes.length ?? 0);
  const notes = useAppState((s) => s.sceneNotes);
  const lang = useAppState((s) => s.lang);
  const audience = useAppState(selectAudienceView);
  const mode = useAppState((s) => s.mode);
  const previous = useAppState((s) => s.previousScene);
  const next = useAppState((s) => s.nextScene);
  const back = useAppState((s) => s.returnToScene);
  const close = useAppState((s) => s.closeScene);
  const box = useRef<HTMLElement>(null);
  // The caption's height as --stage-caption-h: on the stage the legend card ends above it instead
  // of running behind it (app.css), and scrolls when it has more to say.
  useLayoutEffect(() => {
    const el = box.current;
    const root = document.documentElement.style;
    if (!el || !audience) {
      root.removeProperty('--stage-caption-h');
      return;
    }
    const measure = () => root.setProperty('--stage-caption-h', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.removeProperty('--stage-caption-h');
    };
  }, [audience, scene]);
  if (!scene || index === null) return null;
  return (
    <section ref={box} class={`scene-caption ${audience ? 'scene-caption-stage' : ''}`} aria-labelledby="scene-title" data-scene={scene.id}>
      <div class="scene-count">{ps(lang, 'sceneOf', { n: index + 1, count })}</div>
      <h2 id="scene-title" class="scene-title" aria-live="polite">
        <InLanguage text={scene.title} lang={lang} />
      </h2>
      {hasText(scene.caption) && (
        <p class="scene-text">
          <InLanguage text={scene.caption} lang={lang} />
        </p>
      )}
      {notes.length > 0 && (
        <div class="scene-notes" role="note">
          <strong>{ps(lang, 'missingData')}:</strong>
          <ul>
            {notes.map((n) => (
              <li key={n.en}>{n[lang]}</li>
            ))}
          </ul>
        </div>
      )}
      {!audience && mode === 'explore' && (
        <div class="scene-nav">
          <button type="button" class="small-button" onClick={previous} disabled={index === 0} aria-label={ps(lang, 'previous')}>
            ‹
          </button>
          <button type="button" class="small-button" onClick={next} disabled={index >= count - 1} aria-label={ps(lang, 'next')}>
            ›
          </button>
          <button type="button" class="small-button" onClick={back}>
            {ps(lang, 'returnToScene')}
          </button>
          <button type="button" class="small-button" onClick={close}>
            {ps(lang, 'closeScene')}
          </button>
        </div>
      )}
    </section>
  );
}
