import type { ComputedNote, IndicatorData, IndicatorMeta, Observation, TextPair } from './indicators.ts';
import { isRecord, own } from './own.ts';

/**
 * The figures of one indicator in `IndicatorFile`, as columns: entry i of every column is one
 * observation. `geo` and `year` index `IndicatorFile.geos` and `years`, `source` indexes `sources`,
 * `note` indexes `notes` (null: no note). `note` and `computed` are absent when no observation of
 * the indicator has one.
 */
export interface IndicatorSeries {
  indicator: string;
  geo: number[];
  year: number[];
  value: number[];
  source: number[];
  note?: (number | null)[];
  computed?: (ComputedNote | null)[];
}

/**
 * `public/data/indicators.json` as written: `IndicatorData` with every text stored once. The same
 * few notes recur in thousands of observations, and an object per observation repeats every key:
 * columns per indicator and tables of notes, places and years make the shipped file a quarter
 * smaller in gzip (half at 5 000 units), and the app's heap holds each note once instead of once
 * per observation.
 */
export interface IndicatorFile {
  format: 2;
  indicators: IndicatorMeta[];
  sources: string[];
  sourcePairs?: (TextPair | null)[];
  notes: string[];
  /** `notes[i]` in both languages, or null; absent when no note has a pair. */
  notePairs?: (TextPair | null)[];
  geos: string[];
  years: string[];
  series: IndicatorSeries[];
}

/** An indicators file that cannot be read, with the file's name and the first problem found. */
export class IndicatorFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** The index of each distinct key, in order of first appearance. */
function table<T>(keys: Map<string, number>, rows: T[], key: string, row: T): number {
  let i = keys.get(key);
  if (i === undefined) {
    i = rows.length;
    keys.set(key, i);
    rows.push(row);
  }
  return i;
}

/**
 * The file form of the data. Observations are grouped by indicator in the order of each
 * indicator's first observation and keep their order within it, so the pipeline's order (by
 * indicator, place, year) comes back unchanged from `unpackIndicatorFile`.
 */
export function packIndicatorFile(data: IndicatorData): IndicatorFile {
  const geos: string[] = [];
  const years: string[] = [];
  const notes: string[] = [];
  const notePairs: (TextPair | null)[] = [];
  const geoIndex = new Map<string, number>();
  const yearIndex = new Map<string, number>();
  const noteIndex = new Map<string, number>();
  const series = new Map<string, { s: IndicatorSeries; note: (number | null)[]; computed: (ComputedNote | null)[] }>();
  for (const o of data.observations) {
    let entry = series.get(o.indicator);
    if (!entry) {
      entry = { s: { indicator: o.indicator, geo: [], year: [], value: [], source: [] }, note: [], computed: [] };
      series.set(o.indicator, entry);
    }
    const { s } = entry;
    s.geo.push(table(geoIndex, geos, o.geo, o.geo));
    s.year.push(table(yearIndex, years, o.year, o.year));
    s.value.push(o.value);
    s.source.push(o.source);
    if (o.note === undefined && o.notePair) throw new Error(`${o.indicator} ${o.geo} ${o.year}: a notePair without a note`);
    const pair = o.notePair ? { lv: o.notePair.lv, en: o.notePair.en } : null;
    // A note text with two different pairs is two entries of the table.
    const note = o.note === undefined ? null : table(noteIndex, notes, JSON.stringify([o.note, pair]), o.note);
    if (notePairs.length < notes.length) notePairs.push(pair);
    entry.note.push(note);
    entry.computed.push(o.computed ? { lv: o.computed.lv, en: o.computed.en } : null);
  }
  return {
    format: 2,
    indicators: data.indicators,
    sources: data.sources,
    ...(data.sourcePairs && { sourcePairs: data.sourcePairs }),
    notes,
    ...(notePairs.some((p) => p !== null) && { notePairs }),
    geos,
    years,
    series: [...series.values()].map(({ s, note, computed }) => ({
      ...s,
      ...(note.some((n) => n !== null) && { note }),
      ...(computed.some((c) => c !== null) && { computed }),
    })),
  };
}

type Check = (x: unknown) => string | null;
const isPair = (x: unknown): x is TextPair => isRecord(x) && typeof own(x, 'lv') === 'string' && typeof own(x, 'en') === 'string';
const text: Check = (x) => (typeof x === 'string' ? null : 'is not a text');
const pairOrNull: Check = (x) => (x === null || isPair(x) ? null : 'is neither {lv, en} nor null');
const finite: Check = (x) => (typeof x === 'number' && Number.isFinite(x) ? null : 'is not a finite number');
const indexOf =
  (n: number, of: string): Check =>
  (x) =>
    Number.isInteger(x) && (x as number) >= 0 && (x as number) < n ? null : `is ${JSON.stringify(x)}, not an index of ${of} (${n} entries)`;

