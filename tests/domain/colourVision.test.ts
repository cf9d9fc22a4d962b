import { describe, expect, it } from 'vitest';
import { MAX_CLASSES } from '../../src/domain/classify.ts';
import { deltaE2000, perceivedDifference, simulate, weakestStep } from '../../src/domain/colourVision.ts';
import { divergingColours, isDiverging, paletteColours, PALETTES, type DivergingPalette } from '../../src/domain/palette.ts';

describe('CIEDE2000', () => {
  // Sharma, Wu & Dalal (2005), test data pairs 1, 7, 17 and 25.
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  ] as const)('%j vs %j is %f', (a, b, expected) => {
    expect(deltaE2000([...a], [...b])).toBeCloseTo(expected, 4);
  });
});

describe('simulated dichromacy', () => {
  it('makes red and green hard to tell apart for protanopes and deuteranopes, not for tritanopes', () => {
    const normal = perceivedDifference('#d62728', '#2ca02c', 'normal');
    expect(perceivedDifference('#d62728', '#2ca02c', 'protanopia')).toBeLessThan(normal / 2);
    expect(perceivedDifference('#d62728', '#2ca02c', 'deuteranopia')).toBeLessThan(normal / 2);
    expect(perceivedDifference('#d62728', '#2ca02c', 'tritanopia')).toBeGreaterThan(normal / 2);
  });
  it('leaves greys grey', () => {
    for (const v of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      const [r, g, b] = simulate('#808080', v);
      expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(0.01);
    }
  });
});

// Every ramp the map can draw: sequential 1–7 classes; diverging with the midpoint as an added
// break (both sides, up to 8 in all) or outside the data (one side, up to 7).
const MIN_STEP = 5;
describe('every palette at every class count', () => {
  const ramps: [string, string[]][] = [];
  for (const name of PALETTES) {
    if (!isDiverging(name)) {
      for (let k = 2; k <= MAX_CLASSES; k++) ramps.push([`${name} ${k}`, paletteColours(name, k)]);
      continue;
    }
    for (let below = 0; below <= MAX_CLASSES + 1; below++) {
      for (let above = 0; above <= MAX_CLASSES + 1; above++) {
        const total = below + above;
        const reachable = below > 0 && above > 0 ? total <= MAX_CLASSES + 1 : total <= MAX_CLASSES;
        if (total >= 2 && reachable) ramps.push([`${name} ${below}/${above}`, divergingColours(name as DivergingPalette, below, above)]);
      }
    }
  }
  it.each(ramps)(`%s keeps neighbouring classes ${MIN_STEP} ΔE2000 apart for every vision`, (_, colours) => {
    const weakest = weakestStep(colours);
    expect(weakest.delta, `${weakest.vision}, classes ${weakest.at - 1} and ${weakest.at}`).toBeGreaterThanOrEqual(MIN_STEP);
  });
});
