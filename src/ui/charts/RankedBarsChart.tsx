import type { Ref } from 'preact';
import { rankedBars } from '../../domain/charts/rankedBars.ts';
import { categoryName } from '../../domain/categories.ts';
import { nationalIsReference, type CityValues } from '../../domain/cityValues.ts';
import { formatValue, type Lang } from '../../domain/format.ts';
import { t } from '../i18n.ts';
import { widest } from './measure.ts';
import { nameIn } from '../../domain/bilingual.ts';

const WIDTH = 276;
const FONT = { size: 11, weight: 400 } as const;
const TICK_FONT = { size: 10, weight: 400 } as const;
/** A coordinate to a tenth of a unit: what a screen or a 2× PNG can show, and a readable exported file. */
const round = (v: number) => Math.round(v * 10) / 10;

/** A value as its bar's label: the unit too when it is short ("−14,7 %"); a long one is said once under the title. */
export function barValueLabel(value: number, unit: string, lang: Lang): string {
  return unit.length <= 4 ? `${formatValue(value, lang)}\u00a0${unit}` : formatValue(value, lang);
}

/**
 * The ten state cities as bars, largest first, with Latvia's value as a dashed line and the cities
 * without a value listed under the axis. Only draws: the geometry is `rankedBars` (src/domain),
 * the colours are the theme's (app.css), so an export can restyle the same picture.
 */
export function RankedBarsChart({ values, title, unit, lang, chartRef }: { values: CityValues; title: string; unit: string; lang: Lang; chartRef: Ref<SVGSVGElement> }) {
  const name = (c: CityValues['cities'][number]['city']) => nameIn(c, lang);
  const rows = values.cities.map((c) => ({ id: c.city.id, label: name(c.city), value: c.observation?.value }));
  // A city outside a scoped figure ("does not contribute") says so where one without data says "no data".
  const why = new Map(values.cities.flatMap((c) => (c.notApplicable ? [[c.city.id, categoryName(c.notApplicable, lang)] as const] : [])));
  const labels = values.cities.flatMap((c) => (c.observation ? [barValueLabel(c.observation.value, unit, lang)] : []));
  // Names end 2 px from the image's edge plus their width; the plot starts 6 px after them.
  const labelX = Math.ceil(widest(rows.map((r) => r.label), FONT)) + 2;
  const reference = nationalIsReference(values.indicator) ? values.national?.value : undefined;
  const layout = rankedBars(
    rows,
    {
      width: WIDTH,
      labelWidth: labelX + 6,
      valueRoom: Math.ceil(widest(labels, FONT)) + 6,
      rowHeight: 20,
      barHeight: 13,
      top: reference !== undefined ? 16 : 4,
      axisHeight: 18,
      tickCount: 3,
    },
    reference,
  );
  const summary = [
    `${title}, ${unit}`,
    ...layout.bars.map((b) => `${b.rank}. ${b.label} ${barValueLabel(b.value, unit, lang)}`),
    ...(layout.national ? [`${t(lang, 'latvia')} ${barValueLabel(layout.national.value, unit, lang)}`] : []),
    ...layout.noData.filter((r) => why.has(r.id)).map((r) => `${r.label}: ${why.get(r.id)}`),
    ...(layout.noData.some((r) => !why.has(r.id)) ? [`${t(lang, 'noData')}: ${layout.noData.filter((r) => !why.has(r.id)).map((r) => r.label).join(', ')}`] : []),
  ].join('; ');
  const top = layout.national?.y1 ?? layout.bars[0]?.y ?? 0;
  return (
    <svg ref={chartRef} class="chart ranked-bars" viewBox={`0 0 ${layout.width} ${layout.height}`} width={layout.width} height={layout.height} role="img" aria-label={summary}>
      {layout.ticks.map((tick) => (
        <line key={`g${tick.value}`} class="chart-grid" x1={round(tick.x)} x2={round(tick.x)} y1={top} y2={layout.axisY} stroke-width="1" />
      ))}
      {layout.bars.map((b) => (
        <rect key={b.id} class="chart-bar" data-city={b.id} data-value={b.value} x={round(b.x)} y={round(b.y)} width={round(b.width)} height={b.height} />
      ))}
      {layout.bars.length > 0 && <line class="chart-axis" x1={round(layout.zeroX)} x2={round(layout.zeroX)} y1={top} y2={layout.axisY} stroke-width="1" />}
      {layout.national && (
        <g class="chart-national-mark" data-value={layout.national.value}>
          <line class="chart-national" x1={round(layout.national.x)} x2={round(layout.national.x)} y1={layout.national.y1} y2={layout.national.y2} stroke-width="1.5" stroke-dasharray="4 3" />
          <text x={round(layout.national.x)} y={layout.national.labelY} text-anchor={layout.national.labelAnchor} font-size="10" font-weight="600">
            {t(lang, 'latvia')}
          </text>
        </g>
      )}
      {layout.bars.map((b) => (
        <g key={`t${b.id}`} class="chart-row">
          <text x={labelX} y={b.rowY + 4} text-anchor="end" font-size={FONT.size}>
            {b.label}
          </text>
          <text class="chart-label" x={round(b.valueX)} y={b.rowY + 4} text-anchor={b.valueAnchor} font-size={FONT.size}>
            {barValueLabel(b.value, unit, lang)}
          </text>
        </g>
      ))}
      {layout.ticks.map((tick) => (
        <text key={`t${tick.value}`} class="chart-muted" x={round(tick.x)} y={layout.axisY + 12} text-anchor="middle" font-size={TICK_FONT.size}>
          {formatValue(tick.value, lang)}
        </text>
      ))}
      {layout.noData.map((r) => (
        <g key={r.id} class={`chart-row ${why.has(r.id) ? 'chart-not-applicable' : 'chart-nodata'}`} data-city={r.id}>
          <text x={labelX} y={r.rowY + 4} text-anchor="end" font-size={FONT.size}>
            {r.label}
          </text>
          <text class="chart-muted" x={labelX + 8} y={r.rowY + 4} font-size={FONT.size} font-style="italic">
            {why.get(r.id) ?? t(lang, 'noData')}
          </text>
        </g>
      ))}
    </svg>
  );
}
