import * as d3 from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { DIVERGING_INNER, DIVERGING_OUTER, divergingColours, paletteColours, type DivergingPalette, type SequentialPalette } from '../../src/domain/palette.ts';

// palette.ts writes ColorBrewer out instead of importing d3-scale-chromatic (which would bring
// every scheme into the first view); these check it against the package, colour by colour.
const toHex = (rgb: string) => `#${/rgb\((\d+), (\d+), (\d+)\)/.exec(rgb)!.slice(1, 4).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;

describe('palettes', () => {
  const sequential: Record<SequentialPalette, readonly (readonly string[])[]> = { blues: d3.schemeBlues, greens: d3.schemeGreens, oranges: d3.schemeOranges, purples: d3.schemePurples };
  // Blues at 6 and 7 classes take classes of the 9-class scheme (colour-vision spacing).
  const nineClassPicks: Partial<Record<string, Record<number, number[]>>> = { blues: { 6: [0, 2, 4, 6, 7, 8], 7: [0, 2, 4, 5, 6, 7, 8] } };
  it.each(Object.entries(sequential))('%s has the ColorBrewer colours for 3 to 9 classes', (name, scheme) => {
    for (let k = 3; k <= 9; k++) {
      const picks = nineClassPicks[name]?.[k];
      expect(paletteColours(name as SequentialPalette, k)).toEqual(picks ? picks.map((i) => scheme[9]![i]) : scheme[k]);
    }
    expect(paletteColours(name as SequentialPalette, 2)).toEqual([scheme[3]![0], scheme[3]![2]]);
  });

  const diverging: Record<DivergingPalette, (t: number) => string> = { puor: (t) => d3.interpolatePuOr(1 - t), brbg: d3.interpolateBrBG, rdbu: d3.interpolateRdBu };
  it.each(Object.entries(diverging))('%s interpolates as d3 does', (name, interpolate) => {
    for (let below = 0; below <= 7; below++) {
      for (let above = 0; above <= 7; above++) {
        const steps = Math.max(below, above, 1);
        const expected = [
          ...Array.from({ length: below }, (_, i) => toHex(interpolate(0.5 - DIVERGING_INNER - ((DIVERGING_OUTER - DIVERGING_INNER) * (below - i)) / steps))),
          ...Array.from({ length: above }, (_, i) => toHex(interpolate(0.5 + DIVERGING_INNER + ((DIVERGING_OUTER - DIVERGING_INNER) * (i + 1)) / steps))),
        ];
        expect(divergingColours(name as DivergingPalette, below, above)).toEqual(expected);
      }
    }
  });
});
