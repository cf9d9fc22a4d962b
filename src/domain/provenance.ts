import type { Lang } from './format.ts';
import { sourceText, type DataText, type IndicatorData, type IndicatorMeta } from './indicators.ts';
import { otherLang } from './bilingual.ts';

/**
 * A figure's source as a reader quotes it: its producer and table ("CSP IRD041"), in the reader's
 * language, linked to that table. Whoever only carried the figures (a processing repository, a
 * mirror, a press report) is not the source; `viaOf` names it for the provenance details.
 */
export function sourceLabel(meta: Pick<IndicatorMeta, 'sourceLabel' | 'sourceLabelEn'>, lang: Lang): string {
  return lang === 'en' && meta.sourceLabelEn ? meta.sourceLabelEn : meta.sourceLabel;
}

const GITHUB = /^github:([^/\s]+\/[^/\s]+)\/\S*?(?:@[0-9a-f]{7,40})?(?:\s+\((.*)\))?$/;
const WEB = /^(https?:\/\/[^\s]+?)(?:\s+\((.*)\))?$/;

/**
 * The intermediary a provenance line names, as the provenance details show it: "GitHub
 * advaitsridhar/DemographicMap (processed from CSP IRD041 + IRE031 …)", or the web page's host and
 * what it is ("eng.lsm.lv (CSB release 28.12.2023)"), with the full address kept for the link.
 * Anything else is returned as written.
 */
export function viaOf(provenance: string): { text: string; url: string | null } {
  const line = provenance.trim();
  const gh = GITHUB.exec(line);
  if (gh) return { text: `GitHub ${gh[1]}${gh[2] ? ` (${gh[2]})` : ''}`, url: `https://github.com/${gh[1]}` };
  const web = WEB.exec(line);
  if (web) {
    let host = web[1]!;
    try {
      host = new URL(web[1]!).host.replace(/^www\./, '');
    } catch {
      // not a URL after all: keep it as written
    }
    return { text: `${host}${web[2] ? ` (${web[2]})` : ''}`, url: web[1]! };
  }
  return { text: line, url: null };
}

/** Hosts of the producers themselves: a file from there is the source, not an intermediary. */
const PRODUCER_HOSTS = /(^|\.)(stat\.gov\.lv|csb\.gov\.lv|likumi\.lv|tapportals\.mk\.gov\.lv|vraa\.gov\.lv|nva\.gov\.lv)$/;

/**
 * A provenance line as the provenance details say it: "via GitHub advaitsridhar/DemographicMap
 * (processed from …)" for whoever carried the figures, or the producer's own file or a plain
 * description as it is ("stat.gov.lv (…)"). Never the bare repository path of the data file.
 */
export function provenanceNote(line: string, lang: Lang): string {
  const { text, url } = viaOf(line);
  // A line that names no carrier (no repository, no address) is the source's own description.
  if (!url) return text;
  let host = '';
  try {
    host = url ? new URL(url).host : '';
  } catch {
    host = '';
  }
  if (host && PRODUCER_HOSTS.test(host)) return text;
  return `${lang === 'lv' ? 'ar starpnieku' : 'via'} ${text}`;
}

/**
 * `provenanceNote` of a text of the data: a pair in each of its languages, a line as written (in
 * English) with the carrier named in the reader's language, as before.
 */
export function provenanceLine(line: DataText, lang: Lang): DataText {
  if (typeof line === 'string') return provenanceNote(line, lang);
  return { lv: line.lv && provenanceNote(line.lv, 'lv'), en: line.en && provenanceNote(line.en, 'en') };
}

/** The provenance line `sources[i]` of the data (its pair where there is one) as the provenance details say it, or null. */
export function sourceProvenance(data: Pick<IndicatorData, 'sources' | 'sourcePairs'>, i: number, lang: Lang): DataText | null {
  const line = sourceText(data, i);
  return line ? provenanceLine(line, lang) : null;
}

/**
 * A text of the data for a reader of `lang`: a pair's text in that language (or, where it has only
 * the other, that one), or a string as written, which is in English. `of` says which language the
 * text is in: where it is not the reader's, the interface marks it as the original.
 */
export function dataTextIn(text: DataText, lang: Lang): { text: string; of: Lang } {
  if (typeof text === 'string') return { text, of: 'en' };
  const other: Lang = otherLang(lang);
  return text[lang].trim() ? { text: text[lang], of: lang } : { text: text[other], of: other };
}
