/** Kinds of local-government unit since the 2021 reform. */
export type UnitKind = 'state_city' | 'novads';

/**
 * A municipality of the current division, as carried in the feature properties of
 * `public/data/municipalities.geojson`. `code` is the CSP area code (stable id), `areaKm2` is
 * computed by the pipeline from the boundaries (ellipsoidal area, not an official figure).
 */
export interface MunicipalityProps {
  code: string;
  atvk: string;
  iso: string;
  nameLv: string;
  nameEn: string;
  kind: UnitKind;
  region: string;
  areaKm2: number;
  /** Id of the state city that lies inside this novads (Valmiera, Jēkabpils, Ogre), or ''. */
  containsCity: string;
}

/** One of the ten state cities, as carried in `public/data/cities.geojson`. */
export interface CityProps {
  id: string;
  nameLv: string;
  nameEn: string;
  /** CSP code of the municipality the city is (state city) or lies in (novads). */
  unitCode: string;
  /** True for Valmiera, Jēkabpils and Ogre, towns inside a novads rather than municipalities of their own. */
  insideNovads: boolean;
  /** CSP code of the city's own territorial unit: its outline (the municipality's for the seven, the town's for the three). */
  outlineCode: string;
  /** Ellipsoidal area of that outline, km², computed by the pipeline from the official boundaries (not an official figure). */
  areaKm2: number;
  /** Position in the association's usual order, 1–10; also the focus key (0 for the tenth). */
  order: number;
}

/** The id under which observations of a city without its own unit are stored. */
export function cityGeoId(cityId: string): string {
  return `city:${cityId}`;
}
