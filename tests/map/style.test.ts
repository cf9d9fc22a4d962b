import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { buildStyle, LABEL_LAYERS, NODATA_SOURCE, SELECTION_SOURCE, selectionData } from '../../src/map/style.ts';
import { FONT_REGULAR, FONT_SEMIBOLD } from '../../src/map/fontNames.ts';
import { PROJECTOR_THEME } from '../../src/map/projectorTheme.ts';
import { LIGHT_THEME } from '../../src/domain/theme.ts';
import { attributionHtml, boxInside, fitPadding, stagePadding, visiblePadding } from '../../src/map/view.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const sources = { municipalities: empty, latvia: empty, neighbours: empty, cities: empty, contextLabels: empty, municipalityLabels: empty };

describe('the offline style', () => {
  const style = buildStyle({ theme: LIGHT_THEME, lang: 'lv', sources });

  it('is valid against the MapLibre style specification', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('needs no tile server, glyph server or sprite', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) expect(source.type).toBe('geojson');
  });

  it('draws labels only in the two Noto Sans names the page registers, with no font files of its own', () => {
    // Without `font-faces` MapLibre draws with the page's fonts of these names (src/map/fonts.ts):
    // a font declared in the style would be downloaded a second time.
    expect(style['font-faces']).toBeUndefined();
    const fonts = new Set(style.layers.flatMap((l) => ((l.layout as { 'text-font'?: string[] } | undefined)?.['text-font'] ?? [])));
    expect([...fonts].sort()).toEqual([FONT_REGULAR, FONT_SEMIBOLD].sort());
  });

  it('outlines the selected unit from a source of its own, not a zero-width line over every unit', () => {
    const layer = style.layers.find((l) => l.id === 'municipalities-highlight') as { source?: string; paint?: object };
    expect(layer.source).toBe(SELECTION_SOURCE);
    expect(JSON.stringify(layer.paint)).not.toContain('feature-state');
    expect(style.sources[SELECTION_SOURCE]).toMatchObject({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    const unit = { type: 'Feature' as const, properties: { code: 'LV0052000' }, geometry: { type: 'Point' as const, coordinates: [23, 56] } };
    expect(selectionData(unit).features).toEqual([unit]);
    expect(selectionData(null).features).toEqual([]);
  });

  it('lists first the sources whose tiles wait on the page (glyphs for labels, the hatch image), so they are made first', () => {
    // MapLibre asks its worker for the sources' tiles in this order; a label or pattern tile then
    // waits for the page to answer. Asked last, they arrived after the rest and cost one more frame.
    const order = Object.keys(style.sources);
    const waiting = new Set(style.layers.filter((l) => l.type === 'symbol' || (l.paint && 'fill-pattern' in l.paint)).map((l) => (l as { source: string }).source));
    const lastWaiting = Math.max(...[...waiting].map((s) => order.indexOf(s)));
    const firstOther = Math.min(...order.filter((s) => !waiting.has(s)).map((s) => order.indexOf(s)));
    expect(waiting).toEqual(new Set(['context-labels', 'cities', 'municipality-labels', 'territorial-labels', NODATA_SOURCE]));
    expect(lastWaiting).toBeLessThan(firstOther);
  });

  it('starts the hatch source with the units it is given, so its tiles are made once with the rest', () => {
    const unit = { type: 'Feature' as const, properties: { code: 'LV0038000' }, geometry: { type: 'Point' as const, coordinates: [26, 57] } };
    const noData: FeatureCollection = { type: 'FeatureCollection', features: [unit] };
    expect(buildStyle({ theme: LIGHT_THEME, lang: 'lv', sources: { ...sources, noData } }).sources[NODATA_SOURCE]).toMatchObject({ data: noData, promoteId: 'code' });
    expect(style.sources[NODATA_SOURCE]).toMatchObject({ data: { type: 'FeatureCollection', features: [] } });
  });

  it('stacks context, data, lines, then points and labels', () => {
    const ids = style.layers.map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    expect(at('neighbours-fill')).toBeLessThan(at('municipalities-fill'));
    expect(at('municipalities-fill')).toBeLessThan(at('borders-municipal'));
    expect(at('borders-national')).toBeLessThan(at('cities-circle'));
    expect(at('cities-circle')).toBeLessThan(at('cities-label'));
    for (const id of LABEL_LAYERS) expect(ids).toContain(id);
  });

  it('draws the borders from the unit and Latvia polygons, in opaque colours so shared edges drawn twice look the same', () => {
    const source = (id: string) => (style.layers.find((l) => l.id === id) as { source?: string }).source;
    expect(source('borders-municipal')).toBe('municipalities');
    expect(source('borders-national')).toBe('latvia');
    expect(Object.keys(style.sources)).not.toContain('borders');
    for (const theme of [LIGHT_THEME, PROJECTOR_THEME]) {
      expect(theme.municipalBorder).toMatch(/^#[0-9a-f]{6}$/i);
      expect(theme.nationalBorderWidth).toBeGreaterThan(theme.municipalBorderWidth);
    }
  });

  it('labels in the chosen language', () => {
    const en = buildStyle({ theme: LIGHT_THEME, lang: 'en', sources });
    const field = (s: typeof style) => JSON.stringify(s.layers.find((l) => l.id === 'cities-label')!.layout);
    expect(field(style)).toContain('nameLv');
    expect(field(en)).toContain('nameEn');
  });
});

describe('choropleth paint', () => {
  const style = buildStyle({ theme: LIGHT_THEME, lang: 'lv', sources });
  const paint = (id: string) => JSON.stringify(style.layers.find((l) => l.id === id)!.paint);

  it('reads the data colours, hatch and fading from feature-state, so a new indicator only repaints', () => {
    // One feature-state value per unit (colour and fading in one): a switch rewrites one vertex
    // attribute. The hatch covers only the units of its own source, those without data.
    expect(paint('municipalities-fill')).toBe(JSON.stringify({ 'fill-color': ['coalesce', ['feature-state', 'fill'], LIGHT_THEME.noData], 'fill-antialias': false }));
    const hatch = style.layers.find((l) => l.id === 'municipalities-nodata') as { source?: string };
    expect(hatch.source).toBe(NODATA_SOURCE);
    expect(style.sources[NODATA_SOURCE]).toMatchObject({ type: 'geojson', promoteId: 'code', data: { features: [] } });
    expect(paint('municipalities-nodata')).toContain('["feature-state","faded"]');
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('municipalities-nodata')).toBe(ids.indexOf('municipalities-fill') + 1);
    expect(paint('cities-circle')).toContain('["feature-state","r6"]');
    // No data-driven filter either: a changed filter reloads the source's tiles too.
    for (const layer of style.layers) expect('filter' in layer && JSON.stringify(layer.filter).includes('LV0')).toBe(false);
  });
});

describe('view helpers', () => {
  it('keeps Latvia clear of the legend on wide screens only', () => {
    expect(fitPadding(1280, 800).left).toBeGreaterThan(250);
    expect(fitPadding(375, 667).left).toBeLessThan(30);
  });

  it('grows the padding with the interface on big screens (×1.5 from 2200 px, ×2 at 4K), as index.html does for the placeholder', () => {
    expect(fitPadding(1920, 1080)).toEqual({ top: 72, right: 24, bottom: 32, left: 330 });
    expect(fitPadding(2560, 1440)).toEqual({ top: 108, right: 36, bottom: 48, left: 495 });
    expect(fitPadding(3840, 2160)).toEqual({ top: 144, right: 48, bottom: 64, left: 660 });
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    expect(html).toContain('@media (min-width: 2200px) { .map-placeholder { --t: 108px; --r: 36px; --b: 48px; --l: 495px; } }');
    expect(html).toContain('@media (min-width: 3200px) { .map-placeholder { --t: 144px; --r: 48px; --b: 64px; --l: 660px; } }');
    expect(visiblePadding(3840, 2160).right).toBeGreaterThanOrEqual(2 * 360);
  });

  it('credits the boundaries to CSP and VZD with a link to CC BY 4.0 and the changes made, Natural Earth and CSP data', () => {
    const html = attributionHtml().join(' ');
    expect(html).toMatch(/Robežas \/ boundaries: CSP, VZD \(<a href="https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/"[^>]*>CC BY 4\.0<\/a>\)/);
    expect(html).toContain('title="modified: reprojected to WGS84, simplified, Varakļāni municipality merged into Madona municipality (1 July 2025)"');
    expect(html).not.toMatch(/amcharts/i);
    expect(html).toContain('Natural Earth');
    expect(html).toContain('CSP');
  });
});

describe('keeping a selected place in view', () => {
  it('leaves room for the panel on the right on a desktop and for the bottom sheet on a phone', () => {
    const desk = visiblePadding(1280, 800);
    expect(desk.right).toBeGreaterThanOrEqual(360);
    const phone = visiblePadding(375, 667);
    expect(phone.bottom).toBeGreaterThan(667 / 2);
  });

  it('tells a box inside the free part of the screen from one under a panel', () => {
    const pad = visiblePadding(1280, 800);
    expect(boxInside([500, 300, 520, 320], 1280, 800, pad)).toBe(true);
    expect(boxInside([1100, 300, 1120, 320], 1280, 800, pad)).toBe(false);
    expect(boxInside([100, 300, 120, 320], 1280, 800, pad)).toBe(false);
  });
});

describe('placeBounds', () => {
  it('gives a city its point and a municipality its outline’s box, and nothing for an unknown place', async () => {
    const { placeBounds } = await import('../../src/map/view.ts');
    const dataset = {
      cities: { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { id: 'riga' }, geometry: { type: 'Point' as const, coordinates: [24.1, 56.95] } }] },
      municipalities: { type: 'FeatureCollection' as const, features: [{ type: 'Feature' as const, properties: { code: 'LV1' }, geometry: { type: 'Polygon' as const, coordinates: [[[24, 56], [25, 56], [25, 57], [24, 56]]] } }] },
    } as never;
    expect(placeBounds(dataset, { kind: 'city', id: 'riga' })).toEqual([24.1, 56.95, 24.1, 56.95]);
    expect(placeBounds(dataset, { kind: 'unit', code: 'LV1' })).toEqual([24, 56, 25, 57]);
    expect(placeBounds(dataset, { kind: 'unit', code: 'LV9' })).toBeNull();
  });
});

describe('the stage padding of a scene', () => {
  const rect = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
  it('takes the legend card from the left, the caption from the bottom and a panel from the right, with a margin', () => {
    const pad = stagePadding([rect(12, 12, 312, 600), rect(24, 640, 1100, 760), rect(900, 12, 1268, 760)], 1280, 800);
    expect(pad).toEqual({ top: 16, left: 328, bottom: 176, right: 396 });
  });

  it('ignores what is hidden or off-screen, and never leaves less than a fifth of the screen', () => {
    expect(stagePadding([rect(0, 0, 0, 0), rect(-400, 10, -10, 300), rect(10, 900, 300, 950)], 1280, 800)).toEqual({ top: 16, right: 16, bottom: 16, left: 16 });
    const crowded = stagePadding([rect(0, 0, 900, 790), rect(700, 0, 1280, 790)], 1280, 800);
    expect(crowded.left + crowded.right).toBeCloseTo(1280 * 0.8, 6);
  });
});
