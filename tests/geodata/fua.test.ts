import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { PipelineError } from '../../geodata/errors.ts';
import { carryFuas, readFuaLaus } from '../../geodata/fua.ts';
import type { SourceUnit } from '../../geodata/official.ts';

const HEADER = 'fua_code,fua_name,lau_code,lau_name,year';
const CSV = `${HEADER}\nLV001L1,Rīga,0010000,Rīga,2019\nLV001L1,Rīga,0130000,Jūrmala,2019\n`;
const square = (x0: number, x1: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, 56], [x1, 56], [x1, 56.1], [x0, 56.1], [x0, 56]]] });
const unit = (code: string, municipalityCode: string, geometry: Polygon): SourceUnit => ({ code, municipalityCode, name: code, kind: 'parish', geometry });

describe('reading the FUA table', () => {
  it('reads each LAU with its FUA, as a CSP area code', () => {
    expect(readFuaLaus(CSV, 'fua.csv').map((l) => [l.fuaCode, l.lauCode, l.line])).toEqual([
      ['LV001L1', 'LV0010000', 2],
      ['LV001L1', 'LV0130000', 3],
    ]);
  });

  for (const [row, reason] of [
    ['LV001L1,Rīga,10000,Rīga,2019', 'lau_code "10000" is not a 7-digit ATVK code'],
    ['LV001L1,Rīga,0010000,Rīga,2021', 'year "2021" is not 2019 (the LAU 2019 units)'],
    ['Riga,Rīga,0010000,Rīga,2019', 'fua_code "Riga" is not an FUA code'],
  ] as const) {
    it(`stops at the line: ${reason}`, () => {
      expect(() => readFuaLaus(`${HEADER}\n${row}\n`, 'fua.csv')).toThrow(new PipelineError('fua.csv', 2, reason));
    });
  }

  it('stops on a LAU listed twice, and on a missing column', () => {
    expect(() => readFuaLaus(`${CSV}LV002L2,Liepāja,0010000,Rīga,2019\n`, 'fua.csv')).toThrow('fua.csv, line 4: LAU 0010000 listed twice');
    expect(() => readFuaLaus('fua_code,lau_code\n', 'fua.csv')).toThrow(PipelineError);
  });
});

describe('carrying FUAs to today’s units by geometry', () => {
  // 2021: LAU A (in the FUA) is 24.0–24.2, LAU B (outside) 24.2–24.4.
  const old = [unit('o1', 'LV0010000', square(24, 24.2)), unit('o2', 'LV0999000', square(24.2, 24.4))];
  const laus = readFuaLaus(`${HEADER}\nLV001L1,Rīga,0010000,Rīga,2019\n`, 'fua.csv');
  const fuaCity = new Map([['LV001L1', 'riga']]);

  it('gives a unit to the FUA that holds more than half of it, and reports one that is split', () => {
    const now = [unit('n1', 'LV0001000', square(24, 24.1)), unit('n2', 'LV0002000', square(24.1, 24.26)), unit('n3', 'LV0003000', square(24.26, 24.4))];
    const r = carryFuas(laus, fuaCity, old, now, 'fua.csv');
    expect(r.membership).toEqual({ n1: 'riga', n2: 'riga' });
    // n2: 0.1 of 0.16 in the FUA, the rest outside.
    expect(r.matches).toEqual([{ code: 'n2', name: 'n2', shares: { LV001L1: 0.625, none: 0.375 }, assigned: 'riga' }]);
    expect(r.unmatchedLaus).toEqual([]);
  });

  it('names an FUA LAU that no unit of today lies mostly in, and refuses an FUA of no state city or a LAU without units', () => {
    const now = [unit('n1', 'LV0001000', square(24.15, 24.4))];
    expect(carryFuas(laus, fuaCity, old, now, 'fua.csv').unmatchedLaus).toEqual(['LV0010000 Rīga']);
    expect(() => carryFuas(laus, new Map(), old, now, 'fua.csv')).toThrow('fua.csv, line 2: FUA LV001L1 (Rīga) is not the FUA of a state city');
    expect(() => carryFuas(laus, fuaCity, [old[1]!], now, 'fua.csv')).toThrow('fua.csv, line 2: LAU LV0010000 (Rīga) has no unit in the 2021-01-01 boundaries');
  });
});
