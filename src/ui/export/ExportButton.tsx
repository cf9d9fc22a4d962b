import { useAppState } from '../context.ts';
import { t } from '../i18n.ts';
import { openExport } from './takeaway.ts';

/** Opens the Export dialog (pictures, link and QR code, pre-flight check). */
export function ExportButton() {
  const lang = useAppState((s) => s.lang);
  return (
    <button type="button" class="small-button" onClick={() => openExport(true)}>
      {t(lang, 'exportButton')}
    </button>
  );
}
