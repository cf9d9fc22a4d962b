import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validUserIndicators } from '../../src/domain/storedUserIndicators.ts';
import type { UserIndicator } from '../../src/domain/userIndicators.ts';
import { fieldOf, readRecord, type RecordFormat } from '../../src/state/persistedRecord.ts';
import { persistedUserIndicators } from '../../src/state/persistedUserIndicators.ts';
import { bilingual, copy, deepFreeze, hostileKeys, mutated, put, SEED } from '../hostile.ts';

// Stored records read against their declared shapes (issue 20, "Schemas, not trust"): the
// `{ version, data }` envelope from its own properties, and the user's imports to the last field.

const echo: RecordFormat<unknown, null> = { version: 2, migrate: (version, record) => (version === 1 ? fieldOf(record, 'items') : undefined), decode: (data) => ({ ok: true, value: data }) };

const imported: UserIndicator = {
  meta: {
    id: 'user:bibliotekas',
    nameLv: 'Bibliotēkas',
    nameEn: 'Libraries',
    dimension: 'social',
    unitLv: 'skaits',
    unitEn: 'number',
    kind: 'count',
    additive: true,
    polarity: 'neutral',
    sourceLabel: 'bibliotekas.csv',
    sourceUrl: '',
    noteEn: '',
    noteLv: '',
    level: 'municipality',
  },
  observations: [{ geo: 'LV0001000', indicator: 'user:bibliotekas', year: '2024', value: 12, source: 0 }],
  source: 'bibliotekas.csv',
  importedAt: '2025-01-01',
};

describe('the envelope of a stored record', () => {
  it('is read from its own properties: an inherited data or version is no record', async () => {
    const heir = Object.create({ version: 2, data: 'inherited' }) as object;
    expect(await readRecord(echo, heir, null)).toMatchObject({ kind: 'refused', reason: { en: 'It is not in a known format.' } });
    const halfHeir = Object.assign(Object.create({ data: 'inherited' }) as object, { version: 2 });
    expect(await readRecord(echo, halfHeir, null)).toMatchObject({ kind: 'refused' });
    expect(await readRecord(echo, { version: 2, data: 'mine' }, null)).toEqual({ kind: 'ok', value: 'mine' });
  });

  it('reads an older record’s fields as data: "constructor" or "toString" is nothing it inherits', () => {
    expect(fieldOf({}, 'constructor')).toBeUndefined();
    expect(fieldOf({}, 'toString')).toBeUndefined();
    expect(fieldOf(JSON.parse('{"__proto__": 5}'), '__proto__')).toBe(5);
    expect(fieldOf({ items: [1] }, 'items')).toEqual([1]);
  });
});

describe('the user’s stored imports', () => {
  it('are kept only when every declared field has its type, to the observations', () => {
    const broken = (patch: (u: UserIndicator & Record<string, unknown>) => void) => {
      const u = copy(imported) as UserIndicator & Record<string, unknown>;
      patch(u);
      return u;
    };
    const damaged = [
      broken((u) => delete (u.meta as Partial<UserIndicator['meta']>).nameLv),
      broken((u) => ((u.meta as { kind: string }).kind = 'category')),
      broken((u) => ((u.meta as { dimension: string }).dimension = 'cosmic')),
      broken((u) => delete (u as Partial<UserIndicator>).importedAt),
      broken((u) => ((u.observations[0] as { indicator: string }).indicator = 'population_1jan')),
      broken((u) => ((u.observations[0] as { source: unknown }).source = '0')),
      broken((u) => (u.meta = Object.create(imported.meta) as UserIndicator['meta'])),
    ];
    expect(validUserIndicators([imported, ...damaged])).toEqual([imported]);
  });

  it('keep the declared fields only, as a copy', () => {
    const extra = JSON.parse(JSON.stringify({ ...imported, meta: { ...imported.meta, computed: { lv: 'x', en: 'x' } } })) as Record<string, unknown>;
    put(extra, '__proto__', { polluted: true });
    put(extra.meta as object, 'toString', 'x');
    const stored = JSON.parse(JSON.stringify(extra)) as unknown;
    expect(hostileKeys(stored).sort()).toEqual(['__proto__', 'toString']);
    const [read] = validUserIndicators([stored]);
    expect(read).toEqual(imported);
    expect(hostileKeys(read)).toEqual([]);
  });

  it('never throw, and a damaged record is shown in part or refused with a reason in both languages (fuzzed, seeded)', async () => {
    const FIELDS = ['meta', 'observations', 'source', 'importedAt', 'id', 'nameLv', 'kind', 'geo', 'indicator', 'year', 'value'];
    const records = mutated(fc.constant({ version: 2, data: [imported, imported] }), FIELDS, ['user:x', 'count', 'social'], ['set', 'delete', 'replace', 'inherit']);
    await fc.assert(
      fc.asyncProperty(records, async (raw) => {
        const outcome = await readRecord(persistedUserIndicators, deepFreeze(raw), {} as never);
        if (outcome.kind === 'refused') expect(bilingual(outcome.reason)).toBe(true);
        if (outcome.kind === 'ok') {
          expect(hostileKeys(outcome.value)).toEqual([]);
          expect(validUserIndicators(outcome.value)).toEqual(outcome.value);
        }
      }),
      { numRuns: 1000, seed: SEED },
    );
  });
});
