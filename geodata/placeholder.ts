/**
 * Writes src/map/placeholder.svg: a picture of the map's default view (residents by municipality
 * as circles over plain land, the no-data hatch, the ten cities, the neighbours) that index.html shows the moment the page
 * paints and that fades once MapLibre has drawn its first complete frame. WebGL needs a second or
 * more to start; the picture makes the first meaningful paint as early as any HTML page's.
 *
 * The drawing is in Web Mercator, its viewBox exactly the bounds of Latvia that the app fits on
 * start (src/map/mapView.ts), so that an <img> placed in the same padded box with the default
 * `preserveAspectRatio` ("meet", centred) lines up with the map (index.html repeats fitPadding in
 * CSS). Shared borders are simplified once, as a topology, so neighbouring units never gap.
 * Colours come from the app's own domain and theme: the same classes as the first frame.
 *
 *   npm run placeholder            (also the last step of npm run geodata)
 *   npm run placeholder -- --out FILE   (somewhere else, e.g. to compare)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { topology } from 'topojson-server';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { loadDataset, type Dataset } from '../src/domain/dataset.ts';
import { DEFAULT_CHOROPLETH } from '../src/domain/defaultChoropleth.ts';
import { mappedChoropleth, unitSymbolsOf } from '../src/domain/mappedChoropleth.ts';
import type { ChoroplethSpec } from '../src/domain/choropleth.ts';
import { HATCH_COLOURS, LIGHT_THEME } from '../src/domain/theme.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Width of the viewBox: about one unit per screen pixel at 1280×800. */
const WIDTH = 1000;
/** Smallest triangle (viewBox units²) a simplified line keeps: a few pixels at 1280×800, unseen in the second before the map fades in (8.8 kB gzip, against 11.1 kB at 4 and 13.3 kB at 0.6). */
const MIN_AREA = 8;

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** A projection of lon/lat onto the viewBox [0, WIDTH] × [0, height] spanned by `bounds`. */
export function viewBoxProjection([w, s, e, n]: [number, number, number, number]) {
  const k = WIDTH / (((e - w) * Math.PI) / 180);
  const top = mercatorY(n);
  const height = k * (top - mercatorY(s));
  const project = ([lon, lat]: Position): Position => [k * (((lon! - w) * Math.PI) / 180), k * (top - mercatorY(lat!))];
  return { width: WIDTH, height, project };
}

function bounds(fc: FeatureCollection): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    } else for (const d of c as unknown[]) visit(d);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return [w, s, e, n];
}

function projectGeometry(g: Geometry, project: (p: Position) => Position): Geometry {
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(project)) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(project))) };
  throw new Error(`placeholder: unexpected ${g.type}`);
}

/** Simplifies projected polygons as one topology, keeping shared borders shared; and their outer edge. */
function simplified(features: Feature[], minArea: number): { features: Feature[]; outline: Geometry } {
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const topo = topology({ layer: collection }) as unknown as Topology<{ layer: GeometryCollection }>;
  const simple = simplify(presimplify(topo), minArea) as Topology<{ layer: GeometryCollection }>;
  return { features: (feature(simple, simple.objects.layer) as FeatureCollection).features, outline: mesh(simple, simple.objects.layer, (a, b) => a === b) };
}

/**
 * An SVG path of polygons, in whole units with relative moves: small, and sharp enough on screen.
 * Numbers are separated by commas, not spaces: the picture is inlined as a data URL, where every
 * space becomes `%20`.
 */
function pathOf(g: Geometry | null): string {
  if (!g) return '';
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return linesOf(polygons.flat(), true);
}

function linesOf(lines: Position[][], closed: boolean): string {
  let d = '';
  for (const ring of lines) {
    const pts = ring.map(([x, y]) => [Math.round(x!), Math.round(y!)] as const).filter((p, i, a) => i === 0 || p[0] !== a[i - 1]![0] || p[1] !== a[i - 1]![1]);
    if (pts.length < (closed ? 4 : 2)) continue;
    let [px, py] = pts[0]!;
    d += `M${px},${py}l`;
    const steps: string[] = [];
    for (const [x, y] of closed ? pts.slice(1, -1) : pts.slice(1)) {
      steps.push(`${x - px},${y - py}`);
      [px, py] = [x, y];
    }
    d += `${steps.join(',').replace(/,-/g, '-')}${closed ? 'z' : ''}`;
  }
  return d;
}

