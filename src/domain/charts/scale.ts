// Scales and ticks for the app's small SVG charts: a few lines instead of d3-scale, which would
// bring its interpolators and formatters to draw ten bars.

/**
 * A linear map from a domain to a range (either may run backwards, as a y axis does). A domain of
 * a single value maps everything to the middle of the range, so a flat series is drawn across the
 * middle instead of dividing by zero.
 */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d0 === d1) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/**
 * About `count` round tick values inside [lo, hi]: every multiple of a step of 1, 2 or 5 times a
 * power of ten (chosen as d3's `ticks` does, the step nearest the wanted count). Zero is a tick
 * whenever the extent spans it, so a chart with negative values shows its zero axis. Values are
 * rounded through decimal text (0.2, not 0.20000000000000004) and zero is never −0.
 */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || count < 1) return [];
  if (lo === hi) return [lo];
  const raw = Math.abs(hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  const step = power * (ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1);
  const first = Math.ceil(Math.min(lo, hi) / step - 1e-9);
  const last = Math.floor(Math.max(lo, hi) / step + 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toPrecision(12)) + 0);
  return ticks;
}
