import { describe, expect, it } from 'vitest';
import { rankedBars, type RankedBarInput, type RankedBarsFrame } from '../../../src/domain/charts/rankedBars.ts';

const FRAME: RankedBarsFrame = { width: 300, labelWidth: 70, valueRoom: 50, rowHeight: 20, barHeight: 14, top: 16, axisHeight: 18, tickCount: 3 };
const row = (id: string, value: number | undefined): RankedBarInput => ({ id, label: id, value });

describe('the ranked bars of the state cities', () => {
  it('sorts the bars largest first, ties in the given order, and ranks them', () => {
    const layout = rankedBars([row('a', 10), row('b', 40), row('c', 25), row('d', 40)], FRAME);
    expect(layout.bars.map((b) => b.id)).toEqual(['b', 'd', 'c', 'a']);
    expect(layout.bars.map((b) => b.rank)).toEqual([1, 1, 3, 4]);
    expect(layout.bars.map((b) => b.rowY)).toEqual([26, 46, 66, 86]);
    expect(layout.bars[0]!.y).toBe(19);
    expect(layout.bars[0]!.height).toBe(14);
  });

  it('draws positive bars from the zero axis at the plot’s left to their value, the largest filling the plot', () => {
    const layout = rankedBars([row('a', 50), row('b', 100)], FRAME);
    // No negative values: no room is kept left of zero; the value labels' room is kept on the right.
    expect(layout.plotLeft).toBe(70);
    expect(layout.plotRight).toBe(250);
    expect(layout.zeroX).toBe(70);
    const [big, small] = layout.bars;
    expect(big).toMatchObject({ x: 70, width: 180, valueX: 254, valueAnchor: 'start' });
    expect(small).toMatchObject({ x: 70, width: 90, valueX: 164, valueAnchor: 'start' });
  });

  it('lists a city without a value at the bottom as no data, below the axis, never as a zero bar', () => {
    const layout = rankedBars([row('a', 5), row('nodata', undefined), row('b', 0), row('nan', Number.NaN)], FRAME);
    expect(layout.bars.map((b) => b.id)).toEqual(['a', 'b']);
    expect(layout.noData.map((r) => r.id)).toEqual(['nodata', 'nan']);
    // Bars end at 16 + 2 × 20 = 56, the axis and its labels take 18, then the no-data rows.
    expect(layout.axisY).toBe(56);
    expect(layout.noData.map((r) => r.rowY)).toEqual([84, 104]);
    expect(layout.height).toBe(114);
    expect(layout.bars[1]!.width).toBe(0);
  });

  it('draws negative values from the zero axis leftwards, their labels before the bar’s end', () => {
    const layout = rankedBars([row('up', 10), row('down', -30), row('flat', 0)], FRAME);
    // Room for labels on both sides: the plot is 70 + 50 … 300 − 50, the domain −30 … 10.
    expect(layout.plotLeft).toBe(120);
    expect(layout.plotRight).toBe(250);
    expect(layout.zeroX).toBeCloseTo(217.5);
    expect(layout.bars.map((b) => b.id)).toEqual(['up', 'flat', 'down']);
    const down = layout.bars[2]!;
    expect(down.x).toBe(120);
    expect(down.x + down.width).toBeCloseTo(217.5);
    expect(down).toMatchObject({ valueX: 116, valueAnchor: 'end' });
    const up = layout.bars[0]!;
    expect(up.x).toBeCloseTo(217.5);
    expect(up.x + up.width).toBeCloseTo(250);
    expect(up.valueAnchor).toBe('start');
    expect(layout.ticks.map((t) => t.value)).toContain(0);
    expect(layout.ticks.find((t) => t.value === 0)!.x).toBeCloseTo(217.5);
  });

  it('keeps every bar inside the plot when all values are negative', () => {
    const layout = rankedBars([row('a', -5), row('b', -20)], FRAME);
    expect(layout.zeroX).toBe(layout.plotRight);
    expect(layout.bars.map((b) => b.id)).toEqual(['a', 'b']);
    for (const b of layout.bars) {
      expect(b.x).toBeGreaterThanOrEqual(layout.plotLeft - 1e-9);
      expect(b.x + b.width).toBeCloseTo(layout.zeroX);
    }
  });

  it('places Latvia’s line at its value on the same scale, spanning the bars, and widens the scale to hold it', () => {
    const layout = rankedBars([row('a', 50), row('b', 100)], FRAME, 75);
    expect(layout.national).toMatchObject({ value: 75, x: 205, y1: 16, y2: 56, labelY: 12, labelAnchor: 'middle' });
    const beyond = rankedBars([row('a', 50), row('b', 100)], FRAME, 200);
    expect(beyond.national!.x).toBe(250);
    expect(beyond.bars[0]!.width).toBe(90);
    expect(beyond.national!.labelAnchor).toBe('middle');
    // Near the edge of the picture, the label turns inwards.
    expect(rankedBars([row('a', 100)], { ...FRAME, valueRoom: 0 }, 100).national!.labelAnchor).toBe('end');
    expect(rankedBars([row('a', 100)], FRAME, 0).national!.labelAnchor).toBe('middle');
    expect(rankedBars([row('a', 100)], { ...FRAME, labelWidth: 0 }, 0).national!.labelAnchor).toBe('start');
  });

  it('has no Latvia line without a national value', () => {
    expect(rankedBars([row('a', 1)], FRAME).national).toBeUndefined();
    expect(rankedBars([row('a', 1)], FRAME, Number.NaN).national).toBeUndefined();
  });

  it('puts ticks at round values inside the scale, at their x', () => {
    const layout = rankedBars([row('riga', 605273), row('jelgava', 54408)], FRAME);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 200000, 400000, 600000]);
    expect(layout.ticks[0]!.x).toBe(70);
    expect(layout.ticks[3]!.x).toBeCloseTo(70 + (180 * 600000) / 605273);
  });

  it('draws nothing but the no-data rows when no city has a value', () => {
    const layout = rankedBars([row('a', undefined), row('b', undefined)], FRAME, 12);
    expect(layout.bars).toEqual([]);
    expect(layout.ticks).toEqual([]);
    expect(layout.national).toBeUndefined();
    expect(layout.noData.map((r) => r.rowY)).toEqual([26, 46]);
    expect(layout.height).toBe(56);
  });
});
