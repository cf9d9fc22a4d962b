import { completeYearNote, latestCompleteYear, type Observation } from '../indicators.ts';
import { cityGeoId, type MunicipalityProps } from '../units.ts';
import { assignedCities, type HinterlandAssignment, type LocalisedText } from './assignment.ts';

/** What the aggregates need of a unit. */
export type AggregateUnit = Pick<MunicipalityProps, 'code' | 'nameLv' | 'nameEn' | 'areaKm2' | 'containsCity'>;

/**
 * One computed figure with its provenance: the reference year of the observations (null for an
 * area, which comes from the boundaries), the indexes into `IndicatorData.sources` and the geo ids
 * it was computed from, and a note that says how it was computed or why there is no value.
 */
export interface Figure {
  value: number | null;
  year: string | null;
  sources: number[];
  inputs: string[];
  note: LocalisedText;
}

/** Totals of a set of units. */
export interface AreaAggregate {
  units: string[];
  areaKm2: Figure;
  residents: Figure;
  densityPerKm2: Figure;
  shareOfLatviaResidents: Figure;
  shareOfLatviaArea: Figure;
}

/** Totals of a city and its hinterland together, and the city's share of their residents. */
export interface CityAggregate extends AreaAggregate {
  cityId: string;
  cityShareOfResidents: Figure;
  /** The area of the city's own outline (its core), when that core is part of this hinterland. */
  coreAreaKm2: Figure;
  /** The area of the rest: the whole less the core (for Valmiera, Jēkabpils and Ogre, the rest of their novads and beyond). */
  restAreaKm2: Figure;
}

export interface HinterlandAggregates {
  /** The year of residents of the cities' and hinterlands' own figures (the latest one in the data unless chosen). */
  year: string | null;
  /**
   * The year of every share of Latvia and of Latvia's own totals: the latest year with a figure for
   * every unit (a share's numerator and denominator are of one year), with why when it is earlier.
   */
  shareYear: string | null;
  shareYearNote: LocalisedText | null;
  cities: CityAggregate[];
  unassigned: AreaAggregate | null;
  latvia: AreaAggregate;
}

const RESIDENTS = 'population_1jan';
const CITY_POPULATION = 'city_population';
/** The indicators the figures read (with area from the boundaries): their sources are the figures' sources. */
export const FIGURE_INPUT_INDICATORS: readonly string[] = [RESIDENTS, CITY_POPULATION];

const none = (year: string | null, lv: string, en: string): Figure => ({ value: null, year, sources: [], inputs: [], note: { lv, en } });
const sourcesOf = (obs: readonly Observation[]) => [...new Set(obs.map((o) => o.source))].sort((a, b) => a - b);

/** A ratio of two figures: no value unless both have one; provenance of both. */
function ratio(num: Figure, den: Figure, note: LocalisedText): Figure {
  if (num.value === null || den.value === null || den.value === 0) {
    return none(num.year ?? den.year, `Nav aprēķināms: ${num.value === null ? num.note.lv : den.note.lv}`, `Not computable: ${num.value === null ? num.note.en : den.note.en}`);
  }
  return { value: num.value / den.value, year: num.year ?? den.year, sources: [...new Set([...num.sources, ...den.sources])].sort((a, b) => a - b), inputs: [...new Set([...num.inputs, ...den.inputs])], note };
}

/**
 * Sums for a set of units and a year: area (the units' computed `areaKm2`), residents on 1 January
 * (only when every unit has that year: a missing unit means no value, never a filled one), density
 * and both shares of Latvia recomputed from those components. Observations of `city:<id>` are never
 * summed: Valmiera, Jēkabpils and Ogre are already counted in their novads.
 */
