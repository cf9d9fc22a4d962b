import type { CsvRecord } from '../csv.ts';
import { restoreCsvText } from '../csvWrite.ts';
import { own } from '../own.ts';

/**
 * How a unit belongs to a city: `city` is the state city's own unit (Rīga, Daugavpils, Jelgava,
 * Jūrmala, Liepāja, Rēzekne, Ventspils), `hinterland` any other unit assigned to it. Valmieras,
 * Jēkabpils and Ogres novads are `hinterland` of the city inside them: by municipality those three
 * cities have no unit of their own (by territorial unit their town is their `city` unit).
 */
export type AssignmentRole = 'city' | 'hinterland';

/** One row of `geodata/inputs/hinterland_assignment.csv`: a unit and the city it belongs to, if any. */
export interface UnitAssignment {
  /** CSP area code of the unit. */
  code: string;
  /** The unit's name as written in the file, for people reading it; not checked. */
  name: string;
  /** The city id (`riga`), or null when the unit belongs to no city. */
  cityId: string | null;
  /** Null exactly when `cityId` is null. */
  role: AssignmentRole | null;
  /** Why the unit belongs where it does, in both languages (either may be '' in a file written in one). */
  reason: LocalisedText;
  source: string;
}

/** The rows of an assignment in file order; every unit appears once (a partition of the map). */
export type HinterlandAssignment = readonly UnitAssignment[];

/** A reason in both languages, for the UI and for a person fixing the file. */
export interface LocalisedText {
  lv: string;
  en: string;
}

/** A problem at a physical line of the file (1 is the header; 0 is the file as a whole). */
export interface AssignmentError {
  line: number;
  reason: LocalisedText;
}

export type AssignmentParseResult = { ok: true; assignment: HinterlandAssignment } | { ok: false; errors: AssignmentError[] };

/** The columns of the file, in the order `assignmentToCsv` writes them. */
export const ASSIGNMENT_COLUMNS = ['municipality_code', 'municipality_name', 'city_id', 'role', 'reason_lv', 'reason_en', 'source'] as const;

/** The reasons the computed definitions give (gravity, FUA, commuting, parishes), in both languages. */
export const REASONS = {
  none: { lv: '', en: '' },
  ownTerritory: { lv: 'pilsētas pašas teritorija', en: 'the city’s own territory' },
  ownTerritorialUnit: { lv: 'pilsētas pašas teritoriālā vienība', en: 'the city’s own territorial unit' },
} as const satisfies Record<string, LocalisedText>;

/**
 * The one reason column of files written before reasons had both languages (exports and the
 * edits this browser saved then): read in place of `reason_lv` and `reason_en`, as English, the
 * language those files wrote it in.
 */
const LEGACY_REASON = 'reason';
const EDITED = /^changed in the map on (\d{4})-(\d{2})-(\d{2})$/;

/** The reason an edit on the map gives a unit, dated (ISO `yyyy-mm-dd`). */
export function editedReason(date: string): LocalisedText {
  const [y, m, d] = date.split('-');
  return { lv: `mainīts kartē ${d}.${m}.${y}.`, en: `changed in the map on ${date}` };
}

/** A reason of the legacy one-column form: an edit's date is recognised, anything else is English. */
function legacyReason(text: string): LocalisedText {
  const edited = EDITED.exec(text.trim());
  return edited ? editedReason(`${edited[1]}-${edited[2]}-${edited[3]}`) : { lv: '', en: text };
}

export const assignmentError = (line: number, lv: string, en: string): AssignmentError => ({ line, reason: { lv, en } });

/**
 * Reads a hinterland assignment from its CSV rows (`assignmentCsv.ts` parses the text; the shipped
 * file is parsed at build time) and checks it against the units of the current map and the known
 * city ids. Every unit must be listed exactly once; `city_id` empty means unassigned; `role` is
 * `city` or `hinterland` for an assigned unit and empty otherwise; a city has at most one `city`
 * unit; a column named twice refuses the file. All problems are reported, each with its line and
 * a reason in Latvian and English; with any problem no assignment is returned, so bad input never
 * yields a partial map. A cell that `assignmentToCsv` neutralised as a formula ("'=…") is read as
 * the text it was ("=…"); cells are read as own properties, so no column name is behaviour.
 */
