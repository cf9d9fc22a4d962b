import { wrapText, type FontSpec } from '../../domain/exportLayout.ts';
import regular from '../../assets/fonts/noto-sans-400.woff2?url';
import semiBold from '../../assets/fonts/noto-sans-600.woff2?url';
import { CHART_FONT_FAMILY, measureText } from './measure.ts';
import { downloadBlob } from '../download.ts';

/** The words around an exported chart and its file name (without extension). */
export interface ChartExport {
  fileBase: string;
  title: string;
  /** The unit, and what else belongs under the title. */
  subtitle: string;
  /** The source line, how the values were computed, the data credit. */
  footer: string[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 12;
const MIN_WIDTH = 320;
const TITLE: FontSpec = { size: 14, weight: 600 };
const NOTE: FontSpec = { size: 11, weight: 400 };
const lineHeight = (f: FontSpec) => Math.round(f.size * 1.35);

/**
 * The light colours of an exported file, whatever theme the screen is in: the same classes as
 * app.css gives the charts with its variables, here with the default theme's values.
 */
const EXPORT_CSS = [
  `svg{font-family:${CHART_FONT_FAMILY};color:#1b1b1b}`,
  'text{fill:currentColor;font-variant-numeric:tabular-nums}',
  '.chart-label{paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}',
  '.chart-muted{fill:#5a5a5a}',
  '.chart-grid{stroke:#d9d9d9}',
  '.chart-axis{stroke:#5a5a5a}',
  '.chart-bar,.chart-point{fill:#3b78b8}',
  '.chart-line{stroke:#3b78b8;fill:none}',
  '.chart-national{stroke:currentColor}',
  '.chart-halo{stroke:#ffffff}',
].join('');

let fontCss: Promise<string> | null = null;

/**
 * The app's two Noto Sans files as `@font-face` rules with data URLs: an SVG drawn as an image
 * may not use the page's fonts nor fetch any, so the file carries its letters. They come from the
 * app's own bundle (precached for offline use); if that fails the file names the family alone.
 */
function embeddedFonts(): Promise<string> {
  fontCss ??= Promise.all(
    ([
      [regular, 400],
      [semiBold, 600],
    ] as const).map(async ([url, weight]) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return `@font-face{font-family:'Noto Sans';font-weight:${weight};src:url(data:font/woff2;base64,${btoa(binary)}) format('woff2')}`;
    }),
  ).then(
    (rules) => rules.join(''),
    (e: unknown) => {
      console.warn('chart export without embedded fonts:', e);
      fontCss = null;
      return '';
    },
  );
  return fontCss;
}

function element(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * A self-contained SVG file of a chart on screen: white background, the title and unit above,
 * the chart itself (a copy, in the export's light colours), the source and the data credit
 * below, Noto Sans inside. No script, no external reference.
 */
export async function chartSvg(chart: SVGSVGElement, words: ChartExport): Promise<{ text: string; width: number; height: number }> {
  const box = chart.viewBox.baseVal;
  const chartW = box.width;
  const chartH = box.height;
  const width = Math.ceil(Math.max(MIN_WIDTH, chartW + 2 * PAD));
  const room = width - 2 * PAD;
  // No xmlns attribute: the serialiser writes the namespace of an element made in it (a second one would be invalid XML).
  const root = element('svg', { version: '1.1' });
  const style = element('style', {}, (await embeddedFonts()) + EXPORT_CSS);
  root.append(element('title', {}, words.title), style, element('rect', { width: '100%', height: '100%', fill: '#ffffff' }));
  let y = PAD;
  const lines = (text: string, font: FontSpec, cls?: string) => {
    for (const line of wrapText(text, room, font, measureText)) {
      y += lineHeight(font);
      root.append(element('text', { x: PAD, y: y - Math.round(font.size * 0.3), 'font-size': font.size, 'font-weight': font.weight, ...(cls && { class: cls }) }, line));
    }
  };
  lines(words.title, TITLE);
  if (words.subtitle) lines(words.subtitle, NOTE, 'chart-muted');
  y += 6;
  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute('style');
  copy.removeAttribute('role');
  copy.removeAttribute('aria-label');
  for (const [k, v] of Object.entries({ x: PAD, y, width: chartW, height: chartH })) copy.setAttribute(k, String(v));
  root.append(copy);
  y += chartH + 4;
  for (const line of words.footer) lines(line, NOTE, 'chart-muted');
  const height = Math.ceil(y + PAD);
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`, width, height };
}

/**
 * The chart as a PNG at `scale` × its size: the SVG file is drawn by the browser itself (as a
 * Blob URL loaded into an Image, then onto a canvas), so the picture is the file, letter for letter.
 */
export async function chartPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads a chart on screen as `<fileBase>.svg` or `<fileBase>.png` (2×). */
export async function downloadChart(chart: SVGSVGElement, words: ChartExport, format: 'svg' | 'png'): Promise<void> {
  const svg = await chartSvg(chart, words);
  const blob = format === 'svg' ? new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' }) : await chartPng(svg, 2);
  downloadBlob(`${words.fileBase}.${format}`, blob);
}

/**
 * A file name from parts, after the app's own: `valstspilsetas-population_1jan-2026`. Ids keep
 * their underscores, Latvian letters lose their marks (ā → a), and anything else but ASCII
 * letters, digits, `_` and `-` becomes a dash ("2024/2026", "2013–2025").
 */
export function chartFileBase(...parts: string[]): string {
  return ['valstspilsetas', ...parts]
    .map((p) =>
      p
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9_-]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-');
}
