import { Preflight } from '../Preflight.tsx';
import { ExportDialog } from './ExportDialog.tsx';

/** The Export dialog and the pre-flight screen: fetched and mounted when one is first opened. */
export function TakeawayDialogs() {
  return (
    <>
      <ExportDialog />
      <Preflight />
    </>
  );
}
