import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromDisk, placeholderSvg, viewBoxProjection } from '../../geodata/placeholder.ts';
import { loadDataset } from '../../src/domain/dataset.ts';
import { DEFAULT_CHOROPLETH } from '../../src/state/store.ts';

describe('the placeholder picture of the default view', () => {
  it('spans exactly the bounds the map fits on start, in Web Mercator', () => {
    const { width, height, project } = viewBoxProjection([21, 55.6, 28.3, 58.1]);
    expect(project([21, 58.1])).toEqual([0, 0]);
    const [x, y] = project([28.3, 55.6]);
    expect(x).toBeCloseTo(width, 6);
    expect(y).toBeCloseTo(height, 6);
    // Mercator stretches north: the middle latitude lies below the middle of the box.
    expect(project([21, 56.85])[1]! / height).toBeGreaterThan(0.5);
  });

  it('is up to date with public/data and the default classification (npm run placeholder)', async () => {
    const dataset = await loadDataset('file:///', fromDisk);
    const svg = placeholderSvg(dataset, DEFAULT_CHOROPLETH);
    expect(svg).toContain('url(#h)');
    // Residents are a count: a circle per municipality with a 2026 value (41: Madona has none) and the ten city dots.
    expect(svg.match(/<circle /g)).toHaveLength(dataset.cities.features.length + dataset.municipalities.features.length - 1);
    expect(readFileSync(new URL('../../src/map/placeholder.svg', import.meta.url), 'utf8')).toBe(svg);
  });

  it('is made by its script under plain Node (tsx), as npm run geodata runs it', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'placeholder-')), 'p.svg');
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../geodata/placeholder.ts', import.meta.url)), '--out', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(new URL('../../src/map/placeholder.svg', import.meta.url), 'utf8'));
  });
});