export function readAssignment(
  parsed: { header: string[]; records: CsvRecord[]; duplicates?: readonly string[] },
  knownUnitCodes: Iterable<string>,
  knownCityIds: Iterable<string>,
): AssignmentParseResult {
  // A column named twice would leave which cell counts to the order of the columns.
  const twice = (parsed.duplicates ?? []).filter((c) => (ASSIGNMENT_COLUMNS as readonly string[]).includes(c) || c === LEGACY_REASON);
  if (twice.length > 0) return { ok: false, errors: [assignmentError(1, `Kolonnas nosauktas divreiz: ${twice.join(', ')}`, `Column(s) named twice: ${twice.join(', ')}`)] };
  const legacy = parsed.header.includes(LEGACY_REASON) && !parsed.header.includes('reason_lv') && !parsed.header.includes('reason_en');
  const missing = ASSIGNMENT_COLUMNS.filter((c) => !parsed.header.includes(c) && !(legacy && (c === 'reason_lv' || c === 'reason_en')));
  if (missing.length > 0) {
    const list = missing.join(', ');
    return { ok: false, errors: [assignmentError(1, `Trūkst kolonnas: ${list}`, `Missing column(s): ${list}`)] };
  }
  const units = new Set(knownUnitCodes);
  const cities = new Set(knownCityIds);
  const errors: AssignmentError[] = [];
  const firstLineOf = new Map<string, number>();
  const cityUnitLineOf = new Map<string, number>();
  const rows: UnitAssignment[] = [];
  for (const { line, values } of parsed.records) {
    // Own cells only: a column is data, whatever its name.
    const cell = (column: (typeof ASSIGNMENT_COLUMNS)[number] | typeof LEGACY_REASON) => {
      const value = own(values, column);
      return restoreCsvText(typeof value === 'string' ? value : '');
    };
    const code = cell('municipality_code').trim();
    const cityId = cell('city_id').trim();
    const role = cell('role').trim();
    if (!units.has(code)) errors.push(assignmentError(line, `Nezināma teritoriālā vienība "${code}"`, `Unknown unit "${code}"`));
    const first = firstLineOf.get(code);
    if (first !== undefined) errors.push(assignmentError(line, `Vienība ${code} jau norādīta ${first}. rindā`, `Unit ${code} listed twice (first on line ${first})`));
    else firstLineOf.set(code, line);
    if (cityId !== '' && !cities.has(cityId)) errors.push(assignmentError(line, `Nezināma pilsēta "${cityId}"`, `Unknown city "${cityId}"`));
    if (cityId === '' && role !== '') errors.push(assignmentError(line, `Loma "${role}" vienībai bez pilsētas`, `Role "${role}" given for a unit without a city`));
    if (cityId !== '' && role !== 'city' && role !== 'hinterland') {
      errors.push(assignmentError(line, `Lomai jābūt "city" vai "hinterland", nevis "${role}"`, `Role must be "city" or "hinterland", not "${role}"`));
    }
    if (cityId !== '' && role === 'city') {
      const prev = cityUnitLineOf.get(cityId);
      if (prev !== undefined) errors.push(assignmentError(line, `Pilsētai ${cityId} jau ir sava vienība ${prev}. rindā`, `City ${cityId} already has its own unit on line ${prev}`));
      else cityUnitLineOf.set(cityId, line);
    }
    rows.push({
      code,
      name: cell('municipality_name'),
      cityId: cityId === '' ? null : cityId,
      role: cityId === '' ? null : (role as AssignmentRole),
      reason: legacy ? legacyReason(cell(LEGACY_REASON)) : { lv: cell('reason_lv'), en: cell('reason_en') },
      source: cell('source'),
    });
  }
  const absent = [...units].filter((c) => !firstLineOf.has(c));
  if (absent.length > 0) {
    const list = absent.join(', ');
    errors.push(assignmentError(0, `Failā nav vienību: ${list}`, `Unit(s) not listed: ${list}`));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, assignment: rows };
}

/** The unit codes assigned to a city (its own unit first, then its hinterland in file order). */
export function unitsOfCity(assignment: HinterlandAssignment, cityId: string): string[] {
  const mine = assignment.filter((a) => a.cityId === cityId);
  return [...mine.filter((a) => a.role === 'city'), ...mine.filter((a) => a.role !== 'city')].map((a) => a.code);
}

/** The city ids of an assignment in order of first appearance. */
export function assignedCities(assignment: HinterlandAssignment): string[] {
  return [...new Set(assignment.flatMap((a) => (a.cityId === null ? [] : [a.cityId])))];
}
