/** ColorBrewer schemes marked colour-blind safe: four sequential, three diverging. */
export type SequentialPalette = 'blues' | 'greens' | 'oranges' | 'purples';
export type DivergingPalette = 'puor' | 'brbg' | 'rdbu';
export type PaletteName = SequentialPalette | DivergingPalette;

// ColorBrewer (Cynthia Brewer, Apache 2.0) as d3-scale-chromatic 3.1 ships it, written out here
// because importing d3-scale-chromatic brings every scheme and interpolator into the first view
// (~26 kB); tests/domain/palette.test.ts checks each colour against the package.
const hexes = (s: string) => s.split(' ').map((h) => `#${h}`);

/** The 3- to 9-class scheme of each sequential palette, light to dark. */
const SEQUENTIAL: Record<SequentialPalette, readonly string[]> = {
  blues: [
    'deebf7 9ecae1 3182bd',
    'eff3ff bdd7e7 6baed6 2171b5',
    'eff3ff bdd7e7 6baed6 3182bd 08519c',
    // 6 and 7 classes: ColorBrewer's c6dbef → 9ecae1 step is 4.8 CIEDE2000 under protanopia, below
    // the 5 every neighbouring pair keeps; these take classes of the 9-class scheme instead.
    'f7fbff c6dbef 6baed6 2171b5 08519c 08306b',
    'f7fbff c6dbef 6baed6 4292c6 2171b5 08519c 08306b',
    'f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 084594',
    'f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 08519c 08306b',
  ],
  greens: [
    'e5f5e0 a1d99b 31a354',
    'edf8e9 bae4b3 74c476 238b45',
    'edf8e9 bae4b3 74c476 31a354 006d2c',
    'edf8e9 c7e9c0 a1d99b 74c476 31a354 006d2c',
    'edf8e9 c7e9c0 a1d99b 74c476 41ab5d 238b45 005a32',
    'f7fcf5 e5f5e0 c7e9c0 a1d99b 74c476 41ab5d 238b45 005a32',
    'f7fcf5 e5f5e0 c7e9c0 a1d99b 74c476 41ab5d 238b45 006d2c 00441b',
  ],
  oranges: [
    'fee6ce fdae6b e6550d',
    'feedde fdbe85 fd8d3c d94701',
    'feedde fdbe85 fd8d3c e6550d a63603',
    'feedde fdd0a2 fdae6b fd8d3c e6550d a63603',
    'feedde fdd0a2 fdae6b fd8d3c f16913 d94801 8c2d04',
    'fff5eb fee6ce fdd0a2 fdae6b fd8d3c f16913 d94801 8c2d04',
    'fff5eb fee6ce fdd0a2 fdae6b fd8d3c f16913 d94801 a63603 7f2704',
  ],
  purples: [
    'efedf5 bcbddc 756bb1',
    'f2f0f7 cbc9e2 9e9ac8 6a51a3',
    'f2f0f7 cbc9e2 9e9ac8 756bb1 54278f',
    'f2f0f7 dadaeb bcbddc 9e9ac8 756bb1 54278f',
    'f2f0f7 dadaeb bcbddc 9e9ac8 807dba 6a51a3 4a1486',
    'fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 4a1486',
    'fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 54278f 3f007d',
  ],
};

/** The 11-class scheme of each diverging palette, as its name reads (PuOr: purple first). */
const DIVERGING_11: Record<DivergingPalette, string> = {
  puor: '2d004b 542788 8073ac b2abd2 d8daeb f7f7f7 fee0b6 fdb863 e08214 b35806 7f3b08',
  brbg: '543005 8c510a bf812d dfc27d f6e8c3 f5f5f5 c7eae5 80cdc1 35978f 01665e 003c30',
  rdbu: '67001f b2182b d6604d f4a582 fddbc7 f7f7f7 d1e5f0 92c5de 4393c3 2166ac 053061',
};

/**
 * d3-interpolate's `interpolateRgbBasis`: a uniform cubic B-spline through the colours, per RGB
 * channel, rounded and clamped as d3-color prints it; d3-scale-chromatic's diverging
 * `interpolate*` is this over the 11-class scheme.
 */
