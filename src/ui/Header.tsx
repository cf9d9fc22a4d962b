import { useAppState } from './context.ts';
import { t } from './i18n.ts';
import { PlaceList } from './PlaceList.tsx';
import { otherLang } from '../domain/bilingual.ts';

/** Title bar with the association's name and the language switch. */
export function Header() {
  const lang = useAppState((s) => s.lang);
  const setLang = useAppState((s) => s.setLang);
  return (
    <header class="app-header">
      <div class="app-title">
        <h1>{t(lang, 'title')}</h1>
        <span class="app-subtitle">{t(lang, 'subtitle')}</span>
      </div>
      <div class="header-actions">
      <PlaceList />
      <button
        type="button"
        class="lang-switch"
        lang={otherLang(lang)}
        aria-label={t(lang, 'switchToLabel')}
        onClick={() => setLang(otherLang(lang))}
      >
        {t(lang, 'switchTo')}
      </button>
      </div>
    </header>
  );
}
