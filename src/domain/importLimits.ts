import { formatNumber, type Lang } from './format.ts';
import type { Bilingual } from './bilingual.ts';

/**
 * The largest CSV an import reads: 30 MB and 2 000 000 lines. Both leave room above the 20 MB or
 * 200 000 rows the app promises to read (a 20 MB file of the shortest rows, "LV0001000,5", has
 * 1.7 million lines). They bound memory: every line keeps its cells until the rows are matched,
 * some 300 bytes a line, so a file of 2 000 000 short lines holds over half a gigabyte in the
 * worker at its peak. The size is checked before the file is read, the lines before any is split
 * into cells.
 */
export const IMPORT_LIMITS = { bytes: 30 * 1024 * 1024, lines: 2_000_000 } as const;

const MB = 1024 * 1024;
const limitMb = IMPORT_LIMITS.bytes / MB;

/** Why a file of `bytes` is refused, naming the limit; null when it is within it. */
export function sizeRefusal(bytes: number): Bilingual | null {
  if (bytes <= IMPORT_LIMITS.bytes) return null;
  // Rounded up, so that a file just over the limit never reads as the limit itself.
  const size = (lang: Lang) => formatNumber(Math.ceil((bytes / MB) * 10) / 10, lang, 1);
  return {
    lv: `Fails ir par lielu: ${size('lv')} MB; lielākais atļautais izmērs ir ${limitMb} MB.`,
    en: `The file is too large: ${size('en')} MB; the limit is ${limitMb} MB.`,
  };
}

/** Why a text of (at least) `lines` physical lines is refused, naming the limit; null when within it. */
export function linesRefusal(lines: number): Bilingual | null {
  if (lines <= IMPORT_LIMITS.lines) return null;
  return {
    lv: `Failā ir par daudz rindu: lielākais atļautais skaits ir ${formatNumber(IMPORT_LIMITS.lines, 'lv')}.`,
    en: `The file has too many lines: the limit is ${formatNumber(IMPORT_LIMITS.lines, 'en')}.`,
  };
}

/** The limits as the import dialog's help text states them. */
export const importLimitsNote: Bilingual = {
  lv: `Var importēt failus līdz ${limitMb} MB un ${formatNumber(IMPORT_LIMITS.lines, 'lv')} rindu.`,
  en: `Files of up to ${limitMb} MB and ${formatNumber(IMPORT_LIMITS.lines, 'en')} lines can be imported.`,
};
