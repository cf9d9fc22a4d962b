import type { Lang } from '../../domain/format.ts';
import { stringTable } from '../../domain/bilingual.ts';
import { WORDS } from '../words.ts';

const STRINGS = {
  export: WORDS.export,
  exportTitle: { lv: 'Eksportēt un dalīties', en: 'Export and share' },
  picture: { lv: 'Attēls (PNG) ar virsrakstu, leģendu, avotu un atsaucēm', en: 'Picture (PNG) with title, legend, source and credits' },
  fullHd: { lv: 'PNG 1920 × 1080', en: 'PNG 1920 × 1080' },
  uhd: { lv: 'PNG 3840 × 2160', en: 'PNG 3840 × 2160' },
  allScenes: { lv: 'Visas ainas (ZIP ar PNG)', en: 'All scenes (ZIP of PNGs)' },
  working: { lv: 'Gatavo attēlu…', en: 'Making the picture…' },
  workingScenes: { lv: 'Gatavo ainu', en: 'Making scene' },
  done: WORDS.done,
  downloadAgain: { lv: 'Lejupielādēt vēlreiz', en: 'Download again' },
  scaledUp: {
    lv: 'Šī ierīce karti var zīmēt tikai līdz {w} × {h}: tā palielināta līdz attēla izmēram.',
    en: 'This device can draw the map only up to {w} × {h}: it was enlarged to the picture size.',
  },
  failed: { lv: 'Eksports neizdevās', en: 'The export failed' },
  preview: { lv: 'Eksportētā attēla priekšskatījums', en: 'Preview of the exported picture' },
  link: { lv: 'Saite', en: 'Link' },
  linkTo: { lv: 'Saite uz', en: 'Link to' },
  thisView: { lv: 'šo skatu', en: 'this view' },
  scene: { lv: 'aina', en: 'scene' },
  copy: { lv: 'Kopēt', en: 'Copy' },
  copied: { lv: 'Nokopēts', en: 'Copied' },
  showQr: { lv: 'Rādīt QR kodu', en: 'Show QR code' },
  qrOf: { lv: 'QR kods saitei', en: 'QR code of the link' },
  downloadQr: { lv: 'Lejupielādēt QR (SVG)', en: 'Download QR (SVG)' },
  offline: { lv: 'Bez tīkla', en: 'Offline' },
  preflight: { lv: 'Pārbaude pirms uzstāšanās', en: 'Pre-flight check' },
  preflightIntro: {
    lv: 'Vai viss kartei vajadzīgais ir šajā pārlūkā, lai tā darbotos bez tīkla?',
    en: 'Is everything the map needs stored in this browser, so that it works with no network?',
  },
  swActive: { lv: 'Bezsaistes režīms darbojas: lapu apkalpo servisa darbinieks.', en: 'Offline mode is on: a service worker serves the page.' },
  swInstalling: { lv: 'Bezsaistes režīms tiek sagatavots… Pagaidiet un pārbaudiet vēlreiz.', en: 'Offline mode is being set up… Wait and check again.' },
  swNone: {
    lv: 'Bezsaistes režīms nav ieslēgts (izstrādes serveris vai pārlūks bez servisa darbiniekiem).',
    en: 'Offline mode is not on (a development server, or a browser without service workers).',
  },
  allReady: { lv: 'Viss gatavs darbam bez tīkla', en: 'Everything is ready to work offline' },
  missingCount: { lv: 'Trūkst failu: {n}. Atveriet lapu ar tīklu un pārbaudiet vēlreiz.', en: 'Files missing: {n}. Open the page with a network and check again.' },
  ready: { lv: 'gatavs', en: 'ready' },
  missing: { lv: 'trūkst', en: 'missing' },
  checkAgain: { lv: 'Pārbaudīt vēlreiz', en: 'Check again' },
  checking: { lv: 'Pārbauda…', en: 'Checking…' },
  group_page: { lv: 'Lapa', en: 'Page' },
  group_app: { lv: 'Lietotne (JS, CSS)', en: 'App (JS, CSS)' },
  group_data: { lv: 'Dati', en: 'Data' },
  group_font: { lv: 'Fonti', en: 'Fonts' },
  group_worker: { lv: 'Kartes fona process', en: 'Map worker' },
  group_other: { lv: 'Citi', en: 'Other' },
  network: WORDS.network,
  online: { lv: 'ir', en: 'on' },
  offlineNow: { lv: 'nav', en: 'off' },
  close: WORDS.close,
} as const satisfies Record<string, Record<Lang, string>>;

export type TakeawayKey = keyof typeof STRINGS;

/** The take-away UI's text, with `{name}` placeholders filled from `vars`. */
export const tt = stringTable(STRINGS);
