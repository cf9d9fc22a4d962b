import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import { arcEndBearing, arcGeometry, DEFAULT_CURVATURE } from '../domain/links/arc.ts';
import { endPosition, type EndPositions } from '../domain/links/positions.ts';
import type { ModelPair } from '../domain/links/gravity.ts';
import { COMMUTING_TOP, type CommutingLevel } from '../domain/hinterland/commuting.ts';
import { endKey, type Link } from '../domain/links/model.ts';
import { nodeDegree } from '../domain/links/network.ts';
import { COMMUTING_COLOUR, linkColour, MODEL_COLOUR, type ColourBy } from '../domain/links/colours.ts';

/** GeoJSON sources of the link layers. */
export const LINK_SOURCES = { arcs: 'links-arcs', arrows: 'links-arrows', nodes: 'links-nodes', model: 'links-model', commuting: 'links-commuting' } as const;
/** Ids of every link layer, in drawing order; all go under the city circles (`LINK_BEFORE_ID`). */
export const LINK_LAYER_IDS = ['links-veil', 'links-commuting-line', 'links-model-line', 'links-node', 'links-arc-casing', 'links-arc', 'links-arc-uncertain', 'links-arrow'] as const;
export type LinkLayerId = (typeof LINK_LAYER_IDS)[number];
/** The documented links' layers (what the "links shown" switch turns on); the model has its own switch. */
export const DOCUMENTED_LAYER_IDS: readonly LinkLayerId[] = ['links-veil', 'links-node', 'links-arc-casing', 'links-arc', 'links-arc-uncertain', 'links-arrow'];
/** Arcs sit above the fills and borders, below the city circles and every label. */
export const LINK_BEFORE_ID = 'cities-circle';
export const ARROW_IMAGE = 'links-arrow';

export { FIELD_COLOURS, linkColour, MODEL_COLOUR, TYPE_COLOURS, type ColourBy } from '../domain/links/colours.ts';

/** Line width in pixels: constant without weights; with weights, 1.5–7 px by the square root of weight over the largest. */
export function linkWidth(weight: number | undefined, maxWeight: number): number {
  if (weight === undefined || !(maxWeight > 0)) return 2.2;
  return Math.round((1.5 + 5.5 * Math.sqrt(weight / maxWeight)) * 10) / 10;
}

export interface LinkDrawing {
  arcs: FeatureCollection<LineString>;
  arrows: FeatureCollection<Point>;
  nodes: FeatureCollection<Point>;
  /** Ids of the links drawn (those with both ends on the map and apart). */
  drawn: string[];
}

const key = (p: Position) => `${p[0]},${p[1]}`;

/**
 * Apex spacing of parallel arcs, in km: about 4 px at the overview zoom, so the links between
 * two places read as one ribbon (its width their number) with each strand's colour still visible.
 */
export const STRAND_SPACING_KM = 4;

/**
 * What the link layers draw for a set of (already filtered) links: an arc per link whose two ends
 * have a position, an arrow at the middle of each directed arc (at the end it would hide under the
 * city circle), and a node per drawn position sized by the number of drawn links there.
 *
 * A dense hub (Rīga has dozens of links, eight of them with Liepāja) is kept legible by bundling
 * parallel links: the links between the same two positions are drawn side by side as strands of
 * one ribbon, a fixed `STRAND_SPACING_KM` apart and grouped by colour, rather than bowing out
 * further one after another (which tied Rīga's links into a knot). Bundling keeps every link
 * visible, clickable and coloured, which a count threshold would not.
 */
