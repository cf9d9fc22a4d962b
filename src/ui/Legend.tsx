import { CLASS_METHOD_LABEL } from '../domain/classify.ts';
import { displayYear } from '../domain/format.ts';
import { isCategorical } from '../domain/categories.ts';
import { levelOf } from '../domain/indicators.ts';
import { sourceLabel, sourceProvenance } from '../domain/provenance.ts';
import { legendRows } from '../domain/legendRows.ts';
import { drawsAsSymbols, isProportional } from '../domain/symbols.ts';
import { SizeKey } from './SizeKey.tsx';
import { mappedPlaces } from '../domain/mappedChoropleth.ts';
import { selectChoropleth } from '../state/derived.ts';
import { useAppState } from './context.ts';
import { formatValue } from '../domain/format.ts';
import { t, unitCount } from './i18n.ts';
import { provenanceTitle } from './OriginalText.tsx';
import { nameIn, noteIn, unitIn } from '../domain/bilingual.ts';

/**
 * The histogram legend: a bar per class (or category) as long as the number of units in it.
 * Pointing at a class brings out its units on the map; clicking keeps only the chosen classes.
 * Below: the units a scoped figure does not apply to ("does not contribute", plain light grey),
 * no data (hatched), the national value, method (or "categories"), unit, source and year.
 */
export function Legend() {
  const choropleth = useAppState(selectChoropleth);
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  const keep = useAppState((s) => s.legendKeep);
  const setHover = useAppState((s) => s.setLegendHover);
  const toggleKeep = useAppState((s) => s.toggleLegendKeep);
  if (!choropleth || !dataset) return null;
  const { indicator, classes, noData, years, sources, national } = choropleth;
  const cityLevel = levelOf(indicator) === 'city';
  const categorical = isCategorical(indicator);
  const symbols = drawsAsSymbols(indicator);
  const nameOf = new Map(mappedPlaces(dataset, levelOf(indicator)).map((p) => [p.geo, nameIn(p, lang)]));
  const rows = legendRows(choropleth, lang);
  const most = Math.max(1, ...rows.map((r) => r.count));
  const unit = unitIn(indicator, lang);
  return (
    <section class="legend" aria-label={t(lang, 'legend')}>
      <div class="legend-unit">{unit}</div>
      {cityLevel && <p class="legend-note">{t(lang, indicator.kind === 'count' ? 'symbolsProportional' : 'symbolsGraduated')}</p>}
      {!cityLevel && drawsAsSymbols(indicator) && <p class="legend-note">{t(lang, 'symbolsCount')}</p>}
      {drawsAsSymbols(indicator) && isProportional(indicator) && <SizeKey values={[...choropleth.valueByGeo.values()].map((o) => o.value)} unit={unit} lang={lang} />}
      <ul class="legend-classes" onMouseLeave={() => setHover(null)}>
        {rows.map((r) =>
          r.kind === 'class' ? (
            <li key={r.index}>
              <button
                type="button"
                class={`legend-class ${keep.length > 0 && !keep.includes(r.index!) ? 'legend-class-off' : ''}`}
                aria-pressed={keep.includes(r.index!)}
                onMouseEnter={() => setHover(r.index)}
                onFocus={() => setHover(r.index)}
                onBlur={() => setHover(null)}
                onClick={() => toggleKeep(r.index!)}
                data-class={r.index}
                data-category={classes[r.index!]?.category?.code}
              >
                <span class={`swatch${symbols ? ' swatch-circle' : ''}`} style={{ background: r.colour }} />
                <span class="legend-range">{r.label}</span>
                <span class="legend-bar" aria-hidden="true">
                  <span style={{ width: `${(100 * r.count) / most}%`, background: r.colour }} />
                </span>
                <span class="legend-count">{unitCount(r.count, lang, cityLevel)}</span>
              </button>
            </li>
          ) : (
            <li key={r.kind}>
              <div
                class={`legend-class legend-nodata${r.kind === 'notApplicable' ? ' legend-not-applicable' : ''}`}
                title={`${t(lang, r.kind === 'noData' ? 'noDataExplained' : 'notApplicableExplained')}: ${r.geos.map((g) => nameOf.get(g) ?? g).join(', ')}`}
              >
                {/* Units a count does not apply to keep the plain polygon and get no circle; a choropleth paints them the neutral grey. */}
                <span class={`swatch${r.kind === 'noData' ? ' swatch-hatch' : ''}`} style={r.kind === 'noData' ? undefined : { background: r.colour }} />
                <span class="legend-range">{r.kind === 'notApplicable' && symbols ? `${r.label} (${t(lang, 'noCircle')})` : r.label}</span>
                <span class="legend-bar" aria-hidden="true">
                  <span class={r.kind === 'noData' ? 'legend-bar-hatch' : undefined} style={{ width: `${(100 * r.count) / most}%`, ...(r.kind === 'noData' ? {} : { background: r.colour }) }} />
                </span>
                <span class="legend-count">{unitCount(r.count, lang, cityLevel)}</span>
              </div>
            </li>
          ),
        )}
      </ul>
      {keep.length > 0 && (
        <button type="button" class="link-button legend-showall" onClick={() => keep.forEach((i) => toggleKeep(i))}>
          {t(lang, 'showAll')}
        </button>
      )}
      {noData.length > 0 && noData.length <= 6 && (
        <p class="legend-note">
          {t(lang, 'noDataExplained')}: {noData.map((g) => nameOf.get(g) ?? g).join(', ')}
        </p>
      )}
      {national && (
        <p class="legend-note legend-national">
          {t(lang, 'national')}: <strong>{formatValue(national.value, lang)}</strong> {unit} ({displayYear(national.year)})
        </p>
      )}
      <p class="legend-note">
        {categorical ? t(lang, 'categoriesLegend') : `${CLASS_METHOD_LABEL[choropleth.spec.method][lang]}, ${classes.length}`}
        {choropleth.midpointValue !== undefined && ` · ${t(lang, 'midpoint').toLowerCase()} ${formatValue(choropleth.midpointValue, lang)}`} · {t(lang, 'source')}:{' '}
        <a href={indicator.sourceUrl} target="_blank" rel="noopener" title={provenanceTitle(sources.map((i) => sourceProvenance(dataset.indicators, i, lang)), lang)}>
          {sourceLabel(indicator, lang)}
        </a>
        , {years.map(displayYear).join(', ')}
        {choropleth.valueByGeo.size > 0 && [...choropleth.valueByGeo.values()].some((o) => o.computed) && ` · ${t(lang, 'computed')}`}
      </p>
      {noteIn(indicator, lang) && (
        <details class="legend-note legend-indicator-note">
          <summary>{t(lang, 'aboutIndicator')}</summary>
          {noteIn(indicator, lang)}
        </details>
      )}
    </section>
  );
}
