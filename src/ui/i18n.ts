import type { Lang } from '../domain/format.ts';

const STRINGS = {
  title: { lv: 'Latvijas valstspilsētas', en: "Latvia's state cities" },
  subtitle: { lv: 'Latvijas Lielo pilsētu asociācija', en: 'Latvian Association of Large Cities' },
  language: { lv: 'Valoda', en: 'Language' },
  switchTo: { lv: 'English', en: 'Latviski' },
  switchToLabel: { lv: 'Switch to English', en: 'Pārslēgt uz latviešu valodu' },
  close: { lv: 'Aizvērt', en: 'Close' },
  stateCity: { lv: 'valstspilsēta', en: 'state city' },
  novads: { lv: 'novads', en: 'municipality (novads)' },
  cityInNovads: { lv: 'valstspilsēta novadā', en: 'state city within a municipality' },
  area: { lv: 'Platība', en: 'Area' },
  areaComputed: {
    lv: 'aprēķināta no robežām (elipsoīda laukums; amCharts 2021 robežas, dalījums uz 01.07.2025.)',
    en: 'computed from the boundaries (ellipsoidal area; amCharts 2021 boundaries, division of 1 July 2025)',
  },
  areaComputedShort: { lv: 'aprēķināta no robežām', en: 'computed from boundaries' },
  noCityOutline: {
    lv: 'Pilsētai nav savas robežas šajos datos: tā ir daļa no novada.',
    en: 'The city has no outline of its own in these data: it is part of its novads.',
  },
  population: { lv: 'Iedzīvotāji', en: 'Residents' },
  region: { lv: 'Plānošanas reģions', en: 'Planning region' },
  liesIn: { lv: 'Atrodas', en: 'Lies in' },
  containsCity: { lv: 'Ietver valstspilsētu', en: 'Contains the state city' },
  indicators: { lv: 'Rādītāji', en: 'Indicators' },
  noData: { lv: 'nav datu', en: 'no data' },
  noDataExplained: {
    lv: 'Nav datu: avotā šim gadam nav vērtības',
    en: 'No data: the source has no value for this year',
  },
  source: { lv: 'Avots', en: 'Source' },
  computed: { lv: 'aprēķināts', en: 'computed' },
  legendMethodQuantile: { lv: 'kvantiļu klases', en: 'quantile classes' },
  legendMethodEqual: { lv: 'vienādi intervāli', en: 'equal intervals' },
  legendMethodCkmeans: { lv: 'dabiskās robežas (ckmeans)', en: 'natural breaks (ckmeans)' },
  legend: { lv: 'Leģenda', en: 'Legend' },
  showLegend: { lv: 'Rādīt leģendu', en: 'Show legend' },
  hideLegend: { lv: 'Slēpt leģendu', en: 'Hide legend' },
  loading: { lv: 'Ielādē karti…', en: 'Loading the map…' },
  errorTitle: { lv: 'Karti neizdevās atvērt', en: 'The map could not be opened' },
  errorData: { lv: 'Neizdevās ielādēt datu failu', en: 'A data file failed to load' },
  errorWebgl: {
    lv: 'Šī pārlūkprogramma vai ierīce neatbalsta WebGL, kas vajadzīgs kartei. Mēģiniet citu pārlūku vai ieslēdziet aparatūras paātrinājumu.',
    en: 'This browser or device does not support WebGL, which the map needs. Try another browser or turn on hardware acceleration.',
  },
  retry: { lv: 'Mēģināt vēlreiz', en: 'Try again' },
  mapHint: {
    lv: 'Bultiņas pārvieto karti, + un − tuvina',
    en: 'Arrow keys pan the map, + and − zoom',
  },
  cities: { lv: 'Valstspilsētas', en: 'State cities' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/** The UI text for a key in the given language. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

/** "1 unit", "8 units"; Latvian uses the abbreviation "vien." for any count. */
export function unitCount(n: number, lang: Lang): string {
  return lang === 'lv' ? `${n} vien.` : `${n} ${n === 1 ? 'unit' : 'units'}`;
}

/** Both languages at once, Latvian first: for messages shown before or regardless of the choice. */
export function bilingual(key: StringKey): { lv: string; en: string } {
  return STRINGS[key];
}
