import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../src/domain/csv.ts';
import { createPlaceMatcher, dayAfter, foldText, mergersInto, placeMatchProblem, unitRefsFromCsv, unitRefsFromDataset, type PlaceMatch } from '../../src/domain/unitMatch.ts';
import type { MunicipalityProps } from '../../src/domain/units.ts';

const read = (p: string) => readFileSync(new URL(`../../geodata/inputs/${p}`, import.meta.url), 'utf8');
const cities = parseCsvRecords(read('cities.csv')).records.map(({ values: v }) => ({ id: v.id!, nameLv: v.name_lv!, nameEn: v.name_en! }));
const units = unitRefsFromCsv(read('units.csv'), cities);
const match = createPlaceMatcher(units);
const codeOf = (m: PlaceMatch) => (m.kind === 'unit' ? m.unit.code : m.kind);

describe('unit references', () => {
  it('reads all 43 units of 2021 with the dissolved one and the cities inside novadi', () => {
    expect(units).toHaveLength(43);
    const varaklani = units.find((u) => u.code === 'LV0055000')!;
    expect(varaklani).toMatchObject({ validTo: '2025-06-30', successorCode: 'LV0038000' });
    expect(units.find((u) => u.code === 'LV0054000')!.containedCity).toEqual({ lv: 'Valmiera', en: 'Valmiera' });
    expect(mergersInto(units.find((u) => u.code === 'LV0038000')!, units)).toEqual([{ part: varaklani, date: '2025-07-01' }]);
  });

  it('builds the same references from the loaded dataset, dissolved units passed apart', () => {
    const m: MunicipalityProps = { code: 'LV0054000', atvk: '0054000', iso: 'LV-113', nameLv: 'Valmieras novads', nameEn: 'Valmiera municipality', kind: 'novads', region: 'Vidzeme', areaKm2: 1, containsCity: 'valmiera' };
    const varaklani = units.find((u) => u.code === 'LV0055000')!;
    // The dataset does not carry validity dates of current units; everything else is the same.
    expect(unitRefsFromDataset([m], cities, [varaklani])).toEqual([{ ...units.find((u) => u.code === 'LV0054000'), validFrom: undefined }, varaklani]);
  });
});

