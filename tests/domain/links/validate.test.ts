import { describe, expect, it } from 'vitest';
import { validateLink, validateLinks } from '../../../src/domain/links/validate.ts';
import { city, CONTEXT, LLPA, makeLink, unit } from './helpers.ts';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('validateLink', () => {
  it('accepts a city’s membership of LLPA (city ↔ association)', () => {
    expect(validateLink(makeLink({ from: city('ogre'), to: LLPA, type: 'membership' }), CONTEXT)).toEqual([]);
  });

  it('refuses an unknown end, in both languages', () => {
    const issues = validateLink(makeLink({ from: city('tukums'), to: unit('LV0099000') }), CONTEXT);
    expect(codes(issues)).toEqual(['unknown_end', 'unknown_end']);
    expect(issues[0]!.message).toEqual({ lv: 'Nezināms sākuma galapunkts: city:tukums.', en: 'Unknown from end: city:tukums.' });
    expect(issues[1]!.message.en).toBe('Unknown to end: unit:LV0099000.');
  });

  it('refuses an organisation seated in an unknown city, and a state city named by its unit code', () => {
    const seatedNowhere = { ...LLPA, at: { seat: 'atlantis' } };
    expect(codes(validateLink(makeLink({ from: city('riga'), to: seatedNowhere }), CONTEXT))).toEqual(['unknown_end']);
    const issues = validateLink(makeLink({ from: unit('LV0001000'), to: LLPA }), CONTEXT);
    expect(issues.map((i) => i.message.en)).toEqual(['LV0001000 is a state city: the end must be city:riga.']);
  });

  it('refuses a link from an end to itself', () => {
    const issues = validateLink(makeLink({ from: city('jelgava'), to: city('jelgava') }), CONTEXT);
    expect(codes(issues)).toEqual(['self_link']);
    expect(issues[0]!.message).toEqual({ lv: 'Saite savieno city:jelgava pašu ar sevi.', en: 'The link connects city:jelgava to itself.' });
  });

  it('refuses an end date before the start date', () => {
    const issues = validateLink(makeLink({ from: city('riga'), to: city('jelgava'), period: { from: '2021-06', to: '2021-05-31' } }), CONTEXT);
    expect(issues.map((i) => i.message)).toEqual([{ lv: 'Beigu datums 2021-05-31 ir pirms sākuma datuma 2021-06.', en: 'End date 2021-05-31 is before start date 2021-06.' }]);
  });

  it('refuses a duplicate: same ends (either order when undirected), type and period', () => {
    const a = makeLink({ from: city('riga'), to: city('jelgava'), type: 'transport_link', period: { from: '2025-10' }, id: 'a' });
    const b = makeLink({ from: city('jelgava'), to: city('riga'), type: 'transport_link', period: { from: '2025-10' }, id: 'b' });
    const issues = validateLink(b, { ...CONTEXT, links: [a] });
    expect(issues.map((i) => i.message)).toEqual([{ lv: 'Tāda pati saite jau ir (a): tie paši galapunkti, veids un periods.', en: 'Duplicate of a: same ends, type and period.' }]);
    // …but not itself (an edited link keeps its id), nor a different period or a reversed directed visit.
    expect(validateLink(a, { ...CONTEXT, links: [a] })).toEqual([]);
    expect(validateLink({ ...b, period: { from: '2025-12' } }, { ...CONTEXT, links: [a] })).toEqual([]);
    const visit = makeLink({ from: city('daugavpils'), to: city('rezekne'), type: 'exchange_visit', directed: true, id: 'v' });
    expect(validateLink({ ...visit, id: 'w', from: visit.to, to: visit.from }, { ...CONTEXT, links: [visit] })).toEqual([]);
  });

  it('refuses malformed values an import or an editor could bring', () => {
    const bad = makeLink({
      from: { ...LLPA, id: 'LLPA!', country: 'Latvia' },
      to: city('riga'),
      fields: ['f1', 'f9' as never],
      period: { from: '2021-13', toQualifier: 'circa' },
      weight: -1,
      sources: [{ url: 'llpa.lv' }],
      uncertainReason: { lv: 'x', en: 'x' },
    });
    expect(codes(validateLink(bad, CONTEXT))).toEqual(Array(8).fill('invalid'));
  });
});

describe('validateLinks', () => {
  it('reports repeated ids and duplicates with the index of the later link', () => {
    const a = makeLink({ from: city('riga'), to: LLPA, type: 'membership' });
    const issues = validateLinks([a, makeLink({ from: city('ogre'), to: LLPA, type: 'membership' }), a], CONTEXT);
    expect(issues.map((i) => [i.index, i.issue.code])).toEqual([[2, 'duplicate'], [2, 'duplicate']]);
  });
});
