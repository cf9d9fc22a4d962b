/** An sRGB colour with channels 0–255 and alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Reads `#rgb`, `#rrggbb`, `rgb(r,g,b)` or `rgba(r,g,b,a)`; null for anything else. */
export function parseColour(text: string): Rgba | null {
  const s = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return { r: parseInt(h.slice(0, 2), 16), g: parseInt(h.slice(2, 4), 16), b: parseInt(h.slice(4, 6), 16), a: 1 };
  }
  const fn = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(s);
  if (fn) return { r: +fn[1]!, g: +fn[2]!, b: +fn[3]!, a: fn[4] === undefined ? 1 : +fn[4] };
  return null;
}

/** A translucent colour laid over an opaque background, as the eye sees it. */
export function over(top: Rgba, background: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, background.r), g: mix(top.g, background.g), b: mix(top.b, background.b), a: 1 };
}

/** WCAG 2 relative luminance of an opaque colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const x = c / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * WCAG 2 contrast ratio (1–21) of a text colour on a background; a translucent background is first
 * laid over `base` (white unless given). AA asks 4.5 for body text and 3 for large text.
 */
export function contrastRatio(text: string, background: string, base = '#ffffff'): number {
  const under = parseColour(base);
  const bg = parseColour(background);
  const fg = parseColour(text);
  if (!under || !bg || !fg) throw new Error(`not a colour: ${[text, background, base].find((c) => !parseColour(c))}`);
  const back = over(bg, under);
  const front = over(fg, back);
  const [hi, lo] = [relativeLuminance(front), relativeLuminance(back)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
