import type { TerritorialUnitKind, TerritorialUnits } from './hinterland/territorial.ts';
import type { MunicipalityProps } from './units.ts';

/** What the tooltip and the panel say of a parish, town or state city under the pointer. */
export interface TerritorialUnitSummary {
  code: string;
  /** CSP's Latvian name (CSP gives no English one). */
  name: string;
  kind: TerritorialUnitKind;
  /** The municipality it belongs to in the division the map shows. */
  municipality: Pick<MunicipalityProps, 'code' | 'nameLv' | 'nameEn'> | null;
  /** Computed by the pipeline from the official outline (ellipsoidal area), not an official figure. */
  areaKm2: number;
}

/**
 * A territorial unit described from the loaded data, or null when the code is not among them:
 * its name, kind, municipality (found by the municipality's ATVK) and computed area.
 */
export function describeTerritorialUnit(code: string, units: TerritorialUnits, municipalities: readonly MunicipalityProps[]): TerritorialUnitSummary | null {
  const unit = units.features.find((f) => f.properties.code === code)?.properties;
  if (!unit) return null;
  const m = municipalities.find((p) => p.atvk === unit.municipalityAtvk);
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    municipality: m ? { code: m.code, nameLv: m.nameLv, nameEn: m.nameEn } : null,
    areaKm2: unit.areaKm2,
  };
}
