import { useAppState } from './context.ts';
import { t } from './i18n.ts';
import { downloadText } from './download.ts';

/**
 * Messages about what the app could not use (a link parameter, an import row, a saved record), shown
 * in the current language until dismissed; they never block the map. A notice about a saved record
 * that could not be read offers that record as a file.
 */
export function Notices() {
  const notices = useAppState((s) => s.notices);
  const dismiss = useAppState((s) => s.dismissNotice);
  const lang = useAppState((s) => s.lang);
  if (notices.length === 0) return null;
  return (
    <div class="notices" role="status">
      {notices.slice(-4).map((n) => (
        <div class="notice" key={n.id}>
          <span>{n[lang]}</span>
          {n.download && (
            <button type="button" class="small-button" onClick={() => n.download && downloadText(n.download.name, n.download.text, 'application/json')}>
              {t(lang, 'noticeDownload')}
            </button>
          )}
          <button type="button" class="icon-button notice-close" onClick={() => dismiss(n.id)} aria-label={t(lang, 'dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
