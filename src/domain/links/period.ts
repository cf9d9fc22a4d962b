import type { DateQualifier, Link, Period } from './model.ts';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `s` is an ISO 8601 calendar date at year, month or day precision that exists. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysIn(Number(m[1]), month);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day a date of any precision can mean: '2021' → '2021-01-01'. */
export function earliestDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

/** The last day a date of any precision can mean: '2021-02' → '2021-02-28'. */
export function latestDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) return `${date}-${String(daysIn(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, '0')}`;
  return date;
}

/** One date cell of a source table, read: a date, how exact it is, and the wording kept verbatim. */
export interface SourceDate {
  date?: string;
  qualifier?: DateQualifier;
  text?: string;
}

/**
 * Reads a date as the source tables write it. Plain ISO dates keep their precision; "c. 2018" is
 * circa, "≤2014" and "reported 2026-02-24" mean "in place by" that date; a date followed by a
 * remark ("2022 (apturēts)") keeps the date and the whole wording. Anything else ("nav zināms",
 * "current (page undated)", "26. okt. (gads nav norādīts)", "1960. gadi") is no date at all: the
 * wording is kept and the period stays open rather than guessed.
 */
export function parseSourceDate(raw: string): SourceDate {
  const text = raw.trim();
  if (text === '') return {};
  if (isIsoDate(text)) return { date: text };
  const circa = /^c\.\s*(\S+)$/.exec(text);
  if (circa && isIsoDate(circa[1]!)) return { date: circa[1], qualifier: 'circa' };
  const by = /^(?:≤\s*|reported\s+)(\S+)$/.exec(text);
  if (by && isIsoDate(by[1]!)) return { date: by[1], qualifier: 'by' };
  const remark = /^(\S+) \(.+\)$/.exec(text);
  if (remark && isIsoDate(remark[1]!)) return { date: remark[1], text };
  return { text };
}

/** A period from two source cells (start, end). */
export function periodFromSource(start: string, end: string): Period {
  const s = parseSourceDate(start);
  const e = parseSourceDate(end);
  const period: Period = {};
  if (s.date) period.from = s.date;
  if (s.qualifier) period.fromQualifier = s.qualifier;
  if (s.text) period.fromText = s.text;
  if (e.date) period.to = e.date;
  if (e.qualifier) period.toQualifier = e.qualifier;
  if (e.text) period.toText = e.text;
  return period;
}

/** True when the period ends before it starts, comparing the widest reading of both dates. */
export function endsBeforeStart(period: Period): boolean {
  return period.from !== undefined && period.to !== undefined && latestDay(period.to) < earliestDay(period.from);
}

/**
 * Whether a link's period overlaps the window [from, to] (either open). Open link dates are
 * unknown or ongoing and never exclude; a "≤" start counts from its date, the conservative
 * reading: the link is only shown where the source places it.
 */
export function periodOverlaps(period: Period, window: { from?: string; to?: string }): boolean {
  if (window.to !== undefined && period.from !== undefined && earliestDay(period.from) > latestDay(window.to)) return false;
  if (window.from !== undefined && period.to !== undefined && latestDay(period.to) < earliestDay(window.from)) return false;
  return true;
}

export type LinkStatus = 'current' | 'ended' | 'planned' | 'uncertain';

/**
 * How to present a link on a given day (ISO date): ended when its end date has passed, planned
 * when it starts later, otherwise current — unless the link is uncertain, which is never shown
 * as current.
 */
export function linkStatus(link: Pick<Link, 'period' | 'uncertain'>, asOf: string): LinkStatus {
  const { from, to } = link.period;
  if (to !== undefined && latestDay(to) < asOf) return 'ended';
  if (link.uncertain) return 'uncertain';
  if (from !== undefined && earliestDay(from) > asOf) return 'planned';
  return 'current';
}
