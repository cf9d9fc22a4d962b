import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** A screen position of a longitude/latitude, as `map.project` gives it. */
export type Project = (lngLat: [number, number]) => { x: number; y: number };

/**
 * The SVG path of a polygon's rings on screen, to a quarter pixel: `M x,y L x,y … Z` per ring;
 * consecutive points that fall on the same spot are dropped.
 */
export function outlinePath(geometry: Polygon | MultiPolygon, project: Project): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const q = (v: number) => Math.round(v * 4) / 4;
  let d = '';
  for (const ring of polygons.flat()) {
    let last = '';
    let part = '';
    for (const [lon, lat] of ring as Position[]) {
      const p = project([lon!, lat!]);
      const xy = `${q(p.x)},${q(p.y)}`;
      if (xy === last) continue;
      part += `${part ? 'L' : 'M'}${xy}`;
      last = xy;
    }
    if (part) d += `${part}Z`;
  }
  return d;
}

export interface HoverOutline {
  /** Outlines `geometry` (null: nothing) until the next call. */
  show: (geometry: Polygon | MultiPolygon | null) => void;
}

/**
 * The outline of the unit under the pointer, drawn as SVG over the map rather than as a MapLibre
 * feature-state: a feature-state change makes MapLibre draw the whole map again, which costs a
 * frame of 150–400 ms where WebGL runs in software (this machine, many conference laptops in a
 * VM), while moving one SVG path costs a few milliseconds however many units the map has. The
 * outline follows the map while it moves; it never shows in an exported picture (not in the canvas).
 */
export function bindHoverOutline(map: MapLibreMap, style: () => { colour: string; width: number }): HoverOutline {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'hover-outline');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke-linejoin', 'round');
  svg.append(path);
  map.getCanvasContainer().append(svg);
  let current: Polygon | MultiPolygon | null = null;
  const draw = () => {
    const { colour, width } = style();
    path.setAttribute('stroke', colour);
    path.setAttribute('stroke-width', String(width));
    path.setAttribute('d', current ? outlinePath(current, (p) => map.project(p)) : '');
  };
  map.on('move', () => current && draw());
  map.on('resize', () => current && draw());
  return {
    show: (geometry) => {
      if (geometry === current) return;
      current = geometry;
      draw();
    },
  };
}
