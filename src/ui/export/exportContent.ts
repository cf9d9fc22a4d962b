import type { LegendClass } from '../../domain/choropleth.ts';
import type { ExportContent } from '../../domain/exportLayout.ts';
import { displayYear, formatNumber, titleWithYears, type Lang } from '../../domain/format.ts';
import { levelOf } from '../../domain/indicators.ts';
import { drawsAsSymbols, isProportional, sizeKey } from '../../domain/symbols.ts';
import { selectChoropleth } from '../../state/derived.ts';
import type { AppState } from '../../state/store.ts';
import { METHOD_LABEL } from '../ClassControls.tsx';
import { formatValue } from '../FactLine.tsx';
import { t, unitCount } from '../i18n.ts';
import { BOUNDARY_CHANGES } from '../../domain/boundaries.ts';

/** A class's bounds as the on-screen legend writes them ("< 10", "10 – < 20", "≥ 20"). */
function classLabel(c: LegendClass, lang: Lang): string {
  if (c.from === -Infinity && c.to === Infinity) return c.min === c.max ? formatValue(c.min, lang) : `${formatValue(c.min, lang)} – ${formatValue(c.max, lang)}`;
  if (c.from === -Infinity) return `< ${formatValue(c.to, lang)}`;
  if (c.to === Infinity) return `≥ ${formatValue(c.from, lang)}`;
  return `${formatValue(c.from, lang)} – < ${formatValue(c.to, lang)}`;
}

/** Credits the boundary and data licences ask for, as in the map's attribution control, with the changes made to the boundaries. */
const ATTRIBUTION: Record<Lang, string> = {
  lv: `Robežas: CSP, VZD (CC BY 4.0), ${BOUNDARY_CHANGES.lv} · Natural Earth · Dati: CSP / Oficiālās statistikas portāls`,
  en: `Boundaries: CSP, VZD (CC BY 4.0), ${BOUNDARY_CHANGES.en} · Natural Earth · Data: CSP / Official Statistics Portal`,
};

/**
 * The words of an exported picture for what the map shows now, in the app's language: the
 * indicator and year as title (or a scene's own title and caption), the legend rows as on screen,
 * highest class first, the national value and method, and the source with its year.
 */
export function exportContentOf(state: AppState, override: { title?: string; subtitle?: string } = {}): ExportContent | null {
  const choropleth = selectChoropleth(state);
  if (!choropleth) return null;
  const { lang } = state;
  const { indicator, classes, noData, years, national } = choropleth;
  const cityLevel = levelOf(indicator) === 'city';
  const name = lang === 'lv' ? indicator.nameLv : indicator.nameEn;
  const unit = lang === 'lv' ? indicator.unitLv : indicator.unitEn;
  const rows = [...classes].reverse().map((c) => ({ colour: c.colour, label: classLabel(c, lang), count: unitCount(c.geos.length, lang, cityLevel) }));
  if (noData.length > 0) rows.push({ colour: 'hatch', label: t(lang, 'noData'), count: unitCount(noData.length, lang, cityLevel) });
  const notes: string[] = [];
  if (cityLevel) notes.push(t(lang, indicator.kind === 'count' ? 'symbolsProportional' : 'symbolsGraduated'));
  else if (drawsAsSymbols(indicator)) notes.push(t(lang, 'symbolsCount'));
  const key = drawsAsSymbols(indicator) && isProportional(indicator) ? sizeKey([...choropleth.valueByGeo.values()].map((o) => o.value)) : [];
  if (national) notes.push(`${t(lang, 'national')}: ${formatValue(national.value, lang)} ${unit} (${displayYear(national.year)})`);
  notes.push(`${t(lang, METHOD_LABEL[choropleth.spec.method])}, ${classes.length}`);
  return {
    title: override.title || titleWithYears(name, years),
    subtitle: override.subtitle ?? `${t(lang, 'title')} · ${t(lang, 'subtitle')}`,
    unit,
    rows,
    notes,
    ...(key.length > 0 && { sizeKey: key.map((k) => ({ radius: k.radius, label: `${formatNumber(k.value, lang, 0)} ${unit}` })) }),
    source: `${t(lang, 'source')}: ${indicator.sourceLabel}, ${years.map(displayYear).join(', ')}`,
    attribution: ATTRIBUTION[lang],
  };
}
