import { formatNumber, type Lang } from '../domain/format.ts';
import type { ImportIssue } from '../domain/importCsv.ts';
import { t } from './i18n.ts';

/**
 * Rows listed one by one at most: a file of 200 000 bad rows would otherwise put 200 000 items
 * into the page at once, and hold it for seconds. The count says how many there are in all.
 */
const LISTED = 200;

/** The rows an import left out, each with its line and reason, and the warnings on rows it kept. */
export function ImportIssues({ lang, unmatched, warnings }: { lang: Lang; unmatched: readonly ImportIssue[]; warnings: readonly ImportIssue[] }) {
  return (
    <>
      {unmatched.length > 0 && (
        <details open={unmatched.length <= 20}>
          <summary>
            {t(lang, 'importUnmatched')}: <span data-count="unmatched">{unmatched.length}</span>
          </summary>
          <ul class="import-issues">
            {unmatched.slice(0, LISTED).map((u) => (
              <li key={`${u.line}-${u.year ?? ''}`} data-line={u.line}>
                {t(lang, 'line')} {u.line}: <code>{u.raw}</code> — {u.reason[lang]}
              </li>
            ))}
            <More lang={lang} count={unmatched.length} />
          </ul>
        </details>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>
            {t(lang, 'importWarnings')}: {warnings.length}
          </summary>
          <ul class="import-issues">
            {warnings.slice(0, LISTED).map((u) => (
              <li key={`w${u.line}-${u.year ?? ''}`}>
                {t(lang, 'line')} {u.line}: {u.reason[lang]}
              </li>
            ))}
            <More lang={lang} count={warnings.length} />
          </ul>
        </details>
      )}
    </>
  );
}

function More({ lang, count }: { lang: Lang; count: number }) {
  if (count <= LISTED) return null;
  return (
    <li class="muted">
      {t(lang, 'importMoreRows')}: {formatNumber(count - LISTED, lang)}
    </li>
  );
}
