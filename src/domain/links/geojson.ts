import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import { arcGeometry } from './arc.ts';
import { BOOLEAN_COLUMNS, CellError, cellsToLink, formatNumber, LINK_COLUMNS, linkToCells, NUMBER_COLUMNS, type LinkCells, type LinkColumn } from './codec.ts';
import type { ImportError, ImportResult } from './csv.ts';
import type { Link } from './model.ts';
import { endPosition, type EndPositions } from './positions.ts';
import { validateLinks, type LinkContext } from './validate.ts';
import type { Bilingual } from '../bilingual.ts';
import { anything, array, boolean, literal, number, object, optional, string, union, withReason } from '../schema.ts';

export { endPosition, type EndPositions };

/** Feature properties of an exported link: the CSV columns, with numbers and yes/no as JSON types, empty cells left out. */
export type LinkProperties = Partial<Record<(typeof LINK_COLUMNS)[number], string | number | boolean>>;

function cellsToProperties(cells: LinkCells): LinkProperties {
  const props: LinkProperties = {};
  for (const c of LINK_COLUMNS) {
    const v = cells[c];
    if (v === '') continue;
    // JSON cannot hold -0: it stays the text '-0', which the importer reads back exactly.
    props[c] = NUMBER_COLUMNS.has(c) && v !== '-0' ? Number(v) : BOOLEAN_COLUMNS.has(c) ? v === 'yes' : v;
  }
  return props;
}

/** A property of an exported link: text, number or yes/no; null or absent is an empty cell. */
const cell = union([string(), number(), boolean(), literal(null)], { lv: 'jābūt tekstam, skaitlim vai true/false', en: 'must be a string, number or boolean' });
/** The declared shape of a feature's properties: the link's columns (other properties are the file's own, and ignored). */
const PROPERTIES = object(Object.fromEntries(LINK_COLUMNS.map((c) => [c, optional(cell)])), { reason: { lv: 'Objektam nav īpašību.', en: 'The feature has no properties.' } });
const FEATURE = object(
  { type: literal('Feature', { lv: 'Objekta type nav “Feature”.', en: 'The feature’s type is not “Feature”.' }), properties: PROPERTIES },
  { reason: { lv: 'Tas nav GeoJSON objekts (Feature).', en: 'It is not a GeoJSON Feature.' } },
);
const COLLECTION = withReason(object({ type: literal('FeatureCollection'), features: array(anything) }), { lv: 'Gaidīts GeoJSON FeatureCollection.', en: 'Expected a GeoJSON FeatureCollection.' });

/** The cells of one feature read against its declared shape, or the first problem with it. */
function featureToCells(raw: unknown): { ok: true; cells: LinkCells } | { ok: false; reason: Bilingual } {
  const feature = FEATURE(raw);
  if (!feature.ok) {
    const [, column] = feature.path;
    if (feature.path[0] !== 'properties' || column === undefined) return { ok: false, reason: feature.reason };
    return { ok: false, reason: { lv: `Īpašībai ${column} ${feature.reason.lv}.`, en: `Property ${column} ${feature.reason.en}.` } };
  }
  const props = feature.value.properties as Partial<Record<LinkColumn, string | number | boolean | null>>;
  const cells = {} as LinkCells;
  for (const c of LINK_COLUMNS) {
    const v = props[c];
    cells[c] = v === undefined || v === null ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'number' ? formatNumber(v) : v;
  }
  return { ok: true, cells };
}

/**
 * Writes links as a GeoJSON FeatureCollection: one feature per link with every column of
 * `LINK_COLUMNS` as properties and, where both ends have a position, the arc of `arcGeometry`
 * (or a straight line); a link with an end that cannot be drawn, or whose ends coincide, gets a
 * null geometry.
 */
export function linksToGeoJson(
  links: readonly Link[],
  positions: EndPositions,
  options: { geometry?: 'arc' | 'straight'; curvature?: number } = {},
): FeatureCollection<LineString | null, LinkProperties> {
  const features = links.map((link): Feature<LineString | null, LinkProperties> => {
    const a = endPosition(link.from, positions);
    const b = endPosition(link.to, positions);
    let geometry: LineString | null = null;
    if (a && b && (a[0] !== b[0] || a[1] !== b[1])) {
      geometry =
        options.geometry === 'straight'
          ? { type: 'LineString', coordinates: [a, b] }
          : arcGeometry(a, b, { directed: link.directed, ...(options.curvature === undefined ? {} : { curvature: options.curvature }) });
    }
    return { type: 'Feature', properties: cellsToProperties(linkToCells(link)), geometry };
  });
  return { type: 'FeatureCollection', features };
}

const fail = (feature: number | undefined, lv: string, en: string): ImportResult => ({ ok: false, errors: [{ ...(feature === undefined ? {} : { feature }), reason: { lv, en } }] });

/**
 * Reads links from a GeoJSON FeatureCollection written by `linksToGeoJson` (parsed JSON or text),
 * against its declared shape: own properties only, so a key such as `__proto__` or `toString` is a
 * property like any other (and ignored: it is no column). Only properties are read — geometry is
 * derived from the ends and ignored. Returns all links, or every error with its 1-based feature
 * number — never a partial result.
 */
export function importLinksGeoJson(input: unknown, context: Omit<LinkContext, 'links'>): ImportResult {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      return fail(undefined, 'Fails nav derīgs JSON.', 'The file is not valid JSON.');
    }
  }
  const fc = COLLECTION(json);
  if (!fc.ok) return fail(undefined, fc.reason.lv, fc.reason.en);
  const errors: ImportError[] = [];
  const links: Link[] = [];
  const numbers: number[] = [];
  fc.value.features.forEach((f, i) => {
    const feature = i + 1;
    const read = featureToCells(f);
    if (!read.ok) return void errors.push({ feature, reason: read.reason });
    try {
      links.push(cellsToLink(read.cells));
      numbers.push(feature);
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      errors.push({ feature, reason: e.reason });
    }
  });
  for (const { index, issue } of validateLinks(links, context)) errors.push({ feature: numbers[index]!, reason: issue.message });
  errors.sort((a, b) => (a.feature ?? 0) - (b.feature ?? 0));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, links };
}
