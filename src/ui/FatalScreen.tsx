import type { FatalError } from '../state/store.ts';
import { bilingual } from './i18n.ts';

/**
 * Shown instead of the map when it cannot work: always in Latvian and English, since the failure
 * may come before the language is known, and never a blank page.
 */
export function FatalScreen({ error }: { error: FatalError }) {
  const title = bilingual('errorTitle');
  const what = error.kind === 'webgl' ? bilingual('errorWebgl') : bilingual('errorData');
  const retry = bilingual('retry');
  return (
    <div class="fatal" role="alert">
      <h1>
        <span lang="lv">{title.lv}</span>
        <span lang="en">{title.en}</span>
      </h1>
      <p lang="lv">
        {what.lv}
        {error.kind === 'data' && `: ${error.file}`}
      </p>
      <p lang="en">
        {what.en}
        {error.kind === 'data' && `: ${error.file}`}
      </p>
      <p class="fatal-reason">
        <code>{error.reason}</code>
      </p>
      <button type="button" onClick={() => location.reload()}>
        {retry.lv} / {retry.en}
      </button>
    </div>
  );
}
