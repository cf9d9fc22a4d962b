import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LIGHT_THEME } from '../../src/domain/theme.ts';
import { PROJECTOR_THEME } from '../../src/map/projectorTheme.ts';
import { NODATA_SOURCE } from '../../src/map/style.ts';
import { contentStates, datasetFromFiles } from './contentStates.ts';

const DATA = fileURLToPath(new URL('../../public/data/', import.meta.url));

describe('the same-content floor’s feature-states', () => {
  it('are the app’s first view of the real data: residents as circles over plain land, every unit and city set', async () => {
    const dataset = await datasetFromFiles(DATA);
    const s = contentStates(dataset);
    expect(s.spec.indicator).toBe('population_1jan');
    const codes = dataset.municipalities.features.map((f) => f.properties.code);
    const units = s.light.states.filter(([source]) => source === 'municipalities');
    expect(units.map(([, id]) => id)).toEqual(codes);
    // A count is drawn as circles on the units' label points: the units stay land, unless they lack the figure.
    for (const [, id, state] of units) expect(state.fill, id).toBe(state.nodata ? LIGHT_THEME.noData : LIGHT_THEME.land);
    expect(s.light.rim).toMatch(/^#[0-9a-f]{6}$/i);
    const circles = s.light.states.filter(([source]) => source === 'municipality-labels');
    expect(circles).toHaveLength(codes.length);
    expect(circles.some(([, , state]) => typeof state.r6 === 'number' && state.r6 > 0)).toBe(true);
    expect(s.light.states.filter(([source]) => source === 'cities')).toHaveLength(dataset.cities.features.length);
  });

  it('hatch the units without the figure, from a source that holds them from the start', async () => {
    const s = contentStates(await datasetFromFiles(DATA));
    const hatched = s.light.states.filter(([source, , state]) => source === NODATA_SOURCE && state.hatched === true).map(([, id]) => id);
    const noData = s.light.states.filter(([source, , state]) => source === 'municipalities' && state.nodata === true).map(([, id]) => id);
    expect(hatched).toEqual(noData);
    for (const code of hatched) expect(s.hatchSource).toContain(code);
  });

  it('give the projector theme its own land colour and the same circles', async () => {
    const s = contentStates(await datasetFromFiles(DATA));
    const land = s.projector.states.find(([source, , state]) => source === 'municipalities' && state.nodata === false)!;
    expect(land[2].fill).toBe(PROJECTOR_THEME.land);
    expect(s.projector.rim).toBe(s.light.rim);
    const r = (calls: typeof s.light) => calls.states.filter(([source]) => source === 'municipality-labels').map(([, , state]) => state.r6);
    expect(r(s.projector)).toEqual(r(s.light));
  });

  it('read replaced files, as the synthetic sizes serve them', async () => {
    const routes = new Map([['cities.geojson', JSON.stringify({ type: 'FeatureCollection', features: [] })]]);
    const s = contentStates(await datasetFromFiles(DATA, routes));
    expect(s.light.states.filter(([source]) => source === 'cities')).toHaveLength(0);
  });
});
