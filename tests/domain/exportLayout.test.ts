import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asciiUrl,
  EXPORT_SIZES,
  exportFrame,
  fileSlug,
  layoutExport,
  wrapText,
  type Box,
  type DrawOp,
  type ExportContent,
  type Measure,
} from '../../src/domain/exportLayout.ts';

/** A monospace stand-in for canvas `measureText`: linear in length and size. */
const measure: Measure = (text, font) => text.length * font.size * (font.weight === 600 ? 0.6 : 0.55);

const CONTENT: ExportContent = {
  title: 'Iedzīvotāju skaits gada sākumā, 2026',
  subtitle: 'Latvijas valstspilsētas · Latvijas Lielo pilsētu asociācija',
  unit: 'cilvēki',
  rows: [
    { colour: '#08519c', label: '≥ 30 000', count: '8 vien.' },
    { colour: '#3182bd', label: '20 000 – < 30 000', count: '8 vien.' },
    { colour: '#6baed6', label: '10 000 – < 20 000', count: '9 vien.' },
    { colour: '#bdd7e7', label: '5 000 – < 10 000', count: '8 vien.' },
    { colour: '#eff3ff', label: '< 5 000', count: '8 vien.' },
    { colour: 'hatch', label: 'nav datu', count: '1 vien.' },
  ],
  notes: ['Latvijā: 1 857 000 cilvēki (2026)', 'kvantiļu klases, 5'],
  source: 'Avots: CSP IRD041, 2026',
  attribution: 'Robežas: CSP, VZD (CC BY 4.0), pārveidotas · Natural Earth · Dati: CSP / Oficiālās statistikas portāls',
};

const inside = (b: Box, size: { width: number; height: number }) => b.x >= 0 && b.y >= 0 && b.x + b.w <= size.width + 1e-6 && b.y + b.h <= size.height + 1e-6;
const textBox = (op: Extract<DrawOp, { kind: 'text' }>): Box => {
  const w = measure(op.text, op.font);
  return { x: op.align === 'left' ? op.x : op.x - w, y: op.y, w, h: op.font.size * 1.3 };
};
const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1e-6 && inner.y >= outer.y - 1e-6 && inner.x + inner.w <= outer.x + outer.w + 1e-6 && inner.y + inner.h <= outer.y + outer.h + 1e-6;

