import type { Dimension } from '../indicators.ts';
import { endKey, type Link } from './model.ts';
import { periodOverlaps } from './period.ts';
import type { FieldId, LinkType } from './vocabulary.ts';

/**
 * The number of links at each end, keyed by `endKey` (`city:riga`, `unit:LV0022000`, `org:llpa`):
 * the size of a node on the map. Each link counts once at each of its two ends; pass the links
 * the map shows (after `filterLinks`) so that the sizes match what is drawn.
 */
export function nodeDegree(links: readonly Link[]): Map<string, number> {
  const degree = new Map<string, number>();
  for (const link of links) {
    for (const key of [endKey(link.from), endKey(link.to)]) degree.set(key, (degree.get(key) ?? 0) + 1);
  }
  return degree;
}

/** What the link panel filters by; an absent or empty criterion lets every link through. */
export interface LinkFilter {
  types?: readonly LinkType[];
  /** Links with at least one of these fields; a link without any field is left out when set. */
  fields?: readonly FieldId[];
  /** Links with at least one of these dimensions; likewise. */
  dimensions?: readonly Dimension[];
  /** A window of ISO dates (either end open); see `periodOverlaps`. */
  period?: { from?: string; to?: string };
  /** Links with an end at this city (by id)… */
  focusCity?: string;
  /** …or at this municipality: pass the novads of a city that lies inside one (Ogre, Valmiera, Jēkabpils). */
  focusUnit?: string;
  /** False leaves out links marked uncertain; default true (they are then drawn as uncertain). */
  includeUncertain?: boolean;
}

const some = <T>(wanted: readonly T[] | undefined, have: readonly T[]) => !wanted || wanted.length === 0 || have.some((h) => wanted.includes(h));

/** The links that pass every criterion of the filter, in their original order. */
export function filterLinks(links: readonly Link[], filter: LinkFilter): Link[] {
  const focus = new Set<string>();
  if (filter.focusCity !== undefined) focus.add(`city:${filter.focusCity}`);
  if (filter.focusUnit !== undefined) focus.add(`unit:${filter.focusUnit}`);
  return links.filter(
    (link) =>
      some(filter.types, [link.type]) &&
      some(filter.fields, link.fields) &&
      some(filter.dimensions, link.dimensions) &&
      (!filter.period || periodOverlaps(link.period, filter.period)) &&
      (focus.size === 0 || focus.has(endKey(link.from)) || focus.has(endKey(link.to))) &&
      (filter.includeUncertain !== false || !link.uncertain),
  );
}
