import { HATCH_COLOURS } from '../domain/theme.ts';

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

/**
 * The no-data pattern: thin diagonal lines on a light grey, as RGBA pixels for `map.addImage`.
 * A hatch reads as "nothing here" in print and for colour-blind readers, where a flat grey could be
 * taken for the lowest class. The tile repeats seamlessly because the diagonal wraps at `size`.
 */
export function hatchPattern(size: number, background: [number, number, number], line: [number, number, number]) {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onLine = (x + y) % size < 2;
      const [r, g, b] = onLine ? line : background;
      data.set([r, g, b, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** The map's no-data pattern image (8 px tile) in the hatch's colours. */
export function hatchImage() {
  return hatchPattern(8, rgb(HATCH_COLOURS.background), rgb(HATCH_COLOURS.line));
}
