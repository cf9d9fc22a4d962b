import { linearScale, niceTicks } from './scale.ts';

/** One row of a ranked bar chart: an id, the label written beside it, and its value if there is one. */
export interface RankedBarInput {
  id: string;
  label: string;
  value: number | undefined;
}

/**
 * The picture's measures, in SVG user units: `labelWidth` is the column of names at the left,
 * `valueRoom` the room kept beyond a bar's end for its value label (on the side a bar runs to),
 * `top` the margin above the first bar (where Latvia's label goes), `axisHeight` the band under
 * the bars for the tick labels.
 */
export interface RankedBarsFrame {
  width: number;
  labelWidth: number;
  valueRoom: number;
  rowHeight: number;
  barHeight?: number;
  top?: number;
  axisHeight?: number;
  tickCount?: number;
}

/** A bar: its rectangle, the middle of its row, its rank (1 = largest; ties share) and where its value label goes. */
export interface RankedBar {
  id: string;
  label: string;
  value: number;
  rank: number;
  x: number;
  y: number;
  width: number;
  height: number;
  rowY: number;
  valueX: number;
  valueAnchor: 'start' | 'end';
}

/** A row without a value: listed under the bars, never drawn as a zero bar. */
export interface NoDataRow {
  id: string;
  label: string;
  rowY: number;
}

/** Latvia's value as a vertical line over the bars, its label above them. */
export interface NationalLine {
  value: number;
  x: number;
  y1: number;
  y2: number;
  labelY: number;
  labelAnchor: 'start' | 'middle' | 'end';
}

export interface RankedBarsLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  zeroX: number;
  /** The bottom of the last bar's row: the axis line and, below it, the tick labels. */
  axisY: number;
  bars: RankedBar[];
  noData: NoDataRow[];
  ticks: { value: number; x: number }[];
  national?: NationalLine;
}

/** Half the width kept for Latvia's label before it turns inwards at the picture's edge. */
const NATIONAL_LABEL_HALF = 24;
/** Gap between a bar's end and its value label. */
const LABEL_GAP = 4;

/**
 * The geometry of a ranked bar chart: bars sorted largest first (ties keep the given order) from a
 * zero axis, to the right for positive and to the left for negative values, each with its value
 * label just beyond its end; rows without a value listed at the bottom, under the axis. The scale
 * spans zero, every value and Latvia's value (so its line is always inside the plot), and room
 * for value labels is kept only on a side that bars run to. Ticks are round values of that scale.
 * With no value at all there are no bars, ticks or Latvia line: only the no-data rows.
 */
export function rankedBars(rows: readonly RankedBarInput[], frame: RankedBarsFrame, national?: number): RankedBarsLayout {
  const { width, labelWidth, valueRoom, rowHeight } = frame;
  const barHeight = frame.barHeight ?? rowHeight * 0.7;
  const top = frame.top ?? 0;
  const valued = rows.filter((r): r is RankedBarInput & { value: number } => r.value !== undefined && Number.isFinite(r.value));
  const missing = rows.filter((r) => !valued.includes(r as RankedBarInput & { value: number }));
  // Array.prototype.sort is stable, so equal values stay in the given (the association's) order.
  const sorted = [...valued].sort((a, b) => b.value - a.value);
  const hasNational = national !== undefined && Number.isFinite(national) && sorted.length > 0;
  const values = [...sorted.map((r) => r.value), ...(hasNational ? [national] : [])];
  const lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (lo === hi) hi = lo + 1;
  const plotLeft = labelWidth + (lo < 0 ? valueRoom : 0);
  const plotRight = width - (hi > 0 ? valueRoom : 0);
  const x = linearScale([lo, hi], [plotLeft, plotRight]);
  const zeroX = x(0);
  const axisY = top + sorted.length * rowHeight;
  const bars: RankedBar[] = sorted.map((r, i) => {
    const end = x(r.value);
    const rowY = top + (i + 0.5) * rowHeight;
    const negative = r.value < 0;
    return {
      id: r.id,
      label: r.label,
      value: r.value,
      rank: 1 + sorted.filter((o) => o.value > r.value).length,
      x: Math.min(zeroX, end),
      y: rowY - barHeight / 2,
      width: Math.abs(end - zeroX),
      height: barHeight,
      rowY,
      valueX: negative ? end - LABEL_GAP : end + LABEL_GAP,
      valueAnchor: negative ? 'end' : 'start',
    };
  });
  const below = axisY + (sorted.length > 0 ? (frame.axisHeight ?? 0) : 0);
  const noData = missing.map((r, i) => ({ id: r.id, label: r.label, rowY: below + (i + 0.5) * rowHeight }));
  const layout: RankedBarsLayout = {
    width,
    height: below + missing.length * rowHeight,
    plotLeft,
    plotRight,
    zeroX,
    axisY,
    bars,
    noData,
    ticks: sorted.length > 0 ? niceTicks(lo, hi, frame.tickCount ?? 3).map((value) => ({ value, x: x(value) })) : [],
  };
  if (hasNational) {
    const nx = x(national);
    const labelAnchor = nx + NATIONAL_LABEL_HALF > width ? 'end' : nx - NATIONAL_LABEL_HALF < 0 ? 'start' : 'middle';
    layout.national = { value: national, x: nx, y1: top, y2: axisY, labelY: top - LABEL_GAP, labelAnchor };
  }
  return layout;
}
