import type { Dimension } from '../indicators.ts';
import type { DateQualifier, End, Link, LinkSource, OrganisationEnd, Period } from './model.ts';
import type { FieldId, LinkType, OrganisationCategory } from './vocabulary.ts';
import type { Bilingual } from '../bilingual.ts';

/**
 * The flat columns of an exported link, shared by the CSV file (one row per link, every cell a
 * string) and the GeoJSON export (feature properties). In order:
 *
 * - `id`, `type` (a `LINK_TYPES` id), `directed` (`yes`/`no`), `weight` (number or empty);
 * - `from_kind`, `from_id` (`city` + city id, `unit` + CSP area code, or `organisation` + slug),
 *   and for organisations `from_name_lv`, `from_name_en`, `from_category`, `from_country`,
 *   `from_seat` (city id) or `from_lon`/`from_lat`; the same for `to_`;
 * - `fields` and `dimensions`: ids joined by `;` (`f1;f4`, `economic`);
 * - `period_from`, `period_to` (ISO dates), `*_qualifier` (`circa`/`by`), `*_text` (source wording);
 * - `description_lv`, `description_en`, `note_lv`, `note_en`;
 * - `sources`: `url` or `url (remark)`, joined by ` ; ` as in the source tables;
 * - `uncertain` (`yes`/`no`), `uncertain_reason_lv`, `uncertain_reason_en`.
 *
 * An empty cell is an absent value.
 */
export const LINK_COLUMNS = [
  'id', 'type', 'directed', 'weight',
  'from_kind', 'from_id', 'from_name_lv', 'from_name_en', 'from_category', 'from_country', 'from_seat', 'from_lon', 'from_lat',
  'to_kind', 'to_id', 'to_name_lv', 'to_name_en', 'to_category', 'to_country', 'to_seat', 'to_lon', 'to_lat',
  'fields', 'dimensions',
  'period_from', 'period_from_qualifier', 'period_from_text', 'period_to', 'period_to_qualifier', 'period_to_text',
  'description_lv', 'description_en', 'note_lv', 'note_en', 'sources',
  'uncertain', 'uncertain_reason_lv', 'uncertain_reason_en',
] as const;
export type LinkColumn = (typeof LINK_COLUMNS)[number];
export type LinkCells = Record<LinkColumn, string>;

/** Columns that hold numbers or yes/no in the export; GeoJSON gives them JSON types. */
export const NUMBER_COLUMNS: ReadonlySet<LinkColumn> = new Set(['weight', 'from_lon', 'from_lat', 'to_lon', 'to_lat']);
export const BOOLEAN_COLUMNS: ReadonlySet<LinkColumn> = new Set(['directed', 'uncertain']);

