import {
  interpolateBrBG,
  interpolatePuOr,
  interpolateRdBu,
  schemeBlues,
  schemeGreens,
  schemeOranges,
  schemePurples,
} from 'd3-scale-chromatic';

/** ColorBrewer schemes marked colour-blind safe: four sequential, three diverging. */
export type SequentialPalette = 'blues' | 'greens' | 'oranges' | 'purples';
export type DivergingPalette = 'puor' | 'brbg' | 'rdbu';
export type PaletteName = SequentialPalette | DivergingPalette;

const SEQUENTIAL: Record<SequentialPalette, readonly (readonly string[])[]> = {
  blues: schemeBlues,
  greens: schemeGreens,
  oranges: schemeOranges,
  purples: schemePurples,
};
// d3 orders a diverging scheme as its name reads (PuOr: purple at 0). Each is turned so that the
// warm end (orange, brown, red) is below the midpoint: decline warm, growth cool.
const DIVERGING: Record<DivergingPalette, (t: number) => string> = {
  puor: (t) => interpolatePuOr(1 - t),
  brbg: interpolateBrBG,
  rdbu: interpolateRdBu,
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
  if (k >= 3) return [...scheme[Math.min(k, 9)]!];
  const three = scheme[3]!;
  return k === 2 ? [three[0]!, three[2]!] : [three[1]!];
}

/**
 * Colours for `below` classes under a midpoint and `above` classes over it, darkest at the ends
 * and lightest next to the midpoint; both sides step equally, so the same colour distance means
 * the same number of classes from the midpoint on either side.
 */
export function divergingColours(name: DivergingPalette, below: number, above: number): string[] {
  const steps = Math.max(below, above, 1);
  const at = (t: number) => toHex(DIVERGING[name](t));
  const lower = Array.from({ length: below }, (_, i) => at(0.5 - (0.42 * (below - i)) / steps - 0.04));
  const upper = Array.from({ length: above }, (_, i) => at(0.5 + (0.42 * (i + 1)) / steps + 0.04));
  return [...lower, ...upper];
}

/** d3's interpolators return "rgb(r, g, b)"; the map and CSS take hex. */
function toHex(rgb: string): string {
  const m = /rgb\((\d+), (\d+), (\d+)\)/.exec(rgb);
  if (!m) return rgb;
  return `#${m
    .slice(1, 4)
    .map((v) => Number(v).toString(16).padStart(2, '0'))
    .join('')}`;
}
