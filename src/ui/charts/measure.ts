import type { FontSpec } from '../../domain/exportLayout.ts';

/** The family the page's text uses (app.css), for measuring and for exported charts. */
export const CHART_FONT_FAMILY = "'Noto Sans', system-ui, sans-serif";

let context: CanvasRenderingContext2D | null | undefined;

/**
 * Width of a text in the app's font, in CSS pixels: the chart geometry (src/domain/charts) takes
 * the room for names and value labels as numbers, and only the page can measure letters. Without
 * a 2D canvas, an average Noto Sans letter width is assumed.
 */
export function measureText(text: string, font: FontSpec): number {
  context ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return text.length * font.size * 0.58;
  context.font = `${font.weight} ${font.size}px ${CHART_FONT_FAMILY}`;
  return context.measureText(text).width;
}

/** The widest of some texts, in CSS pixels. */
export function widest(texts: readonly string[], font: FontSpec): number {
  return Math.max(0, ...texts.map((s) => measureText(s, font)));
}
