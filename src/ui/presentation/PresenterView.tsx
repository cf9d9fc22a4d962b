import { useEffect, useMemo, useState } from 'preact/hooks';
import { textIn } from '../../domain/scenes.ts';
import { keyCommand, PRESENTER_CHANNEL, sceneTitle, type PresentCommand, type PresentStatus, type PresenterMessage, type ScenePictures } from '../../state/presenterChannel.ts';
import { useAppState } from '../context.ts';
import { formatElapsed, isTyping } from './screen.ts';
import { ps } from './strings.ts';

/** A scene's picture as the audience window last drew it, or a line saying when it will come. */
function ScenePicture({ status, index, pictures, lang }: { status: PresentStatus; index: number; pictures: Readonly<Record<string, string>>; lang: PresentStatus['lang'] }) {
  const scene = status.scenes[index];
  if (!scene) return null;
  const url = pictures[scene.picture];
  return url ? (
    <img class="presenter-picture" src={url} alt={`${ps(lang, 'picture')}: ${textIn(scene.title, lang)}`} data-picture={index} />
  ) : (
    <div class="presenter-picture presenter-picture-missing" data-picture-missing={index}>
      {ps(lang, 'noPicture')}
    </div>
  );
}

/**
 * The speaker's second window: the current scene's notes, the elapsed time and the clock, the
 * current and next scenes' titles and pictures, and buttons (and the same clicker keys) that drive
 * the audience window over a BroadcastChannel. It has no map of its own: the pictures are taken
 * by the audience window when it draws a scene.
 */
export function PresenterView() {
  const ownLang = useAppState((s) => s.lang);
  const [status, setStatus] = useState<PresentStatus | null>(null);
  const [pictures, setPictures] = useState<Readonly<Record<string, string>>>({});
  const [now, setNow] = useState(() => Date.now());
  const channel = useMemo(() => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(PRESENTER_CHANNEL)), []);
  const send = (command: PresentCommand) => channel?.postMessage({ type: 'command', command } satisfies PresenterMessage);
  useEffect(() => {
    if (!channel) return;
    const onMessage = (e: MessageEvent<PresentStatus | ScenePictures>) => {
      if (e.data?.type === 'status') setStatus(e.data);
      else if (e.data?.type === 'pictures') setPictures(e.data.pictures);
    };
    channel.addEventListener('message', onMessage);
    channel.postMessage({ type: 'hello' } satisfies PresenterMessage);
    return () => channel.close();
  }, [channel]);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
      const command = keyCommand(e.key);
      if (!command || command.kind === 'stop') return;
      e.preventDefault();
      send(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const lang = status?.lang ?? ownLang;
  useEffect(() => {
    document.title = ps(lang, 'presenterTitle');
  });
  const index = status?.index ?? null;
  const scene = status && index !== null ? status.scenes[index] : undefined;
  const nextIndex = index === null ? 0 : index + 1;
  const notes = scene ? textIn(scene.notes, lang) : '';
  return (
    <div class="presenter" data-presenter="true">
      <header class="presenter-head">
        <h1>{ps(lang, 'presenterTitle')}</h1>
        <span class="presenter-time">
          <span class="presenter-label">{ps(lang, 'elapsed')}</span>
          <span data-elapsed="true">{status?.startedAt ? formatElapsed(now - status.startedAt) : '00:00'}</span>
        </span>
        <span class="presenter-clock">
          <span class="presenter-label">{ps(lang, 'clock')}</span>
          <span>{new Date(now).toLocaleTimeString(lang === 'lv' ? 'lv-LV' : 'en-GB', { hour: '2-digit', minute: '2-digit' })}</span>
        </span>
      </header>
      {!status && <p class="presenter-wait">{ps(lang, 'waitingForAudience')}</p>}
      {status && status.mode === 'explore' && <p class="presenter-wait">{ps(lang, 'notPresenting')}</p>}
      {status && (
        <>
          <section class="presenter-current" aria-live="polite">
            <div class="presenter-label">
              {ps(lang, 'currentScene')} {index !== null && `· ${ps(lang, 'sceneOf', { n: index + 1, count: status.count })}`} {status.blank && `· ${ps(lang, 'blank')}`}
            </div>
            <h2 data-current="true">{sceneTitle(status, index, lang) || '—'}</h2>
            {index !== null && <ScenePicture status={status} index={index} pictures={pictures} lang={lang} />}
            {scene && <p class="presenter-caption">{textIn(scene.caption, lang)}</p>}
          </section>
          <section class="presenter-notes" aria-label={ps(lang, 'notes')}>
            {notes ? notes.split(/\n+/).map((p, i) => <p key={i}>{p}</p>) : <p class="presenter-muted">{ps(lang, 'noNotes')}</p>}
            {status.sceneNotes.length > 0 && (
              <ul class="presenter-problems">
                {status.sceneNotes.map((n) => (
                  <li key={n.en}>{n[lang]}</li>
                ))}
              </ul>
            )}
          </section>
          <section class="presenter-next">
            <div class="presenter-label">{ps(lang, 'nextScene')}</div>
            <h3 data-next="true">{sceneTitle(status, nextIndex, lang) || ps(lang, 'endOfDeck')}</h3>
            <ScenePicture status={status} index={nextIndex} pictures={pictures} lang={lang} />
            {status.mode !== 'explore' && status.scenes.some((x) => !pictures[x.picture]) && (
              <button type="button" class="presenter-prepare" title={ps(lang, 'preparePicturesHint')} onClick={() => send({ kind: 'pictures' })}>
                {ps(lang, 'preparePictures')}
              </button>
            )}
          </section>
          <nav class="presenter-buttons">
            <button type="button" onClick={() => send({ kind: 'previous' })}>
              ◀ {ps(lang, 'previous')}
            </button>
            <button type="button" class="presenter-primary" onClick={() => send({ kind: 'next' })}>
              {ps(lang, 'next')} ▶
            </button>
            <button type="button" aria-pressed={status.blank} onClick={() => send({ kind: 'blank' })}>
              {ps(lang, 'blank')}
            </button>
            <button type="button" onClick={() => send({ kind: 'return' })}>
              {ps(lang, 'returnToScene')}
            </button>
            <button type="button" aria-pressed={status.projector} onClick={() => send({ kind: 'projector' })}>
              {ps(lang, 'projector')}
            </button>
          </nav>
          <ol class="presenter-list">
            {status.scenes.map((s, i) => (
              <li key={i} aria-current={i === index ? 'step' : undefined}>
                <button type="button" onClick={() => send({ kind: 'goto', index: i })}>
                  {i + 1}. {textIn(s.title, lang)}
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