/** The placeholder SVG of the default view of `dataset` (a pure function of the data and theme). */
export function placeholderSvg(dataset: Dataset, spec: ChoroplethSpec): string {
  const theme = LIGHT_THEME;
  const choropleth = mappedChoropleth(dataset, spec);
  // A count is drawn as circles over plain land, as on the map (src/map/featureStates.ts).
  const symbols = choropleth ? unitSymbolsOf(choropleth) : null;
  const colourOf = symbols ? new Map([...symbols.colourById.keys()].map((code) => [code, theme.land])) : (choropleth?.colourByGeo ?? new Map<string, string>());
  const noData = new Set(choropleth?.noData ?? []);

  const { width, height, project } = viewBoxProjection(bounds(dataset.latvia));
  // Neighbours only as far as a wide screen shows them around Latvia.
  const near = (f: Feature) => {
    const [w, s, e, n] = bounds({ type: 'FeatureCollection', features: [f] });
    return !(e < 14 || w > 35 || n < 52 || s > 61.5);
  };
  const projected = (fc: FeatureCollection) =>
    fc.features.filter(near).map((f) => ({ type: 'Feature', properties: f.properties, geometry: projectGeometry(f.geometry, project) }) as Feature);
  const { features: units, outline } = simplified(projected(dataset.municipalities), MIN_AREA);
  const neighbours = simplified(projected(dataset.neighbours), MIN_AREA * 8).features;

  // One path per colour: fewer elements, and the same classes repeat across the country.
  const byColour = new Map<string, string>();
  let hatched = '';
  for (const f of units) {
    const code = String(f.properties?.code);
    const d = pathOf(f.geometry);
    const colour = colourOf.get(code) ?? theme.noData;
    byColour.set(colour, (byColour.get(colour) ?? '') + d);
    if (noData.has(code)) hatched += d;
  }
  const w = Math.round(width);
  const h = Math.round(height);
  const cities = dataset.cities.features
    .map((f) => {
      const [x, y] = project((f.geometry as { coordinates: Position }).coordinates);
      return `<circle cx="${Math.round(x!)}" cy="${Math.round(y!)}" r="${f.properties?.id === 'riga' ? 7 : 5.5}"/>`;
    })
    .join('');
  // Largest first, so that a small circle is never hidden under a big one.
  const circles = symbols
    ? dataset.municipalityLabels.features
        .map((f) => ({ code: String(f.properties?.code), at: project((f.geometry as { coordinates: Position }).coordinates) }))
        .filter(({ code }) => symbols.radiusById.has(code))
        .sort((a, b) => symbols.radiusById.get(b.code)! - symbols.radiusById.get(a.code)!)
        .map(({ code, at: [x, y] }) => `<circle cx="${Math.round(x!)}" cy="${Math.round(y!)}" r="${symbols.radiusById.get(code)}" fill="${symbols.colourById.get(code)}" fill-opacity=".88"/>`)
        .join('')
    : '';
  const fills = [...byColour].sort(([a], [b]) => a.localeCompare(b)).map(([colour, d]) => `<path fill="${colour}" d="${d}"/>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}">`,
    `<defs><pattern id="h" width="8" height="8" patternUnits="userSpaceOnUse"><path d="M0 0h8v8H0z" fill="${HATCH_COLOURS.background}"/><path d="M-2 2l4-4M0 8l8-8M6 10l4-4" stroke="${HATCH_COLOURS.line}" stroke-width="1.4"/></pattern></defs>`,
    `<path fill="${theme.land}" stroke="${theme.neighbourLine}" stroke-width=".8" d="${neighbours.map((f) => pathOf(f.geometry)).join('')}"/>`,
    `<g stroke="${theme.municipalBorder}" stroke-width=".8" stroke-linejoin="round">${fills.join('')}${hatched ? `<path fill="url(#h)" d="${hatched}"/>` : ''}</g>`,
    `<path fill="none" stroke="${theme.nationalBorder}" stroke-width="${theme.nationalBorderWidth}" stroke-linejoin="round" d="${linesOf((outline as { coordinates: Position[][] }).coordinates, false)}"/>`,
    ...(circles ? [`<g stroke="${choropleth?.classes.at(-1)?.colour ?? theme.cityStroke}" stroke-width="1">${circles}</g>`] : []),
    `<g fill="${theme.cityFill}" stroke="${theme.cityStroke}" stroke-width="2">${cities}</g>`,
    `</svg>`,
    '',
  ].join('\n');
}

/** The data files read straight from public/ (loadDataset's own parsing and checks). */
export const fromDisk: typeof fetch = async (input) => {
  const url = new URL(String(input));
  return new Response(readFileSync(`${root}public/${url.pathname.replace(/^\//, '')}`));
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // The app's own default classification, so the picture shows the classes of the first frame.
  const dataset = await loadDataset('file:///', fromDisk);
  const svg = placeholderSvg(dataset, DEFAULT_CHOROPLETH);
  const outAt = process.argv.indexOf('--out');
  const out = outAt > 0 ? process.argv[outAt + 1]! : `${root}src/map/placeholder.svg`;
  writeFileSync(out, svg);
  console.log(`placeholder: wrote ${out} (${(svg.length / 1024).toFixed(1)} kB)`);
}