function aggregateUnits(units: readonly AggregateUnit[], byCode: Map<string, Observation>, latvia: { area: Figure; residents: Figure } | null, year: string | null): AreaAggregate {
  const codes = units.map((u) => u.code);
  const areaKm2: Figure = {
    value: Math.round(units.reduce((s, u) => s + u.areaKm2, 0) * 10) / 10,
    year: null,
    sources: [],
    inputs: codes,
    note: {
      lv: `Aprēķināts: ${units.length} vienību platību summa (no robežām aprēķināta elipsoīda platība)`,
      en: `Computed: sum of the areas of ${units.length} unit(s) (ellipsoidal area computed from the boundaries)`,
    },
  };
  const found = units.flatMap((u) => byCode.get(u.code) ?? []);
  const lacking = units.filter((u) => !byCode.has(u.code));
  const residents: Figure =
    year === null
      ? none(null, 'Nav datu par iedzīvotājiem', 'No data on residents')
      : lacking.length > 0
        ? none(year, `${lacking.map((u) => u.nameLv).join(', ')}: nav ${year}. gada iedzīvotāju skaita`, `${lacking.map((u) => u.nameEn).join(', ')}: no residents for ${year}`)
        : {
            value: found.reduce((s, o) => s + o.value, 0),
            year,
            sources: sourcesOf(found),
            inputs: codes,
            note: { lv: `Aprēķināts: ${units.length} vienību iedzīvotāju skaita summa, ${year}`, en: `Computed: sum of residents of ${units.length} unit(s), ${year}` },
          };
  const whole = latvia ?? { area: areaKm2, residents };
  return {
    units: codes,
    areaKm2,
    residents,
    densityPerKm2: ratio(residents, areaKm2, { lv: 'Aprēķināts: iedzīvotāji / platība', en: 'Computed: residents / area' }),
    shareOfLatviaResidents: ratio(residents, whole.residents, { lv: 'Aprēķināts: iedzīvotāji / Latvijas vienību iedzīvotāju summa', en: "Computed: residents / sum of Latvia's units' residents" }),
    shareOfLatviaArea: ratio(areaKm2, whole.area, { lv: 'Aprēķināts: platība / Latvijas vienību platību summa', en: "Computed: area / sum of Latvia's units' areas" }),
  };
}

/**
 * The city's residents over the residents of the city and its hinterland together. A city with its
 * own unit uses that unit's residents, one of the summands. A city inside its novads has no unit:
 * its residents count only if the data hold them for the same year and from the same source as its
 * novads' residents (a CSP city figure beside the CSP novads figure); the Wikipedia
 * `city_population` of another year and source is a different measure and gives no value.
 */
function cityShare(cityId: string, mine: HinterlandAssignment, units: Map<string, AggregateUnit>, byCode: Map<string, Observation>, observations: readonly Observation[], total: Figure, year: string | null): Figure {
  const note = { lv: 'Aprēķināts: pilsētas iedzīvotāji / pilsētas un tās apkārtnes iedzīvotāji', en: 'Computed: city residents / residents of the city and its hinterland' };
  const own = mine.find((a) => a.role === 'city');
  if (own) {
    const o = byCode.get(own.code);
    if (!o) return none(year, `Pilsētai nav ${year ?? ''}. gada iedzīvotāju skaita`, `The city has no residents for ${year ?? 'the year'}`);
    return ratio({ value: o.value, year: o.year, sources: [o.source], inputs: [own.code], note }, total, note);
  }
  const novads = mine.map((a) => units.get(a.code)).find((u) => u?.containsCity === cityId);
  const novadsObs = novads && byCode.get(novads.code);
  if (!novads || !novadsObs) return none(year, 'Nav novada, kurā pilsēta atrodas, iedzīvotāju skaita', 'No residents of the novads the city lies in');
  const cityObs = [RESIDENTS, CITY_POPULATION]
    .map((ind) => observations.find((o) => o.geo === cityGeoId(cityId) && o.indicator === ind && o.year === novadsObs.year && o.source === novadsObs.source))
    .find((o) => o !== undefined);
  if (!cityObs || cityObs.value > novadsObs.value) {
    return none(
      year,
      `Pilsēta ietilpst novadā (${novads.nameLv}); nav pilsētas iedzīvotāju skaita no tā paša avota par ${novadsObs.year}. gadu, tāpēc daļa nav aprēķināma`,
      `The city lies inside ${novads.nameEn}; no city population from the same source and year (${novadsObs.year}) as the novads' residents, so no share`,
    );
  }
  return ratio({ value: cityObs.value, year: cityObs.year, sources: [cityObs.source], inputs: [cityObs.geo], note }, total, note);
}

