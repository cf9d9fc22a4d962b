import { buildChoropleth, type Choropleth, type ChoroplethSpec } from './choropleth.ts';
import { cityGeo } from './cityProfile.ts';
import type { Dataset } from './dataset.ts';
import { levelOf } from './indicators.ts';
import { drawsAsSymbols, GRADUATED_RADIUS, proportionalRadii } from './symbols.ts';

/** A place the map can colour: a municipality, or a state city for a city-level indicator. */
export interface MappedPlace {
  geo: string;
  nameLv: string;
  nameEn: string;
}

/** Circles of an indicator drawn as symbols: colour by class and radius, keyed by city id or unit code. */
export interface MappedSymbols {
  colourById: Map<string, string>;
  radiusById: Map<string, number>;
}

/** The places an indicator is mapped over: the 42 municipalities, or the ten cities. */
export function mappedPlaces(dataset: Dataset, level: 'municipality' | 'city'): MappedPlace[] {
  if (level === 'city') {
    return [...dataset.cities.features]
      .sort((a, b) => a.properties.order - b.properties.order)
      .map((f) => ({ geo: cityGeo(f.properties), nameLv: f.properties.nameLv, nameEn: f.properties.nameEn }));
  }
  return dataset.municipalities.features.map((f) => ({ geo: f.properties.code, nameLv: f.properties.nameLv, nameEn: f.properties.nameEn }));
}

/**
 * The classification the map, the legend, the table and the placeholder picture show for a choice.
 * A city-level indicator (published for the ten state cities only) is classified over the cities,
 * never spread over the municipalities. Null when the data have no such indicator.
 */
export function mappedChoropleth(dataset: Dataset, spec: ChoroplethSpec): Choropleth | null {
  const meta = dataset.indicators.indicators.find((i) => i.id === spec.indicator);
  if (!meta) return null;
  return buildChoropleth(dataset.indicators, mappedPlaces(dataset, levelOf(meta)).map((p) => p.geo), spec);
}

/**
 * For a city-level indicator, the city circles keyed by city id: proportional (area ∝ value) for
 * counts, one size coloured by class for rates, shares and changes. Null for a municipal indicator.
 */
export function citySymbolsOf(dataset: Dataset, choropleth: Choropleth): MappedSymbols | null {
  if (levelOf(choropleth.indicator) !== 'city') return null;
  const idByGeo = new Map(dataset.cities.features.map((f) => [cityGeo(f.properties), f.properties.id]));
  const colourById = new Map<string, string>();
  const valueById = new Map<string, number>();
  for (const [geo, colour] of choropleth.colourByGeo) {
    const id = idByGeo.get(geo);
    if (!id) continue;
    colourById.set(id, colour);
    valueById.set(id, choropleth.valueByGeo.get(geo)!.value);
  }
  const radiusById =
    choropleth.indicator.kind === 'count' ? proportionalRadii(valueById) : new Map([...valueById.keys()].map((id) => [id, GRADUATED_RADIUS]));
  return { colourById, radiusById };
}

/**
 * For a municipal count (residents, libraries, road length), the circles on each unit's label
 * point: radius by value (area ∝ value), colour by class, keyed by unit code. Null when the
 * indicator is drawn as a choropleth or on the cities. Units without a value get no circle.
 */
export function unitSymbolsOf(choropleth: Choropleth): MappedSymbols | null {
  if (levelOf(choropleth.indicator) !== 'municipality' || !drawsAsSymbols(choropleth.indicator)) return null;
  const values = new Map([...choropleth.valueByGeo].filter(([geo]) => geo !== 'LV').map(([geo, o]) => [geo, o.value]));
  return { colourById: new Map(choropleth.colourByGeo), radiusById: proportionalRadii(values) };
}
