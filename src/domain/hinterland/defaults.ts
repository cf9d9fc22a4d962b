/*
 * The hinterland settings' defaults and ranges, apart from the models that use them: the store
 * and the address read them in the first view, which needs none of the models' code.
 */

export interface HuffParams {
  /** Exponent of the city's population (its attractiveness). */
  alpha: number;
  /** Exponent of the distance (its deterrence). */
  beta: number;
  /** Distances below this are taken as this, in km, so that a unit at a city point stays finite. */
  minDistanceKm?: number;
}

/**
 * The defaults: α 1 (a city's population itself as its mass) and β 3, fitted to Eurostat's
 * functional urban areas (`public/data/fua.json`, `gravityFit`: the grid α 0.5–2, β 1–4 by 0.25,
 * scored by the mean Jaccard index by area of each FUA city's FUA and gravity hinterland on the
 * territorial units; 0.489 at α 1, β 3 against 0.421 for the textbook α 1, β 2). Only α/β decides
 * the winners, so the fit fixes the ratio, and α 1 is the natural choice on it. A test holds these
 * values equal to the fit. Below 1 km the distance is noise: the city points are accurate to
 * ±300 m and a unit's label point is not where its people live.
 */
export const DEFAULT_HUFF: Required<HuffParams> = { alpha: 1, beta: 3, minDistanceKm: 1 };

/** The share threshold (per cent of a unit's employed who work in the city) the user can set; 15 % is the OECD/Eurostat FUA commuting rule. */
export const COMMUTING_THRESHOLD = { min: 1, max: 90, default: 15 } as const;
