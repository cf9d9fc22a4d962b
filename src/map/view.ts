import { bbox } from '@turf/turf';
import { BOUNDARY_CHANGES } from '../domain/boundaries.ts';
import type { PlaceRef } from '../domain/places.ts';
import type { Dataset } from '../domain/dataset.ts';

/**
 * How much the interface is enlarged on big screens (CSS `zoom` on the cards, app.css): ×1.5 from
 * 2200 px wide, ×2 from 3200 px (a 4K screen at 100 %), so text stays readable from the back of a room.
 */
export function uiScale(width: number): number {
  return width >= 3200 ? 2 : width >= 2200 ? 1.5 : 1;
}

const scaled = (p: { top: number; right: number; bottom: number; left: number }, k: number) => ({ top: p.top * k, right: p.right * k, bottom: p.bottom * k, left: p.left * k });

/** Screen padding that keeps Latvia clear of the header and, on wide screens, the legend (scaled with the interface). */
export function fitPadding(width: number, height: number): { top: number; right: number; bottom: number; left: number } {
  const wide = width >= 900;
  const top = height >= 500 ? 72 : 56;
  return scaled({ top, right: 24, bottom: wide ? 32 : 56, left: wide ? 330 : 16 }, uiScale(width));
}

/**
 * The attribution line: the boundaries' CC BY 4.0 licence asks for the credit, a link to the
 * licence and a statement of the changes made (no endorsement by CSP or VZD is implied).
 */
export function attributionHtml(): string[] {
  return [
    `Robežas / boundaries: CSP, VZD (<a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener license">CC BY 4.0</a>), <span title="${BOUNDARY_CHANGES.en}">${BOUNDARY_CHANGES.lv.split(':')[0]} / ${BOUNDARY_CHANGES.en.split(':')[0]}</span>`,
    'Natural Earth',
    'Dati / data: <a href="https://stat.gov.lv/" target="_blank" rel="noopener">CSP / Oficiālās statistikas portāls</a>',
  ];
}

/**
 * The part of the screen not covered by the header, the left card and the place panel: a place
 * selected outside it is brought into it. On a phone the panel is a bottom sheet (60 % high).
 */
export function visiblePadding(width: number, height: number): { top: number; right: number; bottom: number; left: number } {
  if (width <= 640) return { top: 72, right: 16, bottom: Math.round(height * 0.6) + 16, left: 16 };
  const k = uiScale(width);
  return scaled({ top: 72, right: Math.min(500, Math.round(width * 0.4 / k)), bottom: 32, left: width >= 900 ? 330 : 16 }, k);
}

/** Whether a screen box [x0, y0, x1, y1] lies inside the padded screen. */
export function boxInside(box: [number, number, number, number], width: number, height: number, pad: ReturnType<typeof visiblePadding>): boolean {
  return box[0] >= pad.left && box[2] <= width - pad.right && box[1] >= pad.top && box[3] <= height - pad.bottom;
}

/** A place's bounds [w, s, e, n]: a city's point, or a municipality's outline; null for an unknown one. */
export function placeBounds(dataset: Pick<Dataset, 'cities' | 'municipalities'>, ref: PlaceRef): [number, number, number, number] | null {
  if (ref.kind === 'city') {
    const c = dataset.cities.features.find((f) => f.properties.id === ref.id);
    if (!c) return null;
    const [lon, lat] = c.geometry.coordinates as [number, number];
    return [lon, lat, lon, lat];
  }
  const unit = dataset.municipalities.features.find((f) => f.properties.code === ref.code);
  return unit ? (bbox(unit) as [number, number, number, number]) : null;
}

/** A screen rectangle, as `getBoundingClientRect` gives it. */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The map padding that keeps a scene clear of what floats over the stage: each card is taken as
 * a band on the side it hugs — a wide one in the lower half (the caption) from the bottom, one in
 * the right half (a panel) from the right, the rest (the legend card) from the left — plus a margin.
 * MapLibre then centres the scene's camera in what is left and a city is never drawn under a card.
 */
export function stagePadding(rects: readonly ScreenRect[], width: number, height: number, margin = 16): { top: number; right: number; bottom: number; left: number } {
  const pad = { top: margin, right: margin, bottom: margin, left: margin };
  for (const r of rects) {
    if (r.right - r.left <= 0 || r.bottom - r.top <= 0 || r.right <= 0 || r.left >= width || r.bottom <= 0 || r.top >= height) continue;
    if (r.top > height / 2 && r.right - r.left > width * 0.25) pad.bottom = Math.max(pad.bottom, height - r.top + margin);
    else if (r.left > width / 2) pad.right = Math.max(pad.right, width - r.left + margin);
    else pad.left = Math.max(pad.left, r.right + margin);
  }
  // Never so much that nothing is left to draw in.
  const k = Math.min(1, (width * 0.8) / (pad.left + pad.right), (height * 0.8) / (pad.top + pad.bottom));
  return k < 1 ? { top: pad.top * k, right: pad.right * k, bottom: pad.bottom * k, left: pad.left * k } : pad;
}
