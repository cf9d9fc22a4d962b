/**
 * What `npm run data:update` tells a person: per table, its rows, what was skipped and every row
 * that changed; the commuting flows; the sources it did not fetch and why; and what to run next.
 */
import type { diffTea } from './commuting.ts';
import type { TidyDiff, TidyResult, TidyRow } from './pxweb.ts';

/** One refreshed table: its new text, what was skipped, and how it differs from the previous file. */
export interface TableOutcome {
  table: string;
  title: string;
  file: string;
  text: string;
  result: TidyResult;
  diff: TidyDiff;
  isNew: boolean;
  written: boolean;
  /** Other indicator files holding rows with the same place, indicator and year. */
  overlaps: { file: string; rows: number }[];
}

/** A table or source the run did not fetch, and why. */
export interface NotFetched {
  name: string;
  reason: string;
}

/** The refreshed commuting flows: the kept rows' text, the source note, and what changed. */
export interface CommutingOutcome {
  file: string;
  text: string;
  note: string;
  year: string;
  rows: number;
  diff: ReturnType<typeof diffTea>;
  isNew: boolean;
  written: boolean;
}

/** What a person reads about the commuting flows: the year, the rows and every flow that changed. */
export function commutingReportLines(c: CommutingOutcome): string[] {
  const d = c.diff;
  const lines = [`tea (CSP commuting of the employed) → ${c.file}`, `  ${c.rows} flows and totals of ${c.year}`];
  if (c.isNew) lines.push(`  new file: ${d.added.length} rows added`);
  else {
    lines.push(`  changes against the previous file: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed (${d.unchanged} unchanged)`);
    for (const x of d.added) lines.push(`    + ${x}`);
    for (const x of d.removed) lines.push(`    - ${x}`);
    for (const x of d.changed) lines.push(`    ~ ${x}`);
  }
  if (c.written) lines.push(`  wrote ${c.file}`);
  return lines;
}

const show = (r: TidyRow) => `${r.codeOrName} ${r.indicator} ${r.year}`;
const tally = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');

/** What a person reads about one table: counts, what was skipped, and every row that changed. */
export function reportLines(o: TableOutcome): string[] {
  const r = o.result;
  const d = o.diff;
  const skipped = [
    r.missing.count && `${r.missing.count} missing value${r.missing.count === 1 ? '' : 's'} (${tally(r.missing.symbols)})`,
    Object.keys(r.unknownAreas).length && `area codes not in units.csv: ${tally(r.unknownAreas)}`,
    r.ignoredAreas && Object.keys(r.ignoredAreas).length && `places that are not units of the map (ignored as configured): ${tally(r.ignoredAreas)}`,
    r.aliasTooEarly && `${r.aliasTooEarly} cell${r.aliasTooEarly === 1 ? '' : 's'} of a merged unit's code before its merge (the parts are used for those years)`,
    r.superseded.length && `replaced by the merged unit's value: ${r.superseded.join('; ')}`,
    r.unmapped && `${r.unmapped} cell${r.unmapped === 1 ? '' : 's'} of other categories (not mapped)`,
  ].filter((s): s is string => typeof s === 'string');
  const lines = [`${o.table} (${o.title}) → ${o.file}`, `  ${r.rows.length} rows${skipped.length ? `; skipped: ${skipped.join('; ')}` : ''}`];
  if (o.isNew) lines.push(`  new file: ${d.added.length} rows added`);
  else {
    lines.push(`  changes against the previous file: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed (${d.unchanged} unchanged)`);
    for (const a of d.added) lines.push(`    + ${show(a)}: ${a.value}`);
    for (const x of d.removed) lines.push(`    - ${show(x)}: ${x.value}`);
    for (const c of d.changed) {
      const what = c.fields.map((f) => (f === 'value' ? `${c.from.value} → ${c.to.value}` : `${f} "${c.from[f]}" → "${c.to[f]}"`));
      lines.push(`    ~ ${show(c.to)}: ${what.join('; ')}`);
    }
  }
  for (const ov of o.overlaps) {
    lines.push(`  note: ${ov.rows} of these rows (same place, indicator, year) are also in ${ov.file}; the build keeps the refreshed figure, so the older rows can be retired`);
  }
  if (o.written) lines.push(`  wrote ${o.file}`);
  else if (!o.isNew && d.added.length + d.removed.length + d.changed.length === 0) lines.push('  no change: file left as it was');
  return lines;
}

/** One line per source the run did not fetch, with the reason (a code or an address not confirmed). */
export function notFetchedLines(notFetched: readonly NotFetched[]): string[] {
  return notFetched.map((n) => `${n.name}: not fetched: ${n.reason}`);
}

/** The closing lines: what was written and what to run next. */
export function summaryLines(outcomes: TableOutcome[], dryRun: boolean, commuting?: CommutingOutcome): string[] {
  const changes = (o: { isNew: boolean; diff: { added: unknown[]; removed: unknown[]; changed: unknown[] } }) => o.isNew || o.diff.added.length + o.diff.removed.length + o.diff.changed.length > 0;
  const pending = [...outcomes, ...(commuting ? [commuting] : [])].filter(changes);
  if (dryRun) return [`Dry run: nothing was written (${pending.length} file${pending.length === 1 ? '' : 's'} would change). Run without --dry-run to write, then \`npm run geodata\`.`];
  const written = outcomes.filter((o) => o.written).length + (commuting?.written ? 1 : 0);
  if (written === 0) return ['Nothing changed; no file written.'];
  return [`Wrote ${written} file${written === 1 ? '' : 's'}. Run \`npm run geodata\` to rebuild public/data/ from them.`];
}

/** The one line printed when a run stops. */
export function failureLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/\s*\n\s*/g, ' ');
}
