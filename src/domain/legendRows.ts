import { categoryName } from './categories.ts';
import type { Choropleth, LegendClass } from './choropleth.ts';
import { formatValue, type Lang } from './format.ts';

/**
 * One row of a map's key. 'class': a class of values or a category (`index` into
 * `Choropleth.classes`); 'notApplicable': the places a scoped figure does not apply to ("does not
 * contribute"), in the neutral colour; 'noData': the hatch.
 */
export interface LegendRow {
  kind: 'class' | 'notApplicable' | 'noData';
  index: number | null;
  label: string;
  /** A colour, or 'hatch' for no data. */
  colour: string;
  count: number;
  geos: string[];
}

/** The class's bounds as the reader needs them: "< 10", "10 – < 20", "≥ 20" (breaks, not data); a category's name. */
export function classLabel(c: LegendClass, lang: Lang): string {
  if (c.category) return categoryName(c.category, lang);
  if (c.from === -Infinity && c.to === Infinity) return c.min === c.max ? formatValue(c.min, lang) : `${formatValue(c.min, lang)} – ${formatValue(c.max, lang)}`;
  if (c.from === -Infinity) return `< ${formatValue(c.to, lang)}`;
  if (c.to === Infinity) return `≥ ${formatValue(c.from, lang)}`;
  return `${formatValue(c.from, lang)} – < ${formatValue(c.to, lang)}`;
}

const NO_DATA: Record<Lang, string> = { lv: 'nav datu', en: 'no data' };

/**
 * The rows of a map's key in reading order, the same on screen and in an exported picture: value
 * classes highest first, or categories in catalogue order; then the places a scoped figure does
 * not apply to; then no data.
 */
export function legendRows(choropleth: Choropleth, lang: Lang): LegendRow[] {
  const indexed = choropleth.classes.map((c, i) => ({ c, i }));
  const ordered = indexed.some(({ c }) => c.category) ? indexed : [...indexed].reverse();
  const rows: LegendRow[] = ordered.map(({ c, i }) => ({ kind: 'class', index: i, label: classLabel(c, lang), colour: c.colour, count: c.geos.length, geos: c.geos }));
  const na = choropleth.notApplicable;
  if (na) rows.push({ kind: 'notApplicable', index: null, label: categoryName(na.category, lang), colour: na.colour, count: na.geos.length, geos: na.geos });
  if (choropleth.noData.length > 0) rows.push({ kind: 'noData', index: null, label: NO_DATA[lang], colour: 'hatch', count: choropleth.noData.length, geos: choropleth.noData });
  return rows;
}
