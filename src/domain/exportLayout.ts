/**
 * Layout of an exported picture: where the title, legend, source line and attribution go on a
 * PNG of a given size, as a list of drawing operations that a canvas renderer plays back. Pure
 * (text is measured through a callback), so the geometry is unit-tested without a browser.
 */

/** A picture size in device pixels. */
export interface PixelSize {
  width: number;
  height: number;
}

/** The two sizes offered: a projector (Full HD) and a 4K screen or print. */
export const EXPORT_SIZES: readonly PixelSize[] = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

/** One legend line: a colour swatch (or the no-data hatch), the class bounds and the count. */
export interface ExportLegendRow {
  colour: string | 'hatch';
  label: string;
  count: string;
}

/** The words drawn onto the picture, already in the reader's language. */
export interface ExportContent {
  title: string;
  subtitle: string;
  /** Above the legend rows: the unit of the values. */
  unit: string;
  rows: ExportLegendRow[];
  /** Short lines under the legend (the national value, the method). */
  notes: string[];
  /** Proportional circles: the size key's reference circles (radius in CSS pixels at the overview zoom) and their values, largest first. */
  sizeKey?: { radius: number; label: string }[];
  /** Bottom left: source and year of the data. */
  source: string;
  /** Bottom right: the licences' required credits (CSP/VZD boundaries with the changes made, Natural Earth, CSP data). */
  attribution: string;
}

export interface FontSpec {
  size: number;
  weight: 400 | 600;
}

/** Width of `text` in pixels in the given font (the renderer's `measureText`). */
export type Measure = (text: string, font: FontSpec) => number;

export type DrawOp =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; radius: number; shadow: boolean }
  | { kind: 'swatch'; x: number; y: number; w: number; h: number; colour: string | 'hatch' }
  | { kind: 'circle'; x: number; y: number; r: number; stroke: string }
  | { kind: 'text'; x: number; y: number; text: string; font: FontSpec; colour: string; align: 'left' | 'right' };

/** Named boxes of the layout, for tests and for checking a rendered picture. */
export interface ExportLayout {
  ops: DrawOp[];
  card: Box;
  legend: Box;
  footer: Box;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const INK = '#1b1b1b';
const MUTED = '#4a4a4a';
const CARD = 'rgba(255,255,255,0.94)';
const FOOTER = 'rgba(255,255,255,0.88)';

/** Greatest common divisor of two positive integers. */
function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * How to render the map for an export of `target` pixels from a screen showing `viewport` CSS
 * pixels: the map is laid out at `cssWidth` × `cssHeight` (the target's aspect, at least as large
 * as the screen in both directions, so everything the user sees stays in the picture at the same
 * zoom) and drawn at `pixelRatio`, so that the canvas is exactly the target. The CSS size is a
 * whole multiple of the aspect's reduced form, so the canvas rounds to the target exactly.
 */
export function exportFrame(viewport: PixelSize, target: PixelSize): { cssWidth: number; cssHeight: number; pixelRatio: number } {
  const g = gcd(target.width, target.height);
  const unitW = target.width / g;
  const unitH = target.height / g;
  const wanted = Math.max(viewport.width, (viewport.height * target.width) / target.height, 1);
  const m = Math.max(1, Math.ceil(wanted / unitW - 1e-9));
  const cssWidth = m * unitW;
  return { cssWidth, cssHeight: m * unitH, pixelRatio: target.width / cssWidth };
}

/**
 * Breaks `text` into lines no wider than `maxWidth`, at spaces; a single word wider than the line
 * is cut with an ellipsis. At most `maxLines` lines: the last one ends in "…" when text is left.
 */
export function wrapText(text: string, maxWidth: number, font: FontSpec, measure: Measure, maxLines = Infinity): string[] {
  /** The line itself if it fits, else cut to fit with "…"; `more` forces the "…". */
  const fit = (s: string, more = false) => {
    if (!more && measure(s, font) <= maxWidth) return s;
    let cut = s;
    while (cut.length > 1 && measure(`${cut}…`, font) > maxWidth) cut = cut.slice(0, -1);
    return `${cut.trimEnd()}…`;
  };
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (!line || measure(next, font) <= maxWidth) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) return lines.slice(0, maxLines).map((l, i) => fit(l, i === maxLines - 1));
  return lines.map((l) => fit(l));
}

/** Line height for a font size. */
const lineOf = (size: number) => size * 1.3;

/**
 * Lays out the picture: a card at the top left with the title, subtitle and legend, and a footer
 * band along the bottom with the source (left) and the attribution (right, on its own line when
 * both do not fit). `scale` is device pixels per CSS pixel of the exported map, so the overlay has
 * the same size relative to the map as the app's own card. A card taller than the picture is
 * shrunk to fit.
 */
export function layoutExport(content: ExportContent, size: PixelSize, scale: number, measure: Measure): ExportLayout {
  const footer = layoutFooter(content, size, scale, measure);
  const limit = footer.box.y - 16 * scale;
  let card = layoutCard(content, size, scale, measure);
  if (card.box.y + card.box.h > limit) {
    const shrink = (limit - card.box.y) / card.box.h;
    card = layoutCard(content, size, scale * Math.max(0.3, shrink * 0.98), measure, 16 * scale);
  }
  return { ops: [...card.ops, ...footer.ops], card: card.box, legend: card.legend, footer: footer.box };
}

