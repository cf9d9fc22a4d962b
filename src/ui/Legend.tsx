import { useState } from 'preact/hooks';
import type { ClassMethod } from '../domain/classify.ts';
import type { Lang } from '../domain/format.ts';
import { selectChoropleth } from '../state/derived.ts';
import { useAppState } from './context.ts';
import { formatValue } from './FactLine.tsx';
import { t, unitCount, type StringKey } from './i18n.ts';

const METHOD_LABEL: Record<ClassMethod, StringKey> = {
  quantile: 'legendMethodQuantile',
  equal: 'legendMethodEqual',
  ckmeans: 'legendMethodCkmeans',
};

function range(min: number, max: number, lang: Lang): string {
  return min === max ? formatValue(min, lang) : `${formatValue(min, lang)} – ${formatValue(max, lang)}`;
}

/**
 * The choropleth legend: one swatch per class with the range of the values in it and how many
 * units, the no-data swatch and the units it stands for, then method, unit, year and source.
 */
export function Legend() {
  const choropleth = useAppState(selectChoropleth);
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  // On a phone the legend starts folded so that it does not cover the map.
  const [open, setOpen] = useState(() => window.innerWidth > 640);
  if (!choropleth || !dataset) return null;
  const { indicator, classes, noData, years, sources } = choropleth;
  const nameOf = new Map(dataset.municipalities.features.map((f) => [f.properties.code, lang === 'lv' ? f.properties.nameLv : f.properties.nameEn]));
  const title = lang === 'lv' ? indicator.nameLv : indicator.nameEn;
  return (
    <section class={`legend ${open ? '' : 'legend-closed'}`} aria-label={t(lang, 'legend')}>
      <button type="button" class="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)} title={t(lang, open ? 'hideLegend' : 'showLegend')}>
        <span class="legend-title">
          {title}, {years.join('–')}
        </span>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && (
        <div class="legend-body">
          <div class="legend-unit">{lang === 'lv' ? indicator.unitLv : indicator.unitEn}</div>
          <ul class="legend-classes">
            {[...classes].reverse().map((c) => (
              <li key={c.colour}>
                <span class="swatch" style={{ background: c.colour }} />
                <span class="legend-range">{range(c.min, c.max, lang)}</span>
                <span class="legend-count">{unitCount(c.geos.length, lang)}</span>
              </li>
            ))}
            {noData.length > 0 && (
              <li class="legend-nodata" title={t(lang, 'noDataExplained')}>
                <span class="swatch swatch-hatch" />
                <span class="legend-range">{t(lang, 'noData')}</span>
                <span class="legend-count">{unitCount(noData.length, lang)}</span>
              </li>
            )}
          </ul>
          {noData.length > 0 && (
            <p class="legend-note">
              {t(lang, 'noDataExplained')}: {noData.map((g) => nameOf.get(g) ?? g).join(', ')}
            </p>
          )}
          <p class="legend-note">
            {t(lang, METHOD_LABEL[choropleth.spec.method])}, {classes.length} ·{' '}
            {t(lang, 'source')}:{' '}
            <a href={indicator.sourceUrl} target="_blank" rel="noopener" title={sources.map((i) => dataset.indicators.sources[i]).join('\n')}>
              {indicator.sourceLabel}
            </a>
            , {years.join(', ')}
          </p>
        </div>
      )}
    </section>
  );
}
