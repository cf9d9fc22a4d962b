import { useAppState } from '../context.ts';
import { tt } from './strings.ts';
import { openExport } from './takeaway.ts';

/** Opens the Export dialog (pictures, link and QR code, pre-flight check). */
export function ExportButton() {
  const lang = useAppState((s) => s.lang);
  return (
    <button type="button" class="small-button" onClick={() => openExport(true)}>
      {tt(lang, 'export')}
    </button>
  );
}
