import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColour, relativeLuminance } from '../../src/domain/contrast.ts';

describe('WCAG contrast', () => {
  it('gives the extremes and known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    // The classic AA boundary: #767676 on white is 4.54.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('is symmetric and lays a translucent background over its base', () => {
    expect(contrastRatio('#1b1b1b', '#d7e4ee')).toBeCloseTo(contrastRatio('#d7e4ee', '#1b1b1b'), 10);
    expect(contrastRatio('#000', 'rgba(255,255,255,0)', '#000')).toBeCloseTo(1, 5);
    expect(contrastRatio('#000', 'rgba(255,255,255,0.5)', '#000')).toBeGreaterThan(4);
  });

  it('reads hex and rgb(a) colours and nothing else', () => {
    expect(parseColour('#0a0B0c')).toEqual({ r: 10, g: 11, b: 12, a: 1 });
    expect(parseColour('rgba(1, 2, 3, 0.5)')).toEqual({ r: 1, g: 2, b: 3, a: 0.5 });
    expect(parseColour('red')).toBeNull();
    expect(() => contrastRatio('red', '#fff')).toThrow(/not a colour: red/);
    expect(relativeLuminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1, 10);
  });
});
