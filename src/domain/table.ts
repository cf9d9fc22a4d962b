import { categoryName } from './categories.ts';
import { categoryAt, type Choropleth } from './choropleth.ts';
import { CSV_FORMATS, formatCsv, type CsvFormat } from './csvWrite.ts';
import { dataTextIn, provenanceLine, sourceLabel } from './provenance.ts';
import { sourceText, type DataText, type IndicatorCategory, type IndicatorData } from './indicators.ts';
import { nameIn, unitIn } from './bilingual.ts';

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
  /** The value's provenance line: a pair where the data give one, else as written. */
  source: DataText | null;
  computed: string | null;
  /** What the place is shown as when that is a category: its value's, or the one that puts it outside a scoped figure. */
  category: IndicatorCategory | null;
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
    const category = categoryAt(choropleth, u.geo);
    return {
      code: u.geo,
      nameLv: u.nameLv,
      nameEn: u.nameEn,
      value: o ? o.value : null,
      year: o ? o.year : null,
      classIndex: ci ?? null,
      colour: ci === undefined ? (choropleth.colourByGeo.get(u.geo) ?? null) : choropleth.classes[ci]!.colour,
      source: o ? sourceText(data, o.source) : null,
      computed: o?.computed ? o.computed[lang] : null,
      category,
    };
  });
}

export type SortKey = 'name' | 'value';

/**
 * Rows sorted by name (Latvian collation) or by value; rows without a figure last, those shown as a
 * category ("does not contribute") before those with no data.
 */
export function sortRows(rows: readonly TableRow[], key: SortKey, descending: boolean, lang: 'lv' | 'en'): TableRow[] {
  const collator = new Intl.Collator(lang === 'lv' ? 'lv' : 'en');
  const sign = descending ? -1 : 1;
  const rank = (r: TableRow) => (r.value !== null ? 0 : r.category ? 1 : 2);
  return [...rows].sort((a, b) => {
    if (key === 'value') {
      if (a.value === null || b.value === null) return rank(a) - rank(b);
      return sign * (a.value - b.value);
    }
    return sign * collator.compare(nameIn(a, lang), nameIn(b, lang));
  });
}

/** The columns of the table's CSV, in order. */
const TABLE_COLUMNS = ['code', 'name_lv', 'name_en', 'indicator', 'indicator_name', 'year', 'value', 'unit', 'class', 'source', 'source_url', 'provenance', 'computed'];

/**
 * The table as CSV (`formatCsv`, so with a byte-order mark and CRLF) with a header: unit code,
 * names, indicator, year, value, unit, class, source (its producer and table, as the map's legend
 * names it, and the table's address), the figure's provenance (an intermediary that carried it as
 * "via …"; in the reader's language where the data give the line as a pair, else as written), and
 * how a computed value was made. Values
 * and classes are number cells, so `format` decides their decimal mark and any spreadsheet reads
 * them back as numbers; the year stays text, a label ("2026", "2025-07") no format may change.
 * A place shown as a category has the category's name in the value cell ("neiemaksā"), never a
 * code or an empty cell that would read as no data.
 */
export function rowsToCsv(rows: readonly TableRow[], choropleth: Choropleth, lang: 'lv' | 'en', format: CsvFormat = CSV_FORMATS.comma): string {
  const ind = choropleth.indicator;
  const body = rows.map((r) => [
    r.code,
    r.nameLv,
    r.nameEn,
    ind.id,
    nameIn(ind, lang),
    r.year ?? '',
    r.category ? categoryName(r.category, lang) : r.value,
    unitIn(ind, lang),
    r.classIndex === null ? null : r.classIndex + 1,
    r.year === null && !r.category ? '' : sourceLabel(ind, lang),
    r.year === null && !r.category ? '' : ind.sourceUrl,
    r.source ? dataTextIn(provenanceLine(r.source, lang), lang).text : '',
    r.computed ?? '',
  ]);
  return formatCsv([TABLE_COLUMNS, ...body], format);
}
