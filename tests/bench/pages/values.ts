import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * What the two reference pages map: eight "indicators" per unit, made in the page from the unit's
 * area and a hash of its code, each in five quantile classes. They only stand in for the app's
 * indicators, so that an indicator switch recolours most units on every page alike.
 */
export const INDICATOR_COUNT = 8;

/** ColorBrewer sequential schemes, five classes; the switch walks through them. */
export const SCHEMES: readonly (readonly string[])[] = [
  ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  ['#edf8e9', '#bae4b3', '#74c476', '#31a354', '#006d2c'],
  ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'],
];

export type Units = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;

/** FNV-1a: a stable number in [0, 1) from a string. */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/** Adds `v0` … `v7` to every unit's properties. */
export function addValues(units: Units): void {
  for (const f of units.features) {
    const area = Number(f.properties.areaKm2) || 1;
    for (let k = 0; k < INDICATOR_COUNT; k++) f.properties[`v${k}`] = Math.round(area * (0.2 + unitHash(`${String(f.properties.code)}|${k}`)) * 10) / 10;
  }
}

/** Four quantile breaks (five classes) of indicator `k`. */
export function breaksOf(units: Units, k: number): number[] {
  const values = units.features.map((f) => Number(f.properties[`v${k}`])).sort((a, b) => a - b);
  return [0.2, 0.4, 0.6, 0.8].map((q) => values[Math.min(values.length - 1, Math.floor(q * values.length))]!);
}

export const schemeOf = (k: number): readonly string[] => SCHEMES[k % SCHEMES.length]!;

/** The class colour of a value, as in Leaflet's tutorial (`getColor`). */
export function colourOf(value: number, breaks: readonly number[], scheme: readonly string[]): string {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return scheme[i]!;
}

/** The same screen padding as the app (left card, header), so every page shows Latvia alike. */
export const FIT_PADDING = { top: 72, right: 24, bottom: 32, left: 330 };

/** Where Rīga's city point is: the panel probe clicks there. */
export const RIGA: [number, number] = [24.1052, 56.9496];

/** Shows a small place panel: the pages' equivalent of the app's place panel. */
export function showPanel(panel: HTMLElement, props: Record<string, unknown>, k: number): void {
  panel.dataset.place = String(props.code);
  panel.innerHTML = `<h2>${String(props.nameLv)}</h2><p>${String(props.nameEn)}</p><p>v${k}: ${String(props[`v${k}`])}</p><p>${String(props.areaKm2)} km²</p>`;
  panel.hidden = false;
}

/** What the benchmark drives on a reference page. */
export interface BenchPage {
  kind: 'maplibre' | 'leaflet';
  indicatorCount: number;
  setIndicator: (k: number) => void;
  /** Page coordinates of a longitude/latitude. */
  project: (lonLat: [number, number]) => { x: number; y: number };
}

export function publish(page: BenchPage): void {
  (window as unknown as { benchPage: BenchPage }).benchPage = page;
}
