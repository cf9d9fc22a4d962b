import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useBuiltApp, waitForMapIdle } from './harness.ts';

/**
 * "One language at a time": every text the interface shows — its own strings, and the data's
 * notes, reasons, statuses, source labels and indicator names — is in the reader's language. The
 * test walks the interface in each language and collects what a reader sees (the text of visible
 * elements, the options of visible menus, the title and aria-label of visible elements, the map's
 * labels), then looks for words of the other language. Proper names are not words of a language
 * here, and place names keep their Latvian letters in both ("Rīga", never "Riga"). A text kept in
 * its original language (a quoted strategy sentence, a link described in one language) is allowed
 * only where it is marked: `lang` set to its language and, right after it, the `.original-lang`
 * tag that says so in the reader's language; in a tooltip, the tag at the end of its line.
 */

const app = useBuiltApp();
type Lang = 'lv' | 'en';

const data = (file: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../public/data/${file}`, import.meta.url)), 'utf8'));

interface Named {
  nameLv?: string;
  nameEn?: string;
  name?: string;
}

/**
 * The proper names of the data: units, cities, territorial units (parishes and towns), the
 * neighbours, seas and lakes in the page's language (territorial units have Latvian names only),
 * and the organisations and places of the cooperation links in either language (an international
 * network's name is English in both). `all` gives every name in both languages.
 */
function properNames(lang: Lang | 'all'): string[] {
  const features = (file: string): Named[] => data(file).features.map((f: { properties: Named }) => f.properties);
  const territorial = Object.values(data('territorial-units.topo.json').objects as Record<string, { geometries: { properties: Named }[] }>).flatMap((o) => o.geometries.map((g) => g.properties));
  const organisations = (data('links.json') as { from: Named & { kind: string }; to: Named & { kind: string } }[]).flatMap((l) => [l.from, l.to]).filter((e) => e.kind === 'organisation');
  const places = [...features('municipalities.geojson'), ...features('cities.geojson'), ...features('context-labels.geojson'), ...features('water.geojson'), ...territorial];
  const inLang = (n: Named) => [lang === 'en' ? n.nameEn : lang === 'lv' ? n.nameLv : undefined, n.name, ...(lang === 'all' ? [n.nameLv, n.nameEn] : [])];
  const names = [...places.flatMap(inLang), ...organisations.flatMap((n) => [n.nameLv, n.nameEn])];
  return [...new Set(names.filter((s): s is string => !!s))];
}

/** Names the data do not hold, the same in both languages, each with its reason. Removed from a text before its words are looked at. */
const ALLOWED_PHRASES: [phrase: string, reason: string][] = [
  ['Natural Earth', 'name of the public-domain map data set'],
  ['OpenStreetMap', 'name of the map data set'],
  ['CC BY', 'licence name'],
  ['GitHub', 'name of the code host a provenance line points to'],
  ['Wikipedia', 'name of the encyclopaedia a figure was taken from'],
  ['DemographicMap', 'name of the repository that carried the CSP figures'],
  ['Rīgas metropole', 'name of the association of Rīga and its neighbours (also an organisation of the links)'],
  ['Pasažieru vilciens', 'name of the national passenger rail company, cited by the timetable links'],
  ['Inčukalns', 'a municipality before 2021, now part of Siguldas novads, named in the hinterland reasons'],
  ['Stopiņi', 'a municipality before 2021, now part of Ropažu novads, named in the hinterland reasons'],
];

/**
 * Texts of the other language that only the indicator catalogue and the indicator input files
 * (owned by the indicator pipeline, being edited elsewhere) can give a pair: each with the field
 * that needs it. Tolerated while seen; an entry the walk no longer sees fails the test, so that
 * it is removed once its pair exists. Empty now: the indicator files' sources and notes get their
 * pairs from geodata/inputs/indicator_text_pairs.csv.
 */
const AWAITING_INDICATOR_PAIRS: [lang: Lang, text: string, needs: string][] = [];

/**
 * Common Latvian words without Latvian letters, caught in the English interface. Chosen so that
 * no English word is among them ("no", "par" and the like are left out).
 */
const LATVIAN_WORDS = new Set(['un', 'ar', 'nav', 'vai', 'kas', 'uz', 'ir', 'tikai', 'gads', 'gada', 'gadi', 'datu', 'dati', 'novads', 'novadi', 'novada', 'novadu', 'novados', 'pagasts', 'pagasti', 'pagastu', 'avots', 'avoti', 'saite', 'saites', 'vien', 'pils', 'iedz', 'latviski', 'angliski', 'noteikumi', 'projekts']);

/** Common English words, caught as whole words (any case) in the Latvian interface. None is also a Latvian word ("no", "par", "un" are not here). */
const ENGLISH_WORDS = new Set([
  'the', 'and', 'of', 'with', 'from', 'for', 'by', 'is', 'are', 'was', 'not', 'this', 'that', 'which', 'its', 'their', 'own', 'only', 'also',
  'changed', 'uncertain', 'wording', 'older', 'member', 'members', 'association', 'data', 'source', 'sources', 'municipality', 'municipalities',
  'residents', 'population', 'city', 'cities', 'town', 'parish', 'unit', 'units', 'map', 'year', 'years', 'page', 'undated', 'current', 'country',
  'link', 'links', 'note', 'document', 'strategy', 'development', 'joint', 'law', 'centre', 'hinterland', 'gravity', 'model', 'share', 'area',
  'computed', 'export', 'processed', 'release', 'article', 'listed', 'library', 'libraries', 'forest', 'land', 'roads', 'average', 'per', 'change',
]);

/** Parts of the page left out, each with its reason. */
const EXCLUDED_ELEMENTS: [selector: string, reason: string][] = [
  ['.maplibregl-ctrl-attrib', 'the map\'s credit line is bilingual by design ("Robežas / boundaries", "Dati / data") and is set once by src/map/view.ts, which this change does not touch'],
];

const LATVIAN_LETTERS = /[āčēģīķļņšūž]/i;
/** The tag after a text in its original language, in the reader's language (src/ui/i18n.ts, inLatvian / inEnglish). */
const ORIGINAL_TAG: Record<Lang, string> = { en: '(in Latvian)', lv: '(angliski)' };

/** A word without its Latvian letters ("Rīga" → "riga"), lower case. */
const folded = (word: string) => word.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();

/** What decides whether a word is of the other language, for a reader of `lang`. */
interface Vocabulary {
  lang: Lang;
  /** Proper names of the page's language and the allowed phrases, longest first: removed before looking at words. */
  phrases: string[];
  /** Every word of every proper name, lower case: a word with Latvian letters among them is a name. */
  nameWords: Set<string>;
  /** Place names with Latvian letters as written without them ("riga", "jurmala"): wrong in either language. */
  misspelt: Set<string>;
  /** The awaited pairs of this language, and which of them the walk has seen. */
  awaited: string[];
  seenAwaited: Set<string>;
}

function vocabulary(lang: Lang): Vocabulary {
  const all = properNames('all');
  const nameWords = new Set(all.flatMap((n) => n.toLocaleLowerCase('lv').match(/\p{L}+/gu) ?? []));
  const misspelt = new Set([...nameWords].filter((w) => LATVIAN_LETTERS.test(w)).map(folded).filter((w) => w.length >= 4 && !nameWords.has(w)));
  const phrases = [...properNames(lang), ...ALLOWED_PHRASES.map(([p]) => p)].sort((a, b) => b.length - a.length);
  return { lang, phrases, nameWords, misspelt, awaited: AWAITING_INDICATOR_PAIRS.filter(([l]) => l === lang).map(([, text]) => text), seenAwaited: new Set() };
}

/**
 * What a reader sees now, as [where, text] pairs: text of visible elements (options of a visible
 * menu included), their title and aria-label, and the labels the map draws; a marked
 * original-language text is left out, an unmarked one is kept. A string, not a function:
 * transpilers may wrap functions in helpers that do not exist in the page.
 */
const COLLECT = `(() => {
  const EXCLUDED = ${JSON.stringify(EXCLUDED_ELEMENTS.map(([selector]) => selector).join(', '))};
  const page = document.documentElement.lang;
  const tag = ${JSON.stringify(ORIGINAL_TAG)}[page];
  const shown = (el) => {
    const select = el.closest('select, datalist');
    if (select) return select.tagName === 'SELECT' && select.checkVisibility({ visibilityProperty: true });
    return el.checkVisibility({ visibilityProperty: true });
  };
  // Marked: its own lang differs from the page's and the next element is the tag that says so.
  const marked = (el) => {
    const q = el.closest('[lang]');
    if (!q || q === document.documentElement || q.lang === page) return false;
    // The language switch names the other language in that language (and says so with lang).
    if (q.classList.contains('lang-switch')) return true;
    const next = q.nextElementSibling;
    return !!next && next.classList.contains('original-lang') && next.textContent.trim() === tag;
  };
  const where = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
    }
    return parts.join(' > ');
  };
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = n.textContent.trim();
    if (!el || !text || el.closest('script, style, noscript, template, ' + EXCLUDED)) continue;
    if (!shown(el) || marked(el)) continue;
    out.push([where(el), text]);
  }
  for (const el of document.body.querySelectorAll('[title], [aria-label]')) {
    if (!shown(el) || marked(el) || el.closest(EXCLUDED)) continue;
    for (const a of ['title', 'aria-label']) {
      // A line of a tooltip that ends with the tag is a marked original.
      const lines = (el.getAttribute(a) || '').split('\\n').map((l) => l.trim()).filter((l) => l && !l.endsWith(' ' + tag));
      if (lines.length) out.push([where(el) + ' @' + a, lines.join('\\n')]);
    }
  }
  // The map's labels: the name fields its symbol layers draw, of the features drawn now.
  const map = window.stateCities.map;
  for (const layer of map.getStyle().layers) {
    if (layer.type !== 'symbol' || map.getLayoutProperty(layer.id, 'visibility') === 'none') continue;
    const field = JSON.stringify(map.getLayoutProperty(layer.id, 'text-field') || null);
    const keys = ['nameLv', 'nameEn', 'name'].filter((k) => field.includes('"' + k + '"'));
    for (const f of keys.length ? map.queryRenderedFeatures({ layers: [layer.id] }) : []) {
      for (const k of keys) if (f.properties[k]) out.push(['map label ' + layer.id, String(f.properties[k])]);
    }
  }
  return out;
})()`;

/** A token that is an address, a file, a key or a command, not a word: "data.gov.lv", "units.csv", "population_1jan", "npm run data:update". */
const TECHNICAL = /^\(?["“'‘]?(https?:\/\/|github:)|[\w-]\.[a-z]{2,4}\b|[_/@]|\w:\w/i;

/** The words of a text that belong to the other language, or misspell a place name. */
function foreignWords(text: string, v: Vocabulary): string[] {
  let rest = text;
  for (const awaited of v.awaited) {
    if (!rest.includes(awaited)) continue;
    v.seenAwaited.add(awaited);
    rest = rest.split(awaited).join(' ');
  }
  for (const phrase of v.phrases) if (rest.includes(phrase)) rest = rest.split(phrase).join(' ');
  const words = rest
    .split(/\s+/)
    .filter((token) => !TECHNICAL.test(token))
    .flatMap((token) => token.match(/\p{L}+/gu) ?? []);
  return words.filter((word) => {
    const w = word.toLocaleLowerCase('lv');
    if (v.misspelt.has(w)) return true;
    if (v.lang === 'en') return (LATVIAN_LETTERS.test(w) && !v.nameWords.has(w)) || LATVIAN_WORDS.has(w);
    // A code in capitals ("BY" Belarus, "IT" Italy) is not an English word.
    return ENGLISH_WORDS.has(w) && !(word.length <= 3 && word === word.toUpperCase());
  });
}

/** The texts a reader sees now with a word of the other language, keyed by where and what (a text seen in several views is reported once). */
async function offenders(page: Page, view: string, v: Vocabulary, found: Map<string, string>): Promise<void> {
  for (const [where, text] of (await page.evaluate(COLLECT)) as [string, string][]) {
    const bad = foreignWords(text, v);
    const flat = text.replace(/\s+/g, ' ');
    const key = `${where}: «${flat.length > 200 ? `${flat.slice(0, 200)}…` : flat}»`;
    if (bad.length > 0 && !found.has(key)) found.set(key, `${view} | ${key} [${[...new Set(bad)].join(', ')}]`);
  }
}

const state = (page: Page, expr: string) => page.evaluate(`(() => { const s = window.stateCities.store.getState(); return ${expr}; })()`);

/**
 * Walks the interface in one language, collecting the texts with a word of the other: the first
 * view with its legend and the indicator's note, the cities compared, the places menu, a city's
 * panel and profile, a municipality's panel, the key facts, the table, the hinterlands under three definitions with
 * their figures and a unit's reason (shipped and edited), the links with a city's list and the
 * cards of links from each source table, and the scenes. Returns the offenders and the awaited pairs not seen.
 */
async function walk(lang: Lang): Promise<{ offenders: string[]; stale: string[] }> {
  const v = vocabulary(lang);
  const { page, errors } = await openPage(app.browser, { locale: lang === 'lv' ? 'lv-LV' : 'en-GB' });
  const found = new Map<string, string>();
  const look = (view: string) => offenders(page, view, v, found);
  await page.goto(`${app.url}?lang=${lang}`);
  await waitForMapIdle(page);
  expect(await page.evaluate('document.documentElement.lang')).toBe(lang);

  // The first view, its legend and "About this indicator".
  await page.locator('.legend-indicator-note summary').click();
  await page.locator('.legend-indicator-note[open]').waitFor();
  await look('first view');

  // The cities compared, as ranked bars.
  await page.locator('.cities-section > summary').click();
  await page.locator('.cities-compared').waitFor();
  await look('cities compared');
  await page.locator('.cities-section > summary').click();

  // The places menu: cities and municipalities.
  await page.locator('.place-list > button').click();
  await page.locator('.place-options').waitFor();
  await look('places menu');
  await page.keyboard.press('Escape');
  await page.locator('.place-options').waitFor({ state: 'detached' });

  // A city's panel and profile, compared with another city.
  await state(page, `s.select({ kind: 'city', id: 'riga' })`);
  await page.locator('.panel[data-place="riga"] .city-profile').waitFor();
  await state(page, `s.setCompareCity('liepaja')`);
  await page.locator('.panel[data-place="riga"] .facts-compare').waitFor();
  await look('Rīga: panel and profile');

  // A municipality's panel: its indicators and its city in the administrative assignment, with the shipped reason.
  await state(page, `s.select({ kind: 'unit', code: 'LV0039000' })`);
  await page.locator('.panel[data-place="LV0039000"] .hinterland-unit').waitFor();
  await look('Mārupes novads: panel');
  await state(page, `s.select(null)`);
  await page.locator('.panel').waitFor({ state: 'detached' });

  // The key facts, with the strategy's quoted claims.
  await state(page, `s.setKeyFactsOpen(true)`);
  await page.locator('[data-panel="key-facts"] .claims').waitFor();
  await look('key facts');
  await state(page, `s.setKeyFactsOpen(false)`);
  await page.locator('[data-panel="key-facts"]').waitFor({ state: 'detached' });

  // The table of the mapped indicator.
  await state(page, `s.setTableOpen(true)`);
  await page.locator('.data-table tbody tr').first().waitFor();
  await look('table');
  await state(page, `s.setTableOpen(false)`);
  await page.locator('.data-table').waitFor({ state: 'hidden' });

  // The hinterlands: the section, its legend and explanations under the administrative default, gravity and FUA.
  await page.locator('.hinterland-section > summary').click();
  await state(page, `s.setHinterland({ shown: true, kind: 'admin' })`);
  await page.locator('.hinterland-key .hinterland-legend').waitFor();
  for (const kind of ['admin', 'gravity', 'fua']) {
    await state(page, `s.setHinterland({ kind: '${kind}' })`);
    // A function, not a string: the page's Content-Security-Policy forbids evaluating a string.
    await page.waitForFunction((k) => window.stateCities.store.getState().hinterland.kind === k, kind);
    await page.locator(`button[aria-controls="hinterland-explain-${kind}"]`).click();
    await page.locator(`#hinterland-explain-${kind}`).waitFor();
    if (kind === 'fua') await page.locator('.hinterland-fua').waitFor();
    if (kind === 'gravity') await page.locator('.hinterland-fit').waitFor();
    await look(`hinterland: ${kind}`);
  }
  // The figures of the cities with their hinterlands, with the notes.
  await page.locator('.hinterland-section .button-row button').first().click();
  await page.locator('.hinterland-table tbody tr').first().waitFor();
  await look('hinterland: figures');
  await page.keyboard.press('Escape');
  await page.locator('.hinterland-table').waitFor({ state: 'hidden' });
  await state(page, `s.setHinterland({ kind: 'admin' })`);
  // A unit's reason as shipped (a 'Rīgas metropole' member), then after an edit on the map.
  await state(page, `s.select({ kind: 'unit', code: 'LV0048000' })`);
  await page.locator('.panel[data-place="LV0048000"] .hinterland-unit .source-note').first().waitFor();
  await look('hinterland: Siguldas novads, shipped reason');
  await state(page, `s.setUnitCity('LV0052000', 'riga')`);
  await state(page, `s.select({ kind: 'unit', code: 'LV0052000' })`);
  await page.locator('.panel[data-place="LV0052000"] .hinterland-unit .source-note').first().waitFor();
  await look('hinterland: Tukuma novads, edited reason');
  await state(page, `s.select(null)`);
  await state(page, `s.setHinterland({ shown: false })`);

  // The links: shown, then the cards of links described in English and in Latvian (one uncertain,
  // one dated in words, one whose source has a remark).
  await page.locator('.links-section > summary').click();
  await state(page, `s.setLinkSettings({ shown: true })`);
  await page.waitForFunction(() => window.stateCities.store.getState().shippedLinks !== null);
  await page.locator('.links-section .links-colour').waitFor();
  await look('links');
  // A city's links, with those abroad listed.
  await state(page, `s.select({ kind: 'city', id: 'riga' })`);
  await page.locator('.links-focus[data-city="riga"]').waitFor();
  await look('links of Rīga');
  await state(page, `s.select(null)`);
  const picks = (await state(
    page,
    `JSON.stringify([...new Set([
      s.shippedLinks.find((l) => l.description.en && !l.description.lv),
      s.shippedLinks.find((l) => l.uncertain && l.description.lv && !l.description.en && l.note.lv),
      s.shippedLinks.find((l) => l.period.fromText && l.description.en),
      s.shippedLinks.find((l) => l.period.fromText && l.description.lv),
      s.shippedLinks.find((l) => l.sources.some((x) => x.note)),
    ].filter(Boolean).map((l) => l.id))])`,
  )) as string;
  for (const id of JSON.parse(picks) as string[]) {
    await state(page, `s.selectLink(${JSON.stringify(id)})`);
    await page.locator(`.links-details[data-link="${id}"]`).waitFor();
    await look(`link ${id}`);
  }
  await state(page, `s.selectLink(null)`);

  // The scenes.
  await state(page, `s.setEditorOpen(true)`);
  await page.locator('.scene-editor .scene-row').first().waitFor();
  await look('scenes');

  expect(errors).toEqual([]);
  await page.context().close();
  return { offenders: [...found.values()], stale: v.awaited.filter((a) => !v.seenAwaited.has(a)) };
}

describe('one language at a time', () => {
  it('the Latvian interface shows no English, except marked quotations and proper names', async () => {
    const { offenders, stale } = await walk('lv');
    expect(offenders).toEqual([]);
    // An awaited pair no longer seen has arrived: remove it from AWAITING_INDICATOR_PAIRS.
    expect(stale).toEqual([]);
  }, 180_000);

  it('the English interface shows no Latvian, except marked quotations and proper names', async () => {
    const { offenders, stale } = await walk('en');
    expect(offenders).toEqual([]);
    expect(stale).toEqual([]);
  }, 180_000);
});
