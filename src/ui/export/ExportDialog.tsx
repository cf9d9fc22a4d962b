import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { useModalDialog } from '../useModalDialog.ts';
import { EXPORT_SIZES, fileSlug, type PixelSize } from '../../domain/exportLayout.ts';
import { textIn } from '../../domain/scenes.ts';
import type { ViewState } from '../../state/urlState.ts';
import { viewStateOf } from '../../state/viewSync.ts';
import { StoreContext, useAppState } from '../context.ts';
import { downloadBlob } from '../download.ts';
import { exportCurrentView, exportViewsAsZip, type ExportView } from './exportViews.ts';
import { ShareLink } from './ShareLink.tsx';
import { tt } from './strings.ts';
import { openExport, openPreflight, useTakeaway } from './takeaway.ts';

type Status = { kind: 'idle' } | { kind: 'working'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/**
 * The Export dialog: the current view as a PNG at 1920×1080 or 3840×2160 (title, legend, source and
 * attribution drawn in), every scene of the deck as PNGs in one ZIP, a link to this view or to a
 * scene with its QR code on demand, and the way to the pre-flight check.
 */
export function ExportDialog() {
  const store = useContext(StoreContext)!;
  const lang = useAppState((s) => s.lang);
  const deck = useAppState((s) => s.deck);
  const deckOrigin = useAppState((s) => s.deckOrigin);
  const open = useTakeaway((s) => s.exportOpen);
  const services = useTakeaway((s) => s.services);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [preview, setPreview] = useState<{ url: string; name: string; width: number; height: number } | null>(null);
  const dialog = useModalDialog(open);
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview.url)), [preview]);

  const busy = status.kind === 'working';
  const exportOne = async (size: PixelSize) => {
    if (!services || busy) return;
    setStatus({ kind: 'working', text: tt(lang, 'working') });
    try {
      const png = await exportCurrentView(services, store, size);
      downloadBlob(png.name, png.blob);
      setPreview({ url: URL.createObjectURL(png.blob), name: png.name, width: png.width, height: png.height });
      const scaled = png.renderedAt ? ` ${tt(lang, 'scaledUp', { w: png.renderedAt.width, h: png.renderedAt.height })}` : '';
      setStatus({ kind: 'done', text: `${tt(lang, 'done')}: ${png.name}.${scaled}` });
    } catch (e) {
      setStatus({ kind: 'error', text: `${tt(lang, 'failed')}: ${(e as Error).message}` });
    }
  };
  const scenes = deck?.scenes ?? [];
  const exportScenes = async (size: PixelSize) => {
    if (!services || busy || scenes.length === 0) return;
    const items: ExportView[] = scenes.map((scene) => {
      const title = textIn(scene.title, lang);
      return { view: scene.view, title, subtitle: textIn(scene.caption, lang), name: fileSlug(title) };
    });
    setStatus({ kind: 'working', text: `${tt(lang, 'workingScenes')} 1 / ${items.length}…` });
    try {
      const zip = await exportViewsAsZip(services, store, items, size, {
        // Each scene as presenting shows it (its notes, hinterland, camera fitted to this screen).
        show: (_, i) => services.showScene(i),
        onProgress: (done, total) => done < total && setStatus({ kind: 'working', text: `${tt(lang, 'workingScenes')} ${done + 1} / ${total}…` }),
      });
      const name = `${fileSlug(textIn(deck!.title, lang))}-${size.width}x${size.height}.zip`;
      downloadBlob(name, zip);
      setStatus({ kind: 'done', text: `${tt(lang, 'done')}: ${name}` });
    } catch (e) {
      setStatus({ kind: 'error', text: `${tt(lang, 'failed')}: ${(e as Error).message}` });
    }
  };
  const links: { label: string; view: ViewState }[] = [
    { label: tt(lang, 'thisView'), view: { ...viewStateOf(store.getState()), ...(services && open ? { camera: services.camera() } : {}) } },
    // The shipped deck is on every device, so `?sc=3` opens its scene (and makes a small QR code);
    // a deck of the user's own is not, so its scene's link carries the whole view instead.
    ...scenes.map((scene, i) => ({ label: `${tt(lang, 'scene')} ${i + 1}: ${textIn(scene.title, lang)}`, view: deckOrigin === 'default' ? { lang, scene: i } : { ...scene.view, lang } })),
  ];

  return (
    <dialog ref={dialog} class="table-dialog takeaway-dialog" aria-labelledby="export-title" onClose={() => openExport(false)}>
      <header class="panel-header">
        <h2 id="export-title">{tt(lang, 'exportTitle')}</h2>
        <button type="button" class="icon-button" aria-label={tt(lang, 'close')} onClick={() => openExport(false)}>
          ×
        </button>
      </header>
      <section class="takeaway-section">
        <h3>{tt(lang, 'picture')}</h3>
        <div class="button-row">
          {EXPORT_SIZES.map((size) => (
            <button key={size.width} type="button" class="small-button primary-button" disabled={!services || busy} onClick={() => void exportOne(size)} data-export={`${size.width}x${size.height}`}>
              {tt(lang, size.width > 2000 ? 'uhd' : 'fullHd')}
            </button>
          ))}
          {scenes.length > 0 && (
            <button type="button" class="small-button" disabled={!services || busy} onClick={() => void exportScenes(EXPORT_SIZES[0]!)} data-export="scenes">
              {tt(lang, 'allScenes')} · {scenes.length}
            </button>
          )}
        </div>
        <p class={`takeaway-status takeaway-${status.kind}`} role="status" aria-live="polite">
          {status.kind === 'idle' ? '' : status.text}
        </p>
        {preview && (
          <figure class="takeaway-preview">
            <img src={preview.url} alt={tt(lang, 'preview')} width={preview.width} height={preview.height} />
            <figcaption>
              <a href={preview.url} download={preview.name}>
                {tt(lang, 'downloadAgain')}
              </a>{' '}
              · {preview.width} × {preview.height}
            </figcaption>
          </figure>
        )}
      </section>
      <section class="takeaway-section">
        <h3>{tt(lang, 'link')}</h3>
        {open && <ShareLink lang={lang} links={links} />}
      </section>
      <section class="takeaway-section">
        <h3>{tt(lang, 'offline')}</h3>
        <button type="button" class="small-button" onClick={() => openPreflight(true)}>
          {tt(lang, 'preflight')}
        </button>
      </section>
    </dialog>
  );
}
