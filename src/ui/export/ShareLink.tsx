import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Lang } from '../../domain/format.ts';
import type { ViewState } from '../../state/urlState.ts';
import { linkOf, qrSvg } from './linkAndQr.ts';
import { tt } from './strings.ts';

/**
 * A link that opens this view or one scene (with its camera), to copy, and its QR code on demand
 * for an audience to scan from the screen.
 */
export function ShareLink({ lang, links }: { lang: Lang; links: { label: string; view: ViewState }[] }) {
  const [index, setIndex] = useState(0);
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const chosen = links[Math.min(index, links.length - 1)];
  const link = chosen ? linkOf(chosen.view) : '';
  useEffect(() => {
    setQr(null);
    setCopied(false);
  }, [link]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard permission: the text field is selected for the user to copy.
      (document.getElementById('share-link') as HTMLInputElement | null)?.select();
    }
  };
  const qrUrl = useMemo(() => (qr ? URL.createObjectURL(new Blob([qr], { type: 'image/svg+xml' })) : null), [qr]);
  useEffect(() => () => void (qrUrl && URL.revokeObjectURL(qrUrl)), [qrUrl]);
  return (
    <div class="share-link">
      {links.length > 1 && (
        <label class="control">
          <span class="control-label">{tt(lang, 'linkTo')}</span>
          <select value={String(index)} onChange={(e) => setIndex(Number((e.target as HTMLSelectElement).value))}>
            {links.map((l, i) => (
              <option key={i} value={String(i)}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="share-row">
        <input id="share-link" type="text" readOnly value={link} aria-label={tt(lang, 'link')} onFocus={(e) => (e.target as HTMLInputElement).select()} />
        <button type="button" class="small-button" onClick={() => void copy()}>
          {tt(lang, copied ? 'copied' : 'copy')}
        </button>
        <button type="button" class="small-button" aria-expanded={qr !== null} onClick={() => void qrSvg(link).then(setQr)} disabled={qr !== null}>
          {tt(lang, 'showQr')}
        </button>
      </div>
      {qr && (
        <figure class="qr-code" data-link={link}>
          <div role="img" aria-label={`${tt(lang, 'qrOf')} ${link}`} dangerouslySetInnerHTML={{ __html: qr }} />
          {qrUrl && (
            <figcaption>
              <a href={qrUrl} download="qr.svg">
                {tt(lang, 'downloadQr')}
              </a>
            </figcaption>
          )}
        </figure>
      )}
    </div>
  );
}
