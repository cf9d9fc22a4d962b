import { useRef } from 'preact/hooks';
import { timeSeries, type SeriesPoint } from '../../domain/charts/timeSeries.ts';
import { displayYear, formatValue, titleWithYears, yearSpan, type Lang } from '../../domain/format.ts';
import type { IndicatorMeta } from '../../domain/indicators.ts';
import { sourceLabel } from '../../domain/provenance.ts';
import { t } from '../i18n.ts';
import { ChartDownloads } from './ChartDownloads.tsx';
import { chartFileBase, type ChartExport } from './downloadChart.ts';
import { widest } from './measure.ts';
import { nameIn, unitIn } from '../../domain/bilingual.ts';

const WIDTH = 200;
const HEIGHT = 60;
const FONT = { size: 10, weight: 400 } as const;
const round = (v: number) => Math.round(v * 10) / 10;

/**
 * A city's series of one indicator as a small line chart for its profile: first and last year
 * under it, the highest and lowest value beside it, every point marked and the latest one larger.
 * The values are also text (the svg's label and a table to open), and the chart downloads as SVG
 * or PNG with its title, source and years. Geometry: `timeSeries` (src/domain).
 */
export function TimeSeriesChart({ series, indicator, city, lang }: { series: readonly SeriesPoint[]; indicator: IndicatorMeta; city: { id: string; name: string }; lang: Lang }) {
  const chart = useRef<SVGSVGElement>(null);
  // Only the highest and the lowest value are written beside the plot.
  // Folds, not Math.min(...): an imported series can be long enough to overflow the stack.
  const extremes = [series.reduce((m, p) => Math.min(m, p.value), Infinity), series.reduce((m, p) => Math.max(m, p.value), -Infinity)];
  const padLeft = Math.ceil(widest(extremes.map((v) => formatValue(v, lang)), FONT)) + 6;
  const layout = timeSeries(series, { width: WIDTH, height: HEIGHT, padLeft, padRight: 4, padTop: 6, padBottom: 14 });
  if (!layout) return null;
  const name = nameIn(indicator, lang);
  const unit = unitIn(indicator, lang);
  const years = layout.points.map((p) => p.year);
  const title = titleWithYears(`${city.name}: ${name}`, [years[0]!, years[years.length - 1]!]);
  const [high, low] = layout.valueLabels;
  const summary = [
    `${title}, ${unit}`,
    `${t(lang, 'chartHighest')} ${formatValue(high!.value, lang)} (${displayYear(high!.year)})`,
    ...(low ? [`${t(lang, 'chartLowest')} ${formatValue(low.value, lang)} (${displayYear(low.year)})`] : []),
  ].join('; ');
  const words = (): ChartExport => ({
    fileBase: chartFileBase(city.id, indicator.id, yearSpan(years)),
    title,
    subtitle: unit,
    footer: [`${t(lang, 'source')}: ${sourceLabel(indicator, lang)}, ${years.map(displayYear).join(', ')}${indicator.computed ? ` · ${t(lang, 'computed')}` : ''}`, t(lang, 'chartAttribution')],
  });
  return (
    <figure class="series-figure">
      <svg ref={chart} class="chart series-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={summary}>
        {layout.valueLabels.map((l) => (
          <g key={`v${l.y}`}>
            <line class="chart-grid" x1={round(layout.plotLeft)} x2={round(layout.plotRight)} y1={round(l.y)} y2={round(l.y)} stroke-width="1" stroke-dasharray="2 2" />
            <text class="chart-muted" x={round(layout.plotLeft - 4)} y={round(l.y + 3.5)} text-anchor="end" font-size={FONT.size}>
              {formatValue(l.value, lang)}
            </text>
          </g>
        ))}
        <path class="chart-line" d={layout.path} fill="none" stroke-width="1.5" stroke-linejoin="round" />
        {layout.points.map((p) =>
          p.latest ? (
            <circle key={p.year} class="chart-point chart-halo chart-latest" cx={round(p.x)} cy={round(p.y)} r="3.2" stroke-width="1.5" />
          ) : (
            <circle key={p.year} class="chart-point" cx={round(p.x)} cy={round(p.y)} r="1.8" />
          ),
        )}
        {layout.yearLabels.map((l) => (
          <text key={l.anchor} class="chart-muted" x={round(l.x)} y={HEIGHT - 2} text-anchor={l.anchor} font-size={FONT.size}>
            {displayYear(l.year)}
          </text>
        ))}
      </svg>
      <div class="chart-tools">
        <details class="chart-values">
          <summary>{t(lang, 'chartValues')}</summary>
          <table>
            <tbody>
              {layout.points.map((p) => (
                <tr key={p.year}>
                  <th scope="row">{displayYear(p.year)}</th>
                  <td>{formatValue(p.value, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <ChartDownloads chart={chart} words={words} lang={lang} />
      </div>
    </figure>
  );
}
