import { linearScale } from './scale.ts';

/** One value of a series, by year ("2025") or period ("2012-2024", "2024/2026"). */
export interface SeriesPoint {
  year: string;
  value: number;
}

/** The picture's size and the margins kept for the value labels (left) and the year labels (bottom). */
export interface TimeSeriesFrame {
  width: number;
  height: number;
  padLeft: number;
  padRight: number;
  padTop: number;
  padBottom: number;
}

export interface PlacedPoint extends SeriesPoint {
  x: number;
  y: number;
  /** The newest point, drawn larger. */
  latest: boolean;
}

export interface TimeSeriesLayout {
  points: PlacedPoint[];
  /** The line through the points, as an SVG path. */
  path: string;
  plotLeft: number;
  plotRight: number;
  plotTop: number;
  plotBottom: number;
  /** The first and the last year, under the plot's two ends. */
  yearLabels: { year: string; x: number; anchor: 'start' | 'end' }[];
  /** The highest and the lowest value (one label for a flat series), top first, with the year of each. */
  valueLabels: { value: number; y: number; year: string }[];
}

/** A coordinate as path text: one decimal at most, no trailing ".0". */
const coord = (v: number) => String(Number(v.toFixed(1)));

/**
 * The geometry of a small line chart of one place's series: points oldest first, x by the year
 * itself when every label is a calendar year (2013, 2019, 2021 are not evenly spaced in time), by
 * position otherwise (periods such as "2012-2024"); y from the lowest value at the plot's bottom
 * to the highest at its top, so a change series with negative values needs nothing special. The
 * first and last years and the lowest and highest values are the labels; the newest point is
 * marked as latest. Null for fewer than two points: one value is no line.
 */
export function timeSeries(series: readonly SeriesPoint[], frame: TimeSeriesFrame): TimeSeriesLayout | null {
  if (series.length < 2) return null;
  const sorted = [...series].sort((a, b) => a.year.localeCompare(b.year));
  const plotLeft = frame.padLeft;
  const plotRight = frame.width - frame.padRight;
  const plotTop = frame.padTop;
  const plotBottom = frame.height - frame.padBottom;
  const calendar = sorted.every((p) => /^\d{4}$/.test(p.year));
  const position = calendar ? sorted.map((p) => Number(p.year)) : sorted.map((_, i) => i);
  const x = linearScale([position[0]!, position[position.length - 1]!], [plotLeft, plotRight]);
  const values = sorted.map((p) => p.value);
  // Folds, not Math.min(...values): an imported series can be long enough to overflow the stack.
  const min = values.reduce((m, v) => Math.min(m, v), Infinity);
  const max = values.reduce((m, v) => Math.max(m, v), -Infinity);
  const y = linearScale([min, max], [plotBottom, plotTop]);
  const points = sorted.map((p, i) => ({ year: p.year, value: p.value, x: x(position[i]!), y: y(p.value), latest: i === sorted.length - 1 }));
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const at = (v: number) => points.find((p) => p.value === v)!;
  const valueLabels = [max, ...(min === max ? [] : [min])].map((v) => ({ value: v, y: y(v), year: at(v).year }));
  return {
    points,
    path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${coord(p.x)},${coord(p.y)}`).join(''),
    plotLeft,
    plotRight,
    plotTop,
    plotBottom,
    yearLabels: [
      { year: first.year, x: first.x, anchor: 'start' },
      { year: last.year, x: last.x, anchor: 'end' },
    ],
    valueLabels,
  };
}
