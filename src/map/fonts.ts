import { FONT_REGULAR, FONT_SEMIBOLD } from './fontNames.ts';
import notoSans from '../assets/fonts/noto-sans.json';
import regular from '../assets/fonts/noto-sans-400.woff2?url';
import semiBold from '../assets/fonts/noto-sans-600.woff2?url';

// The characters the subset files really hold, read from their cmap by `npm run fonts`
// (geodata/fonts.ts): anything else — arrows, ≤ ≥, button triangles — falls back to a system font.
const RANGE = notoSans.unicodeRange.join(', ');

/** The two Noto Sans files of the bundle, resolved against the page (the build works from any sub-path). */
export function bundledFontUrls(base: string): string[] {
  return [regular, semiBold].map((u) => new URL(u, base).href);
}

/**
 * Registers Noto Sans from the bundle (FontFace API) under the family the page's text uses and
 * under the two names the map's `text-font` uses. The map has no glyph server and no `font-faces`:
 * MapLibre draws each label glyph with the page's own fonts, which the interface has already
 * loaded — one download of one small file per weight, never a remote font, works offline.
 */
export function registerFonts(): void {
  const faces: [family: string, url: string, weight: string][] = [
    ['Noto Sans', regular, '400'],
    ['Noto Sans', semiBold, '600'],
    // MapLibre reads the weight from the name (Regular 400, SemiBold 600); the full weight range
    // keeps the browser from synthesising a bolder face.
    [FONT_REGULAR, regular, '100 900'],
    [FONT_SEMIBOLD, semiBold, '100 900'],
  ];
  for (const [family, url, weight] of faces) {
    document.fonts.add(new FontFace(family, `url(${url}) format('woff2')`, { weight, unicodeRange: RANGE, display: 'swap' }));
  }
}
