import { describe, expect, it } from 'vitest';
import { changedStates, cityStates, FADED_UNIT, hatchUpdate, NO_VALUE_RADIUS, noDataCodes, paintedFill, unitStates, unitSymbolStates } from '../../src/map/featureStates.ts';
import { over, parseColour } from '../../src/domain/contrast.ts';
import { PROJECTOR_THEME } from '../../src/map/projectorTheme.ts';
import { LIGHT_THEME } from '../../src/domain/theme.ts';

const codes = ['LV0001000', 'LV0002000', 'LV0038000'];
const paint = { colourByCode: new Map([['LV0001000', '#08519c'], ['LV0002000', '#eff3ff']]), noDataCodes: ['LV0038000'] };

describe('unit feature-states', () => {
  it('colour each unit by class and hatch exactly the units without data', () => {
    const s = unitStates(codes, paint, LIGHT_THEME, false, null);
    expect(s.get('LV0001000')).toEqual({ fill: '#08519c', nodata: false, faded: false });
    expect(s.get('LV0038000')).toEqual({ fill: LIGHT_THEME.noData, nodata: true, faded: false });
  });

  it('fade every unit but the emphasised ones', () => {
    const s = unitStates(codes, paint, LIGHT_THEME, false, ['LV0002000']);
    expect([...s.values()].map((u) => u.faded)).toEqual([true, false, true]);
  });

  it('leave the units plain land, unhatched, for a city-level indicator', () => {
    const s = unitStates(codes, paint, LIGHT_THEME, true, ['LV0002000']);
    for (const u of s.values()) expect(u).toEqual({ fill: LIGHT_THEME.land, nodata: false, faded: false });
  });
});

describe('a municipal count drawn as circles', () => {
  it('leaves the units with a value plain land and still hatches the one without', () => {
    const s = unitStates(codes, paint, LIGHT_THEME, false, ['LV0002000'], true);
    expect(s.get('LV0001000')).toEqual({ fill: LIGHT_THEME.land, nodata: false, faded: false });
    expect(s.get('LV0038000')).toEqual({ fill: LIGHT_THEME.noData, nodata: true, faded: false });
  });

  it('sizes and colours each unit’s circle, fades the others on emphasis, and draws none without a value', () => {
    const symbols = { colourById: new Map([['LV0001000', '#08519c'], ['LV0002000', '#eff3ff']]), radiusById: new Map([['LV0001000', 26], ['LV0002000', 6]]) };
    const s = unitSymbolStates(codes, symbols, LIGHT_THEME, ['LV0002000']);
    expect(s.get('LV0001000')).toEqual({ fill: '#08519c', r6: 26, r10: 39, faded: true });
    expect(s.get('LV0002000')).toMatchObject({ r6: 6, faded: false });
    expect(s.get('LV0038000')).toMatchObject({ r6: 0, r10: 0 });
    for (const c of unitSymbolStates(codes, null, LIGHT_THEME, null).values()) expect(c).toMatchObject({ r6: 0, r10: 0 });
  });
});

describe('the painted unit colour', () => {
  const sea = parseColour(LIGHT_THEME.sea)!;
  const near = (a: { r: number; g: number; b: number }, b: typeof a) => Math.max(Math.abs(a.r - b.r), Math.abs(a.g - b.g), Math.abs(a.b - b.b));

  it('is the class colour, or the no-data colour (the hatch is drawn over it)', () => {
    expect(paintedFill({ fill: '#08519c', nodata: false, faded: false }, LIGHT_THEME)).toBe('#08519c');
    expect(paintedFill({ fill: LIGHT_THEME.noData, nodata: true, faded: false }, LIGHT_THEME)).toBe(LIGHT_THEME.noData);
  });

  it('fades, opaque, as the colour drawn at FADED_UNIT opacity over the sea did', () => {
    // #08519c at 15 % over the sea #d7e4ee, worked out by hand: 0.15·8 + 0.85·215 = 183.95, …
    expect(FADED_UNIT).toBe(0.15);
    expect(paintedFill({ fill: '#08519c', nodata: false, faded: true }, LIGHT_THEME)).toBe('rgb(184,206,226)');
    const faded = parseColour(paintedFill({ fill: LIGHT_THEME.noData, nodata: true, faded: true }, LIGHT_THEME))!;
    expect(faded.a).toBe(1);
    expect(near(faded, over({ ...parseColour(LIGHT_THEME.noData)!, a: FADED_UNIT }, sea))).toBeLessThanOrEqual(0.5);
  });

  it('follows the theme', () => {
    const s = { fill: '#08519c', nodata: false, faded: true };
    expect(paintedFill(s, PROJECTOR_THEME)).not.toBe(paintedFill(s, LIGHT_THEME));
  });

  it('grows the hatch source once per unit and flags only the units whose hatch changes', () => {
    const start = { inSource: new Set(['M', 'R']), hatched: new Set<string>() };
    const a = hatchUpdate(start, ['M']);
    expect(a.added).toEqual([]);
    expect(a.flags).toEqual([['M', true]]);
    expect(a.next.inSource).toBe(start.inSource);
    // A unit the source lacks is added; M loses its hatch; nothing else is sent.
    const b = hatchUpdate(a.next, ['X']);
    expect(b.added).toEqual(['X']);
    expect(b.flags).toEqual([['M', false], ['X', true]]);
    expect([...b.next.inSource].sort()).toEqual(['M', 'R', 'X']);
    // Back to M: no reload, two flags.
    const c = hatchUpdate(b.next, ['M']);
    expect(c.added).toEqual([]);
    expect(c.flags).toEqual([['X', false], ['M', true]]);
    expect(hatchUpdate(c.next, ['M']).flags).toEqual([]);
  });

  it('lists the units without data for the hatch', () => {
    expect(noDataCodes(unitStates(codes, paint, LIGHT_THEME, false, null))).toEqual(['LV0038000']);
    expect(noDataCodes(unitStates(codes, paint, LIGHT_THEME, true, null))).toEqual([]);
  });
});

describe('city feature-states', () => {
  it('are the plain marker without symbols, and colour and size with them', () => {
    expect(cityStates(['riga'], null, LIGHT_THEME, null).get('riga')).toEqual({ fill: null, r6: null, r10: null, faded: false });
    const symbols = { colourById: new Map([['riga', '#123456']]), radiusById: new Map([['riga', 12.34]]) };
    const s = cityStates(['riga', 'ogre'], symbols, LIGHT_THEME, ['ogre']);
    expect(s.get('riga')).toEqual({ fill: '#123456', r6: 12.3, r10: 18.5, faded: true });
    expect(s.get('ogre')).toEqual({ fill: LIGHT_THEME.noData, r6: NO_VALUE_RADIUS, r10: NO_VALUE_RADIUS, faded: false });
  });
});

describe('changed states', () => {
  it('are all of them the first time, then only those that differ', () => {
    const a = unitStates(codes, paint, LIGHT_THEME, false, null);
    const b = unitStates(codes, paint, LIGHT_THEME, false, ['LV0001000']);
    expect([...changedStates(a, null).keys()]).toEqual(codes);
    expect([...changedStates(b, a).keys()]).toEqual(['LV0002000', 'LV0038000']);
    expect(changedStates(a, a).size).toBe(0);
  });
});
