import { useRef } from 'preact/hooks';
import { isCategorical } from '../../domain/categories.ts';
import { displayYear, formatValue, titleWithYears, yearSpan } from '../../domain/format.ts';
import { sourceLabel } from '../../domain/provenance.ts';
import { selectCityValues } from '../../state/citiesCompared.ts';
import { useAppState } from '../context.ts';
import { t } from '../i18n.ts';
import { ChartDownloads } from './ChartDownloads.tsx';
import { chartFileBase, type ChartExport } from './downloadChart.ts';
import { RankedBarsChart } from './RankedBarsChart.tsx';
import { nameIn, unitIn } from '../../domain/bilingual.ts';

/**
 * The body of the "Cities compared" section: the indicator and year the map shows, for the ten
 * state cities as ranked bars, with title, unit, source and year (and how the values were
 * computed) as the legend writes them, and the chart's SVG and PNG downloads.
 */
export function CitiesCompared() {
  const lang = useAppState((s) => s.lang);
  const values = useAppState(selectCityValues);
  const year = useAppState((s) => s.choropleth.year);
  const chart = useRef<SVGSVGElement>(null);
  if (!values) return null;
  const { indicator, years, national } = values;
  if (isCategorical(indicator)) return <p class="legend-note cities-compared-none">{t(lang, 'categoriesNotCompared')}</p>;
  const name = nameIn(indicator, lang);
  const unit = unitIn(indicator, lang);
  const shownYears = years.length > 0 || year === 'latest' ? years : [year];
  const title = titleWithYears(name, shownYears);
  const computed = !!indicator.computed || values.cities.some((c) => c.observation?.computed);
  const yearsText = shownYears.map(displayYear).join(', ');
  const computedText = computed ? ` · ${t(lang, 'computed')}` : '';
  const recipe = indicator.computed?.[lang];
  const nationalText = national && `${t(lang, 'national')}: ${formatValue(national.value, lang)} ${unit} (${displayYear(national.year)})`;
  const words = (): ChartExport => ({
    fileBase: chartFileBase(indicator.id, year === 'latest' ? yearSpan(years) : year),
    title,
    subtitle: unit,
    footer: [
      ...(nationalText ? [nationalText] : []),
      `${t(lang, 'source')}: ${sourceLabel(indicator, lang)}${yearsText && `, ${yearsText}`}${computedText}`,
      ...(recipe ? [recipe] : []),
      t(lang, 'chartAttribution'),
    ],
  });
  return (
    <figure class="cities-compared">
      <figcaption>
        <span class="chart-title">{title}</span>
        <span class="legend-unit">{unit}</span>
      </figcaption>
      <RankedBarsChart values={values} title={title} unit={unit} lang={lang} chartRef={chart} />
      {nationalText && <p class="legend-note">{nationalText}</p>}
      <p class="legend-note chart-source">
        {t(lang, 'source')}:{' '}
        <a href={indicator.sourceUrl} target="_blank" rel="noopener">
          {sourceLabel(indicator, lang)}
        </a>
        {yearsText && `, ${yearsText}`}
        {computedText}
      </p>
      {recipe && <p class="fact-computed">{recipe}</p>}
      <ChartDownloads chart={chart} words={words} lang={lang} />
    </figure>
  );
}
