import type { FontFacesSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FONT_REGULAR, FONT_SEMIBOLD } from './fontNames.ts';
import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latin600 from '@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url';
import latinExt600 from '@fontsource/noto-sans/files/noto-sans-latin-ext-600-normal.woff2?url';

// Ranges as @fontsource/noto-sans declares them: latin-ext carries ā č ē ģ ī ķ ļ ņ š ū ž.
const LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+0304', 'U+0308', 'U+0329', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'];
const LATIN_EXT = ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+1EF2-1EFF', 'U+2020', 'U+20A0-20AB', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'];


/**
 * The style's `font-faces`: Noto Sans from the app's own bundle (no glyph server, works offline),
 * resolved against the page so the build works from any sub-path.
 */
export function bundledFontFaces(base: string): FontFacesSpecification {
  const abs = (u: string) => new URL(u, base).href;
  return {
    [FONT_REGULAR]: [
      { url: abs(latin400), 'unicode-range': LATIN },
      { url: abs(latinExt400), 'unicode-range': LATIN_EXT },
    ],
    [FONT_SEMIBOLD]: [
      { url: abs(latin600), 'unicode-range': LATIN },
      { url: abs(latinExt600), 'unicode-range': LATIN_EXT },
    ],
  };
}

/**
 * Registers the same Noto Sans files for the page's own text (FontFace API), so the interface and
 * the map labels share one download and only the Latin subsets Latvian and English need are
 * fetched — never a remote font.
 */
export function registerPageFonts(): void {
  const faces: [string, string, string[]][] = [
    ['400', latin400, LATIN],
    ['400', latinExt400, LATIN_EXT],
    ['600', latin600, LATIN],
    ['600', latinExt600, LATIN_EXT],
  ];
  for (const [weight, url, ranges] of faces) {
    document.fonts.add(new FontFace('Noto Sans', `url(${url}) format('woff2')`, { weight, unicodeRange: ranges.join(', '), display: 'swap' }));
  }
}
