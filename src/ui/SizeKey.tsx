import { formatNumber, type Lang } from '../domain/format.ts';
import { sizeKey } from '../domain/symbols.ts';
import { t } from './i18n.ts';

/**
 * The size key of proportional circles: three reference circles nested on one baseline, each with
 * its value, on the same scale as the map's circles at the overview zoom (radius at zoom 6).
 */
export function SizeKey({ values, unit, lang }: { values: Iterable<number>; unit: string; lang: Lang }) {
  const key = sizeKey(values);
  if (key.length === 0) return null;
  const r = key[0]!.radius;
  const width = 2 * r + 110;
  const height = Math.max(2 * r, 13 * key.length) + 6;
  const base = height - 2;
  // Each value beside its circle's top, pushed down where the tops are closer than a line of text.
  const labelY: number[] = [];
  key.forEach((k, i) => labelY.push(Math.max(base - 2 * k.radius + 4, i > 0 ? labelY[i - 1]! + 13 : 0)));
  return (
    <figure class="size-key" aria-label={`${t(lang, 'sizeKey')}: ${key.map((k) => formatNumber(k.value, lang, 0)).join(', ')} ${unit}`}>
      <figcaption class="control-label">
        {t(lang, 'sizeKey')} ({unit})
      </figcaption>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        {key.map((k, i) => (
          <g key={k.value}>
            <circle cx={r + 1} cy={base - k.radius} r={k.radius} fill="none" stroke="#555" stroke-width="1.2" />
            <polyline points={`${r + 1},${base - 2 * k.radius} ${2 * r + 6},${base - 2 * k.radius} ${2 * r + 10},${labelY[i]! - 4}`} fill="none" stroke="#888" stroke-width="0.8" stroke-dasharray="2 2" />
            <text x={2 * r + 13} y={labelY[i]} font-size="12" fill="#333">
              {formatNumber(k.value, lang, 0)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
