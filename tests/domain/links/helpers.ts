import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { linkId, type End, type Link, type OrganisationEnd } from '../../../src/domain/links/model.ts';
import type { LinkContext } from '../../../src/domain/links/validate.ts';

/** The ten state cities' points from geodata/inputs/cities.csv (lon, lat). */
export const CITY_POINTS = {
  riga: [24.1052, 56.9496],
  daugavpils: [26.536, 55.875],
  jelgava: [23.7226, 56.6506],
  jurmala: [23.7704, 56.968],
  liepaja: [21.0108, 56.5047],
  rezekne: [27.334, 56.5099],
  ventspils: [21.5606, 57.3894],
  valmiera: [25.4263, 57.5384],
  jekabpils: [25.8606, 56.4995],
  ogre: [24.614, 56.8162],
} satisfies Record<string, [number, number]>;
export type CityId = keyof typeof CITY_POINTS;

export const CONTEXT: Omit<LinkContext, 'links'> = {
  cityIds: new Set(Object.keys(CITY_POINTS)),
  unitCodes: new Set(['LV0022000', 'LV0027000', 'LV0031000', 'LV0040000', 'LV0043000']),
  cityUnits: new Map([['LV0001000', 'riga']]),
};

export const city = (id: string): End => ({ kind: 'city', id });
export const unit = (code: string): End => ({ kind: 'unit', code });
export const LLPA: OrganisationEnd = { kind: 'organisation', id: 'llpa', nameLv: 'Latvijas Lielo pilsētu asociācija', nameEn: 'LLPA', category: 'association', country: 'LV', at: { seat: 'riga' } };
export const UBC: OrganisationEnd = { kind: 'organisation', id: 'ubc', nameLv: 'Union of the Baltic Cities (UBC)', nameEn: 'Union of the Baltic Cities (UBC)', category: 'network' };

/** A valid link with sensible defaults; the id is derived unless given. */
export function makeLink(over: Partial<Link> & Pick<Link, 'from' | 'to'>): Link {
  const base: Omit<Link, 'id'> = {
    kind: 'documented',
    type: 'joint_project',
    fields: [],
    dimensions: [],
    directed: false,
    period: {},
    description: { lv: '', en: '' },
    note: { lv: '', en: '' },
    sources: [{ url: 'https://example.org/a' }],
    uncertain: false,
    ...over,
  };
  return { id: over.id ?? linkId(base), ...base } as Link;
}

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/**
 * Compares a value with the golden JSON file `fixtures/<name>`. `UPDATE_GOLDEN=1` rewrites it;
 * a mismatch writes `<name>-changed.<ext>` beside it so a person can open both in a viewer.
 */
export function expectGolden(name: string, value: unknown): void {
  const path = `${fixtures}${name}`;
  const changed = path.replace(/(\.[a-z]+)$/, '-changed$1');
  const text = `${JSON.stringify(value, null, 1)}\n`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    writeFileSync(path, text);
    if (existsSync(changed)) rmSync(changed);
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`wrote missing golden file ${name}; review it and run again`);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  if (expected !== text) writeFileSync(changed, text);
  else if (existsSync(changed)) rmSync(changed);
  expect(JSON.parse(text)).toEqual(JSON.parse(expected));
}
