import { describe, expect, it } from 'vitest';
import { timeSeries, type TimeSeriesFrame } from '../../../src/domain/charts/timeSeries.ts';

const FRAME: TimeSeriesFrame = { width: 200, height: 60, padLeft: 40, padRight: 10, padTop: 6, padBottom: 14 };

describe('the time-series chart of a city profile', () => {
  it('needs two points', () => {
    expect(timeSeries([], FRAME)).toBeNull();
    expect(timeSeries([{ year: '2024', value: 3 }], FRAME)).toBeNull();
  });

  it('spaces calendar years by time, the first at the left and the last at the right of the plot', () => {
    const layout = timeSeries(
      [
        { year: '2013', value: 100 },
        { year: '2019', value: 90 },
        { year: '2021', value: 80 },
        { year: '2025', value: 85 },
      ],
      FRAME,
    )!;
    // The plot is 40 … 190 for 2013 … 2025: 12.5 px a year.
    expect(layout.points.map((p) => p.x)).toEqual([40, 115, 140, 190]);
    expect(layout.yearLabels).toEqual([
      { year: '2013', x: 40, anchor: 'start' },
      { year: '2025', x: 190, anchor: 'end' },
    ]);
  });

  it('spaces periods and other labels evenly, sorted oldest first', () => {
    const layout = timeSeries(
      [
        { year: '2024/2026', value: 2 },
        { year: '2012-2024', value: 1 },
        { year: '2025', value: 3 },
      ],
      FRAME,
    )!;
    expect(layout.points.map((p) => p.year)).toEqual(['2012-2024', '2024/2026', '2025']);
    expect(layout.points.map((p) => p.x)).toEqual([40, 115, 190]);
  });

  it('puts the maximum at the top and the minimum at the bottom of the plot, and labels both', () => {
    const layout = timeSeries(
      [
        { year: '2021', value: 20 },
        { year: '2022', value: 30 },
        { year: '2023', value: 10 },
      ],
      FRAME,
    )!;
    expect(layout.points.map((p) => p.y)).toEqual([26, 6, 46]);
    expect(layout.valueLabels).toEqual([
      { value: 30, y: 6, year: '2022' },
      { value: 10, y: 46, year: '2023' },
    ]);
    expect(layout.path).toBe('M40,26L115,6L190,46');
  });

  it('handles negative values like any others', () => {
    const layout = timeSeries(
      [
        { year: '2020', value: -5 },
        { year: '2021', value: 5 },
      ],
      FRAME,
    )!;
    expect(layout.points.map((p) => p.y)).toEqual([46, 6]);
    expect(layout.valueLabels.map((l) => l.value)).toEqual([5, -5]);
  });

  it('emphasises only the latest point', () => {
    const layout = timeSeries(
      [
        { year: '2021', value: 1 },
        { year: '2022', value: 2 },
        { year: '2023', value: 3 },
      ],
      FRAME,
    )!;
    expect(layout.points.map((p) => p.latest)).toEqual([false, false, true]);
    expect(layout.points.at(-1)!.year).toBe('2023');
  });

  it('draws a flat series across the middle with one value label', () => {
    const layout = timeSeries(
      [
        { year: '2021', value: 4 },
        { year: '2022', value: 4 },
      ],
      FRAME,
    )!;
    expect(layout.points.map((p) => p.y)).toEqual([26, 26]);
    expect(layout.valueLabels).toEqual([{ value: 4, y: 26, year: '2021' }]);
  });

  it('lays out an imported series of 200 000 periods without overflowing the stack', () => {
    const series = Array.from({ length: 200_000 }, (_, i) => ({ year: `${1000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, value: i % 1000 }));
    const layout = timeSeries(series, FRAME)!;
    expect(layout.valueLabels.map((l) => l.value)).toEqual([999, 0]);
  });
});
