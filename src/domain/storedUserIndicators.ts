import type { Dimension, IndicatorKind, IndicatorLevel, Polarity } from './indicators.ts';
import { array, boolean, number, object, oneOf, optional, refine, string } from './schema.ts';
import type { UserIndicator } from './userIndicators.ts';

// The check of the user's imports as the browser kept them, apart from userIndicators.ts so that
// the first view, which reads a stored record only when there is one, does not load it.

/** The declared shape of a stored user indicator: what `userIndicatorFrom` makes, to the last field. */
const STORED = refine(
  object({
    meta: object({
      id: string({ pattern: /^user:/ }),
      nameLv: string(),
      nameEn: string(),
      dimension: oneOf<Dimension>(['social', 'economic', 'environmental']),
      unitLv: string(),
      unitEn: string(),
      // A user's import is a quantity: a class ('category') would need its categories.
      kind: oneOf<IndicatorKind>(['count', 'rate', 'share', 'change']),
      additive: boolean(),
      polarity: oneOf<Polarity>(['higher_better', 'higher_worse', 'neutral']),
      sourceLabel: string(),
      sourceLabelEn: optional(string()),
      sourceUrl: string(),
      noteEn: string(),
      noteLv: optional(string()),
      level: optional(oneOf<IndicatorLevel>(['municipality', 'city'])),
    }),
    observations: array(object({ geo: string(), indicator: string(), year: string(), value: number(), source: number({ integer: true, min: 0 }) })),
    source: string(),
    importedAt: string(),
  }),
  (u) => (u.observations.every((o) => o.indicator === u.meta.id) ? null : { lv: 'novērojumi ir cita rādītāja', en: 'observations of another indicator' }),
);

/**
 * Keeps only well-formed stored user indicators (the browser's store may hold anything), each
 * read against its declared shape from its own properties, as a fresh copy of the declared fields.
 */
export function validUserIndicators(stored: unknown): UserIndicator[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((raw: unknown) => {
    const read = STORED(raw);
    return read.ok ? [read.value] : [];
  });
}
