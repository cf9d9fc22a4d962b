import { openingYear, type Dimension } from '../domain/indicators.ts';
import { USER_PREFIX } from '../domain/userIndicators.ts';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';
import { nameIn } from '../domain/bilingual.ts';

const DIMENSIONS: Dimension[] = ['social', 'economic', 'environmental'];

/** The indicator to map, grouped by the strategy's three dimensions. */
export function IndicatorPicker() {
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  const current = useAppState((s) => s.choropleth.indicator);
  const setChoropleth = useAppState((s) => s.setChoropleth);
  if (!dataset) return null;
  const indicators = dataset.indicators.indicators;
  return (
    <div class="control">
      <label class="control-label" for="indicator-select">
        {t(lang, 'indicator')}
      </label>
      <select
        id="indicator-select"
        value={current}
        onChange={(e) => {
          const id = (e.target as HTMLSelectElement).value;
          const meta = indicators.find((i) => i.id === id);
          const diverging = meta?.kind === 'change';
          setChoropleth({ indicator: id, year: openingYear(dataset.indicators, id), method: 'quantile', palette: diverging ? 'puor' : 'blues', midpoint: 'zero' });
        }}
      >
        {DIMENSIONS.map((d) => (
          <optgroup key={d} label={t(lang, `dimension_${d}`)}>
            {indicators
              .filter((i) => i.dimension === d && !i.id.startsWith(USER_PREFIX))
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {nameIn(i, lang)}
                </option>
              ))}
          </optgroup>
        ))}
        {indicators.some((i) => i.id.startsWith(USER_PREFIX)) && (
          <optgroup label={t(lang, 'imported')}>
            {indicators
              .filter((i) => i.id.startsWith(USER_PREFIX))
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {i.nameLv}
                </option>
              ))}
          </optgroup>
        )}
      </select>
    </div>
  );
}
