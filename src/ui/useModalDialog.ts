import { useEffect, useRef } from 'preact/hooks';

/**
 * A `<dialog>` shown modally while `open` is true and closed when it turns false; the returned ref
 * goes on the dialog. The dialog's own `close` event (Esc, a form button) must set `open` back.
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return dialog;
}
