import type { FieldId, LinkType } from './vocabulary.ts';
import type { Bilingual } from '../bilingual.ts';

/**
 * Every `link_type` wording of the two source tables and the type it is normalised to. The
 * English keys are `cooperation_links.csv`'s, the Latvian ones `cooperation_links_more.csv`'s.
 * In `cooperation_links.csv`, `network_membership` names only LLPA membership, a national
 * association of the state cities; international city networks come from the Latvian table as
 * "starptautiska … tīkla dalība". A wording missing here stops the pipeline at its line.
 */
export const SOURCE_LINK_TYPES: Readonly<Record<string, LinkType>> = {
  // cooperation_links.csv
  network_membership: 'membership',
  joint_project: 'joint_project',
  metropolitan_association: 'association_of_municipalities',
  public_transport_agreement: 'agreement',
  memorandum: 'agreement',
  passenger_rail: 'transport_link',
  international_rail: 'transport_link',
  // cooperation_links_more.csv
  'kopīgs attīstības plānošanas dokuments': 'joint_planning_document',
  'kopīgs civilās aizsardzības plāns': 'joint_planning_document',
  'kopīga speciālā ekonomiskā zona': 'joint_body',
  'apvienotā civilās aizsardzības komisija': 'joint_body',
  'LEADER/VRG teritorija': 'joint_body',
  'kopīga kapitālsabiedrība (slimnīca)': 'shared_company',
  'kopīga kapitālsabiedrība (slimnīca) – vēsturiska': 'shared_company',
  'kopīga kapitālsabiedrība (atkritumi, ZAAO)': 'shared_company',
  'reģionāls atkritumu poligons (pakalpojums)': 'shared_company',
  'nodomu protokols (EKG 2027)': 'agreement',
  'nodomu protokols (EKG 2027 īstenošana)': 'agreement',
  'memorands (EKG 2027)': 'agreement',
  'memorands (Rīgas metropoles areāls)': 'agreement',
  'saprašanās memorands': 'agreement',
  'URBACT IV projekts': 'joint_project',
  'URBACT IV projekts (PUMA)': 'joint_project',
  'URBACT IV projekts (PUMA, Liepāja – vadošais partneris)': 'joint_project',
  'URBACT III projekts': 'joint_project',
  'URBACT III pārneses tīkls (BluAct)': 'joint_project',
  'Interreg V-A LV-LT projekts (LLI-386 Trans-Form)': 'joint_project',
  'Latvijas–Lietuvas pārrobežu projekts (2007–2013)': 'joint_project',
  'attīstības sadarbības projekts': 'joint_project',
  'pieredzes apmaiņas vizīte': 'exchange_visit',
  'pieredzes apmaiņas vizīte (EEZ projekts)': 'exchange_visit',
  'starptautiska pilsētu tīkla dalība': 'network_membership',
  'starptautiska tīkla dalība': 'network_membership',
  eiroreģions: 'network_membership',
  'sadraudzības pilsēta': 'sister_city',
};

/**
 * The strategy fields named by a `field` cell of `cooperation_links_more.csv`, or undefined for an
 * unknown code. The cell starts with a code: F1…F5 are the strategy's fields; X (governance and
 * planning, "horizontāli") and "daudznozaru" (many sectors) name no single field and give none;
 * K (culture) is not an LLPA field and the cell itself says "tuvākā F4" (nearest F4), so it
 * gives F4.
 */
export function fieldsOfSource(cell: string): FieldId[] | undefined {
  const code = cell.trim().split(/\s/)[0] ?? '';
  if (/^F[1-5]$/.test(code)) return [code.toLowerCase() as FieldId];
  if (code === 'K') return ['f4'];
  if (code === 'X' || code === 'daudznozaru') return [];
  return undefined;
}

/**
 * Fields for a row of `cooperation_links.csv`, which has no field column: only transport (rail
 * lines, a public-transport agreement) gets one, F5, whose name includes mobility. Everything
 * else stays without a field.
 */
export function fieldsOfEnglishSourceType(sourceType: string): FieldId[] {
  return ['passenger_rail', 'international_rail', 'public_transport_agreement'].includes(sourceType) ? ['f5'] : [];
}

/** Countries whose partnerships were suspended in 2022 (confirmed for Jelgava's), per the data README. */
export const SUSPENDED_2022_COUNTRIES: ReadonlySet<string> = new Set(['RU', 'BY']);

const REASONS = {
  flagged: {
    lv: 'Avotā atzīmēts kā nedrošs vai datēts aptuveni (“c.” vai “≤”).',
    en: 'Marked as uncertain in the source, or dated approximately (“c.” or “≤”).',
  },
  unverified: {
    lv: 'Avotā norādīts, ka pašreizējais statuss nav pārbaudīts vai nav zināms.',
    en: 'The source says its current status has not been verified or is unknown.',
  },
  suspended: {
    lv: 'Sadarbība ar Krievijas vai Baltkrievijas pašvaldību: daudzas tādas 2022. gadā apturētas, un šīs statuss nav apstiprināts.',
    en: 'Partnership with a Russian or Belarusian municipality: many were suspended in 2022 and the status of this one is not confirmed.',
  },
} satisfies Record<string, Bilingual>;

/** What the uncertainty rules need to know about a source row. */
export interface UncertaintyInput {
  /** All cells of the row, joined: the source writes UNCERTAIN in the note and sometimes in a date. */
  row: string;
  note: string;
  type: LinkType;
  /** Country codes of the ends that are organisations or places abroad. */
  countries: string[];
  /** The row gives an end date. */
  hasEnd: boolean;
}

/**
 * Why a source row is uncertain, or undefined. The rules, in order:
 * 1. the row says UNCERTAIN anywhere, or its note says "c." or "≤" (the 55 rows of
 *    `cooperation_links_more.csv` the data README counts; "c." only before a year);
 * 2. its note says the current status or activity is not verified or not known;
 * 3. it is a sister-city link with a Russian or Belarusian partner and no end date: such
 *    partnerships must not be presented as current (a documented suspension gives an end
 *    date instead, e.g. Jelgava–Magadan ended 2022).
 */
export function uncertaintyOf(input: UncertaintyInput): Bilingual | undefined {
  const reasons: Bilingual[] = [];
  if (/UNCERTAIN/.test(input.row) || /(^|[\s(])c\.\s*\d|≤/.test(input.note)) reasons.push(REASONS.flagged);
  if (/(statuss|darbība)( pēc 2022)? nav (pārbaudīts|pārbaudīta|zināms)/i.test(input.note)) reasons.push(REASONS.unverified);
  if (input.type === 'sister_city' && !input.hasEnd && input.countries.some((c) => SUSPENDED_2022_COUNTRIES.has(c))) {
    reasons.push(REASONS.suspended);
  }
  if (reasons.length === 0) return undefined;
  return { lv: reasons.map((r) => r.lv).join(' '), en: reasons.map((r) => r.en).join(' ') };
}
