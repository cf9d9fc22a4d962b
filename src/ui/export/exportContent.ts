import { CLASS_METHOD_LABEL } from '../../domain/classify.ts';
import { isCategorical } from '../../domain/categories.ts';
import type { ExportContent } from '../../domain/exportLayout.ts';
import { displayYear, formatNumber, titleWithYears, type Lang } from '../../domain/format.ts';
import { levelOf } from '../../domain/indicators.ts';
import { sourceLabel } from '../../domain/provenance.ts';
import { legendRows } from '../../domain/legendRows.ts';
import { drawsAsSymbols, isProportional, sizeKey } from '../../domain/symbols.ts';
import { selectChoropleth } from '../../state/derived.ts';
import type { AppState } from '../../state/store.ts';
import { formatValue } from '../../domain/format.ts';
import { t, unitCount } from '../i18n.ts';
import { BOUNDARY_CHANGES } from '../../domain/boundaries.ts';
import { nameIn, unitIn } from '../../domain/bilingual.ts';

/** Credits the boundary and data licences ask for, as in the map's attribution control, with the changes made to the boundaries. */
const ATTRIBUTION: Record<Lang, string> = {
  lv: `Robežas: CSP, VZD (CC BY 4.0), ${BOUNDARY_CHANGES.lv} · Natural Earth · Dati: CSP / Oficiālās statistikas portāls`,
  en: `Boundaries: CSP, VZD (CC BY 4.0), ${BOUNDARY_CHANGES.en} · Natural Earth · Data: CSP / Official Statistics Portal`,
};

/**
 * The words of an exported picture for what the map shows now, in the app's language: the
 * indicator and year as title (or a scene's own title and caption), the legend rows as on screen
 * (`legendRows`: highest class first, or the categories; then "does not apply" and no data), the
 * national value and method, and the source with its year.
 */
export function exportContentOf(state: AppState, override: { title?: string; subtitle?: string } = {}): ExportContent | null {
  const choropleth = selectChoropleth(state);
  if (!choropleth) return null;
  const { lang } = state;
  const { indicator, classes, years, national } = choropleth;
  const cityLevel = levelOf(indicator) === 'city';
  const name = nameIn(indicator, lang);
  const unit = unitIn(indicator, lang);
  const symbols = drawsAsSymbols(indicator);
  const rows = legendRows(choropleth, lang).map((r) => ({
    colour: r.colour,
    label: r.kind === 'notApplicable' && symbols ? `${r.label} (${t(lang, 'noCircle')})` : r.label,
    count: unitCount(r.count, lang, cityLevel),
  }));
  const notes: string[] = [];
  if (cityLevel) notes.push(t(lang, indicator.kind === 'count' ? 'symbolsProportional' : 'symbolsGraduated'));
  else if (drawsAsSymbols(indicator)) notes.push(t(lang, 'symbolsCount'));
  const key = drawsAsSymbols(indicator) && isProportional(indicator) ? sizeKey([...choropleth.valueByGeo.values()].map((o) => o.value)) : [];
  if (national) notes.push(`${t(lang, 'national')}: ${formatValue(national.value, lang)} ${unit} (${displayYear(national.year)})`);
  notes.push(isCategorical(indicator) ? t(lang, 'categoriesLegend') : `${CLASS_METHOD_LABEL[choropleth.spec.method][lang]}, ${classes.length}`);
  return {
    title: override.title || titleWithYears(name, years),
    subtitle: override.subtitle ?? `${t(lang, 'title')} · ${t(lang, 'subtitle')}`,
    unit,
    rows,
    notes,
    ...(key.length > 0 && { sizeKey: key.map((k) => ({ radius: k.radius, label: `${formatNumber(k.value, lang, 0)} ${unit}` })) }),
    source: `${t(lang, 'source')}: ${sourceLabel(indicator, lang)}, ${years.map(displayYear).join(', ')}`,
    attribution: ATTRIBUTION[lang],
  };
}