function rgbBasis(colours: string[]): (t: number) => string {
  const channels = [0, 1, 2].map((c) => colours.map((h) => parseInt(h.slice(1 + 2 * c, 3 + 2 * c), 16)));
  const n = colours.length - 1;
  const spline = (values: number[], at: number) => {
    const t = Math.max(0, Math.min(1, at));
    const i = t === 1 ? n - 1 : Math.floor(t * n);
    const v1 = values[i]!;
    const v2 = values[i + 1]!;
    const v0 = i > 0 ? values[i - 1]! : 2 * v1 - v2;
    const v3 = i < n - 1 ? values[i + 2]! : 2 * v2 - v1;
    const t1 = (t - i / n) * n;
    const t2 = t1 * t1;
    const t3 = t2 * t1;
    return ((1 - 3 * t1 + 3 * t2 - t3) * v0 + (4 - 6 * t2 + 3 * t3) * v1 + (1 + 3 * t1 + 3 * t2 - 3 * t3) * v2 + t3 * v3) / 6;
  };
  const byte = (v: number) => Math.max(0, Math.min(255, Math.round(v) || 0)).toString(16).padStart(2, '0');
  return (t) => `#${channels.map((values) => byte(spline(values, t))).join('')}`;
}

const interpolate = (name: DivergingPalette) => rgbBasis(hexes(DIVERGING_11[name]));
// Each is turned so that the warm end (orange, brown, red) is below the midpoint: decline warm,
// growth cool.
const puor = interpolate('puor');
const DIVERGING: Record<DivergingPalette, (t: number) => string> = {
  puor: (t) => puor(1 - t),
  brbg: interpolate('brbg'),
  rdbu: interpolate('rdbu'),
};

export const PALETTES: readonly PaletteName[] = ['blues', 'greens', 'oranges', 'purples', 'puor', 'brbg', 'rdbu'];

export function isDiverging(name: PaletteName): name is DivergingPalette {
  return name in DIVERGING;
}

/**
 * k colours of a sequential ColorBrewer scheme, light to dark. ColorBrewer defines 3–9 classes;
 * fewer than 3 take the darker end of the 3-class scheme so that a single class is still clearly
 * filled. A diverging name gives its upper (positive) half.
 */
export function paletteColours(name: PaletteName, k: number): string[] {
  if (isDiverging(name)) return divergingColours(name, 0, k);
  const scheme = SEQUENTIAL[name];
  if (k >= 3) return hexes(scheme[Math.min(k, 9) - 3]!);
  const three = hexes(scheme[0]!);
  return k === 2 ? [three[0]!, three[2]!] : [three[1]!];
}

/** Distance from the scheme's midpoint (0.5) of the lightest class's colour minus one step, and of the darkest. */
export const DIVERGING_INNER = 0.08;
export const DIVERGING_OUTER = 0.5;

/**
 * Colours for `below` classes under a midpoint and `above` classes over it, darkest at the ends
 * and lightest next to the midpoint; both sides step equally, so the same colour distance means
 * the same number of classes from the midpoint on either side. The span 0.08–0.5 (not d3's
 * 0.04–0.46 sampling used before) keeps seven classes on one side at least 5 CIEDE2000 apart for
 * protanopes too: BrBG's light teal end was 4.1 apart (tests/domain/colourVision.test.ts).
 */
export function divergingColours(name: DivergingPalette, below: number, above: number): string[] {
  const steps = Math.max(below, above, 1);
  const at = DIVERGING[name];
  const offset = (classesFromMidpoint: number) => DIVERGING_INNER + ((DIVERGING_OUTER - DIVERGING_INNER) * classesFromMidpoint) / steps;
  const lower = Array.from({ length: below }, (_, i) => at(0.5 - offset(below - i)));
  const upper = Array.from({ length: above }, (_, i) => at(0.5 + offset(i + 1)));
  return [...lower, ...upper];
}
