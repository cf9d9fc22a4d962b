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
