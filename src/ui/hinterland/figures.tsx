import { FIGURE_INPUT_INDICATORS, type Figure } from '../../domain/hinterland/aggregates.ts';
import { formatNumber, type Lang } from '../../domain/format.ts';
import type { IndicatorData } from '../../domain/indicators.ts';
import { sourceLabel, sourceProvenance } from '../../domain/provenance.ts';
import { provenanceTitle } from '../OriginalText.tsx';
import { ht } from './strings.ts';

/** The kinds of figure the hinterland views show, each with its unit and precision. */
export type FigureKind = 'area' | 'residents' | 'density' | 'share';

const labels: Record<Lang, WeakMap<IndicatorData, Map<number, string>>> = { lv: new WeakMap(), en: new WeakMap() };

/**
 * Short labels of sources ("CSP IRD041") in the language, by index into `IndicatorData.sources`, as the figures
 * use them: a source file can hold several indicators with labels of their own (the median age
 * in the residents' file names who interpolated it), so the label is that of the indicator the
 * figures read, else of the first indicator citing the source.
 */
export function sourceLabels(data: IndicatorData, lang: Lang): Map<number, string> {
  const known = labels[lang].get(data);
  if (known) return known;
  const labelOf = new Map(data.indicators.map((i) => [i.id, sourceLabel(i, lang)]));
  const out = new Map<number, string>();
  for (const o of data.observations) {
    const label = labelOf.get(o.indicator) ?? `#${o.source}`;
    if (FIGURE_INPUT_INDICATORS.includes(o.indicator)) out.set(o.source, label);
    else if (!out.has(o.source)) out.set(o.source, label);
  }
  labels[lang].set(data, out);
  return out;
}

/** A figure's value in the language's number format with its unit, or null when it has none. */
export function figureText(f: Figure, kind: FigureKind, lang: Lang): string | null {
  if (f.value === null) return null;
  if (kind === 'share') return `${formatNumber(f.value * 100, lang, 1)} %`;
  if (kind === 'area') return `${formatNumber(f.value, lang, 1)} km²`;
  if (kind === 'density') return `${formatNumber(f.value, lang, 1)} / km²`;
  return formatNumber(f.value, lang, 0);
}

/** Year, source and "computed" of a figure, with the full source text and how it was computed as a tooltip. */
export function Provenance({ f, data, lang }: { f: Figure; data: IndicatorData; lang: Lang }) {
  const names = sourceLabels(data, lang);
  const source = f.sources.map((i) => names.get(i) ?? `#${i}`).join(', ');
  const title = [f.note[lang], provenanceTitle(f.sources.map((i) => sourceProvenance(data, i, lang)), lang)].filter(Boolean).join('\n');
  return (
    <span class="source-note" title={title}>
      {f.year === null ? ht(lang, 'fromBoundaries') : `${f.year} · ${ht(lang, 'source')}: ${source} · ${ht(lang, 'computed')}`}
    </span>
  );
}

/** A figure in a panel: the value with its provenance, or "no data" with the reason. */
export function FigureValue({ f, kind, data, lang }: { f: Figure; kind: FigureKind; data: IndicatorData; lang: Lang }) {
  const text = figureText(f, kind, lang);
  if (text === null) {
    return (
      <>
        <span class="muted">{ht(lang, 'noData')}</span>
        <span class="fact-computed">{f.note[lang]}</span>
      </>
    );
  }
  return (
    <>
      <span class="fact-value">{text}</span>
      <Provenance f={f} data={data} lang={lang} />
    </>
  );
}
