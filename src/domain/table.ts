import Papa from 'papaparse';
import type { Choropleth } from './choropleth.ts';
import type { IndicatorData } from './indicators.ts';

/** One row of the table view: exactly what the map shows for one unit, with its provenance. */
export interface TableRow {
  code: string;
  nameLv: string;
  nameEn: string;
  value: number | null;
  year: string | null;
  /** 0-based class of the value in the legend, or null for no data. */
  classIndex: number | null;
  colour: string | null;
  source: string | null;
  computed: string | null;
}

/** A place of the table: a municipality (CSP code) or a state city (its geo id). */
export interface TablePlace {
  geo: string;
  nameLv: string;
  nameEn: string;
}

/**
 * The rows behind the choropleth, one per place in map order; units without a value are kept with
 * nulls (the table says "no data" where the map hatches).
 */
export function choroplethRows(choropleth: Choropleth, places: readonly TablePlace[], data: IndicatorData, lang: 'lv' | 'en'): TableRow[] {
  const classOf = new Map<string, number>();
  choropleth.classes.forEach((c, i) => c.geos.forEach((g) => classOf.set(g, i)));
  return places.map((u) => {
    const o = choropleth.valueByGeo.get(u.geo);
    const ci = classOf.get(u.geo);
    return {
      code: u.geo,
      nameLv: u.nameLv,
      nameEn: u.nameEn,
      value: o ? o.value : null,
      year: o ? o.year : null,
      classIndex: ci ?? null,
      colour: ci === undefined ? null : choropleth.classes[ci]!.colour,
      source: o ? (data.sources[o.source] ?? null) : null,
      computed: o?.computed ? o.computed[lang] : null,
    };
  });
}

export type SortKey = 'name' | 'value';

/** Rows sorted by name (Latvian collation) or by value; no-data rows always last. */
export function sortRows(rows: readonly TableRow[], key: SortKey, descending: boolean, lang: 'lv' | 'en'): TableRow[] {
  const collator = new Intl.Collator(lang === 'lv' ? 'lv' : 'en');
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (key === 'value') {
      if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
      return sign * (a.value - b.value);
    }
    return sign * collator.compare(lang === 'lv' ? a.nameLv : a.nameEn, lang === 'lv' ? b.nameLv : b.nameEn);
  });
}

/**
 * The table as CSV, UTF-8 with a header: unit code, names, indicator, year, value, unit, source,
 * and how a computed value was made. Values are written with a dot and no grouping, so any
 * spreadsheet reads them back as numbers.
 */
export function rowsToCsv(rows: readonly TableRow[], choropleth: Choropleth, lang: 'lv' | 'en'): string {
  const ind = choropleth.indicator;
  return Papa.unparse(
    rows.map((r) => ({
      code: r.code,
      name_lv: r.nameLv,
      name_en: r.nameEn,
      indicator: ind.id,
      indicator_name: lang === 'lv' ? ind.nameLv : ind.nameEn,
      year: r.year ?? '',
      value: r.value ?? '',
      unit: lang === 'lv' ? ind.unitLv : ind.unitEn,
      class: r.classIndex === null ? '' : r.classIndex + 1,
      source: r.source ?? '',
      computed: r.computed ?? '',
    })),
    { newline: '\n' },
  );
}
