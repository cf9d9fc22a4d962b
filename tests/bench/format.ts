/** Formatting of the benchmark's Markdown: short, fixed precision, a dash for what is missing. */

const missing = (x: number) => !Number.isFinite(x);

/** Milliseconds: whole above 10 ms, one decimal below (a gravity recompute takes fractions). */
export function formatMs(ms: number): string {
  if (missing(ms)) return '—';
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

/** Bytes in kB (1 kB = 1000 B), one decimal below 100 kB. */
export function formatBytes(bytes: number): string {
  if (missing(bytes)) return '—';
  const kb = bytes / 1000;
  return kb >= 100 ? `${Math.round(kb)} kB` : `${kb.toFixed(1)} kB`;
}

/** A ratio as "1.23×" (two decimals below 10, one above), or "—". */
export function formatRatio(r: number): string {
  if (missing(r)) return '—';
  return r >= 10 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
}

/** "median [p25–p75]" in the unit's own format; the spread is left out when there is one sample. */
export function formatSpread(s: { n: number; median: number; p25: number; p75: number }, unit: (x: number) => string): string {
  if (s.n === 0) return '—';
  if (s.n === 1 || s.p25 === s.p75) return unit(s.median);
  return `${unit(s.median)} [${unit(s.p25).replace(/ \S+$/, '')}–${unit(s.p75)}]`;
}

/** A plain count. */
export const formatCount = (x: number): string => (missing(x) ? '—' : String(Math.round(x)));
