import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../src/domain/contrast.ts';
import { PROJECTOR_PAINT, PROJECTOR_THEME, themedLayers } from '../../src/map/projectorTheme.ts';
import { buildStyle } from '../../src/map/style.ts';
import { LIGHT_THEME } from '../../src/domain/theme.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const sources = { municipalities: empty, latvia: empty, neighbours: empty, cities: empty, contextLabels: empty, municipalityLabels: empty };
const AA = 4.5;

describe('the projector theme', () => {
  it('gives a valid style, with its thicker strokes too', () => {
    const style = buildStyle({ theme: PROJECTOR_THEME, lang: 'lv', sources });
    expect(validateStyleMin({ ...style, layers: themedLayers(PROJECTOR_THEME, 'lv') })).toEqual([]);
    const ids = new Set(style.layers.map((l) => l.id));
    for (const id of Object.keys(PROJECTOR_PAINT)) expect(ids, id).toContain(id);
  });

  it('is larger and bolder than the light theme', () => {
    expect(PROJECTOR_THEME.labelScale).toBeGreaterThanOrEqual(1.4);
    expect(PROJECTOR_THEME.nationalBorderWidth).toBeGreaterThanOrEqual(2 * LIGHT_THEME.nationalBorderWidth);
    expect(PROJECTOR_THEME.municipalBorderWidth).toBeGreaterThanOrEqual(2 * LIGHT_THEME.municipalBorderWidth);
    const light = themedLayers(LIGHT_THEME, 'lv').find((l) => l.id === 'cities-label')!;
    const stage = themedLayers(PROJECTOR_THEME, 'lv').find((l) => l.id === 'cities-label')!;
    expect(JSON.stringify(stage)).not.toBe(JSON.stringify(light));
  });

  it('meets WCAG AA for every map label on its halo or background', () => {
    const t = PROJECTOR_THEME;
    const pairs: [string, string, string, string][] = [
      ['city label on halo', t.cityLabel, t.halo, t.land],
      ['municipality label on halo', t.unitLabel, t.halo, t.land],
      ['country label on halo', t.neighbourLabel, t.halo, t.land],
      ['sea label on sea', t.seaLabel, t.sea, t.sea],
    ];
    for (const [what, text, background, base] of pairs) expect(contrastRatio(text, background, base), what).toBeGreaterThanOrEqual(AA);
  });

  it('keeps land, sea and national border apart at a glance', () => {
    const t = PROJECTOR_THEME;
    expect(contrastRatio(t.land, t.sea)).toBeGreaterThanOrEqual(1.5);
    expect(contrastRatio(t.nationalBorder, t.land)).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(t.selected, t.land)).toBeGreaterThanOrEqual(3);
  });

  it('uses page text colours that meet WCAG AA on the white cards (app.css, html.projector)', () => {
    const css = readFileSync(new URL('../../src/ui/app.css', import.meta.url), 'utf8');
    const block = /html\.projector\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    const variable = (name: string) => new RegExp(`--${name}:\\s*([^;]+);`).exec(block)?.[1]?.trim();
    expect(variable('ink')).toBeDefined();
    for (const name of ['ink', 'muted']) expect(contrastRatio(variable(name)!, '#ffffff'), name).toBeGreaterThanOrEqual(7);
    const link = /html\.projector a\s*\{\s*color:\s*([^;]+);/.exec(css)?.[1];
    expect(contrastRatio(link!, '#ffffff')).toBeGreaterThanOrEqual(7);
  });
});
