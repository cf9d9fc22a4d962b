import type { Lang } from '../../domain/format.ts';
import type { Bilingual } from '../../domain/links/vocabulary.ts';

const STRINGS = {
  section: { lv: 'Sadarbība', en: 'Cooperation' },
  show: { lv: 'Rādīt saites kartē', en: 'Show links on the map' },
  colourBy: { lv: 'Krāsa pēc', en: 'Colour by' },
  byField: { lv: 'jomas', en: 'field' },
  byType: { lv: 'veida', en: 'type' },
  type: { lv: 'Veids', en: 'Type' },
  field: { lv: 'Joma', en: 'Field' },
  fields: { lv: 'Jomas', en: 'Fields' },
  dimension: { lv: 'Dimensija', en: 'Dimension' },
  all: { lv: 'visi', en: 'all' },
  periodFrom: { lv: 'No', en: 'From' },
  periodTo: { lv: 'Līdz', en: 'To' },
  includeUncertain: { lv: 'Arī nedrošās saites', en: 'Include uncertain links' },
  noField: { lv: 'joma nav norādīta', en: 'no field given' },
  uncertain: { lv: 'nedroša (raustīta līnija)', en: 'uncertain (dashed)' },
  uncertainShort: { lv: 'nedroša', en: 'uncertain' },
  directed: { lv: 'ar virzienu (bulta)', en: 'directed (arrow)' },
  nodeSize: { lv: 'aplis ap vietu — jo lielāks, jo vairāk saišu', en: 'ring around a place — larger with more links' },
  shownCount: { lv: 'kartē', en: 'on the map' },
  notDrawn: { lv: 'bez vietas kartē (ārvalstīs)', en: 'not on the map (abroad)' },
  focusHint: { lv: 'Izvēlieties pilsētu vai nospiediet tās ciparu 1–0, lai izceltu tās saites.', en: 'Select a city or press its number 1–0 to bring out its links.' },
  linksOf: { lv: 'Saites', en: 'Links of' },
  model: { lv: 'Modelis', en: 'Model' },
  modelShow: { lv: 'Modelis: gravitācijas potenciāls starp pilsētām', en: 'Model: gravity potential between the cities' },
  modelTop: { lv: 'Lielākie pāri', en: 'Top pairs' },
  modelNote: {
    lv: 'MODELIS, nevis dokumentēta saite: P_i·P_j/d² (pilsētu iedzīvotāji, attālums taisnā līnijā km). Rāda, kur sadarbībai varētu būt lielākā nozīme.',
    en: 'A MODEL, not a documented link: P_i·P_j/d² (city residents, straight-line distance in km). It suggests where cooperation could matter most.',
  },
  modelYear: { lv: 'iedzīvotāji', en: 'residents' },
  commuting: { lv: 'Svārstmigrācija', en: 'Commuting' },
  commutingShow: { lv: 'Darbaspēka plūsmas uz pilsētām (CSP)', en: 'Commuters’ flows into the cities (CSP)' },
  commutingNote: {
    lv: 'Nodarbinātie, kas dzīvo vienā pašvaldībā un strādā valstspilsētā; {top} lielākās plūsmas, līnijas platums — pēc skaita. Mērījums, nevis dokumentēta sadarbība.',
    en: 'Employed persons living in one municipality and working in a state city; the {top} largest flows, line width by number. A measurement, not a documented cooperation.',
  },
  commutingMissing: {
    lv: 'CSP svārstmigrācijas dati (data.gov.lv “tea”) šajā kartes versijā nav iekļauti. Tos pievieno ar tīklu: npm run data:update, tad npm run geodata (sk. README).',
    en: 'CSP’s commuting data (data.gov.lv “tea”) are not in this version of the map. They are added online: npm run data:update, then npm run geodata (see the README).',
  },
  potential: { lv: 'potenciāls', en: 'potential' },
  period: { lv: 'Periods', en: 'Period' },
  open: { lv: 'nav norādīts', en: 'not given' },
  sources: { lv: 'Avoti', en: 'Sources' },
  description: { lv: 'Apraksts', en: 'Description' },
  note: { lv: 'Piezīme', en: 'Note' },
  why: { lv: 'Kāpēc nedroša', en: 'Why uncertain' },
  otherLang: { lv: '(tikai angliski)', en: '(in Latvian only)' },
  edit: { lv: 'Labot', en: 'Edit' },
  delete: { lv: 'Dzēst', en: 'Delete' },
  add: { lv: 'Pievienot saiti', en: 'Add a link' },
  editTitle: { lv: 'Saites labošana', en: 'Edit link' },
  addTitle: { lv: 'Jauna saite', en: 'New link' },
  from: { lv: 'No', en: 'From' },
  to: { lv: 'Uz', en: 'To' },
  pick: { lv: 'Izvēlēties kartē', en: 'Pick on the map' },
  picking: { lv: 'Noklikšķiniet uz pilsētas vai novada…', en: 'Click a city or municipality…' },
  choose: { lv: '— izvēlieties —', en: '— choose —' },
  groupCities: { lv: 'Valstspilsētas', en: 'State cities' },
  groupUnits: { lv: 'Pašvaldības', en: 'Municipalities' },
  groupOrgs: { lv: 'Organizācijas un vietas', en: 'Organisations and places' },
  isDirected: { lv: 'Ar virzienu (no → uz)', en: 'Directed (from → to)' },
  isUncertain: { lv: 'Nedroša', en: 'Uncertain' },
  descLv: { lv: 'Apraksts latviski', en: 'Description in Latvian' },
  descEn: { lv: 'Apraksts angliski', en: 'Description in English' },
  sourceUrl: { lv: 'Avota adrese', en: 'Source address' },
  dateHint: { lv: 'GGGG, GGGG-MM vai GGGG-MM-DD', en: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  yearPlaceholder: { lv: 'GGGG', en: 'YYYY' },
  save: { lv: 'Saglabāt', en: 'Save' },
  cancel: { lv: 'Atcelt', en: 'Cancel' },
  undo: { lv: 'Atsaukt pēdējo izmaiņu', en: 'Undo last change' },
  exportCsv: { lv: 'Eksportēt CSV', en: 'Export CSV' },
  exportGeoJson: { lv: 'Eksportēt GeoJSON', en: 'Export GeoJSON' },
  import: { lv: 'Importēt saites (CSV vai GeoJSON)', en: 'Import links (CSV or GeoJSON)' },
  imported: { lv: 'Importētas saites', en: 'Links imported' },
  rejected: { lv: 'Fails noraidīts, saites nav mainītas:', en: 'File rejected, the links are unchanged:' },
  line: { lv: 'rinda', en: 'line' },
  feature: { lv: 'objekts', en: 'feature' },
  reset: { lv: 'Atjaunot piegādātās saites', en: 'Reset to the shipped links' },
  resetConfirm: {
    lv: 'Visas jūsu izmaiņas saitēs tiks zaudētas. Vispirms eksportēt tās?',
    en: 'All your changes to the links will be lost. Export them first?',
  },
  resetNow: { lv: 'Atjaunot', en: 'Reset' },
  edited: { lv: 'Saites ir labotas (saglabātas šajā pārlūkā).', en: 'The links are edited (kept in this browser).' },
  count: { lv: 'saites', en: 'links' },
  deleteConfirm: { lv: 'Dzēst šo saiti?', en: 'Delete this link?' },
} satisfies Record<string, Bilingual>;

export type LinkStringKey = keyof typeof STRINGS;

/** A string of the links UI in the language. */
export const lt = (lang: Lang, key: LinkStringKey): string => STRINGS[key][lang];

/** A bilingual text in the language, or the other language's with a remark when this one is empty. */
export function textIn(text: Bilingual, lang: Lang): string {
  const own = text[lang].trim();
  if (own) return own;
  const other = text[lang === 'lv' ? 'en' : 'lv'].trim();
  return other ? `${other} ${lt(lang, 'otherLang')}` : '';
}
