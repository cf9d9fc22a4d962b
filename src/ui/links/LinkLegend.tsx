import type { Lang } from '../../domain/format.ts';
import { FIELD_COLOURS, TYPE_COLOURS } from '../../domain/links/colours.ts';
import { FIELD_LABELS, FIELDS, LINK_TYPE_LABELS, LINK_TYPES } from '../../domain/links/vocabulary.ts';
import { selectFilteredLinks } from '../../state/linksDerived.ts';
import { useAppState } from '../context.ts';
import { lt } from './strings.ts';

export function Swatch({ colour, dashed, dotted }: { colour: string; dashed?: boolean; dotted?: boolean }) {
  const style = dotted ? 'dotted' : dashed ? 'dashed' : 'solid';
  return <span class="links-swatch" aria-hidden="true" style={{ borderTopColor: colour, borderTopStyle: style }} />;
}

/** What is on the map: the colours present, uncertain dashed, arrows, ring size, and the model apart. */
export function LinkLegend({ lang }: { lang: Lang }) {
  const s = useAppState((st) => st.linkSettings);
  const links = useAppState(selectFilteredLinks);
  const present = new Set(links.map((l) => (s.colourBy === 'type' ? l.type : (l.fields[0] ?? 'none'))));
  const entries =
    s.colourBy === 'type'
      ? LINK_TYPES.filter((t) => present.has(t)).map((t) => [t, TYPE_COLOURS[t], LINK_TYPE_LABELS[t][lang]] as const)
      : [...FIELDS, 'none' as const].filter((f) => present.has(f)).map((f) => [f, FIELD_COLOURS[f], f === 'none' ? lt(lang, 'noField') : FIELD_LABELS[f][lang]] as const);
  return (
    <ul class="links-legend" aria-label={lt(lang, 'section')}>
      {entries.map(([key, colour, label]) => (
        <li key={key}>
          <Swatch colour={colour} /> {label}
        </li>
      ))}
      <li>
        <Swatch colour="#555" dashed /> {lt(lang, 'uncertain')}
      </li>
      <li>
        <span class="links-arrow-key" aria-hidden="true">➤</span> {lt(lang, 'directed')}
      </li>
      <li>
        <span class="links-ring-key" aria-hidden="true" /> {lt(lang, 'nodeSize')}
      </li>
    </ul>
  );
}

