import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PlaceRef } from '../domain/places.ts';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';
import { nameIn } from '../domain/bilingual.ts';

interface Entry {
  ref: PlaceRef;
  key: string;
  label: string;
  group: 'cities' | 'municipalities';
}

/**
 * The ten cities and the 42 municipalities as a keyboard list (the map's text alternative for
 * choosing a place): arrows move, Home/End jump, a letter jumps to the next name starting with
 * it, Enter or Space selects on the map, Esc closes.
 */
export function PlaceList() {
  const dataset = useAppState((s) => s.dataset);
  const lang = useAppState((s) => s.lang);
  const select = useAppState((s) => s.select);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLUListElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // Only while open: the first collator of a language (Latvian sorting rules for 'lv') takes tens
  // of milliseconds to make, and the first render, before the map is made, should not pay for a
  // list nobody has opened.
  const entries = useMemo<Entry[]>(() => {
    if (!dataset || !open) return [];
    const collator = new Intl.Collator(lang);
    const name = (p: { nameLv: string; nameEn: string }) => nameIn(p, lang);
    const cities = dataset.cities.features
      .map((f) => f.properties)
      .sort((a, b) => a.order - b.order)
      .map((c): Entry => ({ ref: { kind: 'city', id: c.id }, key: `city-${c.id}`, label: name(c), group: 'cities' }));
    const units = dataset.municipalities.features
      .map((f) => f.properties)
      .sort((a, b) => collator.compare(name(a), name(b)))
      .map((u): Entry => ({ ref: { kind: 'unit', code: u.code }, key: `unit-${u.code}`, label: name(u), group: 'municipalities' }));
    return [...cities, ...units];
  }, [dataset, lang, open]);
  useLayoutEffect(() => {
    if (open) list.current?.focus();
  }, [open]);
  useEffect(() => {
    list.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active, open]);
  if (!dataset) return null;
  const choose = (i: number) => {
    const entry = entries[i];
    if (!entry) return;
    select(entry.ref);
    setOpen(false);
    button.current?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const last = entries.length - 1;
    const moves: Record<string, number> = { ArrowDown: Math.min(last, active + 1), ArrowUp: Math.max(0, active - 1), Home: 0, End: last, PageDown: Math.min(last, active + 10), PageUp: Math.max(0, active - 10) };
    if (e.key in moves) {
      setActive(moves[e.key]!);
      e.preventDefault();
    } else if (e.key === 'Enter' || e.key === ' ') {
      choose(active);
      e.preventDefault();
    } else if (e.key === 'Escape') {
      setOpen(false);
      button.current?.focus();
      e.preventDefault();
      e.stopPropagation();
    } else if (e.key.length === 1 && /\p{L}/u.test(e.key)) {
      const letter = e.key.toLocaleLowerCase(lang);
      const order = [...entries.slice(active + 1), ...entries.slice(0, active + 1)];
      const hit = order.find((x) => x.label.toLocaleLowerCase(lang).startsWith(letter));
      if (hit) setActive(entries.indexOf(hit));
    }
  };
  return (
    <div class="place-list">
      <button ref={button} type="button" class="small-button" aria-haspopup="listbox" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(lang, 'places')} ▾
      </button>
      {open && (
        <ul
          ref={list}
          class="place-options"
          role="listbox"
          tabIndex={0}
          aria-label={`${t(lang, 'places')} — ${t(lang, 'placesHint')}`}
          aria-activedescendant={`place-${entries[active]?.key}`}
          onKeyDown={onKey}
          onBlur={(e) => {
            const next = e.relatedTarget as Node | null;
            if (!next || !(e.currentTarget as HTMLElement).parentElement?.contains(next)) setOpen(false);
          }}
        >
          {entries.map((entry, i) => (
            <>
              {(i === 0 || entries[i - 1]!.group !== entry.group) && (
                <li role="presentation" class="place-group" key={`g-${entry.group}`}>
                  {t(lang, entry.group)}
                </li>
              )}
              <li
                key={entry.key}
                id={`place-${entry.key}`}
                role="option"
                data-index={i}
                aria-selected={i === active}
                class={i === active ? 'place-active' : ''}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(i)}
              >
                {entry.label}
              </li>
            </>
          ))}
        </ul>
      )}
    </div>
  );
}
