import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/**
 * Compares a screenshot with its committed baseline. On a mismatch it writes `<name>-changed.png`
 * and `<name>-diff.png` beside the baseline (git-ignored) so a person can look. With
 * UPDATE_BASELINES=1, or when no baseline exists outside CI, it writes the baseline instead.
 */
export function compareWithBaseline(actual: Buffer, baselinePath: string): { differing: number; total: number; written: boolean } {
  const changedPath = baselinePath.replace(/\.png$/, '-changed.png');
  const diffPath = baselinePath.replace(/\.png$/, '-diff.png');
  rmSync(changedPath, { force: true });
  rmSync(diffPath, { force: true });
  if (process.env.UPDATE_BASELINES === '1' || (!existsSync(baselinePath) && !process.env.CI)) {
    mkdirSync(dirname(baselinePath), { recursive: true });
    writeFileSync(baselinePath, actual);
    return { differing: 0, total: 0, written: true };
  }
  const expected = PNG.sync.read(readFileSync(baselinePath));
  const got = PNG.sync.read(actual);
  const total = expected.width * expected.height;
  if (got.width !== expected.width || got.height !== expected.height) {
    writeFileSync(changedPath, actual);
    return { differing: total, total, written: false };
  }
  const diff = new PNG({ width: expected.width, height: expected.height });
  const differing = pixelmatch(expected.data, got.data, diff.data, expected.width, expected.height, { threshold: 0.02 });
  if (differing > 0) {
    writeFileSync(changedPath, actual);
    writeFileSync(diffPath, PNG.sync.write(diff));
  }
  return { differing, total, written: false };
}
