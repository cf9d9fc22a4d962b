import { useMemo } from 'preact/hooks';
import { formatNumber, type Lang } from '../domain/format.ts';
import { describeTerritorialUnit } from '../domain/territorialUnit.ts';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';
import { nameIn } from '../domain/bilingual.ts';

/**
 * One parish, town or state city (a territorial unit): its name, kind, municipality and computed
 * area, as the tooltip and the place panel show it once the map is zoomed to parishes.
 */
export function TerritorialUnitLine({ code, lang, as = 'div' }: { code: string; lang: Lang; as?: 'div' | 'p' }) {
  const dataset = useAppState((s) => s.dataset);
  const unit = useMemo(
    () => (dataset?.territorialUnits ? describeTerritorialUnit(code, dataset.territorialUnits, dataset.municipalities.features.map((f) => f.properties)) : null),
    [code, dataset],
  );
  if (!unit) return null;
  const Tag = as;
  const municipality = unit.municipality && nameIn(unit.municipality, lang);
  return (
    <Tag class="territorial-unit" data-territorial-unit={unit.code}>
      <strong lang="lv">{unit.name}</strong> · {t(lang, `kind_${unit.kind}`)}
      {municipality && unit.kind !== 'state_city' && <>, {municipality}</>}
      {' · '}
      {formatNumber(unit.areaKm2, lang, 1)} km² <span class="muted">({t(lang, 'areaComputedShort')})</span>
    </Tag>
  );
}
