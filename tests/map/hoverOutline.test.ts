import { describe, expect, it } from 'vitest';
import { outlinePath } from '../../src/map/hoverOutline.ts';

const project = ([lon, lat]: [number, number]) => ({ x: lon * 10, y: -lat * 10 });

describe('the hover outline path', () => {
  it('draws every ring of a polygon on screen, closed, to a quarter pixel', () => {
    const d = outlinePath({ type: 'Polygon', coordinates: [[[0, 0], [1.01, 0], [1.01, 1], [0, 0]], [[0.2, 0.2], [0.3, 0.2], [0.3, 0.3], [0.2, 0.2]]] }, project);
    expect(d).toBe('M0,0L10,0L10,-10L0,0ZM2,-2L3,-2L3,-3L2,-2Z');
  });

  it('draws each part of a multipolygon and drops points that land on the same spot', () => {
    const d = outlinePath({ type: 'MultiPolygon', coordinates: [[[[0, 0], [0.001, 0], [1, 0], [0, 0]]], [[[5, 5], [6, 5], [5, 5]]]] }, project);
    expect(d).toBe('M0,0L10,0L0,0ZM50,-50L60,-50L50,-50Z');
  });
});
