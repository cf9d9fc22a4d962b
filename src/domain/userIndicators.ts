import type { Dimension, IndicatorData, IndicatorMeta, Observation } from './indicators.ts';
import type { ImportResult } from './importCsv.ts';

/** An indicator the user imported from a CSV: kept in the browser, never in the shipped data. */
export interface UserIndicator {
  meta: IndicatorMeta;
  /** Observations with `source` 0: the one provenance line below. */
  observations: Observation[];
  /** "Imported by the user from <file> on <date>", shown as the source of every value. */
  source: string;
  importedAt: string;
}

export const USER_PREFIX = 'user:';

/** A stable id for the n-th import of a name: `user:<slug>` or `user:<slug>-2`. */
export function userIndicatorId(name: string, taken: readonly string[]): string {
  const slug =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'indicator';
  let id = `${USER_PREFIX}${slug}`;
  for (let n = 2; taken.includes(id); n++) id = `${USER_PREFIX}${slug}-${n}`;
  return id;
}

/**
 * Turns a successful import into a user indicator: the matched rows become observations and the
 * "Latvija" row the national value. Returns null for an import with a fatal error or no rows.
 */
export function userIndicatorFrom(
  result: ImportResult,
  input: { name: string; unit: string; dimension: Dimension; fileName: string; today: string },
  taken: readonly string[],
): UserIndicator | null {
  if (result.errors.length > 0 || result.rows.length === 0) return null;
  const id = userIndicatorId(input.name, taken);
  const source = `Lietotāja imports / user import: ${input.fileName}, ${input.today}`;
  const meta: IndicatorMeta = {
    id,
    nameLv: input.name,
    nameEn: input.name,
    dimension: input.dimension,
    unitLv: input.unit,
    unitEn: input.unit,
    kind: 'rate',
    additive: false,
    polarity: 'neutral',
    sourceLabel: input.fileName,
    sourceUrl: '',
    noteEn: `Imported by the user from ${input.fileName} on ${input.today}; not part of the shipped data.`,
    noteLv: `Lietotājs importēja no ${input.fileName} ${input.today}; nav daļa no piegādātajiem datiem.`,
    level: 'municipality',
  };
  const observations: Observation[] = [
    ...result.rows.map((r) => ({ geo: r.code, indicator: id, year: r.year, value: r.value, source: 0 })),
    ...result.national.map((n) => ({ geo: 'LV', indicator: id, year: n.year, value: n.value, source: 0 })),
  ];
  return { meta, observations, source, importedAt: input.today };
}

/**
 * The shipped indicators plus the user's, as one IndicatorData for the map, legend and table.
 * The shipped object is not changed; user sources are appended after the shipped ones.
 */
export function withUserIndicators(shipped: IndicatorData, users: readonly UserIndicator[]): IndicatorData {
  if (users.length === 0) return shipped;
  const sources = [...shipped.sources];
  const observations = [...shipped.observations];
  for (const u of users) {
    const index = sources.push(u.source) - 1;
    for (const o of u.observations) observations.push({ ...o, source: index });
  }
  // The shipped lines keep their pairs (by index; the user's, appended after them, have none).
  return { indicators: [...shipped.indicators, ...users.map((u) => u.meta)], sources, ...(shipped.sourcePairs && { sourcePairs: shipped.sourcePairs }), observations };
}
