import { mergersInto, type Period, type UnitRef } from './unitMatch.ts';
import type { ImportIssue, IssueKind } from './importResult.ts';
import { LINES_PER_STEP } from './importSteps.ts';

/**
 * Values of a CSV import that compete for one unit and year (importCsv.ts): a unit before and
 * after it took in a dissolved one, and the same place and year given twice. Both are read in
 * steps that yield the share of the candidates done, every few thousand candidates.
 */

/** A candidate value before mergers and duplicates are resolved. */
export interface Candidate {
  line: number;
  raw: string;
  code: string;
  year: string;
  value: number;
  /** The unit as named in the file, with its CSP date qualifier; absent for the national total. */
  name?: string;
  period?: Period;
}

/**
 * A unit that took in a dissolved one (Madonas novads) is kept only as the enlarged unit: a
 * CSP row qualified "(no 01.07.2025.)" wins over the plain row of the same file, which describes
 * the unit before the merger; a 0 the Portal shows for the enlarged unit in a year before it
 * existed is no data. A plain row alone is kept, with a warning for years before the merger.
 */
export function* resolveMergers(candidates: Candidate[], units: readonly UnitRef[], unmatched: ImportIssue[], warnings: ImportIssue[]): Generator<number, Candidate[], void> {
  const out: Candidate[] = [];
  const enlargedLine = new Map<string, number>();
  const mergeOf = new Map<string, { date: string; parts: string }>();
  for (const u of units) {
    const merged = mergersInto(u, units);
    if (merged.length) mergeOf.set(u.code, { date: merged.map((m) => m.date).sort()[0]!, parts: merged.map((m) => m.part.nameLv).join(', ') });
  }
  const after = (c: Candidate, date: string) => c.period?.relation === 'from' && c.period.date >= date;
  for (const c of candidates) {
    const m = mergeOf.get(c.code);
    if (m && after(c, m.date) && !enlargedLine.has(c.code)) enlargedLine.set(c.code, c.line);
  }
  for (let i = 0; i < candidates.length; i++) {
    if (i % LINES_PER_STEP === LINES_PER_STEP - 1) yield i / candidates.length;
    const c = candidates[i]!;
    const m = mergeOf.get(c.code);
    const name = c.name ?? c.code;
    const note = (kind: IssueKind, lv: string, en: string) => ({ line: c.line, raw: c.raw, kind, reason: { lv, en }, code: c.code, year: c.year });
    if (!m) out.push(c);
    else if (c.period?.relation === 'until' && c.period.date <= m.date) {
      unmatched.push(note('pre_merger', `${name} pirms ${m.date} (bez: ${m.parts}) nav kartes vienība`, `${name} before ${m.date} (without ${m.parts}) is not the unit on the map`));
    } else if (after(c, m.date)) {
      if (c.year < m.date && c.value === 0) {
        unmatched.push(note('missing', `0 vienībai, kas ${c.year}. gadā vēl nepastāvēja`, `0 for a unit that did not exist yet in ${c.year}`));
      } else out.push(c);
    } else if (enlargedLine.has(c.code)) {
      const at = enlargedLine.get(c.code)!;
      unmatched.push(note('pre_merger', `${name} pirms ${m.date} (bez: ${m.parts}); paplašinātā vienība ir ${at}. rindā`, `${name} before ${m.date} (without ${m.parts}); the enlarged unit is on line ${at}`));
    } else {
      out.push(c);
      if (c.year < m.date) {
        warnings.push(note('pre_merger', `${c.year}. gada vērtība var attiekties uz ${name} pirms ${m.date} (bez: ${m.parts})`, `the ${c.year} value may describe ${name} before ${m.date} (without ${m.parts})`));
      }
    }
  }
  return out;
}

/** Rows of one place and year beyond which the repeat is reported once, by count, not row by row. */
export const DUPLICATES_LISTED = 10;

/** "7, 8" or, for a long list, "7, 8, 9, 10, 11 … (50 000 in all)": never every line of a big file. */
function linesText(lines: readonly number[], lang: 'lv' | 'en'): string {
  if (lines.length <= 6) return lines.join(', ');
  const count = lang === 'lv' ? `kopā ${lines.length}` : `${lines.length} in all`;
  return `${lines.slice(0, 5).join(', ')} … (${count})`;
}

/**
 * Two values for one place and year: identical ones keep the first, different ones keep neither.
 * Each repeated row is reported with its line; a place and year repeated on more than
 * `DUPLICATES_LISTED` rows is reported once, with the count. Linear in the rows (a 50 000-row file
 * of one place is grouped, not copied row by row).
 */
export function* dropDuplicates(candidates: Candidate[], unmatched: ImportIssue[]): Generator<number, Candidate[], void> {
  const groups = new Map<string, Candidate[]>();
  for (let i = 0; i < candidates.length; i++) {
    if (i % LINES_PER_STEP === LINES_PER_STEP - 1) yield i / candidates.length / 2;
    const c = candidates[i]!;
    const key = `${c.code}|${c.year}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const out: Candidate[] = [];
  let done = 0;
  let seen = 0;
  for (const g of groups.values()) {
    done += g.length;
    if (++seen % LINES_PER_STEP === 0) yield 0.5 + done / candidates.length / 2;
    const first = g[0]!;
    const same = g.every((c) => c.value === first.value);
    if (same) out.push(first);
    if (g.length === 1) continue;
    const lines = g.map((c) => c.line);
    const lv = linesText(lines, 'lv');
    const en = linesText(lines, 'en');
    const reason = same
      ? { lv: `atkārtota vērtība (rindas ${lv}); ņemta pirmā`, en: `repeated value (lines ${en}); the first is used` }
      : { lv: `dažādas vērtības vienai vietai un gadam (rindas ${lv}); neviena netiek ņemta`, en: `different values for one place and year (lines ${en}); none is used` };
    const reported = same ? g.slice(1) : g;
    if (g.length > DUPLICATES_LISTED) {
      const c = reported[0]!;
      unmatched.push({ line: c.line, raw: c.raw, kind: 'duplicate', code: c.code, year: c.year, lines, count: reported.length, reason });
      continue;
    }
    for (const c of reported) unmatched.push({ line: c.line, raw: c.raw, kind: 'duplicate', code: c.code, year: c.year, lines, reason });
  }
  // Nearly in order already (each group's first row, in the order groups began): a quick sort.
  return out.sort((a, b) => a.line - b.line || a.year.localeCompare(b.year));
}