describe('exportFrame', () => {
  it('lays a 1280×800 screen out at 16:9, as large as the screen, and renders exactly 1920×1080 and 3840×2160', () => {
    for (const target of EXPORT_SIZES) {
      const f = exportFrame({ width: 1280, height: 800 }, target);
      expect(f.cssWidth / f.cssHeight).toBeCloseTo(16 / 9, 10);
      expect(f.cssWidth).toBeGreaterThanOrEqual(1280);
      expect(f.cssHeight).toBeGreaterThanOrEqual(800);
      expect(f.cssHeight).toBeLessThan(800 + 9);
      expect(Math.round(f.cssWidth * f.pixelRatio)).toBe(target.width);
      expect(Math.round(f.cssHeight * f.pixelRatio)).toBe(target.height);
    }
    expect(exportFrame({ width: 1920, height: 1080 }, { width: 1920, height: 1080 })).toEqual({ cssWidth: 1920, cssHeight: 1080, pixelRatio: 1 });
    expect(exportFrame({ width: 1920, height: 1080 }, { width: 3840, height: 2160 })).toEqual({ cssWidth: 1920, cssHeight: 1080, pixelRatio: 2 });
  });

  it('for any screen, keeps all of it in the frame and gives MapLibre a canvas of exactly the target size', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 5000 }), fc.integer({ min: 200, max: 5000 }), fc.constantFrom(...EXPORT_SIZES), (w, h, target) => {
        const f = exportFrame({ width: w, height: h }, target);
        // MapLibre: canvas = Math.round(pixelRatio × whole CSS pixels).
        expect(Number.isInteger(f.cssWidth) && Number.isInteger(f.cssHeight)).toBe(true);
        expect(Math.round(f.cssWidth * f.pixelRatio)).toBe(target.width);
        expect(Math.round(f.cssHeight * f.pixelRatio)).toBe(target.height);
        expect(f.cssWidth >= w && f.cssHeight >= h).toBe(true);
        // …and not much larger than needed: the zoom stays what the user sees.
        expect(f.cssWidth < w + 16 || f.cssHeight < h + 9).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('wrapText', () => {
  const font = { size: 10, weight: 400 } as const;
  it('breaks at spaces within the width', () => {
    const lines = wrapText('one two three four five six', 60, font, measure);
    expect(lines.join(' ')).toBe('one two three four five six');
    for (const l of lines) expect(measure(l, font)).toBeLessThanOrEqual(60);
    expect(lines.length).toBeGreaterThan(1);
  });
  it('ends a cut-off text with an ellipsis on its last allowed line', () => {
    const lines = wrapText('one two three four five six seven eight', 60, font, measure, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    for (const l of lines) expect(measure(l, font)).toBeLessThanOrEqual(60);
  });
  it('cuts a single word longer than the line', () => {
    const [line] = wrapText('Daugavpilsvalstspilsēta', 60, font, measure);
    expect(line).toMatch(/…$/);
    expect(measure(line!, font)).toBeLessThanOrEqual(60);
  });
  it('gives no line for empty text', () => {
    expect(wrapText('  ', 100, font, measure)).toEqual([]);
  });
});

describe('layoutExport', () => {
  const size = { width: 1920, height: 1080 };

  it('puts every text inside its card or the footer, and everything inside the picture', () => {
    const layout = layoutExport(CONTENT, size, 1.35, measure);
    expect(inside(layout.card, size)).toBe(true);
    expect(inside(layout.footer, size)).toBe(true);
    expect(layout.card.y + layout.card.h).toBeLessThan(layout.footer.y);
    expect(within(layout.legend, layout.card)).toBe(true);
    for (const op of layout.ops) {
      if (op.kind !== 'text') continue;
      const box = textBox(op);
      expect(within(box, layout.card) || within(box, layout.footer), `${op.text} at ${JSON.stringify(box)}`).toBe(true);
    }
  });

  it('draws one swatch per legend row, in the legend box, with the row colours', () => {
    const layout = layoutExport(CONTENT, size, 1.35, measure);
    const swatches = layout.ops.filter((o): o is Extract<DrawOp, { kind: 'swatch' }> => o.kind === 'swatch');
    expect(swatches.map((s) => s.colour)).toEqual(CONTENT.rows.map((r) => r.colour));
    for (const s of swatches) expect(within(s, layout.legend)).toBe(true);
    expect(layout.ops.filter((o) => o.kind === 'text').map((o) => (o as { text: string }).text)).toEqual(expect.arrayContaining(['≥ 30 000', '8 vien.', CONTENT.source, CONTENT.attribution]));
  });

  it('at 3840×2160 and twice the scale is the 1920×1080 layout doubled', () => {
    const small = layoutExport(CONTENT, size, 1, measure);
    const large = layoutExport(CONTENT, { width: 3840, height: 2160 }, 2, measure);
    const double = (n: unknown) => (typeof n === 'number' ? n * 2 : n);
    const scaled = small.ops.map((op) => Object.fromEntries(Object.entries(op).map(([k, v]) => [k, k === 'font' ? { ...(v as object), size: (v as { size: number }).size * 2 } : double(v)])));
    expect(large.ops.length).toBe(small.ops.length);
    large.ops.forEach((op, i) => {
      for (const [k, v] of Object.entries(op)) {
        const want = (scaled[i] as Record<string, unknown>)[k];
        if (typeof v === 'number') expect(v).toBeCloseTo(want as number, 6);
        else expect(v).toEqual(want);
      }
    });
  });

  it('shrinks a card too tall for the picture so it ends above the footer', () => {
    const many = { ...CONTENT, rows: Array.from({ length: 30 }, (_, i) => ({ colour: '#3182bd', label: `${i} – ${i + 1}`, count: '1 vien.' })) };
    const layout = layoutExport(many, size, 1.35, measure);
    expect(layout.card.y + layout.card.h).toBeLessThanOrEqual(layout.footer.y);
    expect(layout.ops.filter((o) => o.kind === 'swatch')).toHaveLength(30);
  });

  it('puts source and attribution on one line when they fit and on two when they do not', () => {
    expect(layoutExport(CONTENT, size, 1, measure).footer.h).toBeLessThan(30);
    const narrow = layoutExport(CONTENT, { width: 600, height: 1080 }, 1, measure);
    expect(narrow.footer.h).toBeGreaterThan(30);
    const texts = narrow.ops.filter((o): o is Extract<DrawOp, { kind: 'text' }> => o.kind === 'text' && o.y >= narrow.footer.y);
    expect(new Set(texts.map((t) => t.y)).size).toBe(texts.length);
    for (const t of texts) expect(within(textBox(t), narrow.footer)).toBe(true);
  });

  it('keeps the card within about two fifths of a narrow picture', () => {
    const layout = layoutExport(CONTENT, { width: 800, height: 1080 }, 1.35, measure);
    expect(layout.card.w).toBeLessThanOrEqual(800 * 0.42 + 1e-6);
  });
});

describe('asciiUrl and fileSlug', () => {
  it('percent-encodes non-ASCII letters and spaces, and leaves an encoded URL as it is', () => {
    expect(asciiUrl('https://example.lv/pilsētas/?s=riga&t=Rēzekne nov')).toBe('https://example.lv/pils%C4%93tas/?s=riga&t=R%C4%93zekne%20nov');
    const encoded = 'https://example.lv/pils%C4%93tas/?i=median_age&v=24.1,56.9,7';
    expect(asciiUrl(encoded)).toBe(encoded);
    expect(asciiUrl(asciiUrl('https://x.lv/ķ'))).toBe('https://x.lv/%C4%B7');
  });
  it('makes file names from titles', () => {
    expect(fileSlug('Rēzekne, 2026 — iedzīvotāji')).toBe('rezekne-2026-iedzivotaji');
    expect(fileSlug('Ķekava / Ļaudona')).toBe('kekava-laudona');
    expect(fileSlug('…')).toBe('map');
  });
});

describe('the size key of an exported count', () => {
  it('draws the reference circles nested on one baseline inside the card, above the class rows, each value readable', () => {
    const content: ExportContent = { ...CONTENT, sizeKey: [{ radius: 24, label: '500 000 cilvēki' }, { radius: 10.6, label: '100 000 cilvēki' }, { radius: 4.7, label: '20 000 cilvēki' }] };
    const layout = layoutExport(content, EXPORT_SIZES[0]!, 1, measure);
    const circles = layout.ops.filter((o): o is Extract<DrawOp, { kind: 'circle' }> => o.kind === 'circle');
    expect(circles.map((c) => c.r)).toEqual([24, 10.6, 4.7]);
    // One baseline: every circle's bottom at the same height, all on one vertical axis.
    expect(new Set(circles.map((c) => Math.round((c.y + c.r) * 1000)))).toHaveProperty('size', 1);
    expect(new Set(circles.map((c) => c.x))).toHaveProperty('size', 1);
    for (const c of circles) expect(c.y + c.r).toBeLessThanOrEqual(layout.legend.y);
    const labels = layout.ops.filter((o): o is Extract<DrawOp, { kind: 'text' }> => o.kind === 'text' && / cilvēki$/.test(o.text) && /^\d/.test(o.text));
    expect(labels).toHaveLength(3);
    for (let i = 1; i < labels.length; i++) expect(labels[i]!.y - labels[i - 1]!.y).toBeGreaterThanOrEqual(13 * 1.3 - 1e-6);
    for (const l of labels) expect(inside(textBox(l), { width: layout.card.x + layout.card.w, height: layout.card.y + layout.card.h })).toBe(true);
  });
});
