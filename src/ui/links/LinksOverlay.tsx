import { useContext, useEffect } from 'preact/hooks';
import { formatNumber, type Lang } from '../../domain/format.ts';
import type { Link } from '../../domain/links/model.ts';
import { modelPairsOf } from '../../state/linksDerived.ts';
import { selectLinks } from '../../state/linksSlice.ts';
import { StoreContext, useAppState } from '../context.ts';
import { t } from '../i18n.ts';
import { lazyComponent } from '../lazy.tsx';
import { bindCityKeys } from './cityKeys.ts';
import { hasText, InLanguage, Original } from '../OriginalText.tsx';
import { lt } from './strings.ts';
import { endName, fieldsText, periodText, typeLabel, wordingLanguage } from './text.ts';

function LinkTooltip({ lang }: { lang: Lang }) {
  const hover = useAppState((s) => s.linkHover);
  const links = useAppState(selectLinks);
  const dataset = useAppState((s) => s.dataset);
  if (!hover || !dataset) return null;
  const style = { left: `${Math.max(4, Math.min(hover.x + 14, window.innerWidth - 300))}px`, top: `${hover.y + 14}px` };
  if (hover.id.startsWith('model:')) {
    const [, from, to] = hover.id.split(':');
    const pair = modelPairsOf(dataset)?.pairs.find((p) => p.from === from && p.to === to);
    if (!pair) return null;
    return (
      <div class="tooltip links-tooltip" role="tooltip" style={style}>
        <div class="tooltip-name">
          {endName({ kind: 'city', id: pair.from }, dataset, lang)} — {endName({ kind: 'city', id: pair.to }, dataset, lang)}
        </div>
        <div class="tooltip-kind">{lt(lang, 'model')} (P_i·P_j/d²)</div>
        <div class="tooltip-row">
          {lt(lang, 'potential')}: {formatNumber(pair.potential, lang, 0)}; {formatNumber(pair.distanceKm, lang, 0)} km
        </div>
      </div>
    );
  }
  const link = links.find((l) => l.id === hover.id);
  if (!link) return null;
  return (
    <div class="tooltip links-tooltip" role="tooltip" style={style}>
      <div class="tooltip-name">
        {endName(link.from, dataset, lang)} {link.directed ? '→' : '—'} {endName(link.to, dataset, lang)}
      </div>
      <div class="tooltip-kind">
        {typeLabel(link, lang)}
        {link.uncertain && <strong class="links-uncertain"> · {lt(lang, 'uncertainShort')}</strong>}
      </div>
      <div class="tooltip-row">
        {lt(lang, 'period')}: <Period link={link} lang={lang} />
      </div>
      <div class="tooltip-row">
        {lt(lang, 'fields')}: {fieldsText(link, lang)}
      </div>
    </div>
  );
}

/**
 * A link's period: dates are the same in both languages; the source's own wording of a date
 * ("current (page undated)", "nav zināms") is shown as written, marked with its language.
 */
function Period({ link, lang }: { link: Link; lang: Lang }) {
  const text = periodText(link.period, lang);
  const worded = link.period.fromText !== undefined || link.period.toText !== undefined;
  return worded ? <Original text={text} of={wordingLanguage(link) ?? lang} lang={lang} /> : <>{text}</>;
}

/** The details of the clicked link: description, period, sources, why uncertain; edit and delete. */
function LinkDetails({ link, lang }: { link: Link; lang: Lang }) {
  const dataset = useAppState((s) => s.dataset);
  const close = useAppState((s) => s.selectLink);
  const openEditor = useAppState((s) => s.openLinkEditor);
  const deleteLink = useAppState((s) => s.deleteLink);
  // The language of the link's source table, which its remarks on sources are written in too.
  const wording = wordingLanguage(link);
  useEffect(() => {
    // Esc closes the card first (caught before the place panel's own Esc, which would clear the selection).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.stopImmediatePropagation();
      close(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [close]);
  return (
    <aside class="links-details" aria-label={typeLabel(link, lang)} data-link={link.id}>
      <button type="button" class="links-close" aria-label={t(lang, 'close')} title={t(lang, 'close')} onClick={() => close(null)}>
        ×
      </button>
      <h2>
        {endName(link.from, dataset, lang)} {link.directed ? '→' : '—'} {endName(link.to, dataset, lang)}
      </h2>
      <p class="tooltip-kind">{typeLabel(link, lang)}</p>
      {hasText(link.description) && (
        <p>
          <InLanguage text={link.description} lang={lang} />
        </p>
      )}
      <dl>
        <dt>{lt(lang, 'period')}</dt>
        <dd>
          <Period link={link} lang={lang} />
        </dd>
        <dt>{lt(lang, 'fields')}</dt>
        <dd>{fieldsText(link, lang)}</dd>
        {hasText(link.note) && (
          <>
            <dt>{lt(lang, 'note')}</dt>
            <dd>
              <InLanguage text={link.note} lang={lang} />
            </dd>
          </>
        )}
        {link.uncertain && (
          <>
            <dt class="links-uncertain">{lt(lang, 'why')}</dt>
            <dd>{link.uncertainReason ? <InLanguage text={link.uncertainReason} lang={lang} /> : lt(lang, 'uncertainShort')}</dd>
          </>
        )}
        <dt>{lt(lang, 'sources')}</dt>
        <dd>
          <ul>
            {link.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.url}
                </a>
                {s.note && (
                  <>
                    {' — '}
                    <Original text={s.note} of={wording ?? lang} lang={lang} />
                  </>
                )}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      <div class="button-row">
        <button type="button" class="small-button" onClick={() => openEditor(link.id)}>
          {lt(lang, 'edit')}
        </button>
        <button type="button" class="small-button" onClick={() => window.confirm(lt(lang, 'deleteConfirm')) && deleteLink(link.id)}>
          {lt(lang, 'delete')}
        </button>
      </div>
    </aside>
  );
}

// The editor is fetched when first opened.
const LinkEditor = lazyComponent(() => import('./LinkEditor.tsx').then((m) => m.LinkEditor));

/** Everything of the links that floats over the map: tooltip, details, the editor; and the number keys. */
export function LinksOverlay() {
  const store = useContext(StoreContext);
  const lang = useAppState((s) => s.lang);
  const selected = useAppState((s) => (s.selectedLinkId ? (selectLinks(s).find((l) => l.id === s.selectedLinkId) ?? null) : null));
  const editor = useAppState((s) => s.linkEditor);
  useEffect(() => (store ? bindCityKeys(store) : undefined), [store]);
  return (
    <>
      <LinkTooltip lang={lang} />
      {editor ? <LinkEditor wanted key={editor} target={editor} lang={lang} /> : selected && <LinkDetails link={selected} lang={lang} />}
    </>
  );
}
