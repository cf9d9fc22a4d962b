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
  legendMethodManual: { lv: 'manuālas robežas', en: 'manual breaks' },
  indicator: { lv: 'Rādītājs', en: 'Indicator' },
  dimension_social: { lv: 'Sociālā dimensija', en: 'Social dimension' },
  dimension_economic: { lv: 'Ekonomiskā dimensija', en: 'Economic dimension' },
  dimension_environmental: { lv: 'Vides dimensija', en: 'Environmental dimension' },
  year: { lv: 'Gads', en: 'Year' },
  play: { lv: 'Atskaņot gadus', en: 'Play the years' },
  pause: { lv: 'Apturēt', en: 'Pause' },
  latestYear: { lv: 'jaunākais', en: 'latest' },
  classification: { lv: 'Klasifikācija', en: 'Classification' },
  method: { lv: 'Metode', en: 'Method' },
  classCount: { lv: 'Klašu skaits', en: 'Classes' },
  palette: { lv: 'Krāsas', en: 'Colours' },
  palette_blues: { lv: 'zilas', en: 'blues' },
  palette_greens: { lv: 'zaļas', en: 'greens' },
  palette_oranges: { lv: 'oranžas', en: 'oranges' },
  palette_purples: { lv: 'violetas', en: 'purples' },
  palette_puor: { lv: 'diverģējoša: oranža–violeta', en: 'diverging: orange–purple' },
  palette_brbg: { lv: 'diverģējoša: brūna–zili zaļa', en: 'diverging: brown–teal' },
  palette_rdbu: { lv: 'diverģējoša: sarkana–zila', en: 'diverging: red–blue' },
  midpoint: { lv: 'Viduspunkts', en: 'Midpoint' },
  midpointZero: { lv: 'nulle', en: 'zero' },
  midpointNational: { lv: 'Latvijas vērtība', en: "Latvia's value" },
  sameBreaks: { lv: 'Vienādas robežas visos gados', en: 'Same breaks in every year' },
  manualBreaks: { lv: 'Robežas (atdalītas ar semikolu)', en: 'Breaks (separated by semicolons)' },
  manualBreaksInvalid: { lv: 'Robežām jābūt skaitļiem, atdalītiem ar semikolu', en: 'Breaks must be numbers separated by semicolons' },
  national: { lv: 'Latvijā', en: 'Latvia' },
  legendHint: { lv: 'Norādiet klasi, lai izceltu tās vienības; klikšķis patur tikai tās.', en: 'Point at a class to bring out its units; click to keep only those.' },
  showAll: { lv: 'Rādīt visas', en: 'Show all' },
  table: { lv: 'Tabula', en: 'Table' },
  tableTitle: { lv: 'Kartē rādītie dati', en: 'The data shown on the map' },
  downloadCsv: { lv: 'Lejupielādēt CSV', en: 'Download CSV' },
  municipality: { lv: 'Pašvaldība', en: 'Municipality' },
  value: { lv: 'Vērtība', en: 'Value' },
  class: { lv: 'Klase', en: 'Class' },
  sortBy: { lv: 'Kārtot pēc', en: 'Sort by' },
  rankOf: { lv: 'vieta starp valstspilsētām', en: 'rank among the state cities' },
  compareWith: { lv: 'Salīdzināt ar', en: 'Compare with' },
  noComparison: { lv: '— nesalīdzināt —', en: '— no comparison —' },
  cityProfile: { lv: 'Pilsētas profils', en: 'City profile' },
  places: { lv: 'Vietas', en: 'Places' },
  dismiss: { lv: 'Aizvērt paziņojumu', en: 'Dismiss the notice' },
  keyFacts: { lv: 'Galvenie fakti', en: 'Key facts' },
  keyFactsTitle: { lv: 'Valstspilsētas Latvijā', en: 'The state cities in Latvia' },
  shareOfArea: { lv: 'Daļa no Latvijas platības', en: "Share of Latvia's area" },
  shareOfResidents: { lv: 'Daļa no Latvijas iedzīvotājiem', en: "Share of Latvia's residents" },
  shareOfGdp: { lv: 'Daļa no Latvijas IKP', en: "Share of Latvia's GDP" },
  sevenCities: {
    lv: '7 valstspilsētas ar savu teritoriju; Valmiera, Jēkabpils un Ogre ir savu novadu daļa un šajos datos tām nav robežu, tāpēc tās nav ieskaitītas.',
    en: '7 state cities with their own territory; Valmiera, Jēkabpils and Ogre are part of their novadi and have no outline in these data, so they are not counted.',
  },
  areaShareHow: { lv: 'Aprēķināts no robežām (elipsoīda laukums, amCharts 2021)', en: 'Computed from the boundaries (ellipsoidal area, amCharts 2021)' },
  residentsShareHow: { lv: 'Aprēķināts: iedzīvotāji 1. janvārī, visu pašvaldību summa', en: 'Computed: residents on 1 January, summed over all municipalities' },
  otherYear: { lv: 'cita gada vērtība', en: 'figure of another year' },
  gdpShareMissing: {
    lv: 'Nav aprēķināms: dati satur IKP uz iedzīvotāju pilsētām un IKP daļu tikai statistiskajiem reģioniem.',
    en: 'Cannot be computed: the data hold GDP per capita for the cities and GDP shares for statistical regions only.',
  },
  strategySays: { lv: 'Stratēģija norāda', en: 'The strategy states' },
  stateCityHeading: { lv: 'Valstspilsēta', en: 'State city' },
  symbolsProportional: {
    lv: 'Rādītājs ir tikai valstspilsētām: apļa laukums atbilst vērtībai, krāsa — klasei.',
    en: 'Published for the state cities only: circle area is proportional to the value, colour shows the class.',
  },
  symbolsGraduated: {
    lv: 'Rādītājs ir tikai valstspilsētām: apļa krāsa rāda klasi.',
    en: 'Published for the state cities only: circle colour shows the class.',
  },
  placesHint: { lv: 'Bultiņas izvēlas, Enter atver', en: 'Arrow keys choose, Enter opens' },
  municipalities: { lv: 'Pašvaldības', en: 'Municipalities' },
  announceSelected: { lv: 'Atlasīts', en: 'Selected' },
  announceCleared: { lv: 'Atlase notīrīta', en: 'Selection cleared' },
  announceIndicator: { lv: 'Kartē', en: 'Mapped' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/** The UI text for a key in the given language. */
export function t(lang: Lang, key: StringKey): string {
  return STRINGS[key][lang];
}

/** "1 unit", "8 units" (or cities); Latvian uses the abbreviations "vien." and "pils.". */
export function unitCount(n: number, lang: Lang, cities = false): string {
  if (cities) return lang === 'lv' ? `${n} pils.` : `${n} ${n === 1 ? 'city' : 'cities'}`;
  return lang === 'lv' ? `${n} vien.` : `${n} ${n === 1 ? 'unit' : 'units'}`;
}

/** Both languages at once, Latvian first: for messages shown before or regardless of the choice. */
export function bilingual(key: StringKey): { lv: string; en: string } {
  return STRINGS[key];
}
