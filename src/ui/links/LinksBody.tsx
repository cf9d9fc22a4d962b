import { useEffect } from 'preact/hooks';
import type { Lang } from '../../domain/format.ts';
import { DIMENSION_LABELS, DIMENSIONS, FIELD_LABELS, FIELDS, LINK_TYPE_LABELS, LINK_TYPES } from '../../domain/links/vocabulary.ts';
import { endPositionsOf, isDrawable, linksOfCity, modelPairsOf, selectFilteredLinks, selectFocusCity } from '../../state/linksDerived.ts';
import { COMMUTING_COLOUR, FIELD_COLOURS, MODEL_COLOUR, TYPE_COLOURS } from '../../domain/links/colours.ts';
import { COMMUTING_TOP } from '../../domain/hinterland/commuting.ts';
import { useAppState } from '../context.ts';
import { lazyComponent } from '../lazy.tsx';
import { LinkLegend, Swatch } from './LinkLegend.tsx';
import { lt } from './strings.ts';
import { endName, typeLabel } from './text.ts';

function Select({ id, label, value, options, onChange, lang }: { id: string; label: string; value: string; options: readonly (readonly [string, string])[]; onChange: (v: string) => void; lang: Lang }) {
  return (
    <label class="control" for={id}>
      <span class="control-label">{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{lt(lang, 'all')}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The focused city's links: how many are drawn, and those without a place on the map, listed. */
function FocusList({ lang }: { lang: Lang }) {
  const city = useAppState(selectFocusCity);
  const dataset = useAppState((s) => s.dataset);
  const links = useAppState(selectFilteredLinks);
  const selectLink = useAppState((s) => s.selectLink);
  if (!dataset) return null;
  if (!city) return <p class="legend-note">{lt(lang, 'focusHint')}</p>;
  const own = linksOfCity(links, dataset, city);
  const positions = endPositionsOf(dataset);
  const abroad = own.filter((l) => !isDrawable(l, positions));
  const name = endName({ kind: 'city', id: city }, dataset, lang);
  return (
    <div class="links-focus" data-city={city}>
      <p class="legend-note">
        <strong>
          {lt(lang, 'linksOf')} {name}
        </strong>
        : {own.length - abroad.length} {lt(lang, 'shownCount')}, {abroad.length} {lt(lang, 'notDrawn')}
      </p>
      {abroad.length > 0 && (
        <ul class="links-abroad">
          {abroad.map((l) => {
            const other = l.from.kind === 'city' && l.from.id === city ? l.to : l.from;
            return (
              <li key={l.id}>
                <button type="button" class="link-button" onClick={() => selectLink(l.id)}>
                  {endName(other, dataset, lang)}
                  {other.kind === 'organisation' && other.country ? ` (${other.country})` : ''}
                </button>{' '}
                <span class="muted">
                  {typeLabel(l, lang)}
                  {l.uncertain ? `, ${lt(lang, 'uncertainShort')}` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function ModelControls({ lang }: { lang: Lang }) {
  const s = useAppState((st) => st.linkSettings);
  const set = useAppState((st) => st.setLinkSettings);
  const dataset = useAppState((st) => st.dataset);
  const model = dataset ? modelPairsOf(dataset) : null;
  return (
    <fieldset class="links-model">
      <legend class="control-label">
        <Swatch colour={MODEL_COLOUR} dotted /> {lt(lang, 'model')}
      </legend>
      <label class="control-check">
        <input type="checkbox" checked={s.modelShown} disabled={!model} onChange={(e) => set({ modelShown: e.currentTarget.checked })} />
        {lt(lang, 'modelShow')}
      </label>
      {s.modelShown && (
        <label class="control" for="links-model-top">
          <span class="control-label">
            {lt(lang, 'modelTop')}: <strong>{s.modelTop}</strong>
          </span>
          <input id="links-model-top" type="range" min={1} max={45} step={1} value={s.modelTop} onInput={(e) => set({ modelTop: Number(e.currentTarget.value) })} />
        </label>
      )}
      <p class="legend-note">
        {lt(lang, 'modelNote')} {model && `(${lt(lang, 'modelYear')} ${model.year})`}
      </p>
    </fieldset>
  );
}

/** CSP's commuting flows into the cities: their own switch and key, or how to get them when the data lack them. */
function CommutingControls({ lang }: { lang: Lang }) {
  const shown = useAppState((st) => st.linkSettings.commutingShown);
  const set = useAppState((st) => st.setLinkSettings);
  const available = useAppState((st) => st.dataset?.commutingAvailable === true);
  const source = useAppState((st) => st.dataset?.commuting?.source);
  return (
    <fieldset class="links-commuting">
      <legend class="control-label">
        <Swatch colour={COMMUTING_COLOUR} /> {lt(lang, 'commuting')}
      </legend>
      <label class="control-check">
        <input type="checkbox" checked={shown} disabled={!available} onChange={(e) => set({ commutingShown: e.currentTarget.checked })} />
        {lt(lang, 'commutingShow')}
      </label>
      <p class="legend-note">{available ? `${lt(lang, 'commutingNote', { top: COMMUTING_TOP })}${source ? ` ${source[lang]}.` : ''}` : lt(lang, 'commutingMissing')}</p>
    </fieldset>
  );
}

// The tools read and write CSV/GeoJSON: fetched, with the links, when the section first opens.
const LinkTools = lazyComponent(() => import('./LinkTools.tsx').then((m) => m.LinkTools));

/**
 * The body of the "Cooperation" section of the left card (LinksSection.tsx fetches it when the
 * section first opens): show the documented links, colour by field or type, filter, the legend,
 * the focused city's links, the model layer apart, and the tools.
 */
export function LinksBody() {
  const lang = useAppState((s) => s.lang);
  const s = useAppState((st) => st.linkSettings);
  const set = useAppState((st) => st.setLinkSettings);
  const count = useAppState((st) => selectFilteredLinks(st).length);
  const wanted = useAppState((st) => st.linksWanted);
  return (
    <>
      <label class="control control-check">
        <input type="checkbox" checked={s.shown} onChange={(e) => set({ shown: e.currentTarget.checked })} />
        {lt(lang, 'show')}
      </label>
      {s.shown && (
        <>
          <div class="control links-colour" role="radiogroup" aria-label={lt(lang, 'colourBy')}>
            <span class="control-label">{lt(lang, 'colourBy')}</span>
            {(['field', 'type'] as const).map((by) => (
              <label key={by} class="control-check">
                <input type="radio" name="links-colour" checked={s.colourBy === by} onChange={() => set({ colourBy: by })} />
                {lt(lang, by === 'field' ? 'byField' : 'byType')}
              </label>
            ))}
          </div>
          <Select id="links-type" lang={lang} label={lt(lang, 'type')} value={s.types[0] ?? ''} options={LINK_TYPES.map((t) => [t, LINK_TYPE_LABELS[t][lang]] as const)} onChange={(v) => set({ types: v ? [v as (typeof LINK_TYPES)[number]] : [] })} />
          <Select id="links-field" lang={lang} label={lt(lang, 'field')} value={s.fields[0] ?? ''} options={FIELDS.map((f) => [f, FIELD_LABELS[f][lang]] as const)} onChange={(v) => set({ fields: v ? [v as (typeof FIELDS)[number]] : [] })} />
          <Select id="links-dimension" lang={lang} label={lt(lang, 'dimension')} value={s.dimensions[0] ?? ''} options={DIMENSIONS.map((d) => [d, DIMENSION_LABELS[d][lang]] as const)} onChange={(v) => set({ dimensions: v ? [v as (typeof DIMENSIONS)[number]] : [] })} />
          <div class="links-period">
            <label class="control">
              <span class="control-label">{lt(lang, 'periodFrom')}</span>
              <input type="number" min={1900} max={2100} placeholder={lt(lang, 'yearPlaceholder')} value={s.from ?? ''} onChange={(e) => set({ from: e.currentTarget.value || undefined })} />
            </label>
            <label class="control">
              <span class="control-label">{lt(lang, 'periodTo')}</span>
              <input type="number" min={1900} max={2100} placeholder={lt(lang, 'yearPlaceholder')} value={s.to ?? ''} onChange={(e) => set({ to: e.currentTarget.value || undefined })} />
            </label>
          </div>
          <label class="control control-check">
            <input type="checkbox" checked={s.includeUncertain} onChange={(e) => set({ includeUncertain: e.currentTarget.checked })} />
            {lt(lang, 'includeUncertain')}
          </label>
          <p class="legend-note">
            {count} {lt(lang, 'count')}
          </p>
          <LinkLegend lang={lang} />
          <FocusList lang={lang} />
        </>
      )}
      <ModelControls lang={lang} />
      <CommutingControls lang={lang} />
      <LinkTools wanted={wanted} lang={lang} />
    </>
  );
}
