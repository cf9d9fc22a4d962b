import { parseCsvRecords, requireColumns, type CsvRecord } from '../src/domain/csv.ts';
import { endKey, linkId, type End, type Link, type LinkSource, type OrganisationEnd, type Period } from '../src/domain/links/model.ts';
import { periodFromSource } from '../src/domain/links/period.ts';
import { fieldsOfEnglishSourceType, fieldsOfSource, SOURCE_LINK_TYPES, uncertaintyOf } from '../src/domain/links/source.ts';
import { validateLink } from '../src/domain/links/validate.ts';
import { DIRECTED_TYPES, dimensionsOfFields, isOrganisationCategory, type FieldId, type LinkType } from '../src/domain/links/vocabulary.ts';
import type { Bilingual } from '../src/domain/bilingual.ts';
import { PipelineError } from './errors.ts';
import { isCurrent, readUnits } from './units.ts';

export interface LinkInputFile {
  file: string;
  text: string;
}

/** The curated inputs of the link table (`geodata/inputs/`), loaded as text. */
export interface LinkInputs {
  /** `cooperation_links.csv` and `cooperation_links_more.csv`, in the order their links ship. */
  links: LinkInputFile[];
  organisations: LinkInputFile;
  cities: LinkInputFile;
  units: LinkInputFile;
  /** The division date: an end in a unit that no longer exists on it stops the build. */
  asOf: string;
}

/** The curation columns appended to the copies of the shared tables; the source columns stay verbatim. */
const CURATION = ['exclude_reason', 'from_end', 'to_end'] as const;
/** The English table (`year_or_date`) and the Latvian one (`start`, `end`, `field`). */
const ENGLISH = ['from', 'to', 'link_type', 'description', 'year_or_date', 'source', 'note'] as const;
const LATVIAN = ['from', 'to', 'link_type', 'field', 'description', 'start', 'end', 'source', 'note'] as const;
const ORGANISATION_COLUMNS = ['id', 'name_lv', 'name_en', 'aliases', 'category', 'country', 'seat_city', 'lon', 'lat', 'source', 'note'] as const;

function parse(input: LinkInputFile, columns: readonly string[]) {
  try {
    const parsed = parseCsvRecords(input.text);
    requireColumns(parsed.header, columns);
    return parsed;
  } catch (e) {
    throw new PipelineError(input.file, null, (e as Error).message);
  }
}

/** Reads organisations.csv into ends, by every name a link table may use for them. */
function readOrganisations(input: LinkInputFile, cityIds: ReadonlySet<string>, taken: ReadonlySet<string>) {
  const byName = new Map<string, { end: OrganisationEnd; line: number }>();
  const ids = new Set<string>();
  for (const { line, values: v } of parse(input, ORGANISATION_COLUMNS).records) {
    const fail = (reason: string) => new PipelineError(input.file, line, reason);
    const id = v.id ?? '';
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw fail(`invalid organisation id "${id}"`);
    if (ids.has(id)) throw fail(`organisation ${id} listed twice`);
    ids.add(id);
    const category = v.category ?? '';
    if (!isOrganisationCategory(category)) throw fail(`unknown category "${category}" (expected association, network, project, place)`);
    const end: OrganisationEnd = { kind: 'organisation', id, nameLv: v.name_lv ?? '', nameEn: v.name_en ?? '', category };
    const country = v.country ?? '';
    if (country !== '' && !/^[A-Z]{2}$/.test(country)) throw fail(`country "${country}" is not an ISO 3166-1 alpha-2 code`);
    if (country !== '') end.country = country;
    const seat = v.seat_city ?? '';
    const [lon, lat] = [v.lon ?? '', v.lat ?? ''];
    if (seat !== '' && (lon !== '' || lat !== '')) throw fail(`${id} has both a seat city and coordinates`);
    if (seat !== '' && !cityIds.has(seat)) throw fail(`unknown seat city "${seat}"`);
    if (seat !== '') end.at = { seat };
    if (lon !== '' || lat !== '') {
      const [x, y] = [Number(lon), Number(lat)];
      if (lon === '' || lat === '' || !(Math.abs(x) <= 180 && Math.abs(y) <= 90)) throw fail(`invalid coordinates "${lon}", "${lat}"`);
      end.at = { lon: x, lat: y };
    }
    const names = [end.nameLv, ...(v.aliases ?? '').split(' | ')].map((s) => s.trim()).filter((s) => s !== '');
    for (const name of names) {
      if (taken.has(name) || byName.has(name)) throw fail(`name "${name}" already names another end`);
      byName.set(name, { end, line });
    }
  }
  return byName;
}

