/** A tiny line of a series (oldest to newest), with the last point marked; decorative only. */
export function Sparkline({ series, width = 72, height = 20 }: { series: { year: string; value: number }[]; width?: number; height?: number }) {
  if (series.length < 2) return null;
  const values = series.map((s) => s.value);
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const x = (i: number) => 2 + (i * (width - 4)) / (series.length - 1);
  const y = (v: number) => height - 2 - ((v - min) * (height - 4)) / span;
  const points = series.map((s, i) => `${x(i).toFixed(1)},${y(s.value).toFixed(1)}`).join(' ');
  const last = series[series.length - 1]!;
  return (
    <svg class="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <title>{series.map((s) => `${s.year}: ${s.value}`).join(', ')}</title>
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" />
      <circle cx={x(series.length - 1)} cy={y(last.value)} r="2.2" fill="currentColor" />
    </svg>
  );
}
