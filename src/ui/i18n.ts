import type { Lang } from '../domain/format.ts';

const STRINGS = {
  title: { lv: 'Latvijas valstspilsētas', en: "Latvia's state cities" },
  subtitle: { lv: 'Latvijas Lielo pilsētu asociācija', en: 'Latvian Association of Large Cities' },
  language: { lv: 'Valoda', en: 'Language' },
  switchTo: { lv: 'English', en: 'Latviski' },
  close: { lv: 'Aizvērt', en: 'Close' },
  stateCity: { lv: 'valstspilsēta', en: 'state city' },
  novads: { lv: 'novads', en: 'municipality (novads)' },
  cityInNovads: { lv: 'valstspilsēta novadā', en: 'state city within a municipality' },
  area: { lv: 'Platība', en: 'Area' },
  areaComputed: {
    lv: 'aprēķināta no robežām (elipsoīda laukums; amCharts 2021 robežas)',
    en: 'computed from the boundaries (ellipsoidal area; amCharts 2021 boundaries)',
  },
  population: { lv: 'Iedzīvotāji', en: 'Residents' },
  region: { lv: 'Plānošanas reģions', en: 'Planning region' },
  liesIn: { lv: 'Atrodas', en: 'Lies in' },
  containsCity: { lv: 'Ietver valstspilsētu', en: 'Contains the state city' },
  cityFacts: { lv: 'Pilsēta', en: 'City' },
  unitFacts: { lv: 'Pašvaldība', en: 'Municipality' },
  noData: { lv: 'nav datu', en: 'no data' },
  noDataExplained: {
    lv: 'Nav datu: avotā šai vienībai nav vērtības',
    en: 'No data: the source has no value for this unit',
  },
  source: { lv: 'Avots', en: 'Source' },
  year: { lv: 'gads', en: 'year' },
  computed: { lv: 'aprēķināts', en: 'computed' },
  legendMethodQuantile: { lv: 'kvantiļu klases', en: 'quantile classes' },
  legendMethodEqual: { lv: 'vienādi intervāli', en: 'equal intervals' },
  legendMethodCkmeans: { lv: 'dabiskās robežas (ckmeans)', en: 'natural breaks (ckmeans)' },
  units: { lv: 'vienības', en: 'units' },
  loading: { lv: 'Ielādē karti…', en: 'Loading the map…' },
  errorTitle: { lv: 'Karti neizdevās atvērt', en: 'The map could not be opened' },
  errorData: { lv: 'Neizdevās ielādēt datu failu', en: 'A data file failed to load' },
  errorWebgl: {
    lv: 'Šī pārlūkprogramma vai ierīce neatbalsta WebGL, kas vajadzīgs kartei. Mēģiniet citu pārlūku vai ieslēdziet aparatūras paātrinājumu.',
    en: 'This browser or device does not support WebGL, which the map needs. Try another browser or turn on hardware acceleration.',
  },
  retry: { lv: 'Mēģināt vēlreiz', en: 'Try again' },
  mapLabel: {
    lv: 'Latvijas pašvaldību un valstspilsētu karte. Bultiņas pārvieto, + un − tuvina.',
    en: 'Map of Latvian municipalities and state cities. Arrow keys pan, + and − zoom.',
  },
  cities: { lv: 'Valstspilsētas', en: 'State cities' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/** The UI text for a key in the given language. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}