function parseSources(cell: string, fail: (reason: string) => PipelineError): LinkSource[] {
  return cell.split(' ; ').map((item) => {
    const m = /^(https?:\/\/\S+)(?: \((.+)\))?$/.exec(item.trim());
    if (!m) throw fail(`cannot read source "${item}" (expected a URL, optionally followed by a remark in parentheses)`);
    return m[2] === undefined ? { url: m[1]! } : { url: m[1]!, note: m[2] };
  });
}

/**
 * The period of a row of the English table: `year_or_date` is a date, a 'YYYY-YYYY' range or a
 * remark. For a transport link the date is that of the timetable or article that documents
 * it, not the line's opening, so it only says the link was in place by then.
 */
function englishPeriod(cell: string, type: LinkType): Period {
  const range = /^(\d{4})-(\d{4})$/.exec(cell.trim());
  if (range) return { from: range[1]!, to: range[2]! };
  const period = periodFromSource(cell, '');
  if (type === 'transport_link' && period.from !== undefined && period.fromQualifier === undefined) period.fromQualifier = 'by';
  return period;
}

/**
 * The link tables' texts are kept in their own words, in the language of their table, except for
 * the few words of the other language in them, given in the text's own: the Latvian table's
 * English markers — the flag UNCERTAIN ("UNCERTAIN gads", "(… – UNCERTAIN)"), carried anyway by
 * `uncertain` and `uncertainReason` (read from the row as written), and the key "country:" — and
 * the English table's Latvian unit names ("Ogres novads") and plural "novadi".
 */
export function latvianWording(text: string): string {
  return text
    .replace(/\bUNCERTAIN\b/g, (_word, offset: number, whole: string) => (/^$|[.!?]\s*$/.test(whole.slice(0, offset)) ? 'Nedrošs' : 'nedrošs'))
    .replace(/\bcountry: /g, 'valsts: ');
}

/** See `latvianWording`: an English text with the units' English names (`englishNames`: Latvian name → English) and "municipalities" for "novadi". */
export function englishWording(text: string, englishNames: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [lv, en] of englishNames) if (lv !== en) out = out.split(lv).join(en);
  return out.replace(/\bnovadi\b/g, 'municipalities');
}

/**
 * Reads the curated link tables into the links the app ships, in input order. Each row's ends
 * are resolved by name (a city, a unit of `units.csv`, a name or alias in `organisations.csv`)
 * or by the row's `from_end`/`to_end` override (`city:<id>`, `unit:<CSP code>`, `org:<id>`);
 * rows with an `exclude_reason` are left out. The type, fields, dimensions, period and
 * uncertainty follow the documented rules of `src/domain/links/source.ts`. An unknown end,
 * wording or field, an unreadable source, or a link that `validateLink` refuses (a self-link, a
 * duplicate, an end before its start) stops the build naming file and line; so does an
 * organisation no shipped link uses.
 */
export function readShippedLinks(inputs: LinkInputs): Link[] {
  const cities = parse(inputs.cities, ['id', 'name_lv', 'municipality_code', 'inside_novads']).records;
  const units = readUnits(inputs.units.text, inputs.units.file);
  const cityIds = new Set(cities.map((r) => r.values.id ?? ''));
  const unitCodes = new Set(units.filter((u) => isCurrent(u, inputs.asOf)).map((u) => u.code));
  // A state city is also a unit of the same name (Rīga, LV0001000): its name means the city.
  const byName = new Map<string, End>();
  for (const u of units) byName.set(u.nameLv, { kind: 'unit', code: u.code });
  for (const c of cities) byName.set(c.values.name_lv ?? '', { kind: 'city', id: c.values.id ?? '' });
  const cityUnits = new Map(cities.filter((c) => c.values.inside_novads === 'no').map((c) => [c.values.municipality_code ?? '', c.values.id ?? '']));
  const organisations = readOrganisations(inputs.organisations, cityIds, new Set(byName.keys()));
  const orgById = new Map([...organisations.values()].map(({ end, line }) => [end.id, { end, line }]));
  for (const [name, { end }] of organisations) byName.set(name, end);

  // Longest first, so that "Rēzeknes novads" is replaced before "Rēzekne" could be.
  const englishNames = new Map(units.map((u) => [u.nameLv, u.nameEn] as const).sort(([a], [b]) => b.length - a.length));
  const links: Link[] = [];
  const context = { cityIds, unitCodes, cityUnits, links };
  const lineOf = new Map<string, string>();
  for (const input of inputs.links) {
    const english = parseCsvRecords(input.text).header.includes('year_or_date');
    for (const record of parse(input, [...(english ? ENGLISH : LATVIAN), ...CURATION]).records) {
      const link = readRow(record, english, input.file, byName, orgById, englishNames);
      if (!link) continue;
      const issue = validateLink(link, context)[0];
      if (issue) throw new PipelineError(input.file, record.line, issue.message.en);
      // Ids derive from the same key that defines a duplicate, so a repeated id is a repeated link.
      const twin = lineOf.get(link.id);
      if (twin) throw new PipelineError(input.file, record.line, `duplicate of ${twin}: same ends, type and period`);
      lineOf.set(link.id, `${input.file}, line ${record.line}`);
      links.push(link);
    }
  }
  const used = new Set(links.flatMap((l) => [endKey(l.from), endKey(l.to)]));
  for (const { end, line } of orgById.values()) {
    if (!used.has(endKey(end))) throw new PipelineError(inputs.organisations.file, line, `organisation ${end.id} is used by no shipped link`);
  }
  return links;
}