describe('matching a place label', () => {
  it('matches CSP codes, ATVK with or without leading zeros and ISO 3166-2 codes', () => {
    expect(['LV0001000', 'lv0001000', '0001000', '1000', 'LV-RIX', ' lv-rix '].map((s) => codeOf(match(s)))).toEqual(Array(6).fill('LV0001000'));
    expect(codeOf(match('38000'))).toBe('LV0038000');
    expect(codeOf(match('LV-059'))).toBe('LV0038000');
    expect(match('LV0099000').kind).toBe('unknown');
  });

  it('matches names ignoring case, diacritics, spacing and suffix variants', () => {
    const labels = ['Aizkraukles novads', 'aizkraukles nov.', 'AIZKRAUKLES  NOVADS', 'Aizkraukles\u00a0novads', 'Aizkraukles\u2009nov', '..Aizkraukles novads', 'Aizkraukle municipality', 'Aizkraukles novada pašvaldība', 'aizkraukles novads'];
    expect(labels.map((s) => codeOf(match(s)))).toEqual(Array(labels.length).fill('LV0020000'));
    expect(['Ķekavas novads', 'Kekavas novads', 'Ķekava municipality'].map((s) => codeOf(match(s)))).toEqual(Array(3).fill('LV0034000'));
    expect(['Rīga', 'Riga', 'RĪGA', 'Rīgas valstspilsēta', 'Rigas pilseta', 'Rīgas valstspilsētas pašvaldība', 'Riga city'].map((s) => codeOf(match(s)))).toEqual(Array(7).fill('LV0001000'));
    expect(codeOf(match('Jūrmalas valstspilsēta'))).toBe('LV0004000');
  });

  it('tells a state city from the novads of the same name', () => {
    expect(codeOf(match('Ventspils'))).toBe('LV0007000');
    expect(codeOf(match('Ventspils valstspilsēta'))).toBe('LV0007000');
    expect(codeOf(match('Ventspils novads'))).toBe('LV0056000');
    expect(codeOf(match('Ventspils municipality'))).toBe('LV0056000');
    expect(codeOf(match('Jelgava'))).toBe('LV0003000');
    expect(codeOf(match('Jelgavas novads'))).toBe('LV0030000');
  });

  it('never takes a city inside a novads for its novads', () => {
    for (const [label, code] of [['Valmiera', 'LV0054000'], ['Jēkabpils', 'LV0031000'], ['Ogre', 'LV0040000'], ['Ogres pilsēta', 'LV0040000']] as const) {
      const m = match(label);
      expect(m.kind).toBe('city_in_novads');
      expect(m.kind === 'city_in_novads' && m.unit.code).toBe(code);
    }
    expect(placeMatchProblem(match('Valmiera'), 'Valmiera')!.reason.en).toBe('Valmiera lies inside Valmiera municipality and has no area of its own on the map; the row is not added to the municipality');
  });

  it('suggests the novads for a bare town name instead of guessing', () => {
    const m = match('Madona');
    expect(m).toMatchObject({ kind: 'unknown', suggestion: { code: 'LV0038000' } });
    expect(placeMatchProblem(m, 'Madona')!.reason.en).toBe('“Madona” is not a municipality; did you mean Madona municipality?');
  });

  it('reads CSP date qualifiers and keeps them with the match', () => {
    expect(match('Madonas novads (no 01.07.2025.)')).toMatchObject({ kind: 'unit', unit: { code: 'LV0038000' }, period: { relation: 'from', date: '2025-07-01' } });
    expect(match('Madona municipality (from 01.07.2025.)')).toMatchObject({ period: { relation: 'from', date: '2025-07-01' } });
    expect(match('Madonas novads (līdz 30.06.2025.)')).toMatchObject({ period: { relation: 'until', date: '2025-06-30' } });
    expect(match('Madonas novads')).toEqual({ kind: 'unit', unit: units.find((u) => u.code === 'LV0038000') });
  });

  it('reports a dissolved unit with its successor and the merger date, by any identifier', () => {
    for (const label of ['Varakļānu novads', 'Varakļāni municipality', 'LV0055000', '55000', 'LV-102']) {
      expect(match(label)).toMatchObject({ kind: 'dissolved', unit: { code: 'LV0055000' }, successor: { code: 'LV0038000' } });
    }
    const problem = placeMatchProblem(match('Varakļānu novads'), 'Varakļānu novads')!;
    expect(problem.kind).toBe('dissolved');
    expect(problem.reason.en).toBe('Varakļāni municipality was merged into Madona municipality on 2025-07-01; the import does not add its values, and the map has no such unit');
    expect(problem.reason.lv).toContain('no 2025-07-01 ir Madonas novada daļa');
  });

  it('recognises the national total and regions', () => {
    for (const s of ['Latvija', 'LATVIA', 'LV', 'Latvija kopā', '..Latvija']) expect(match(s).kind).toBe('national');
    for (const s of ['Kurzemes plānošanas reģions', 'Riga statistical region (Riga) (before 01.01.2024.)  ', 'Vidzeme statistical region (from 01.01.2024.)']) {
      expect(match(s).kind).toBe('region');
    }
  });

  it('folds Latvian letters and odd spaces', () => {
    expect(foldText(' Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž\u00a0\u202fx ')).toBe('a c e g i k l n s u z x');
    expect(dayAfter('2025-06-30')).toBe('2025-07-01');
    expect(dayAfter('2024-12-31')).toBe('2025-01-01');
  });

  it('matches every unit by each of its identifiers and never throws on any label', () => {
    for (const u of units) {
      for (const id of [u.code, u.atvk, u.iso, u.nameLv, u.nameEn]) {
        const m = match(id);
        expect(m.kind === 'unit' || m.kind === 'dissolved' ? m.unit.code : m.kind).toBe(u.code);
      }
    }
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => void match(s)));
  });
});
