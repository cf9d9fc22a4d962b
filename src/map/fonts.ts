import type { FontFacesSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FONT_REGULAR, FONT_SEMIBOLD } from './fontNames.ts';
import notoSans from '../assets/fonts/noto-sans.json';
import regular from '../assets/fonts/noto-sans-400.woff2?url';
import semiBold from '../assets/fonts/noto-sans-600.woff2?url';

// The characters the subset files really hold, read from their cmap by `npm run fonts`
// (geodata/fonts.ts): anything else — arrows, ≤ ≥, button triangles — falls back to a system font.
const RANGE = notoSans.unicodeRange;

/**
 * The style's `font-faces`: Noto Sans from the app's own bundle (no glyph server, works offline),
 * resolved against the page so the build works from any sub-path.
 */
export function bundledFontFaces(base: string): FontFacesSpecification {
  const abs = (u: string) => new URL(u, base).href;
  return {
    [FONT_REGULAR]: [{ url: abs(regular), 'unicode-range': RANGE }],
    [FONT_SEMIBOLD]: [{ url: abs(semiBold), 'unicode-range': RANGE }],
  };
}

/**
 * Registers the same Noto Sans files for the page's own text (FontFace API), so the interface and
 * the map labels share one download of one small file per weight — never a remote font.
 */
export function registerPageFonts(): void {
  for (const [weight, url] of [['400', regular], ['600', semiBold]] as const) {
    document.fonts.add(new FontFace('Noto Sans', `url(${url}) format('woff2')`, { weight, unicodeRange: RANGE.join(', '), display: 'swap' }));
  }
}