function readRow(
  { line, values: v }: CsvRecord,
  english: boolean,
  file: string,
  byName: ReadonlyMap<string, End>,
  orgById: ReadonlyMap<string, { end: OrganisationEnd }>,
  englishNames: ReadonlyMap<string, string>,
): Link | null {
  if ((v.exclude_reason ?? '').trim() !== '') return null;
  const fail = (reason: string) => new PipelineError(file, line, reason);
  const end = (side: 'from' | 'to'): End => {
    const override = (v[`${side}_end`] ?? '').trim();
    if (override === '') {
      const found = byName.get((v[side] ?? '').trim());
      if (!found) throw fail(`unknown ${side} end "${v[side]}": not a city, a unit of units.csv or a name in organisations.csv`);
      return found;
    }
    const [kind, id = ''] = override.split(/:(.*)/s);
    const resolved: End | undefined =
      kind === 'city' ? [...byName.values()].find((e) => e.kind === 'city' && e.id === id)
      : kind === 'unit' ? [...byName.values()].find((e) => e.kind === 'unit' && e.code === id)
      : kind === 'org' ? orgById.get(id)?.end
      : undefined;
    if (!resolved) throw fail(`unknown ${side}_end "${override}" (expected city:<id>, unit:<CSP code> or org:<id>)`);
    return resolved;
  };
  const rawType = (v.link_type ?? '').trim();
  const type = SOURCE_LINK_TYPES[rawType];
  if (!type) throw fail(`unknown link type "${rawType}" (add it to SOURCE_LINK_TYPES in src/domain/links/source.ts)`);
  const fields: FieldId[] | undefined = english ? fieldsOfEnglishSourceType(rawType) : fieldsOfSource(v.field ?? '');
  if (!fields) throw fail(`unknown cooperation field "${v.field}" (expected F1…F5, K, X or daudznozaru)`);
  const period = english ? englishPeriod(englishWording(v.year_or_date ?? '', englishNames), type) : periodFromSource(latvianWording(v.start ?? ''), latvianWording(v.end ?? ''));
  const text = (s: string | undefined): Bilingual => (english ? { lv: '', en: englishWording((s ?? '').trim(), englishNames) } : { lv: latvianWording((s ?? '').trim()), en: '' });
  const [from, to] = [end('from'), end('to')];
  const directed = DIRECTED_TYPES.has(type);
  const sourceColumns = english ? ENGLISH : LATVIAN;
  const reason = uncertaintyOf({
    row: sourceColumns.map((c) => v[c] ?? '').join(' '),
    note: v.note ?? '',
    type,
    countries: [from, to].flatMap((e) => (e.kind === 'organisation' && e.country ? [e.country] : [])),
    hasEnd: period.to !== undefined,
  });
  const link: Link = {
    kind: 'documented',
    id: linkId({ type, from, to, directed, period }),
    from,
    to,
    type,
    fields,
    dimensions: dimensionsOfFields(fields),
    directed,
    period,
    description: text(v.description),
    note: text(v.note),
    sources: parseSources(v.source ?? '', fail),
    uncertain: reason !== undefined,
  };
  if (reason) link.uncertainReason = reason;
  return link;
}
