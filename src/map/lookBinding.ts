import type * as maplibregl from 'maplibre-gl';
import type { Lang } from '../domain/format.ts';
import { selectProjector } from '../state/presentationSlice.ts';
import type { AppStore } from '../state/store.ts';
import { styleReadiness, type MapBinding } from './binding.ts';
import { EXPORTING_ATTR } from './settled.ts';
import { PROJECTOR_HOVER_WIDTH, PROJECTOR_THEME, repaintTheme } from './projectorTheme.ts';
import { HOVER_WIDTH, LABEL_LAYERS, nameField } from './style.ts';
import { LIGHT_THEME, type Theme } from '../domain/theme.ts';
import { uiScale } from './view.ts';

/** How the map looks now, and what to tell when it changes. */
export interface LookBinding extends MapBinding {
  theme: () => Theme;
  /** How much the screen-pixel sizes grow on this screen (screenScale.ts). */
  screenScale: () => number;
  /** The hover outline's colour and width for the theme and screen (hoverOutline.ts). */
  outlineStyle: () => { colour: string; width: number };
}

/** Says what the map's canvas is, in the reader's language. */
function describeCanvas(canvas: HTMLCanvasElement, lang: Lang) {
  canvas.setAttribute('aria-label', lang === 'lv' ? 'Latvijas pašvaldību un valstspilsētu karte' : 'Map of Latvian municipalities and state cities');
}

/**
 * The map's look: the theme (light, or the projector's when presenting with it), the screen's size
 * class (labels, lines and symbols grow on a 4K screen) and the language of its labels. Language is
 * a layout property only. A theme or size change repaints the base layers and then calls
 * `onRepainted(what)`, so the bindings whose paint depends on it send theirs again.
 */
export function bindLook(map: maplibregl.Map, store: AppStore, initial: Theme, onRepainted: (what: 'theme' | 'scale') => void): LookBinding {
  const container = map.getContainer();
  const canvas = map.getCanvas();
  const whenStyleReady = styleReadiness(map);
  let theme = initial;
  let screenScale = uiScale(container.clientWidth);
  describeCanvas(canvas, store.getState().lang);
  const applyLang = () => {
    const { lang } = store.getState();
    for (const id of LABEL_LAYERS) map.setLayoutProperty(id, 'text-field', nameField(lang));
    describeCanvas(canvas, lang);
  };
  const unsubscribe = store.subscribe((next, prev) => {
    if (next.lang !== prev.lang) whenStyleReady(applyLang);
    // Projector theme on or off: repaint the base layers, then the data colours of the new theme.
    if (selectProjector(next) !== selectProjector(prev)) {
      whenStyleReady(() => {
        theme = selectProjector(store.getState()) ? PROJECTOR_THEME : LIGHT_THEME;
        repaintTheme(map, theme, store.getState().lang, screenScale);
        onRepainted('theme');
      });
    }
  });
  // A window moved to a screen of another size class (a laptop plugged into a 4K projector); not
  // while a PNG export lays the map out at the picture's size for a moment.
  const onResize = () => {
    if (container.hasAttribute(EXPORTING_ATTR)) return;
    const next = uiScale(container.clientWidth);
    if (next === screenScale) return;
    screenScale = next;
    whenStyleReady(() => {
      repaintTheme(map, theme, store.getState().lang, screenScale);
      onRepainted('scale');
    });
  };
  map.on('resize', onResize);
  return {
    theme: () => theme,
    screenScale: () => screenScale,
    outlineStyle: () => ({ colour: theme.hover, width: (theme === PROJECTOR_THEME ? PROJECTOR_HOVER_WIDTH : HOVER_WIDTH) * screenScale }),
    unbind: () => {
      unsubscribe();
      map.off('resize', onResize);
    },
    // Layout and paint survive a restored context (MapLibre keeps the style); nothing to send.
    resend: () => undefined,
  };
}
