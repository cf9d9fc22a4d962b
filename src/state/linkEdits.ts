import { importLinksCsv, type ImportResult } from '../domain/links/csv.ts';
import { importLinksGeoJson } from '../domain/links/geojson.ts';
import type { Link } from '../domain/links/model.ts';
import { validateLink, type LinkContext, type LinkIssue } from '../domain/links/validate.ts';
import type { Dataset } from '../domain/dataset.ts';
import { selectLinks } from './linksSlice.ts';
import type { AppStore } from './store.ts';

// The validator and the CSV/GeoJSON readers (with papaparse) are not in the first view: this
// module is imported by the editor, the link tools and the restore of saved links, all of which
// run only once the links are wanted.

const contexts = new WeakMap<Dataset, Omit<LinkContext, 'links'>>();

/** The places a link may name, from the loaded data (memoised on the dataset object). */
export function linkContextOf(dataset: Dataset): Omit<LinkContext, 'links'> {
  const known = contexts.get(dataset);
  if (known) return known;
  const cities = dataset.cities.features.map((f) => f.properties);
  const ctx = {
    cityIds: new Set(cities.map((c) => c.id)),
    unitCodes: new Set(dataset.municipalities.features.map((f) => f.properties.code)),
    // A city inside a novads shares no code with it; only the seven with their own unit are here.
    cityUnits: new Map(cities.filter((c) => !c.insideNovads).map((c) => [c.unitCode, c.id])),
  };
  contexts.set(dataset, ctx);
  return ctx;
}

const NOT_LOADED = { lv: 'Dati vēl nav ielādēti.', en: 'The data have not loaded yet.' };

/**
 * Adds or replaces (same id) a link when it is valid; returns the problems otherwise and changes
 * nothing. Refused until the shipped links have loaded, so an edit never starts from an empty set.
 */
export function saveLink(store: AppStore, link: Link, isNew = false): LinkIssue[] {
  const state = store.getState();
  if (!state.dataset || !state.shippedLinks) return [{ code: 'invalid', message: NOT_LOADED }];
  const current = selectLinks(state);
  // A new link is checked under a placeholder id, so that a twin (same key, hence same id) is reported as a duplicate.
  const issues = validateLink(isNew ? { ...link, id: 'new' } : link, { ...linkContextOf(state.dataset), links: current });
  if (issues.length === 0 && isNew && current.some((l) => l.id === link.id)) {
    issues.push({ code: 'duplicate', message: { lv: `Saite ar id ${link.id} jau ir.`, en: `A link with id ${link.id} exists already.` } });
  }
  if (issues.length > 0) return issues;
  const at = current.findIndex((l) => l.id === link.id);
  state.changeLinks(at < 0 ? [...current, link] : current.map((l, i) => (i === at ? link : l)));
  return [];
}

/** Replaces every link with a file's when the whole file is valid; otherwise changes nothing. */
export function importLinks(store: AppStore, text: string, format: 'csv' | 'geojson'): ImportResult {
  const { dataset, shippedLinks, changeLinks } = store.getState();
  if (!dataset || !shippedLinks) return { ok: false, errors: [{ reason: NOT_LOADED }] };
  let result: ImportResult;
  if (format === 'csv') result = importLinksCsv(text, linkContextOf(dataset));
  else {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ok: false, errors: [{ reason: { lv: 'Fails nav derīgs JSON.', en: 'The file is not valid JSON.' } }] };
    }
    result = importLinksGeoJson(json, linkContextOf(dataset));
  }
  if (result.ok) changeLinks(result.links);
  return result;
}
