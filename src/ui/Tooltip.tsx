import { useMemo } from 'preact/hooks';
import { categoryName } from '../domain/categories.ts';
import { categoryAt } from '../domain/choropleth.ts';
import { describePlace } from '../domain/places.ts';
import { formatNumber } from '../domain/format.ts';
import { selectChoropleth } from '../state/derived.ts';
import { useAppState } from './context.ts';
import { formatValue } from '../domain/format.ts';
import { SourceNote } from './FactLine.tsx';
import { t } from './i18n.ts';
import { placeKindLabel, placeName } from './placeText.ts';
import { LazyTerritorialUnitLine } from './territorialUnitLineLazy.ts';
import { nameIn, unitIn } from '../domain/bilingual.ts';

/** The hover card: name, kind, area and population with its year and source. */
export function Tooltip() {
  const hover = useAppState((s) => s.hover);
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  const choropleth = useAppState(selectChoropleth);
  const target = hover?.target;
  // The places' properties once per dataset, not on every hover (thousands of units).
  const props = useMemo(() => dataset && { units: dataset.municipalities.features.map((f) => f.properties), cities: dataset.cities.features.map((f) => f.properties) }, [dataset]);
  const place = useMemo(() => {
    if (!target || !dataset || !props) return null;
    return describePlace(target, props.units, props.cities, dataset.indicators);
  }, [target?.kind, target && ('id' in target ? target.id : target.code), dataset, props]);
  if (!hover || !place) return null;
  // The value of what is mapped, unless it is the population figure already shown; a category
  // (or the category that puts the place outside a scoped figure) in words, never as a code.
  const mapped = choropleth?.valueByGeo.get(place.geo);
  const showMapped = mapped && choropleth && choropleth.indicator.id !== place.population?.indicator.id;
  const category = choropleth && categoryAt(choropleth, place.geo);
  const left = Math.min(hover.x + 14, window.innerWidth - 300);
  return (
    <div class="tooltip" role="tooltip" style={{ left: `${Math.max(4, left)}px`, top: `${hover.y + 14}px` }}>
      <div class="tooltip-name">{placeName(place, lang)}</div>
      <div class="tooltip-kind">{placeKindLabel(place, lang)}</div>
      {hover.territorialUnit && <LazyTerritorialUnitLine wanted code={hover.territorialUnit} lang={lang} />}
      {place.areaKm2 !== undefined && (
        <div class="tooltip-row">
          {t(lang, 'area')}: {formatNumber(place.areaKm2, lang, 0)} km² <span class="muted">({t(lang, 'areaComputedShort')})</span>
        </div>
      )}
      {place.population && (
        <div class="tooltip-row">
          {nameIn(place.population.indicator, lang)}:{' '}
          <strong>{formatValue(place.population.observation.value, lang)}</strong>
          <div class="muted">
            <SourceNote fact={place.population} lang={lang} />
          </div>
        </div>
      )}
      {showMapped && (
        <div class="tooltip-row tooltip-mapped">
          {nameIn(choropleth.indicator, lang)}:{' '}
          <strong>{category ? categoryName(category, lang) : `${formatValue(mapped.value, lang)} ${unitIn(choropleth.indicator, lang)}`}</strong>
          <div class="muted">
            <SourceNote fact={{ indicator: choropleth.indicator, observation: mapped, source: '' }} lang={lang} />
          </div>
        </div>
      )}
      {!mapped && choropleth && category && (
        <div class="tooltip-row tooltip-mapped">
          {nameIn(choropleth.indicator, lang)}: <strong>{categoryName(category, lang)}</strong>
        </div>
      )}
    </div>
  );
}
