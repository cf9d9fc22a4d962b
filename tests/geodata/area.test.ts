import { describe, expect, it } from 'vitest';
import type { Polygon, Position } from 'geojson';
import { area as sphericalArea } from '@turf/turf';
import { ellipsoidalAreaKm2 } from '../../geodata/area.ts';

// Reference: the area of a lat/lon cell on the GRS80 ellipsoid in closed form,
// A = b²·Δλ/2 · [q(φ₂) − q(φ₁)], q(φ) = sinφ/(1 − e²sin²φ) + ln((1 + e·sinφ)/(1 − e·sinφ))/(2e).
const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const RAD = Math.PI / 180;
const q = (phi: number) => {
  const s = Math.sin(phi * RAD);
  return s / (1 - E2 * s * s) + Math.log((1 + E * s) / (1 - E * s)) / (2 * E);
};
const cellKm2 = (lon1: number, lat1: number, lon2: number, lat2: number) =>
  ((A * A * (1 - E2) * (lon2 - lon1) * RAD) / 2) * (q(lat2) - q(lat1)) / 1e6;

/** The cell with its parallels drawn as n-point lines, as real boundaries are. */
function denseCell(lon1: number, lat1: number, lon2: number, lat2: number, n = 100): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i <= n; i++) ring.push([lon1 + ((lon2 - lon1) * i) / n, lat1]);
  for (let i = 0; i <= n; i++) ring.push([lon2 - ((lon2 - lon1) * i) / n, lat2]);
  ring.push([lon1, lat1]);
  return { type: 'Polygon', coordinates: [ring] };
}

describe('ellipsoidalAreaKm2', () => {
  const reference = cellKm2(24, 57, 25, 58);

  it('has the right reference: a 1°×1° cell at 57–58° N is about 6 677 km²', () => {
    expect(reference).toBeGreaterThan(6670);
    expect(reference).toBeLessThan(6685);
  });

  it('matches the ellipsoidal area of a 1°×1° cell near 57° N within 0.5 %', () => {
    const corners: Polygon = { type: 'Polygon', coordinates: [[[24, 57], [25, 57], [25, 58], [24, 58], [24, 57]]] };
    expect(Math.abs(ellipsoidalAreaKm2(corners) / reference - 1)).toBeLessThan(0.005);
  });

  it('is closer than 0.01 % when the parallels are densified, unlike the spherical area', () => {
    const cell = denseCell(24, 57, 25, 58);
    expect(Math.abs(ellipsoidalAreaKm2(cell) / reference - 1)).toBeLessThan(1e-4);
    // Turf's spherical area is visibly off at this latitude: the reason area.ts exists.
    expect(Math.abs(sphericalArea(cell) / 1e6 / reference - 1)).toBeGreaterThan(0.002);
  });

  it('does not depend on ring orientation and subtracts holes', () => {
    const outer = denseCell(24, 57, 25, 58).coordinates[0]!;
    const hole = denseCell(24.25, 57.25, 24.75, 57.75).coordinates[0]!.slice().reverse();
    const withHole: Polygon = { type: 'Polygon', coordinates: [outer, hole] };
    const clockwise: Polygon = { type: 'Polygon', coordinates: [outer.slice().reverse()] };
    expect(ellipsoidalAreaKm2(clockwise)).toBeCloseTo(ellipsoidalAreaKm2({ type: 'Polygon', coordinates: [outer] }), 6);
    expect(ellipsoidalAreaKm2(withHole) / (reference - cellKm2(24.25, 57.25, 24.75, 57.75))).toBeCloseTo(1, 3);
  });

  it('adds the parts of a MultiPolygon', () => {
    const a = denseCell(24, 57, 25, 58).coordinates;
    const b = denseCell(26, 57, 27, 58).coordinates;
    expect(ellipsoidalAreaKm2({ type: 'MultiPolygon', coordinates: [a, b] }) / (2 * reference)).toBeCloseTo(1, 3);
  });
});
