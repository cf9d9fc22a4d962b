import { useContext, useEffect, useState } from 'preact/hooks';
import { deckToJson, newSceneId, textIn, type Scene } from '../../domain/scenes.ts';
import type { Bilingual } from '../../domain/bilingual.ts';
import { fetchDefaultDeck, readDeck } from '../../state/deckStorage.ts';
import { sceneFromState, sceneViewOf } from '../../state/sceneView.ts';
import type { AppStore } from '../../state/store.ts';
import type { ViewState } from '../../state/urlState.ts';
import { StoreContext, useAppState } from '../context.ts';
import { InLanguage } from '../OriginalText.tsx';
import { useModalDialog } from '../useModalDialog.ts';
import { downloadText } from '../download.ts';
import { ps } from './strings.ts';

type Message = { kind: 'ok' | 'error'; text: Bilingual };

const TEXT_FIELDS = [
  ['title', 'lv', 'titleLv', 'input'],
  ['title', 'en', 'titleEn', 'input'],
  ['caption', 'lv', 'captionLv', 'textarea'],
  ['caption', 'en', 'captionEn', 'textarea'],
  ['notes', 'lv', 'notesLv', 'textarea'],
  ['notes', 'en', 'notesEn', 'textarea'],
] as const;

/** The form of one scene: its six texts, the key-facts switch, and "take the current view". */
function SceneForm({ scene, store }: { scene: Scene<ViewState>; store: AppStore }) {
  const lang = useAppState((s) => s.lang);
  const edit = useAppState((s) => s.editScene);
  const takeView = () => {
    const s = store.getState();
    const frame = s.captureFrame();
    edit(scene.id, { view: sceneViewOf(s, frame?.camera ?? null), keyFacts: s.keyFactsOpen && !s.selection, ...(frame ? { viewport: frame.viewport } : {}) });
  };
  return (
    <div class="scene-form">
      {TEXT_FIELDS.map(([field, l, label, tag]) => {
        const props = {
          value: scene[field][l],
          lang: l,
          maxLength: field === 'notes' ? 5000 : field === 'caption' ? 500 : 140,
          onInput: (e: Event) => edit(scene.id, { [field]: { ...scene[field], [l]: (e.currentTarget as HTMLInputElement).value } }),
        };
        return (
          <label class="control" key={label}>
            <span class="control-label">{ps(lang, label)}</span>
            {tag === 'input' ? <input type="text" {...props} /> : <textarea rows={field === 'notes' ? 3 : 2} {...props} />}
          </label>
        );
      })}
      <label class="control control-check">
        <input type="checkbox" checked={!!scene.keyFacts} onChange={(e) => edit(scene.id, { keyFacts: e.currentTarget.checked })} />
        {ps(lang, 'withKeyFacts')}
      </label>
      <button type="button" class="small-button" onClick={takeView}>
        {ps(lang, 'takeView')}
      </button>
    </div>
  );
}

/**
 * The "Scenes" dialog: the deck as a list to open, reorder, edit and delete; a new scene from the
 * current view; export and import of the deck as a JSON file (a bad file is refused with the
 * reason and changes nothing); and a reset to the shipped deck.
 */