/**
 * The city's core and the rest of its hinterland, by area: the core is the city's own outline
 * (`outlineAreas`, from the pipeline), counted when its unit is in the hinterland, as the city's
 * own unit (role `city`) or inside the novads that contains it (Valmiera, Jēkabpils, Ogre by
 * municipality, whose novads is one unit with the town in it). Residents are not split: no source
 * here gives the rest of a novads without its town in the same measure.
 */
function coreAndRest(cityId: string, mine: HinterlandAssignment, units: Map<string, AggregateUnit>, total: Figure, outlineAreas: ReadonlyMap<string, number> | undefined): Pick<CityAggregate, 'coreAreaKm2' | 'restAreaKm2'> {
  const core = outlineAreas?.get(cityId);
  const holdsCore = mine.some((a) => a.role === 'city' || units.get(a.code)?.containsCity === cityId);
  if (core === undefined || !holdsCore || total.value === null) {
    const no = none(null, 'Pilsētas pašas teritorija nav šīs apkārtnes daļa', 'The city’s own territory is not part of this hinterland');
    return { coreAreaKm2: no, restAreaKm2: no };
  }
  const coreFigure: Figure = {
    value: Math.round(core * 10) / 10,
    year: null,
    sources: [],
    inputs: [cityId],
    note: { lv: 'Aprēķināts: pilsētas robežas platība (elipsoīda platība no CSP/VZD robežām)', en: 'Computed: area of the city’s own outline (ellipsoidal area from the CSP/VZD boundaries)' },
  };
  const rest: Figure = {
    value: Math.round((total.value - core) * 10) / 10,
    year: null,
    sources: [],
    inputs: total.inputs,
    note: { lv: 'Aprēķināts: kopējā platība bez pilsētas pašas teritorijas', en: 'Computed: the whole area less the city’s own territory' },
  };
  return { coreAreaKm2: coreFigure, restAreaKm2: rest };
}

/**
 * Area only: for units with no source of residents at all (the territorial units), every figure
 * that needs residents has no value and says why, with `note`; nothing is estimated or apportioned.
 */
function withoutResidents(assignment: HinterlandAssignment, units: readonly AggregateUnit[], note: LocalisedText, outlineAreas?: ReadonlyMap<string, number>): HinterlandAggregates {
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const pick = (codes: readonly string[]) => codes.map((c) => unitByCode.get(c)!);
  const latvia = aggregateUnits(units, new Map(), null, null);
  const whole = { area: latvia.areaKm2, residents: latvia.residents };
  const noResidents = (a: AreaAggregate): AreaAggregate => {
    const residents = none(null, note.lv, note.en);
    const notComputable = none(null, `Nav aprēķināms: ${note.lv}`, `Not computable: ${note.en}`);
    return { ...a, residents, densityPerKm2: notComputable, shareOfLatviaResidents: notComputable };
  };
  const cities = assignedCities(assignment).map((cityId): CityAggregate => {
    const mine = assignment.filter((a) => a.cityId === cityId);
    const agg = aggregateUnits(pick(mine.map((a) => a.code)), new Map(), whole, null);
    return { cityId, ...noResidents(agg), cityShareOfResidents: none(null, `Nav aprēķināms: ${note.lv}`, `Not computable: ${note.en}`), ...coreAndRest(cityId, mine, unitByCode, agg.areaKm2, outlineAreas) };
  });
  const rest = pick(assignment.filter((a) => a.cityId === null).map((a) => a.code));
  return { year: null, shareYear: null, shareYearNote: null, cities, unassigned: rest.length > 0 ? noResidents(aggregateUnits(rest, new Map(), whole, null)) : null, latvia: noResidents(latvia) };
}

/**
 * Area, residents, density and shares for each city with its hinterland, for the units assigned to
 * no city, and for Latvia (all `units`). Counts are summed over units and rates recomputed from the
 * sums, never averaged. Residents are `population_1jan` of one year (`year`, or the latest in the
 * data): a figure is left without a value when any of its units lacks that year. Latvia's totals and
 * every share of Latvia are of the latest year complete for every unit (`shareYear`; today 2025, as
 * 2026 lacks Madonas novads), numerator and denominator alike, and say so. Each figure carries
 * its year, sources and inputs. With `residentsUnavailable` (units no source counts residents for)
 * only areas have values and every other figure gives that reason. Throws if the assignment lists
 * a unit not in `units`, rather than return a total that silently leaves it out.
 */
