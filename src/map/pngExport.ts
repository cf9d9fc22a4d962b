import type { Map as MapLibreMap } from 'maplibre-gl';
import { exportFrame, layoutExport, type DrawOp, type ExportContent, type FontSpec, type PixelSize } from '../domain/exportLayout.ts';
import { HATCH_COLOURS } from '../domain/theme.ts';
import { EXPORTING_ATTR, mapSettled } from './settled.ts';

// Drawing a picture of the map with its legend and source lines: fetched on the first export
// (exportPng.ts hands it to the take-away UI), so the first view does not carry it.
/** A rendered picture; `renderedAt` is set when the device could not draw the map that large. */
export interface ExportedPng {
  blob: Blob;
  width: number;
  height: number;
  renderedAt?: PixelSize;
}

const FONT_FAMILY = '"Noto Sans", system-ui, sans-serif';
const cssFont = (f: FontSpec) => `${f.weight} ${f.size}px ${FONT_FAMILY}`;

function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.fillStyle = HATCH_COLOURS.background;
  ctx.fillRect(x, y, w, h);
  ctx.strokeStyle = HATCH_COLOURS.line;
  ctx.lineWidth = Math.max(1, h / 14);
  const step = Math.max(4, h / 3.5);
  for (let d = -h; d < w + h; d += step) {
    ctx.beginPath();
    ctx.moveTo(x + d, y + h);
    ctx.lineTo(x + d + h, y);
    ctx.stroke();
  }
  ctx.restore();
}

/** Plays the layout's drawing operations onto a 2D canvas. */
function draw(ctx: CanvasRenderingContext2D, ops: DrawOp[]) {
  ctx.textBaseline = 'top';
  for (const op of ops) {
    if (op.kind === 'rect') {
      ctx.save();
      if (op.shadow) {
        ctx.shadowColor = 'rgba(0,0,0,0.22)';
        ctx.shadowBlur = op.radius * 1.5;
        ctx.shadowOffsetY = op.radius / 4;
      }
      ctx.fillStyle = op.fill;
      ctx.beginPath();
      ctx.roundRect(op.x, op.y, op.w, op.h, op.radius);
      ctx.fill();
      ctx.restore();
    } else if (op.kind === 'swatch') {
      if (op.colour === 'hatch') hatch(ctx, op.x, op.y, op.w, op.h);
      else {
        ctx.fillStyle = op.colour;
        ctx.fillRect(op.x, op.y, op.w, op.h);
      }
      ctx.strokeStyle = 'rgba(0,0,0,0.25)';
      ctx.lineWidth = Math.max(1, op.h / 16);
      ctx.strokeRect(op.x, op.y, op.w, op.h);
    } else if (op.kind === 'circle') {
      ctx.strokeStyle = op.stroke;
      ctx.lineWidth = Math.max(1, op.r / 20);
      ctx.beginPath();
      ctx.arc(op.x, op.y, op.r, 0, 2 * Math.PI);
      ctx.stroke();
    } else {
      ctx.font = cssFont(op.font);
      ctx.fillStyle = op.colour;
      ctx.textAlign = op.align;
      // The layout's y is the top of a line 1.3 × the size high: centre the glyphs in it.
      ctx.fillText(op.text, op.x, op.y + op.font.size * 0.12);
    }
  }
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs exports one after another: each one resizes the one map. */
function serial<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * Renders the map as it is now into a PNG of exactly `size` pixels, with the title, legend, source
 * line and attribution drawn in (they are HTML on screen, not part of the WebGL canvas). The map
 * is laid out for a moment at the picture's aspect, at least as large as the screen (same centre
 * and zoom, so all the user sees is in it), and drawn at the pixel ratio that makes its canvas
 * the picture's size; size and pixel ratio are restored afterwards. When MapLibre had to draw a
 * smaller canvas (its `maxCanvasSize`, or the device's limit), the map is scaled up to fill the
 * picture and `renderedAt` says so.
 */
export function exportPng(map: MapLibreMap, size: PixelSize, content: ExportContent): Promise<ExportedPng> {
  return serial(async () => {
    const container = map.getContainer();
    const canvas = map.getCanvas();
    const frame = exportFrame({ width: container.clientWidth, height: container.clientHeight }, size);
    const savedStyle = container.getAttribute('style');
    const savedRatio = map.getPixelRatio();
    const followsDevice = savedRatio === devicePixelRatio;
    container.setAttribute(EXPORTING_ATTR, '');
    Object.assign(container.style, { inset: 'auto', left: '0', top: '0', width: `${frame.cssWidth}px`, height: `${frame.cssHeight}px` });
    try {
      map.setPixelRatio(frame.pixelRatio);
      await mapSettled(map);
      // Every face the words need (the Latin-extended subset carries ā, ē, ķ, ļ, ņ, š, ž…).
      const words = [content.title, content.subtitle, content.unit, content.source, content.attribution, ...content.notes, ...content.rows.flatMap((r) => [r.label, r.count]), ...(content.sizeKey ?? []).map((k) => k.label)].join(' ');
      await Promise.all(([400, 600] as const).map((weight) => document.fonts.load(cssFont({ size: 16, weight }), words)));
      const out = document.createElement('canvas');
      out.width = size.width;
      out.height = size.height;
      const ctx = out.getContext('2d');
      if (!ctx) throw new Error('no 2D canvas for the export');
      const rendered = { width: canvas.width, height: canvas.height };
      ctx.drawImage(canvas, 0, 0, size.width, size.height);
      const layout = layoutExport(content, size, frame.pixelRatio, (text, font) => {
        ctx.font = cssFont(font);
        return ctx.measureText(text).width;
      });
      draw(ctx, layout.ops);
      const blob = await new Promise<Blob>((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
      const clamped = rendered.width !== size.width || rendered.height !== size.height;
      return { blob, width: size.width, height: size.height, ...(clamped ? { renderedAt: rendered } : {}) };
    } finally {
      // Through the CSSOM: the Content-Security-Policy refuses a style attribute set as text.
      container.style.cssText = savedStyle ?? '';
      if (savedStyle === null) container.removeAttribute('style');
      // null lets MapLibre follow the device's pixel ratio again (documented on setPixelRatio).
      map.setPixelRatio(followsDevice ? (null as unknown as number) : savedRatio);
      container.removeAttribute(EXPORTING_ATTR);
      map.triggerRepaint();
    }
  });
}
