import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HATCH_COLOURS } from '../../src/domain/theme.ts';
import { hatchImage } from '../../src/map/hatch.ts';

const css = readFileSync(new URL('../../src/ui/app.css', import.meta.url), 'utf8');

describe('the no-data hatch', () => {
  it('has the same two colours on the map, in the PNG export and in the legend', () => {
    expect(css).toContain(`--hatch-background: ${HATCH_COLOURS.background};`);
    expect(css).toContain(`--hatch-line: ${HATCH_COLOURS.line};`);
    // The legend's swatches take the variable, not colours of their own.
    expect(css.match(/#e8e8e8|#969696/gi)).toHaveLength(2);
    const { data, width } = hatchImage();
    expect(width).toBe(8);
    expect([...data.slice(0, 3)]).toEqual([0x96, 0x96, 0x96]); // (0,0) lies on the diagonal
    expect([...data.slice(3 * 4, 3 * 4 + 3)]).toEqual([0xe8, 0xe8, 0xe8]);
  });
});
