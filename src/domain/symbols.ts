import { levelOf, type IndicatorMeta } from './indicators.ts';

/**
 * Whether an indicator is drawn as symbols rather than as a choropleth: a city-level one (on the
 * ten city points), and every count (on each unit's label point, circle area ∝ value): a big
 * novads has more residents, libraries or road because it is big, which colour by area would
 * exaggerate. Rates, shares and changes stay choropleths.
 */
export function drawsAsSymbols(meta: IndicatorMeta): boolean {
  return levelOf(meta) === 'city' || meta.kind === 'count';
}

/** Whether the symbols are sized by value (counts) or all one size, coloured by class (rates at city level). */
export function isProportional(meta: IndicatorMeta): boolean {
  return meta.kind === 'count';
}

/** The largest and smallest symbol radius, in pixels at zoom 6. */
export const SYMBOL_MAX_RADIUS = 26;
export const SYMBOL_MIN_RADIUS = 3;
/** Radius of a graduated symbol (a rate, share or change), which shows its value by colour only. */
export const GRADUATED_RADIUS = 9;

/**
 * Radii of proportional symbols: the circle's area is proportional to the value (the largest value
 * gets the largest circle), so Rīga's population does not look 10× larger by width alone. Zero
 * and negative values get the smallest circle; such indicators should be graduated instead.
 */
export function proportionalRadii(values: ReadonlyMap<string, number>): Map<string, number> {
  const max = Math.max(0, ...values.values());
  const out = new Map<string, number>();
  for (const [id, v] of values) {
    const r = max > 0 && v > 0 ? SYMBOL_MAX_RADIUS * Math.sqrt(v / max) : 0;
    out.set(id, Math.round(Math.max(SYMBOL_MIN_RADIUS, r) * 10) / 10);
  }
  return out;
}

/** The largest of 1, 2, 2.5, 5 × 10^k not above `v`: a value a reader can read off a key. */
function niceBelow(v: number): number {
  if (!(v > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(v));
  return [5, 2.5, 2, 1].map((m) => m * p).find((x) => x <= v * (1 + 1e-9)) ?? p;
}

/**
 * The size key of proportional symbols: three reference values (round numbers near the largest
 * value, a fifth and a twenty-fifth of it) with the radius each gets at zoom 6 on the same scale as
 * the map's circles (`proportionalRadii`). Fewer when values repeat; none without a positive value.
 */
export function sizeKey(values: Iterable<number>): { value: number; radius: number }[] {
  const max = Math.max(0, ...values);
  if (!(max > 0)) return [];
  const picks = [niceBelow(max), niceBelow(max / 5), niceBelow(max / 25)].filter((v, i, a) => v > 0 && a.indexOf(v) === i);
  return picks.map((value) => ({ value, radius: Math.round(Math.max(SYMBOL_MIN_RADIUS, SYMBOL_MAX_RADIUS * Math.sqrt(value / max)) * 10) / 10 }));
}
