/**
 * Categorical indicators and the figures that exist only in one of their categories, from the
 * hand-curated `inputs/indicator_categories.csv`, one row per category:
 *
 *   indicator      a catalogue row of kind `category`
 *   code           the whole number its observations hold
 *   source_value   the word its files write for it ("yes"); empty for a category made by listed()
 *   name_lv/en     what the legend, tooltip, panel and table say
 *   neutral        yes for the one category that means "does not apply" (light grey, not no data)
 *   scope_of       ids of figures published only for the units in this category (a contribution,
 *                  for contributors): a unit in another category that year has none by definition
 *
 * `listed(a)` in the catalogue's `computed` column makes a category from a list: the units with a
 * figure of `a` are in the category whose `scope_of` names `a`, every other unit of that year's
 * division in the neutral one. Use it only where the source says its list is complete (Cabinet
 * Order Nr. 212 names every recipient); otherwise a unit missing from the list is no data.
 */
import { CATEGORY_COLOURS } from '../src/domain/categories.ts';
import type { ComputedNote, IndicatorCategory, IndicatorMeta } from '../src/domain/indicators.ts';
import { sourceLabel } from '../src/domain/provenance.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { readCsvInput } from './csvInput.ts';
import { PipelineError } from './errors.ts';
import type { RawObservation } from './observation.ts';
import type { UnitRow } from './units.ts';

const COLUMNS = ['indicator', 'code', 'source_value', 'name_lv', 'name_en', 'neutral', 'scope_of'] as const;

interface Draft {
  categories: IndicatorCategory[];
  sourceValues: Map<string, number>;
}

/**
 * Gives each categorical catalogue entry its categories and the codes of its source words, and
 * each scoped figure its scope. Every refusal names the file and, for a row, its line.
 */
export function readCategories(text: string, file: string, catalogue: CatalogueEntry[]): CatalogueEntry[] {
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  const drafts = new Map<string, Draft>();
  const scopes = new Map<string, { indicator: string; category: number }>();
  for (const { line, values: v } of readCsvInput(text, file, COLUMNS)) {
    const fail = (reason: string): never => {
      throw new PipelineError(file, line, reason);
    };
    const id = v.indicator ?? '';
    const entry = byId.get(id) ?? fail(`unknown indicator "${id}" (not in the catalogue)`);
    if (entry.kind !== 'category') fail(`"${id}" is a ${entry.kind}, not a category: only kind category has categories`);
    const draft = drafts.get(id) ?? { categories: [], sourceValues: new Map<string, number>() };
    drafts.set(id, draft);
    const codeText = v.code?.trim() ?? '';
    if (!/^\d+$/.test(codeText)) fail(`code "${codeText}" of "${id}" is not a whole number`);
    const code = Number(codeText);
    if (draft.categories.some((c) => c.code === code)) fail(`category ${code} of "${id}" listed twice`);
    for (const c of ['name_lv', 'name_en'] as const) if (!v[c]?.trim()) fail(`${c} of category ${code} of "${id}" is empty`);
    if (v.neutral !== 'yes' && v.neutral !== 'no') fail(`neutral of category ${code} of "${id}" must be yes or no, not "${v.neutral}"`);
    const neutral = v.neutral === 'yes';
    if (neutral && draft.categories.some((c) => c.neutral)) fail(`"${id}" has two neutral categories: only one can mean "does not apply"`);
    const word = v.source_value?.trim() ?? '';
    if (word && draft.sourceValues.has(word)) fail(`source value "${word}" of "${id}" listed twice`);
    if (!word && !entry.formula) fail(`category ${code} of "${id}" has no source value: the files name categories by it`);
    if (word) draft.sourceValues.set(word, code);
    for (const scoped of (v.scope_of ?? '').split(/\s+/).filter(Boolean)) {
      const target = byId.get(scoped) ?? fail(`"${id}" category ${code} scopes "${scoped}", which is not in the catalogue`);
      if (target.kind === 'category') fail(`"${id}" category ${code} scopes "${scoped}", a category itself`);
      if (target.level !== entry.level) fail(`"${id}" category ${code} scopes "${scoped}" of another level`);
      const before = scopes.get(scoped);
      if (before) fail(`"${scoped}" is already scoped by "${before.indicator}"`);
      scopes.set(scoped, { indicator: id, category: code });
    }
    draft.categories.push({ code, nameLv: v.name_lv!.trim(), nameEn: v.name_en!.trim(), neutral });
  }
  for (const entry of catalogue) {
    if (entry.kind !== 'category') continue;
    const draft = drafts.get(entry.id);
    if (!draft || draft.categories.length < 2) throw new PipelineError(file, null, `"${entry.id}" is a category indicator with fewer than two categories`);
    const coloured = draft.categories.filter((c) => !c.neutral).length;
    if (coloured > CATEGORY_COLOURS.length) {
      throw new PipelineError(file, null, `"${entry.id}" has ${coloured} categories besides the neutral one; the qualitative palette has ${CATEGORY_COLOURS.length} colours`);
    }
    if (entry.formula?.fn === 'listed') {
      const input = entry.formula.id;
      if (scopes.get(input)?.indicator !== entry.id || !draft.categories.some((c) => c.neutral)) {
        throw new PipelineError(file, null, `"${entry.id}" is listed(${input}): one of its categories must scope "${input}", and one must be neutral`);
      }
    }
  }
  return catalogue.map((entry) => {
    const draft = drafts.get(entry.id);
    const scope = scopes.get(entry.id);
    const out: CatalogueEntry = { ...entry };
    if (draft) {
      out.categories = draft.categories;
      out.sourceValues = draft.sourceValues;
    }
    if (scope) out.scope = scope;
    return out;
  });
}