export function SceneEditor() {
  const store = useContext(StoreContext)!;
  const open = useAppState((s) => s.editorOpen);
  const setOpen = useAppState((s) => s.setEditorOpen);
  const deck = useAppState((s) => s.deck);
  const lang = useAppState((s) => s.lang);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const dialog = useModalDialog(open);
  useEffect(() => {
    if (!open) setMessage(null);
  }, [open]);
  const scenes = deck?.scenes ?? [];
  const s = store.getState();
  const add = () => {
    const state = store.getState();
    const frame = state.captureFrame();
    const scene = sceneFromState(state, newSceneId(state.deck ?? { title: { lv: '', en: '' }, scenes: [] }), frame?.camera ?? null, frame?.viewport ?? null);
    state.addScene(scene);
    setEditing(scene.id);
  };
  const openScene = (i: number) => {
    setOpen(false);
    store.getState().goToScene(i);
  };
  const remove = (scene: Scene<ViewState>) => {
    if (confirm(ps(lang, 'confirmDelete', { title: textIn(scene.title, lang) }))) s.deleteScene(scene.id);
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const result = readDeck(await file.text());
    if (!result.ok) return setMessage({ kind: 'error', text: { lv: `${ps('lv', 'importRejected')}: ${result.reason.lv}`, en: `${ps('en', 'importRejected')}: ${result.reason.en}` } });
    store.getState().setDeck(result.value, 'user');
    setEditing(null);
    setMessage({ kind: 'ok', text: { lv: ps('lv', 'imported', { n: result.value.scenes.length }), en: ps('en', 'imported', { n: result.value.scenes.length }) } });
  };
  const reset = async () => {
    if (!confirm(ps(lang, 'confirmReset'))) return;
    const result = await fetchDefaultDeck(document.baseURI);
    if (result.ok) store.getState().setDeck(result.value, 'default');
    else setMessage({ kind: 'error', text: result.reason });
  };
  return (
    <dialog ref={dialog} class="table-dialog scene-editor" aria-labelledby="scene-editor-title" onClose={() => setOpen(false)}>
      <header class="panel-header">
        <h2 id="scene-editor-title">{ps(lang, 'editorTitle')}</h2>
        <button type="button" class="icon-button" onClick={() => setOpen(false)} aria-label={ps(lang, 'close')}>
          ×
        </button>
      </header>
      {scenes.length === 0 && <p class="muted">{ps(lang, 'noScenes')}</p>}
      <ol class="scene-list">
        {scenes.map((scene, i) => (
          <li key={scene.id} class="scene-row" data-scene={scene.id}>
            <div class="scene-row-head">
              <span class="scene-row-title">
                <InLanguage text={scene.title} lang={lang} />
              </span>
              <span class="button-row">
                <button type="button" class="small-button" onClick={() => openScene(i)}>
                  {ps(lang, 'open')}
                </button>
                <button type="button" class="small-button" onClick={() => s.moveSceneTo(scene.id, i - 1)} disabled={i === 0} aria-label={`${ps(lang, 'moveUp')}: ${textIn(scene.title, lang)}`}>
                  ↑
                </button>
                <button type="button" class="small-button" onClick={() => s.moveSceneTo(scene.id, i + 1)} disabled={i === scenes.length - 1} aria-label={`${ps(lang, 'moveDown')}: ${textIn(scene.title, lang)}`}>
                  ↓
                </button>
                <button type="button" class="small-button" aria-expanded={editing === scene.id} onClick={() => setEditing(editing === scene.id ? null : scene.id)}>
                  {ps(lang, editing === scene.id ? 'done' : 'edit')}
                </button>
                <button type="button" class="small-button" onClick={() => remove(scene)} aria-label={`${ps(lang, 'delete')}: ${textIn(scene.title, lang)}`}>
                  {ps(lang, 'delete')}
                </button>
              </span>
            </div>
            {editing === scene.id && <SceneForm scene={scene} store={store} />}
          </li>
        ))}
      </ol>
      <div class="button-row scene-editor-actions">
        <button type="button" class="small-button" onClick={add}>
          + {ps(lang, 'addScene')}
        </button>
        <button type="button" class="small-button" disabled={!deck || scenes.length === 0} onClick={() => deck && downloadText('ainas-scenes.json', deckToJson(deck), 'application/json')}>
          {ps(lang, 'exportDeck')}
        </button>
        <label class="small-button file-button">
          {ps(lang, 'importDeck')}
          <input type="file" accept=".json,application/json" class="visually-hidden" onChange={(e) => void importFile(e.currentTarget)} />
        </label>
        <button type="button" class="small-button" onClick={() => void reset()}>
          {ps(lang, 'resetDeck')}
        </button>
      </div>
      {message && (
        <p class={message.kind === 'error' ? 'control-error scene-message' : 'scene-message'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text[lang]}
        </p>
      )}
      <p class="legend-note">{ps(lang, 'keysHelp')}</p>
    </dialog>
  );
}