function layoutCard(content: ExportContent, size: PixelSize, s: number, measure: Measure, margin = 16 * s) {
  const pad = 14 * s;
  const width = Math.min(360 * s, size.width * 0.42);
  const inner = width - 2 * pad;
  const x0 = margin;
  const y0 = margin;
  const ops: DrawOp[] = [];
  let y = y0 + pad;
  const text = (t: string, font: FontSpec, colour: string, x = x0 + pad, align: 'left' | 'right' = 'left') => {
    ops.push({ kind: 'text', x, y, text: t, font, colour, align });
  };
  const lines = (t: string, font: FontSpec, colour: string, maxLines = 3) => {
    for (const line of wrapText(t, inner, font, measure, maxLines)) {
      text(line, font, colour);
      y += lineOf(font.size);
    }
  };
  lines(content.title, { size: 21 * s, weight: 600 }, INK);
  if (content.subtitle) lines(content.subtitle, { size: 13 * s, weight: 400 }, MUTED, 2);
  y += 8 * s;
  if (content.unit) lines(content.unit, { size: 13 * s, weight: 400 }, MUTED, 2);
  y += 2 * s;

  // The size key of proportional circles: nested on one baseline, each value beside its circle's top.
  const key = content.sizeKey ?? [];
  if (key.length > 0) {
    const big = key[0]!.radius * s;
    const keyFont: FontSpec = { size: 13 * s, weight: 400 };
    const step = lineOf(keyFont.size);
    const h = Math.max(2 * big, step * key.length);
    const base = y + h;
    let labelY = -Infinity;
    for (const k of key) {
      const r = k.radius * s;
      ops.push({ kind: 'circle', x: x0 + pad + big, y: base - r, r, stroke: MUTED });
      labelY = Math.max(base - 2 * r - step / 2, labelY + step);
      ops.push({ kind: 'text', x: x0 + pad + 2 * big + 10 * s, y: labelY, text: k.label, font: keyFont, colour: INK, align: 'left' });
    }
    y = base + 8 * s;
  }

  const legendTop = y;
  const rowH = 24 * s;
  const swatchW = 28 * s;
  const swatchH = 17 * s;
  const label: FontSpec = { size: 14 * s, weight: 400 };
  const count: FontSpec = { size: 13 * s, weight: 400 };
  const countW = Math.max(0, ...content.rows.map((r) => measure(r.count, count)));
  const labelX = x0 + pad + swatchW + 10 * s;
  const labelW = x0 + width - pad - countW - 10 * s - labelX;
  for (const row of content.rows) {
    ops.push({ kind: 'swatch', x: x0 + pad, y: y + (rowH - swatchH) / 2, w: swatchW, h: swatchH, colour: row.colour });
    const ty = y + (rowH - lineOf(label.size)) / 2;
    ops.push({ kind: 'text', x: labelX, y: ty, text: wrapText(row.label, labelW, label, measure, 1)[0] ?? '', font: label, colour: INK, align: 'left' });
    ops.push({ kind: 'text', x: x0 + width - pad, y: ty, text: row.count, font: count, colour: MUTED, align: 'right' });
    y += rowH;
  }
  const legend: Box = { x: x0 + pad, y: legendTop, w: inner, h: y - legendTop };
  y += 6 * s;
  for (const note of content.notes) lines(note, { size: 12 * s, weight: 400 }, MUTED, 3);
  const box: Box = { x: x0, y: y0, w: width, h: y + pad - 2 * s - y0 };
  return { ops: [{ kind: 'rect', ...box, fill: CARD, radius: 8 * s, shadow: true } as DrawOp, ...ops], box, legend };
}

function layoutFooter(content: ExportContent, size: PixelSize, s: number, measure: Measure) {
  const font: FontSpec = { size: 13 * s, weight: 400 };
  const padX = 14 * s;
  const padY = 6 * s;
  const line = lineOf(font.size);
  const room = size.width - 2 * padX;
  const sourceW = measure(content.source, font);
  const attributionW = measure(content.attribution, font);
  const oneLine = sourceW + attributionW + 32 * s <= room;
  const sourceLines = oneLine ? [content.source] : wrapText(content.source, room, font, measure, 2);
  const attributionLines = oneLine ? [] : wrapText(content.attribution, room, font, measure, 2);
  const count = sourceLines.length + attributionLines.length;
  const h = count * line + 2 * padY;
  const box: Box = { x: 0, y: size.height - h, w: size.width, h };
  const ops: DrawOp[] = [{ kind: 'rect', ...box, fill: FOOTER, radius: 0, shadow: false }];
  let y = box.y + padY;
  for (const t of sourceLines) {
    ops.push({ kind: 'text', x: padX, y, text: t, font, colour: INK, align: 'left' });
    y += line;
  }
  if (oneLine) ops.push({ kind: 'text', x: size.width - padX, y: box.y + padY, text: content.attribution, font, colour: MUTED, align: 'right' });
  for (const t of attributionLines) {
    ops.push({ kind: 'text', x: size.width - padX, y, text: t, font, colour: MUTED, align: 'right' });
    y += line;
  }
  return { ops, box };
}

/**
 * A URL safe to put in a QR code or a plain-text message: every character outside printable
 * ASCII (a Latvian letter in a path or a parameter) is percent-encoded as UTF-8; what is already
 * encoded stays as it is.
 */
export function asciiUrl(url: string): string {
  return url.replace(/[^\x21-\x7e]+/gu, (s) => encodeURIComponent(s));
}

/** A file name from a title: lower-case ASCII letters, digits and dashes ("Rēzekne, 2026" → "rezekne-2026"). */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'map'
  );
}
