import { Preflight } from '../Preflight.tsx';
import { useAppState } from '../context.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { tt } from './strings.ts';
import { openExport } from './takeaway.ts';

/** The Export dialog and the pre-flight screen, mounted once in the app. */
export function TakeawayDialogs() {
  return (
    <>
      <ExportDialog />
      <Preflight />
    </>
  );
}

/** Opens the Export dialog (pictures, link and QR code, pre-flight check). */
export function ExportButton() {
  const lang = useAppState((s) => s.lang);
  return (
    <button type="button" class="small-button" onClick={() => openExport(true)}>
      {tt(lang, 'export')}
    </button>
  );
}
