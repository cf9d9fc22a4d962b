import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Link } from '../../src/domain/links/model.ts';
import { arcOpacity, FIELD_COLOURS, LINK_BEFORE_ID, linkDrawing, linkLayers, linkSources, linkVisibility, linkWidth, MODEL_COLOUR, STRAND_SPACING_KM, TYPE_COLOURS } from '../../src/map/linkLayers.ts';
import { buildStyle } from '../../src/map/style.ts';
import { LIGHT_THEME } from '../../src/domain/theme.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const sources = { municipalities: empty, latvia: empty, neighbours: empty, cities: empty, contextLabels: empty, municipalityLabels: empty };
const shipped = JSON.parse(readFileSync(new URL('../../public/data/links.json', import.meta.url), 'utf8')) as Link[];
const positions = {
  cities: new Map([['riga', [24.1, 56.95]], ['daugavpils', [26.54, 55.88]], ['liepaja', [21.0, 56.5]]]),
  units: new Map([['LV0023000', [24.4, 57.1]]]),
};
const link = (over: Partial<Link>): Link => ({
  kind: 'documented', id: 'L1', from: { kind: 'city', id: 'riga' }, to: { kind: 'city', id: 'daugavpils' }, type: 'agreement', fields: [], dimensions: [], directed: false,
  period: {}, description: { lv: '', en: '' }, note: { lv: '', en: '' }, sources: [], uncertain: false, ...over,
});

describe('link layers', () => {
  it('make a valid style when inserted under the city circles', () => {
    const base = buildStyle({ theme: LIGHT_THEME, lang: 'lv', sources });
    const layers = [...base.layers];
    for (const layer of linkLayers()) layers.splice(layers.findIndex((l) => l.id === LINK_BEFORE_ID), 0, layer);
    const errors = validateStyleMin({ ...base, sources: { ...base.sources, ...linkSources() }, layers });
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(layers.findIndex((l) => l.id === 'links-arc')).toBeLessThan(layers.findIndex((l) => l.id === 'cities-label'));
  });

  it('draw only links with both ends placed; arrows only on directed ones; nodes sized by degree', () => {
    const links = [
      link({ id: 'a', fields: ['f3'] }),
      link({ id: 'b', to: { kind: 'organisation', id: 'far', nameLv: 'Tālu', nameEn: 'Far', category: 'place' } }),
      link({ id: 'c', to: { kind: 'unit', code: 'LV0023000' }, directed: true, type: 'exchange_visit', uncertain: true }),
      link({ id: 'd', to: { kind: 'organisation', id: 'llpa', nameLv: 'L', nameEn: 'L', category: 'association', at: { seat: 'liepaja' } } }),
    ];
    const d = linkDrawing(links, positions, 'field');
    expect(d.drawn).toEqual(['a', 'c', 'd']);
    expect(d.arrows.features.map((f) => f.properties!.id)).toEqual(['c']);
    expect(d.arcs.features[0]!.properties!.colour).toBe(FIELD_COLOURS.f3);
    expect(d.arcs.features[1]!.properties!.uncertain).toBe(true);
    const riga = d.nodes.features.find((f) => f.geometry.coordinates[0] === 24.1)!;
    expect(riga.properties!.degree).toBe(3);
    expect(linkDrawing(links, positions, 'type').arcs.features[0]!.properties!.colour).toBe(TYPE_COLOURS.agreement);
  });

  it('bow a second link between the same places further out, so they do not overlap', () => {
    const d = linkDrawing([link({ id: 'a' }), link({ id: 'b', type: 'joint_project' })], positions, 'field');
    const mid = (i: number) => d.arcs.features[i]!.geometry.coordinates[16]!;
    expect(mid(0)).not.toEqual(mid(1));
  });

  it('bundle the links between two places as a ribbon: strands a fixed distance apart whatever the distance, grouped by colour', () => {
    const apexGapKm = (to: Link['to']) => {
      const d = linkDrawing([link({ id: 'a', to }), link({ id: 'b', to })], positions, 'field');
      const [p, q] = [0, 1].map((i) => d.arcs.features[i]!.geometry.coordinates[16]!);
      return distance(p!, q!);
    };
    // Rīga–Daugavpils is about 200 km, Rīga–the unit about 20 km: the strands lie the same 4 km apart.
    expect(apexGapKm({ kind: 'city', id: 'daugavpils' })).toBeCloseTo(STRAND_SPACING_KM, 0);
    expect(apexGapKm({ kind: 'unit', code: 'LV0023000' })).toBeCloseTo(STRAND_SPACING_KM, 0);
    const mixed = linkDrawing([link({ id: 'a', fields: ['f1'] }), link({ id: 'b', fields: ['f2'] }), link({ id: 'c', fields: ['f1'] })], positions, 'field');
    expect(mixed.arcs.features.map((f) => f.properties!.id)).toEqual(['a', 'c', 'b']);
  });

  it('width is constant without weights and grows with weight', () => {
    expect(linkWidth(undefined, 0)).toBe(linkWidth(undefined, 10));
    expect(linkWidth(1, 10)).toBeLessThan(linkWidth(10, 10));
  });

  it('fade the unfocused arcs by paint only, and keep the model on its own switch and colour', () => {
    expect(arcOpacity(null)).toBe(0.9);
    expect(arcOpacity(['a'])).toEqual(['case', ['in', ['get', 'id'], ['literal', ['a']]], 1, 0.08]);
    expect(linkVisibility(true, false)['links-model-line']).toBe('none');
    expect(linkVisibility(false, true)['links-arc']).toBe('none');
    expect([...Object.values(FIELD_COLOURS), ...Object.values(TYPE_COLOURS)]).not.toContain(MODEL_COLOUR);
  });

  it('the shipped links draw most arcs', () => {
    const d = linkDrawing(shipped, positions, 'field');
    expect(d.drawn.length).toBeGreaterThan(0);
  });
});
