import { describe, expect, it } from 'vitest';
import { filterLinks, nodeDegree } from '../../../src/domain/links/network.ts';
import { city, LLPA, makeLink, UBC, unit } from './helpers.ts';

const links = [
  makeLink({ id: 'm1', from: city('riga'), to: LLPA, type: 'membership', period: { fromText: 'current (page undated)' } }),
  makeLink({ id: 'm2', from: city('ogre'), to: LLPA, type: 'membership' }),
  makeLink({ id: 'p1', from: city('daugavpils'), to: unit('LV0022000'), type: 'joint_planning_document', period: { from: '2021-02-01', to: '2030' } }),
  makeLink({ id: 's1', from: city('liepaja'), to: unit('LV0027000'), type: 'shared_company', fields: ['f3'], dimensions: ['environmental'], period: { from: '2008', fromQualifier: 'by' } }),
  makeLink({ id: 'u1', from: city('liepaja'), to: unit('LV0027000'), type: 'joint_project', fields: ['f5'], period: { from: '2023-06-01', to: '2025-12-31' } }),
  makeLink({ id: 'n1', from: city('jelgava'), to: UBC, type: 'network_membership', uncertain: true, uncertainReason: { lv: 'x', en: 'x' } }),
  makeLink({ id: 'o1', from: unit('LV0040000'), to: city('riga'), type: 'association_of_municipalities', period: { from: '2021-01-11' } }),
];
const ids = (ls: { id: string }[]) => ls.map((l) => l.id);

describe('nodeDegree', () => {
  it('counts each link once at each of its ends', () => {
    expect(Object.fromEntries(nodeDegree(links))).toEqual({
      'city:riga': 2,
      'org:llpa': 2,
      'city:ogre': 1,
      'city:daugavpils': 1,
      'unit:LV0022000': 1,
      'city:liepaja': 2,
      'unit:LV0027000': 2,
      'city:jelgava': 1,
      'org:ubc': 1,
      'unit:LV0040000': 1,
    });
    expect(nodeDegree([]).size).toBe(0);
  });
});

describe('filterLinks', () => {
  it('lets everything through with an empty filter', () => {
    expect(ids(filterLinks(links, {}))).toEqual(ids(links));
    expect(ids(filterLinks(links, { types: [], fields: [], dimensions: [] }))).toEqual(ids(links));
  });

  it('filters by type, field and dimension; a link without fields fails a field filter', () => {
    expect(ids(filterLinks(links, { types: ['membership', 'shared_company'] }))).toEqual(['m1', 'm2', 's1']);
    expect(ids(filterLinks(links, { fields: ['f5', 'f1'] }))).toEqual(['u1']);
    expect(ids(filterLinks(links, { dimensions: ['environmental'] }))).toEqual(['s1']);
  });

  it('filters by a period window, open-ended links always overlapping', () => {
    expect(ids(filterLinks(links, { period: { from: '2026', to: '2026' } }))).toEqual(['m1', 'm2', 'p1', 's1', 'n1', 'o1']);
    expect(ids(filterLinks(links, { period: { to: '2007' } }))).toEqual(['m1', 'm2', 'n1']);
  });

  it('focuses on a city, and on the novads of a city that lies inside one', () => {
    expect(ids(filterLinks(links, { focusCity: 'riga' }))).toEqual(['m1', 'o1']);
    expect(ids(filterLinks(links, { focusCity: 'ogre', focusUnit: 'LV0040000' }))).toEqual(['m2', 'o1']);
  });

  it('can leave out uncertain links', () => {
    expect(ids(filterLinks(links, { includeUncertain: false }))).not.toContain('n1');
    expect(ids(filterLinks(links, { types: ['network_membership'] }))).toEqual(['n1']);
  });
});
