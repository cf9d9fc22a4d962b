import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS } from '../../src/domain/importLimits.ts';
import { unitRefsFromCsv } from '../../src/domain/unitMatch.ts';
import { chunkedRunner } from '../../src/state/importRunner.ts';
import { createImportSession, type ImportSessionState } from '../../src/state/importSession.ts';

const units = unitRefsFromCsv(readFileSync(new URL('../../geodata/inputs/units.csv', import.meta.url), 'utf8'), []);
const small = new Blob(['code,value,year\nLV0001000,5,2024\nLV0002000,6,2024\n']);
const big = new Blob([['code,value,year', ...Array.from({ length: 100_000 }, (_, i) => `LV000${1 + (i % 9)}000,${i % 5},${2000 + (i % 25)}`)].join('\n')]);
const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function session() {
  const seen: ImportSessionState[] = [];
  const s = createImportSession({ runner: chunkedRunner(), units: async () => units, onChange: (state) => seen.push(state) });
  return { s, seen };
}

describe('an import session', () => {
  it('shows a file’s preview once it is read, with progress meanwhile', async () => {
    const { s, seen } = session();
    const outcome = await s.read('a.csv', small);
    expect(outcome.kind).toBe('done');
    expect(seen.some((state) => state.reading?.fileName === 'a.csv')).toBe(true);
    expect(s.state().reading).toBeNull();
    expect(s.state().preview?.fileName).toBe('a.csv');
    expect(s.state().preview?.result.rows).toHaveLength(2);
  });

  it('on Cancel leaves everything exactly as before, the previous preview included, and never shows the cancelled file', async () => {
    const { s } = session();
    await s.read('a.csv', small);
    const before = s.state();
    const reading = s.read('big.csv', big);
    expect(s.state().reading?.fileName).toBe('big.csv');
    await later(20);
    s.cancel();
    expect(await reading).toEqual({ kind: 'cancelled' });
    expect(s.state()).toEqual(before);
    await later(100);
    expect(s.state()).toEqual(before);
  });

  it('refuses a file over the size limit with the limit named, and keeps the previous preview', async () => {
    const { s } = session();
    await s.read('a.csv', small);
    const preview = s.state().preview;
    const huge = { size: IMPORT_LIMITS.bytes + 1, text: async () => '' } as unknown as Blob;
    const outcome = await s.read('huge.csv', huge);
    expect(outcome.kind).toBe('refused');
    expect(s.state().preview).toBe(preview);
    expect(s.state().refusal?.fileName).toBe('huge.csv');
    expect(s.state().refusal?.message.lv).toContain('MB');
  });

  it('reading another file cancels the one being read; closing the dialog forgets everything', async () => {
    const { s } = session();
    const first = s.read('big.csv', big);
    const second = s.read('a.csv', small);
    expect(await first).toEqual({ kind: 'cancelled' });
    expect((await second).kind).toBe('done');
    expect(s.state().preview?.fileName).toBe('a.csv');
    s.reset();
    expect(s.state()).toEqual({ preview: null, reading: null, refusal: null });
  });
});