/** The array `key` of `raw` with every entry passing `check`, else throws naming the first problem. */
function column(raw: object, key: string, where: string, check: Check, length?: number): unknown[] {
  const value = own(raw, key);
  if (!Array.isArray(value)) throw new Error(`${where}${key} is not an array`);
  if (length !== undefined && value.length !== length) throw new Error(`${where}${key} has ${value.length} entries, not ${length}`);
  for (let i = 0; i < value.length; i++) {
    const problem = check(value[i]);
    if (problem) throw new Error(`${where}${key}[${i}] ${problem}`);
  }
  return value;
}

/**
 * The data as the app uses them, from a parsed `indicators.json`; throws `IndicatorFileError`
 * naming `fileName` and the first problem (a missing table, columns of unequal length, an index
 * out of range, a value that is not a finite number). Every observation with the same note shares
 * one note string and one pair object, and one without a note, pair or computed text has no such key.
 */
export function unpackIndicatorFile(file: unknown, fileName: string): IndicatorData {
  try {
    return unpack(file);
  } catch (e) {
    throw new IndicatorFileError(fileName, (e as Error).message);
  }
}

function unpack(file: unknown): IndicatorData {
  if (!isRecord(file)) throw new Error('not an object');
  const format = own(file, 'format');
  if (format !== 2) throw new Error(Array.isArray(own(file, 'observations')) ? 'an older format (observations), expected format 2: rebuild it with npm run geodata' : format === undefined ? 'no format, expected format 2' : `format ${JSON.stringify(format)}, expected 2`);
  const indicators = column(file, 'indicators', '', (x) => (isRecord(x) && typeof own(x, 'id') === 'string' ? null : 'is not an indicator with an id')) as IndicatorMeta[];
  const sources = column(file, 'sources', '', text) as string[];
  const sourcePairs = own(file, 'sourcePairs') === undefined ? undefined : (column(file, 'sourcePairs', '', pairOrNull) as (TextPair | null)[]);
  const notes = column(file, 'notes', '', text) as string[];
  const rawPairs = own(file, 'notePairs') === undefined ? [] : (column(file, 'notePairs', '', pairOrNull, notes.length) as (TextPair | null)[]);
  const notePairs = rawPairs.map((p) => p && { lv: p.lv, en: p.en });
  const geos = column(file, 'geos', '', text) as string[];
  const years = column(file, 'years', '', text) as string[];
  const observations: Observation[] = [];
  column(file, 'series', '', (x) => (isRecord(x) ? null : 'is not an object')).forEach((s, k) => {
    const id = own(s as object, 'indicator');
    if (typeof id !== 'string') throw new Error(`series[${k}].indicator is not a text`);
    const where = `series[${k}] (${id}): `;
    const geo = column(s as object, 'geo', where, indexOf(geos.length, 'geos')) as number[];
    const n = geo.length;
    const year = column(s as object, 'year', where, indexOf(years.length, 'years'), n) as number[];
    const value = column(s as object, 'value', where, finite, n) as number[];
    const source = column(s as object, 'source', where, indexOf(sources.length, 'sources'), n) as number[];
    const noteOf = indexOf(notes.length, 'notes');
    const note = own(s as object, 'note') === undefined ? null : (column(s as object, 'note', where, (x) => (x === null ? null : noteOf(x)), n) as (number | null)[]);
    const computed = own(s as object, 'computed') === undefined ? null : (column(s as object, 'computed', where, pairOrNull, n) as (ComputedNote | null)[]);
    for (let i = 0; i < n; i++) {
      // Keys in the order the pipeline has always written them.
      const o = { geo: geos[geo[i]!]!, indicator: id, year: years[year[i]!]!, value: value[i]! } as Observation;
      const ni = note?.[i] ?? null;
      if (ni !== null) o.note = notes[ni]!;
      const c = computed?.[i];
      if (c) o.computed = { lv: c.lv, en: c.en };
      o.source = source[i]!;
      const pair = ni === null ? null : notePairs[ni];
      if (pair) o.notePair = pair;
      observations.push(o);
    }
  });
  return { indicators, sources, ...(sourcePairs && { sourcePairs }), observations };
}