/** A number as text that reads back to the identical number (including -0). */
export function formatNumber(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

function endCells(end: End, side: 'from' | 'to', cells: LinkCells) {
  cells[`${side}_kind`] = end.kind;
  cells[`${side}_id`] = end.kind === 'unit' ? end.code : end.id;
  if (end.kind !== 'organisation') return;
  cells[`${side}_name_lv`] = end.nameLv;
  cells[`${side}_name_en`] = end.nameEn;
  cells[`${side}_category`] = end.category;
  cells[`${side}_country`] = end.country ?? '';
  if (end.at && 'seat' in end.at) cells[`${side}_seat`] = end.at.seat;
  if (end.at && 'lon' in end.at) {
    cells[`${side}_lon`] = formatNumber(end.at.lon);
    cells[`${side}_lat`] = formatNumber(end.at.lat);
  }
}

/** The export row of a link: every column, '' for absent values. */
export function linkToCells(link: Link): LinkCells {
  const cells = Object.fromEntries(LINK_COLUMNS.map((c) => [c, ''])) as LinkCells;
  const p = link.period;
  cells.id = link.id;
  cells.type = link.type;
  cells.directed = link.directed ? 'yes' : 'no';
  cells.weight = link.weight === undefined ? '' : formatNumber(link.weight);
  endCells(link.from, 'from', cells);
  endCells(link.to, 'to', cells);
  cells.fields = link.fields.join(';');
  cells.dimensions = link.dimensions.join(';');
  cells.period_from = p.from ?? '';
  cells.period_from_qualifier = p.fromQualifier ?? '';
  cells.period_from_text = p.fromText ?? '';
  cells.period_to = p.to ?? '';
  cells.period_to_qualifier = p.toQualifier ?? '';
  cells.period_to_text = p.toText ?? '';
  cells.description_lv = link.description.lv;
  cells.description_en = link.description.en;
  cells.note_lv = link.note.lv;
  cells.note_en = link.note.en;
  cells.sources = link.sources.map((s) => (s.note === undefined ? s.url : `${s.url} (${s.note})`)).join(' ; ');
  cells.uncertain = link.uncertain ? 'yes' : 'no';
  cells.uncertain_reason_lv = link.uncertainReason?.lv ?? '';
  cells.uncertain_reason_en = link.uncertainReason?.en ?? '';
  return cells;
}

/** Thrown by `cellsToLink` for a cell that cannot be read; the importer turns it into an error. */
export class CellError extends Error {
  constructor(readonly reason: Bilingual) {
    super(reason.en);
  }
}

function yesNo(cells: LinkCells, column: LinkColumn): boolean {
  const v = cells[column];
  if (v !== 'yes' && v !== 'no') throw new CellError({ lv: `Kolonnā ${column} jābūt yes vai no, nevis „${v}”.`, en: `Column ${column} must be yes or no, not "${v}".` });
  return v === 'yes';
}

function number(cells: LinkCells, column: LinkColumn): number {
  const v = cells[column];
  if (!NUMBER.test(v)) throw new CellError({ lv: `Kolonnā ${column} jābūt skaitlim, nevis „${v}”.`, en: `Column ${column} must be a number, not "${v}".` });
  return Number(v);
}

const list = (cell: string) => (cell === '' ? [] : cell.split(';'));

function cellsToEnd(cells: LinkCells, side: 'from' | 'to'): End {
  const kind = cells[`${side}_kind`];
  const id = cells[`${side}_id`];
  if (kind === 'city') return { kind, id };
  if (kind === 'unit') return { kind, code: id };
  if (kind !== 'organisation') {
    throw new CellError({ lv: `Kolonnā ${side}_kind jābūt city, unit vai organisation, nevis „${kind}”.`, en: `Column ${side}_kind must be city, unit or organisation, not "${kind}".` });
  }
  const end: OrganisationEnd = {
    kind,
    id,
    nameLv: cells[`${side}_name_lv`],
    nameEn: cells[`${side}_name_en`],
    category: cells[`${side}_category`] as OrganisationCategory,
  };
  if (cells[`${side}_country`] !== '') end.country = cells[`${side}_country`];
  const seat = cells[`${side}_seat`];
  const hasLonLat = cells[`${side}_lon`] !== '' || cells[`${side}_lat`] !== '';
  if (seat !== '' && hasLonLat) {
    throw new CellError({ lv: `Organizācijai ${id} norādīta gan mītnes pilsēta, gan koordinātas.`, en: `Organisation ${id} has both a seat city and coordinates.` });
  }
  if (seat !== '') end.at = { seat };
  if (hasLonLat) end.at = { lon: number(cells, `${side}_lon`), lat: number(cells, `${side}_lat`) };
  return end;
}

function cellsToSources(cell: string): LinkSource[] {
  if (cell === '') return [];
  return cell.split(' ; ').map((item) => {
    const m = /^(\S+)(?: \((.*)\))?$/s.exec(item);
    if (!m) throw new CellError({ lv: `Avotu nevar nolasīt: „${item}”.`, en: `Cannot read source "${item}".` });
    return m[2] === undefined ? { url: m[1]! } : { url: m[1]!, note: m[2] };
  });
}

function cellsToPeriod(cells: LinkCells): Period {
  const period: Period = {};
  if (cells.period_from !== '') period.from = cells.period_from;
  if (cells.period_from_qualifier !== '') period.fromQualifier = cells.period_from_qualifier as DateQualifier;
  if (cells.period_from_text !== '') period.fromText = cells.period_from_text;
  if (cells.period_to !== '') period.to = cells.period_to;
  if (cells.period_to_qualifier !== '') period.toQualifier = cells.period_to_qualifier as DateQualifier;
  if (cells.period_to_text !== '') period.toText = cells.period_to_text;
  return period;
}

/**
 * Reads an export row back into a link, the exact inverse of `linkToCells` for every valid link.
 * Throws a `CellError` for a cell it cannot read; enum values and dates are checked afterwards
 * by `validateLink`.
 */
export function cellsToLink(cells: LinkCells): Link {
  const link: Link = {
    kind: 'documented',
    id: cells.id,
    from: cellsToEnd(cells, 'from'),
    to: cellsToEnd(cells, 'to'),
    type: cells.type as LinkType,
    fields: list(cells.fields) as FieldId[],
    dimensions: list(cells.dimensions) as Dimension[],
    directed: yesNo(cells, 'directed'),
    period: cellsToPeriod(cells),
    description: { lv: cells.description_lv, en: cells.description_en },
    note: { lv: cells.note_lv, en: cells.note_en },
    sources: cellsToSources(cells.sources),
    uncertain: yesNo(cells, 'uncertain'),
  };
  if (cells.weight !== '') link.weight = number(cells, 'weight');
  if (cells.uncertain_reason_lv !== '' || cells.uncertain_reason_en !== '') {
    link.uncertainReason = { lv: cells.uncertain_reason_lv, en: cells.uncertain_reason_en };
  }
  return link;
}
