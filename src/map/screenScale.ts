import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';

/**
 * Layer properties measured in screen pixels: on a big screen (a 4K projector output at 100 %)
 * they grow with the interface (`uiScale` in view.ts), so labels, borders and symbols keep the
 * size they have beside the cards, and a symbol keeps the size its key shows in the legend (the
 * legend is enlarged by the same factor with CSS `zoom`). Offsets and dash patterns are left:
 * dashes are in line widths already, and offsets are in ems.
 */
const SCREEN_PIXEL_PROPERTIES = new Set([
  'text-size',
  'text-halo-width',
  'line-width',
  'line-gap-width',
  'circle-radius',
  'circle-stroke-width',
  'icon-size',
]);

type Value = unknown;

const isZoomInput = (input: Value): boolean => Array.isArray(input) && input[0] === 'zoom';

/**
 * A size value `k` times larger, as the same map drawn at `k` times the pixel density: a
 * k-times-wider screen is fitted log2(k) zoom levels deeper, so a zoom curve's stops move by
 * log2(k) too (at 3840 px the map shows what it shows at 1920, twice as large, rather than the
 * labels and sizes of a closer zoom). MapLibre allows `zoom` only as the input of a top-level
 * `interpolate` or `step`, so those are scaled in their outputs; any other expression (a
 * feature-state, a `case`) is wrapped in `['*', k, …]`, and a number is multiplied.
 */
export function scaledValue(value: Value, k: number): Value {
  if (k === 1) return value;
  if (typeof value === 'number') return value * k;
  if (!Array.isArray(value)) return value;
  const [op] = value as unknown[];
  const dz = Math.log2(k);
  if (op === 'interpolate' && isZoomInput(value[2])) {
    // ['interpolate', type, ['zoom'], stop, output, stop, output, …]
    return value.map((v, i) => (i < 3 ? v : (i - 3) % 2 === 1 ? scaledValue(v, k) : (v as number) + dz));
  }
  if (op === 'step' && isZoomInput(value[1])) {
    // ['step', ['zoom'], output, stop, output, …]
    return value.map((v, i) => (i < 2 ? v : i % 2 === 0 ? scaledValue(v, k) : (v as number) + dz));
  }
  return ['*', k, value];
}

/** A layer whose screen-pixel sizes are `k` times larger (the layer itself when `k` is 1). */
export function scaledLayer<L extends LayerSpecification>(layer: L, k: number): L {
  if (k === 1) return layer;
  const scaleGroup = (group: Record<string, Value> | undefined) =>
    group && Object.fromEntries(Object.entries(group).map(([name, v]) => [name, SCREEN_PIXEL_PROPERTIES.has(name) ? scaledValue(v, k) : v]));
  const out = { ...layer } as L & { paint?: Record<string, Value>; layout?: Record<string, Value>; minzoom?: number; maxzoom?: number };
  // Shown from the same zoom relative to the fitted view (a layer that starts at 7.4 on a 1920 px
  // screen starts at 8.4 on a 3840 px one), so labels do not cover the circles of the first view.
  const dz = Math.log2(k);
  if (layer.minzoom !== undefined) out.minzoom = Math.min(24, layer.minzoom + dz);
  if (layer.maxzoom !== undefined) out.maxzoom = Math.min(24, layer.maxzoom + dz);
  if ('paint' in layer && layer.paint) out.paint = scaleGroup(layer.paint as Record<string, Value>);
  if ('layout' in layer && layer.layout) out.layout = scaleGroup(layer.layout as Record<string, Value>);
  return out;
}
