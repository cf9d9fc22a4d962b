import { fileSlug, type PixelSize } from '../../domain/exportLayout.ts';
import type { AppStore } from '../../state/store.ts';
import type { ViewState } from '../../state/urlState.ts';
import { viewStateOf } from '../../state/viewSync.ts';
import { exportContentOf } from './exportContent.ts';
import type { TakeawayServices } from './takeaway.ts';

/** One picture of a series: a view to show, and optionally its own title, caption and file name. */
export interface ExportView {
  view: ViewState;
  title?: string;
  subtitle?: string;
  name?: string;
}

/** The PNG of what the map shows now, with its content from the store, and a file name for it. */
export async function exportCurrentView(services: TakeawayServices, store: AppStore, size: PixelSize, override: Omit<ExportView, 'view'> = {}) {
  const content = exportContentOf(store.getState(), override);
  if (!content) throw new Error('nothing is mapped yet');
  const png = await services.exportPng(size, content);
  const name = `${override.name ?? fileSlug(content.title)}-${size.width}x${size.height}.png`;
  return { ...png, name };
}

/**
 * Steps through `views` (a deck's scenes, or any list of links' views), exports each as a PNG of
 * `size` and returns them in one ZIP, numbered in order. `show` puts a view on the map and
 * resolves once it is drawn (default: as a shared link would); the view the user had is put back
 * afterwards, also when an export fails. PNGs are stored uncompressed in the ZIP: they already are.
 */
export async function exportViewsAsZip(
  services: TakeawayServices,
  store: AppStore,
  views: readonly ExportView[],
  size: PixelSize,
  options: { show?: (item: ExportView, index: number) => Promise<void>; onProgress?: (done: number, total: number) => void } = {},
): Promise<Blob> {
  const before: ViewState = { ...viewStateOf(store.getState()), camera: services.camera() };
  const show = options.show ?? ((item: ExportView) => services.showView(item.view));
  const files: Record<string, Uint8Array> = {};
  const digits = String(views.length).length;
  try {
    for (const [i, item] of views.entries()) {
      await show(item, i);
      const png = await exportCurrentView(services, store, size, item);
      files[`${String(i + 1).padStart(digits, '0')}-${png.name}`] = new Uint8Array(await png.blob.arrayBuffer());
      options.onProgress?.(i + 1, views.length);
    }
  } finally {
    await services.showView(before);
  }
  const { zipSync } = await import('fflate');
  return new Blob([zipSync(files, { level: 0 }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}
