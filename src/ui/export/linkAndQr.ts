import { asciiUrl } from '../../domain/exportLayout.ts';
import { encodeViewState, type ViewState } from '../../state/urlState.ts';
import { VIEW_DEFAULTS } from '../../state/viewSync.ts';

/**
 * The absolute address that opens `view` in this deployment of the app (same origin and path, so
 * it works under a sub-path), with every non-ASCII character percent-encoded for a QR code.
 */
export function linkOf(view: ViewState, page: string = location.href): string {
  const url = new URL(page);
  const query = encodeViewState(view, VIEW_DEFAULTS);
  return asciiUrl(`${url.origin}${url.pathname}${query ? `?${query}` : ''}`);
}

/** The QR code of a link as SVG markup (loaded on demand: the encoder is not in the main bundle). */
export async function qrSvg(link: string): Promise<string> {
  const { renderSVG } = await import('uqr');
  return renderSVG(asciiUrl(link), { ecc: 'M', border: 2, pixelSize: 6 });
}
