import type { Feature, FeatureCollection, LineString, Position } from 'geojson';
import { arcGeometry } from './arc.ts';
import { BOOLEAN_COLUMNS, CellError, cellsToLink, formatNumber, LINK_COLUMNS, linkToCells, NUMBER_COLUMNS, type LinkCells } from './codec.ts';
import type { ImportError, ImportResult } from './csv.ts';
import type { Link } from './model.ts';
import { endPosition, type EndPositions } from './positions.ts';
import { validateLinks, type LinkContext } from './validate.ts';

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

function propertiesToCells(props: Record<string, unknown>): LinkCells {
  const cells = {} as LinkCells;
  for (const c of LINK_COLUMNS) {
    const v = props[c];
    if (v === undefined || v === null) cells[c] = '';
    else if (typeof v === 'boolean') cells[c] = v ? 'yes' : 'no';
    else if (typeof v === 'number') cells[c] = formatNumber(v);
    else if (typeof v === 'string') cells[c] = v;
    else throw new CellError({ lv: `Īpašībai ${c} jābūt tekstam, skaitlim vai true/false.`, en: `Property ${c} must be a string, number or boolean.` });
  }
  return cells;
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
 * Reads links from a GeoJSON FeatureCollection written by `linksToGeoJson` (parsed JSON or text).
 * Only properties are read — geometry is derived from the ends and ignored. Returns all links,
 * or every error with its 1-based feature number — never a partial result.
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
  const fc = json as { type?: unknown; features?: unknown };
  if (typeof fc !== 'object' || fc === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return fail(undefined, 'Gaidīts GeoJSON FeatureCollection.', 'Expected a GeoJSON FeatureCollection.');
  }
  const errors: ImportError[] = [];
  const links: Link[] = [];
  const numbers: number[] = [];
  (fc.features as unknown[]).forEach((f, i) => {
    const feature = i + 1;
    const props = (f as { properties?: unknown } | null)?.properties;
    if (typeof props !== 'object' || props === null) {
      errors.push({ feature, reason: { lv: 'Objektam nav īpašību.', en: 'The feature has no properties.' } });
      return;
    }
    try {
      links.push(cellsToLink(propertiesToCells(props as Record<string, unknown>)));
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