export function linkDrawing(links: readonly Link[], positions: EndPositions, colourBy: ColourBy): LinkDrawing {
  const maxWeight = Math.max(0, ...links.map((l) => l.weight ?? 0));
  const arcs: Feature<LineString>[] = [];
  const arrows: Feature<Point>[] = [];
  const drawnLinks: Link[] = [];
  const pairCount = new Map<string, number>();
  const nodeAt = new Map<string, Position>();
  const pairOf = (link: Link) => {
    const a = endPosition(link.from, positions);
    const b = endPosition(link.to, positions);
    return a && b ? [key(a), key(b)].sort().join('|') : '';
  };
  // Strands of one ribbon are grouped by colour; the sort is stable, so otherwise in data order.
  const colourRank = new Map<string, number>();
  for (const link of links) {
    const c = linkColour(link, colourBy);
    if (!colourRank.has(c)) colourRank.set(c, colourRank.size);
  }
  const pairRank = new Map<string, number>();
  for (const link of links) if (!pairRank.has(pairOf(link))) pairRank.set(pairOf(link), pairRank.size);
  const ordered = [...links].sort((x, y) => pairRank.get(pairOf(x))! - pairRank.get(pairOf(y))! || colourRank.get(linkColour(x, colourBy))! - colourRank.get(linkColour(y, colourBy))!);
  for (const link of ordered) {
    const a = endPosition(link.from, positions);
    const b = endPosition(link.to, positions);
    if (!a || !b) continue;
    const pair = [key(a), key(b)].sort().join('|');
    const k = pairCount.get(pair) ?? 0;
    const line = arcGeometry(a, b, { directed: link.directed, curvature: DEFAULT_CURVATURE, apexOffsetKm: STRAND_SPACING_KM * k });
    if (!line) continue;
    pairCount.set(pair, k + 1);
    drawnLinks.push(link);
    nodeAt.set(endKey(link.from), a);
    nodeAt.set(endKey(link.to), b);
    const properties = { id: link.id, type: link.type, colour: linkColour(link, colourBy), width: linkWidth(link.weight, maxWeight), uncertain: link.uncertain };
    arcs.push({ type: 'Feature', id: arcs.length, properties, geometry: line });
    if (link.directed) {
      const mid = Math.floor(line.coordinates.length / 2);
      const half: LineString = { type: 'LineString', coordinates: line.coordinates.slice(0, mid + 1) };
      arrows.push({ type: 'Feature', properties: { id: link.id, colour: properties.colour, bearing: Math.round(arcEndBearing(half) * 10) / 10 }, geometry: { type: 'Point', coordinates: line.coordinates[mid]! } });
    }
  }
  // Ends at one position (an association seated in its city) make one node.
  const degreeAt = new Map<string, { at: Position; degree: number; keys: string[] }>();
  for (const [end, degree] of nodeDegree(drawnLinks)) {
    const at = nodeAt.get(end)!;
    const node = degreeAt.get(key(at)) ?? { at, degree: 0, keys: [] };
    node.degree += degree;
    node.keys.push(end);
    degreeAt.set(key(at), node);
  }
  const nodes: Feature<Point>[] = [...degreeAt.values()].map((n) => ({
    type: 'Feature',
    properties: { ends: n.keys.sort().join(' '), degree: n.degree, radius: Math.round((7 + 2.2 * Math.sqrt(n.degree)) * 10) / 10 },
    geometry: { type: 'Point', coordinates: n.at },
  }));
  return {
    arcs: { type: 'FeatureCollection', features: arcs },
    arrows: { type: 'FeatureCollection', features: arrows },
    nodes: { type: 'FeatureCollection', features: nodes },
    drawn: drawnLinks.map((l) => l.id),
  };
}

/** The model's pairs as straight lines between the city points, ranked 1… by potential. */
export function modelDrawing(pairs: readonly ModelPair[], cities: ReadonlyMap<string, Position>): FeatureCollection<LineString> {
  const features: Feature<LineString>[] = [];
  pairs.forEach((p, i) => {
    const a = cities.get(p.from);
    const b = cities.get(p.to);
    if (a && b) features.push({ type: 'Feature', properties: { from: p.from, to: p.to, rank: i + 1, potential: p.potential, distanceKm: p.distanceKm }, geometry: { type: 'LineString', coordinates: [a, b] } });
  });
  return { type: 'FeatureCollection', features };
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The largest home → city commuting flows as arcs bowing to the right of their direction, from the
 * home unit's label point (or its city's point) to the city; width 1–8 px by the square root of the
 * flow over the largest drawn.
 */
export function commutingDrawing(level: CommutingLevel | undefined, positions: EndPositions, top = COMMUTING_TOP): FeatureCollection<LineString> {
  if (!level) return EMPTY as FeatureCollection<LineString>;
  const cityOfWork = new Map(Object.entries(level.cityWork).map(([cityId, code]) => [code, cityId]));
  const cityOfHome = cityOfWork; // a home that is a city's work unit is drawn from the city's point
  const flows = [...level.flows].sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0])).slice(0, top);
  const max = flows[0]?.[2] ?? 0;
  const features: Feature<LineString>[] = [];
  for (const [home, work, n] of flows) {
    const to = cityOfWork.get(work);
    const homeCity = cityOfHome.get(home);
    const a = (homeCity && positions.cities.get(homeCity)) ?? positions.units.get(home);
    const b = to ? positions.cities.get(to) : undefined;
    const line = a && b ? arcGeometry(a, b, { directed: true, curvature: DEFAULT_CURVATURE }) : null;
    if (line) features.push({ type: 'Feature', properties: { home, to, value: n, width: Math.round((1 + 7 * Math.sqrt(n / max)) * 10) / 10 }, geometry: line });
  }
  return { type: 'FeatureCollection', features };
}

