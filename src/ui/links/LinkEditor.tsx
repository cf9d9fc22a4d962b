import { useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../domain/format.ts';
import { endKey, linkId, type End, type Link, type Period } from '../../domain/links/model.ts';
import type { LinkIssue } from '../../domain/links/validate.ts';
import { dimensionsOfFields, DIRECTED_TYPES, FIELD_LABELS, FIELDS, LINK_TYPE_LABELS, LINK_TYPES, type FieldId, type LinkType } from '../../domain/links/vocabulary.ts';
import { linkContextOf, saveLink as saveLinkIn } from '../../state/linkEdits.ts';
import { selectLinks } from '../../state/linksSlice.ts';
import { StoreContext, useAppState } from '../context.ts';
import { lt } from './strings.ts';
import { endName } from './text.ts';

interface Draft {
  from: string;
  to: string;
  type: LinkType;
  fields: FieldId[];
  directed: boolean;
  uncertain: boolean;
  from_: string;
  to_: string;
  descLv: string;
  descEn: string;
  url: string;
}

const draftOf = (l: Link | undefined): Draft => ({
  from: l ? endKey(l.from) : '',
  to: l ? endKey(l.to) : '',
  type: l?.type ?? 'agreement',
  fields: l ? [...l.fields] : [],
  directed: l?.directed ?? false,
  uncertain: l?.uncertain ?? false,
  from_: l?.period.from ?? '',
  to_: l?.period.to ?? '',
  descLv: l?.description.lv ?? '',
  descEn: l?.description.en ?? '',
  url: l?.sources[0]?.url ?? '',
});

/**
 * The form to add or edit a link: both ends from a list (or picked on the map), type, fields,
 * period, descriptions and a source. Saving validates the link against the others; each problem is
 * shown in the language and nothing changes until the link is valid. Text the form does not show
 * (notes, further sources, date wording) is kept from the edited link unless its dates change.
 */
export function LinkEditor({ target, lang }: { target: string; lang: Lang }) {
  const dataset = useAppState((s) => s.dataset);
  const links = useAppState(selectLinks);
  const selection = useAppState((s) => s.selection);
  const store = useContext(StoreContext)!;
  const saveLink = (link: Link, isNew?: boolean) => saveLinkIn(store, link, isNew);
  const close = useAppState((s) => s.openLinkEditor);
  const selectLink = useAppState((s) => s.selectLink);
  const editing = target === 'new' ? undefined : links.find((l) => l.id === target);
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing));
  const [issues, setIssues] = useState<LinkIssue[]>([]);
  const [picking, setPicking] = useState<'from' | 'to' | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const ends = useMemo(() => {
    const map = new Map<string, End>();
    if (!dataset) return map;
    const cityUnits = linkContextOf(dataset).cityUnits;
    for (const f of [...dataset.cities.features].sort((a, b) => a.properties.order - b.properties.order)) map.set(`city:${f.properties.id}`, { kind: 'city', id: f.properties.id });
    for (const f of dataset.municipalities.features) if (!cityUnits?.has(f.properties.code)) map.set(`unit:${f.properties.code}`, { kind: 'unit', code: f.properties.code });
    for (const l of links) for (const e of [l.from, l.to]) if (e.kind === 'organisation' && !map.has(endKey(e))) map.set(endKey(e), e);
    return map;
  }, [dataset, links]);

  // A place clicked on the map while picking becomes that end.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    if (!picking || !selection) return;
    const key = selection.kind === 'city' ? `city:${selection.id}` : `unit:${selection.code}`;
    if (ends.has(key)) set({ [picking]: key });
    setPicking(null);
  }, [selection]);

  const groups: [string, string[]][] = [
    [lt(lang, 'groupCities'), [...ends.keys()].filter((k) => k.startsWith('city:'))],
    [lt(lang, 'groupUnits'), [...ends.keys()].filter((k) => k.startsWith('unit:')).sort((a, b) => endName(ends.get(a)!, dataset, lang).localeCompare(endName(ends.get(b)!, dataset, lang), lang))],
    [lt(lang, 'groupOrgs'), [...ends.keys()].filter((k) => k.startsWith('org:')).sort((a, b) => endName(ends.get(a)!, dataset, lang).localeCompare(endName(ends.get(b)!, dataset, lang), lang))],
  ];

  const save = (e: Event) => {
    e.preventDefault();
    const from = ends.get(draft.from);
    const to = ends.get(draft.to);
    if (!from || !to) {
      setIssues([{ code: 'unknown_end', message: { lv: 'Izvēlieties abus galapunktus.', en: 'Choose both ends.' } }]);
      return;
    }
    const datesKept = editing && (editing.period.from ?? '') === draft.from_ && (editing.period.to ?? '') === draft.to_;
    const period: Period = datesKept ? editing.period : { ...(draft.from_ && { from: draft.from_ }), ...(draft.to_ && { to: draft.to_ }) };
    const base = { type: draft.type, from, to, directed: draft.directed, period };
    const link: Link = {
      kind: 'documented',
      id: editing?.id ?? linkId(base),
      ...base,
      fields: FIELDS.filter((f) => draft.fields.includes(f)),
      dimensions: dimensionsOfFields(draft.fields),
      ...(editing?.weight !== undefined && { weight: editing.weight }),
      description: { lv: draft.descLv.trim(), en: draft.descEn.trim() },
      note: editing?.note ?? { lv: '', en: '' },
      sources: draft.url.trim() ? [{ url: draft.url.trim() }, ...(editing?.sources.slice(1) ?? [])] : [],
      uncertain: draft.uncertain,
      ...(draft.uncertain && editing?.uncertainReason && { uncertainReason: editing.uncertainReason }),
    };
    const found = saveLink(link, !editing);
    setIssues(found);
    if (found.length === 0) {
      close(null);
      selectLink(link.id);
    }
  };

  const endSelect = (side: 'from' | 'to') => (
    <div class="links-end">
      <label class="control" for={`links-edit-${side}`}>
        <span class="control-label">{lt(lang, side)}</span>
        <select id={`links-edit-${side}`} value={draft[side]} onChange={(e) => set({ [side]: e.currentTarget.value })}>
          <option value="">{lt(lang, 'choose')}</option>
          {groups.map(([label, keys]) => (
            <optgroup key={label} label={label}>
              {keys.map((k) => (
                <option key={k} value={k}>
                  {endName(ends.get(k)!, dataset, lang)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <button type="button" class="link-button" aria-pressed={picking === side} onClick={() => setPicking(picking === side ? null : side)}>
        {picking === side ? lt(lang, 'picking') : lt(lang, 'pick')}
      </button>
    </div>
  );

  return (
    <aside class="links-details links-editor" aria-label={lt(lang, editing ? 'editTitle' : 'addTitle')}>
      <h2>{lt(lang, editing ? 'editTitle' : 'addTitle')}</h2>
      <form onSubmit={save}>
        {endSelect('from')}
        {endSelect('to')}
        <label class="control" for="links-edit-type">
          <span class="control-label">{lt(lang, 'type')}</span>
          <select id="links-edit-type" value={draft.type} onChange={(e) => set({ type: e.currentTarget.value as LinkType, directed: DIRECTED_TYPES.has(e.currentTarget.value as LinkType) })}>
            {LINK_TYPES.map((t) => (
              <option key={t} value={t}>
                {LINK_TYPE_LABELS[t][lang]}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="links-fields">
          <legend class="control-label">{lt(lang, 'fields')}</legend>
          {FIELDS.map((f) => (
            <label key={f} class="control-check">
              <input type="checkbox" checked={draft.fields.includes(f)} onChange={(e) => set({ fields: e.currentTarget.checked ? [...draft.fields, f] : draft.fields.filter((x) => x !== f) })} />
              {FIELD_LABELS[f][lang]}
            </label>
          ))}
        </fieldset>
        <label class="control-check">
          <input type="checkbox" checked={draft.directed} onChange={(e) => set({ directed: e.currentTarget.checked })} />
          {lt(lang, 'isDirected')}
        </label>
        <div class="links-period">
          <label class="control">
            <span class="control-label">{lt(lang, 'periodFrom')}</span>
            <input id="links-edit-start" value={draft.from_} placeholder={lt(lang, 'dateHint')} onInput={(e) => set({ from_: e.currentTarget.value.trim() })} />
          </label>
          <label class="control">
            <span class="control-label">{lt(lang, 'periodTo')}</span>
            <input id="links-edit-end" value={draft.to_} placeholder={lt(lang, 'dateHint')} onInput={(e) => set({ to_: e.currentTarget.value.trim() })} />
          </label>
        </div>
        <label class="control-check">
          <input type="checkbox" checked={draft.uncertain} onChange={(e) => set({ uncertain: e.currentTarget.checked })} />
          {lt(lang, 'isUncertain')}
        </label>
        <label class="control">
          <span class="control-label">{lt(lang, 'descLv')}</span>
          <textarea id="links-edit-desc-lv" rows={2} value={draft.descLv} onInput={(e) => set({ descLv: e.currentTarget.value })} />
        </label>
        <label class="control">
          <span class="control-label">{lt(lang, 'descEn')}</span>
          <textarea id="links-edit-desc-en" rows={2} value={draft.descEn} onInput={(e) => set({ descEn: e.currentTarget.value })} />
        </label>
        <label class="control">
          <span class="control-label">{lt(lang, 'sourceUrl')}</span>
          <input id="links-edit-url" value={draft.url} placeholder="https://…" onInput={(e) => set({ url: e.currentTarget.value })} />
        </label>
        {issues.length > 0 && (
          <ul class="control-error links-issues" role="alert">
            {issues.map((i, n) => (
              <li key={n}>{i.message[lang]}</li>
            ))}
          </ul>
        )}
        <div class="button-row">
          <button type="submit" class="small-button">
            {lt(lang, 'save')}
          </button>
          <button type="button" class="small-button" onClick={() => close(null)}>
            {lt(lang, 'cancel')}
          </button>
        </div>
      </form>
    </aside>
  );
}
