import { createStore } from 'zustand/vanilla';
import type { ExportContent, PixelSize } from '../../domain/exportLayout.ts';
import type { CameraView, ViewState } from '../../state/urlState.ts';
import { useStoreSlice } from '../useStoreSlice.ts';

/** A rendered picture, as the map binding returns it. */
export interface RenderedPng {
  blob: Blob;
  width: number;
  height: number;
  /** Set when the device drew the map smaller and it was scaled up to the picture. */
  renderedAt?: PixelSize;
}

/**
 * What the map binding lends the take-away UI. The UI never imports MapLibre (see
 * tests/architecture.test.ts): `src/main.tsx` hands these over once the map exists.
 */
export interface TakeawayServices {
  exportPng: (size: PixelSize, content: ExportContent) => Promise<RenderedPng>;
  /** Shows a view (store and camera) and resolves when the map has drawn it. */
  showView: (view: ViewState) => Promise<void>;
  /** Shows scene `index` of the deck at once, as presenting does, and resolves when it is drawn. */
  showScene: (index: number) => Promise<void>;
  camera: () => CameraView;
  /** The map's size on screen in CSS pixels. */
  viewport: () => PixelSize;
  /** Files the map fetches itself (worker, label fonts), for the pre-flight check. */
  mapAssets: () => { kind: 'worker' | 'font'; url: string }[];
}

interface TakeawayState {
  services: TakeawayServices | null;
  exportOpen: boolean;
  preflightOpen: boolean;
}

/** The export dialog's and the pre-flight screen's own state: UI only, not part of any link. */
export const takeaway = createStore<TakeawayState>()(() => ({ services: null, exportOpen: false, preflightOpen: false }));

export function useTakeaway<T>(selector: (s: TakeawayState) => T): T {
  return useStoreSlice(takeaway, selector);
}

export const setTakeawayServices = (services: TakeawayServices) => takeaway.setState({ services });
export const openExport = (open = true) => takeaway.setState({ exportOpen: open });
export const openPreflight = (open = true) => takeaway.setState({ preflightOpen: open });

// `?preflight` opens the check on load. It is an instruction, not part of the view, so it is taken
// out of the address before the link reader sees it (which would report it as unknown). Here, not
// in Preflight.tsx, which is fetched only once the check is opened.
if (typeof location !== 'undefined' && new URLSearchParams(location.search).has('preflight')) {
  const url = new URL(location.href);
  url.searchParams.delete('preflight');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  openPreflight(true);
}