/** The empty GeoJSON sources of the link layers; the binding fills them with `setData`. */
export function linkSources(): Record<string, GeoJSONSourceSpecification> {
  return Object.fromEntries(Object.values(LINK_SOURCES).map((id) => [id, { type: 'geojson', data: EMPTY }]));
}

/**
 * Opacity of the arcs: all alike, or with a focus the focused links strong and the rest faded.
 * Paint only, so focusing never rebuilds the arcs.
 */
export function arcOpacity(focusIds: readonly string[] | null, full = 0.9): ExpressionSpecification | number {
  if (!focusIds) return full;
  return ['case', ['in', ['get', 'id'], ['literal', [...focusIds]]], 1, 0.08];
}

/** The link layers, hidden until shown. Colour and width come from feature properties set by `linkDrawing`. */
export function linkLayers(): LayerSpecification[] {
  const none = { visibility: 'none' } as const;
  const colour: ExpressionSpecification = ['get', 'colour'];
  const width: ExpressionSpecification = ['get', 'width'];
  return [
    // With the documented links shown they are the subject: the choropleth recedes under a veil so the arcs read.
    { id: 'links-veil', type: 'fill', source: 'municipalities', layout: none, paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.6 } },
    {
      id: 'links-commuting-line',
      type: 'line',
      source: LINK_SOURCES.commuting,
      layout: { ...none, 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': COMMUTING_COLOUR, 'line-width': width, 'line-opacity': 0.75 },
    },
    {
      id: 'links-model-line',
      type: 'line',
      source: LINK_SOURCES.model,
      layout: { ...none, 'line-cap': 'round' },
      // Round dots: a near-zero dash with round caps; never solid, never a field colour.
      paint: { 'line-color': MODEL_COLOUR, 'line-width': ['interpolate', ['linear'], ['get', 'rank'], 1, 4, 10, 2.5], 'line-dasharray': [0.1, 2] },
    },
    {
      id: 'links-node',
      type: 'circle',
      source: LINK_SOURCES.nodes,
      layout: none,
      paint: { 'circle-radius': ['get', 'radius'], 'circle-color': '#ffffff', 'circle-opacity': 0.55, 'circle-stroke-color': '#333333', 'circle-stroke-width': 1.5 },
    },
    {
      id: 'links-arc-casing',
      type: 'line',
      source: LINK_SOURCES.arcs,
      layout: { ...none, 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['+', width, 2], 'line-opacity': 0.7 },
    },
    {
      id: 'links-arc',
      type: 'line',
      source: LINK_SOURCES.arcs,
      filter: ['!', ['get', 'uncertain']],
      layout: { ...none, 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': width, 'line-opacity': arcOpacity(null) },
    },
    {
      id: 'links-arc-uncertain',
      type: 'line',
      source: LINK_SOURCES.arcs,
      filter: ['get', 'uncertain'],
      layout: { ...none, 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': width, 'line-opacity': arcOpacity(null), 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'links-arrow',
      type: 'symbol',
      source: LINK_SOURCES.arrows,
      layout: { ...none, 'icon-image': ARROW_IMAGE, 'icon-rotate': ['get', 'bearing'], 'icon-rotation-alignment': 'map', 'icon-allow-overlap': true, 'icon-ignore-placement': true, 'icon-size': 0.9 },
      paint: { 'icon-color': colour, 'icon-halo-color': '#ffffff', 'icon-halo-width': 1, 'icon-opacity': arcOpacity(null, 1) },
    },
  ];
}

/** Each layer's visibility from the three switches: documented links, the model, the commuting flows. */
export function linkVisibility(shown: boolean, modelShown: boolean, commutingShown = false): Record<LinkLayerId, 'visible' | 'none'> {
  const v = (on: boolean) => (on ? 'visible' : 'none');
  const on = (id: LinkLayerId) => (id === 'links-model-line' ? modelShown : id === 'links-commuting-line' ? commutingShown : id === 'links-veil' ? shown || commutingShown : shown);
  return Object.fromEntries(LINK_LAYER_IDS.map((id) => [id, v(on(id))])) as Record<LinkLayerId, 'visible' | 'none'>;
}
