import { displayYear } from '../domain/format.ts';
import type { LegendClass } from '../domain/choropleth.ts';
import type { Lang } from '../domain/format.ts';
import { levelOf } from '../domain/indicators.ts';
import { drawsAsSymbols, isProportional } from '../domain/symbols.ts';
import { SizeKey } from './SizeKey.tsx';
import { mappedPlaces, selectChoropleth } from '../state/derived.ts';
import { METHOD_LABEL } from './ClassControls.tsx';
import { useAppState } from './context.ts';
import { formatValue } from './FactLine.tsx';
import { t, unitCount } from './i18n.ts';

/** The class's bounds as the reader needs them: "< 10", "10 – 20", "≥ 20" (breaks, not data). */
function classLabel(c: LegendClass, lang: Lang): string {
  if (c.from === -Infinity && c.to === Infinity) return c.min === c.max ? formatValue(c.min, lang) : `${formatValue(c.min, lang)} – ${formatValue(c.max, lang)}`;
  if (c.from === -Infinity) return `< ${formatValue(c.to, lang)}`;
  if (c.to === Infinity) return `≥ ${formatValue(c.from, lang)}`;
  return `${formatValue(c.from, lang)} – < ${formatValue(c.to, lang)}`;
}

/**
 * The histogram legend: a bar per class as long as the number of units in it. Pointing at a class
 * brings out its units on the map; clicking keeps only the chosen classes. Below: no data, the
 * national value, method, breaks, unit, source and year.
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
  const nameOf = new Map(mappedPlaces(dataset, levelOf(indicator)).map((p) => [p.geo, lang === 'lv' ? p.nameLv : p.nameEn]));
  const most = Math.max(1, noData.length, ...classes.map((c) => c.geos.length));
  const unit = lang === 'lv' ? indicator.unitLv : indicator.unitEn;
  return (
    <section class="legend" aria-label={t(lang, 'legend')}>
      <div class="legend-unit">{unit}</div>
      {cityLevel && <p class="legend-note">{t(lang, indicator.kind === 'count' ? 'symbolsProportional' : 'symbolsGraduated')}</p>}
      {!cityLevel && drawsAsSymbols(indicator) && <p class="legend-note">{t(lang, 'symbolsCount')}</p>}
      {drawsAsSymbols(indicator) && isProportional(indicator) && <SizeKey values={[...choropleth.valueByGeo.values()].map((o) => o.value)} unit={unit} lang={lang} />}
      <ul class="legend-classes" onMouseLeave={() => setHover(null)}>
        {classes
          .map((c, i) => ({ c, i }))
          .reverse()
          .map(({ c, i }) => (
            <li key={i}>
              <button
                type="button"
                class={`legend-class ${keep.length > 0 && !keep.includes(i) ? 'legend-class-off' : ''}`}
                aria-pressed={keep.includes(i)}
                onMouseEnter={() => setHover(i)}
                onFocus={() => setHover(i)}
                onBlur={() => setHover(null)}
                onClick={() => toggleKeep(i)}
                data-class={i}
              >
                <span class={`swatch${drawsAsSymbols(indicator) ? ' swatch-circle' : ''}`} style={{ background: c.colour }} />
                <span class="legend-range">{classLabel(c, lang)}</span>
                <span class="legend-bar" aria-hidden="true">
                  <span style={{ width: `${(100 * c.geos.length) / most}%`, background: c.colour }} />
                </span>
                <span class="legend-count">{unitCount(c.geos.length, lang, cityLevel)}</span>
              </button>
            </li>
          ))}
        {noData.length > 0 && (
          <li>
            <div class="legend-class legend-nodata" title={`${t(lang, 'noDataExplained')}: ${noData.map((g) => nameOf.get(g) ?? g).join(', ')}`}>
              <span class="swatch swatch-hatch" />
              <span class="legend-range">{t(lang, 'noData')}</span>
              <span class="legend-bar" aria-hidden="true">
                <span class="legend-bar-hatch" style={{ width: `${(100 * noData.length) / most}%` }} />
              </span>
              <span class="legend-count">{unitCount(noData.length, lang, cityLevel)}</span>
            </div>
          </li>
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
        {t(lang, METHOD_LABEL[choropleth.spec.method])}, {classes.length}
        {choropleth.midpointValue !== undefined && ` · ${t(lang, 'midpoint').toLowerCase()} ${formatValue(choropleth.midpointValue, lang)}`} · {t(lang, 'source')}:{' '}
        <a href={indicator.sourceUrl} target="_blank" rel="noopener" title={sources.map((i) => dataset.indicators.sources[i]).join('\n')}>
          {indicator.sourceLabel}
        </a>
        , {years.map(displayYear).join(', ')}
        {choropleth.valueByGeo.size > 0 && [...choropleth.valueByGeo.values()].some((o) => o.computed) && ` · ${t(lang, 'computed')}`}
      </p>
      {(lang === 'lv' ? indicator.noteLv : indicator.noteEn) && (
        <details class="legend-note legend-indicator-note">
          <summary>{t(lang, 'aboutIndicator')}</summary>
          {lang === 'lv' ? indicator.noteLv : indicator.noteEn}
        </details>
      )}
    </section>
  );
}