export function hinterlandAggregates(
  assignment: HinterlandAssignment,
  units: readonly AggregateUnit[],
  observations: readonly Observation[],
  options: { year?: string; residentsUnavailable?: LocalisedText; cityOutlineAreas?: ReadonlyMap<string, number> } = {},
): HinterlandAggregates {
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const unknown = assignment.filter((a) => !unitByCode.has(a.code)).map((a) => a.code);
  if (unknown.length > 0) throw new Error(`assignment lists units not given: ${unknown.join(', ')}`);
  if (options.residentsUnavailable) return withoutResidents(assignment, units, options.residentsUnavailable, options.cityOutlineAreas);
  const residentsObs = observations.filter((o) => o.indicator === RESIDENTS && unitByCode.has(o.geo));
  const year = options.year ?? residentsObs.reduce<string | null>((y, o) => (y === null || o.year > y ? o.year : y), null);
  const complete = options.year ? null : latestCompleteYear(residentsObs, RESIDENTS, units.map((u) => u.code));
  const shareYear = complete?.year ?? year;
  const shareYearNote = complete ? completeYearNote(complete, (code) => ({ lv: unitByCode.get(code)?.nameLv ?? code, en: unitByCode.get(code)?.nameEn ?? code })) : null;
  const atYear = (y: string | null) => {
    const byCode = new Map<string, Observation>();
    for (const o of residentsObs) if (o.year === y && !byCode.has(o.geo)) byCode.set(o.geo, o);
    return byCode;
  };
  const byCode = atYear(year);
  const byCodeForShares = shareYear === year ? byCode : atYear(shareYear);
  const pick = (codes: readonly string[]) => codes.map((c) => unitByCode.get(c)!);
  // The same words as the key facts: an earlier complete year is named beside the value, and with
  // no complete year the reason replaces the bare "no residents for 2026".
  const withYearNote = (f: Figure): Figure => {
    if (!shareYearNote) return f;
    if (f.value === null) return complete?.year === null ? { ...f, note: shareYearNote } : f;
    return { ...f, note: { lv: `${f.note.lv}; ${shareYearNote.lv}`, en: `${f.note.en}; ${shareYearNote.en}` } };
  };

  // Latvia's totals, and so every share of Latvia, in the latest year complete for every unit.
  const latviaAtShareYear = aggregateUnits(units, byCodeForShares, null, shareYear);
  const latvia = { ...latviaAtShareYear, residents: withYearNote(latviaAtShareYear.residents), densityPerKm2: withYearNote(latviaAtShareYear.densityPerKm2) };
  const whole = { area: latviaAtShareYear.areaKm2, residents: latviaAtShareYear.residents };
  const aggregate = (codes: readonly string[]): AreaAggregate => {
    const agg = aggregateUnits(pick(codes), byCode, whole, year);
    const share = shareYear === year ? agg.shareOfLatviaResidents : aggregateUnits(pick(codes), byCodeForShares, whole, shareYear).shareOfLatviaResidents;
    return { ...agg, shareOfLatviaResidents: withYearNote(share) };
  };
  const cities = assignedCities(assignment).map((cityId): CityAggregate => {
    const mine = assignment.filter((a) => a.cityId === cityId);
    const agg = aggregate(mine.map((a) => a.code));
    return {
      cityId,
      ...agg,
      cityShareOfResidents: cityShare(cityId, mine, unitByCode, byCode, observations, agg.residents, year),
      ...coreAndRest(cityId, mine, unitByCode, agg.areaKm2, options.cityOutlineAreas),
    };
  });
  const rest = assignment.filter((a) => a.cityId === null).map((a) => a.code);
  return { year, shareYear, shareYearNote, cities, unassigned: rest.length > 0 ? aggregate(rest) : null, latvia };
}