/** Whether a unit of the division existed at some time in the year (or the period's year). */
function existedIn(unit: UnitRow, year: string): boolean {
  const y = year.slice(0, 4);
  return unit.validFrom <= `${y}-12-31` && (unit.validTo === '' || unit.validTo >= `${y}-01-01`);
}

const fmtEn = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }).format(n);
const fmtLv = (n: number) => fmtEn(n).replace(/,/g, ' ').replace('.', ',');

/**
 * The observations of every `listed()` category, on the division of each year (before dissolved
 * units are merged, so that a merged unit's category is that of all its parts): in the scope's
 * category for a unit with a figure of the input that year, in the neutral one for every other
 * unit that existed then. A figure for a unit that did not exist that year stops the build.
 */
export function deriveListed(rows: RawObservation[], catalogue: CatalogueEntry[], units: UnitRow[]): RawObservation[] {
  const out: RawObservation[] = [];
  for (const entry of catalogue) {
    if (entry.formula?.fn !== 'listed') continue;
    const inputId = entry.formula.id;
    const input = catalogue.find((c) => c.id === inputId)!;
    const inside = entry.categories!.find((c) => c.code === input.scope!.category)!;
    const neutral = entry.categories!.find((c) => c.neutral)!;
    const listed = rows.filter((r) => r.indicator === input.id && /^LV\d{7}$/.test(r.geo));
    for (const year of [...new Set(listed.map((r) => r.year))].sort()) {
      const ofYear = listed.filter((r) => r.year === year);
      const existing = units.filter((u) => existedIn(u, year));
      for (const r of ofYear) {
        if (!existing.some((u) => u.code === r.geo)) throw new PipelineError(r.file, r.line, `${r.geo} did not exist in ${year}, so it cannot be listed for it`);
      }
      const first = ofYear[0]!;
      const outsideNote: ComputedNote = {
        lv: `Aprēķināts: nav sarakstā ${input.nameLv} ${year}. g. (${input.sourceLabel}); saraksts ir pilnīgs`,
        en: `Computed: not in the list of ${input.nameEn} ${year} (${sourceLabel(input, 'en')}); the list is complete`,
      };
      for (const u of existing) {
        const r = ofYear.find((x) => x.geo === u.code);
        const from = r ?? first;
        out.push({
          geo: u.code,
          indicator: entry.id,
          year,
          value: r ? inside.code : neutral.code,
          source: from.source,
          file: from.file,
          line: from.line,
          computed: r
            ? { lv: `Aprēķināts: sarakstā ${input.nameLv} ${year}. g. (${fmtLv(r.value)}; ${input.sourceLabel})`, en: `Computed: in the list of ${input.nameEn} ${year} (${fmtEn(r.value)}; ${sourceLabel(input, 'en')})` }
            : outsideNote,
        });
      }
    }
  }
  return out;
}

/**
 * Stops the build at a scoped figure of a place that is not in its scope's category that year (a
 * contribution of a unit the same source lists as a non-contributor): the two cannot both be true.
 */
export function checkScopes(rows: readonly RawObservation[], catalogue: readonly IndicatorMeta[]): void {
  const index = new Map(rows.map((r) => [`${r.indicator}|${r.geo}|${r.year}`, r]));
  for (const meta of catalogue) {
    const scope = meta.scope;
    if (!scope) continue;
    const scopeMeta = catalogue.find((c) => c.id === scope.indicator)!;
    const name = (code: number) => scopeMeta.categories?.find((c) => c.code === code)?.nameEn ?? String(code);
    for (const r of rows) {
      if (r.indicator !== meta.id || r.geo === 'LV') continue;
      const s = index.get(`${scope.indicator}|${r.geo}|${r.year}`);
      const wanted = `"${meta.id}" ${r.year} of ${r.geo} exists only for "${scope.indicator}" = ${name(scope.category)}`;
      if (!s) throw new PipelineError(r.file, r.line, `${wanted}, but "${scope.indicator}" has no value there`);
      if (s.value !== scope.category) throw new PipelineError(r.file, r.line, `${wanted}, but it is "${name(s.value)}"`);
    }
  }
}
