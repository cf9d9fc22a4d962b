/**
 * Offers a blob as a file download, without a server: every download of the app (tables, charts,
 * pictures, links, assignments, decks, raw stored records) goes through here. The object URL
 * lives a minute, long enough for a slow save dialog.
 */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Offers a text as a file download of the given media type. */
export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}
