import type { Lang } from '../domain/format.ts';
import type { ImportProgress } from '../domain/importCsv.ts';
import { t } from './i18n.ts';

/**
 * The file being read: a progress bar named for the file (its value is announced by screen
 * readers as a percentage) and Cancel, which puts back what the dialog showed before. The bar
 * has no value, so it shows activity, until the first progress arrives.
 */
export function ImportReading({ lang, fileName, progress, onCancel }: { lang: Lang; fileName: string; progress: ImportProgress | null; onCancel: () => void }) {
  const percent = progress ? Math.floor((100 * progress.done) / progress.total) : null;
  return (
    <div class="import-reading">
      <label for="import-progress">
        {t(lang, 'importReading')} “{fileName}”…
      </label>
      <div class="import-reading-row">
        <progress id="import-progress" max={progress?.total} value={progress?.done} />
        {percent !== null && <span aria-hidden="true">{lang === 'lv' ? `${percent} %` : `${percent}%`}</span>}
        <button type="button" class="small-button" onClick={onCancel}>
          {t(lang, 'importCancelReading')}
        </button>
      </div>
    </div>
  );
}
