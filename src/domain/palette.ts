import { schemeBlues, schemeOranges, schemePuOr } from 'd3-scale-chromatic';

export type PaletteName = 'blues' | 'oranges' | 'puor';

const SCHEMES: Record<PaletteName, readonly (readonly string[])[]> = {
  blues: schemeBlues,
  oranges: schemeOranges,
  puor: schemePuOr,
};

/**
 * k colours of a ColorBrewer scheme (colour-blind-safe sequential or diverging). ColorBrewer
 * defines 3–9 classes; fewer than 3 take the darker end of the 3-class scheme so that a single
 * class is still clearly filled.
 */
export function paletteColours(name: PaletteName, k: number): string[] {
  const scheme = SCHEMES[name];
  if (k >= 3) return [...scheme[Math.min(k, 9)]!];
  const three = scheme[3]!;
  return k === 2 ? [three[0]!, three[2]!] : [three[1]!];
}
