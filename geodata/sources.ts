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

export const WORLD_ATLAS: PackageSource = {
  name: 'world-atlas',
  version: '2.0.2',
  integrity:
    'sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==',
  licence: 'Natural Earth (public domain); world-atlas ISC',
  homepage: 'https://www.naturalearthdata.com/',
};

/**
 * CSP "Ģeneralizētas teritoriālo vienību robežas" (1:1 200 000) as on 2022-07-01, generalised from
 * State Land Service (VZD) data: 592 territorial units in 43 municipalities, LKS-92 / EPSG:3059.
 * Copied into `geodata/boundaries/` so a fresh clone builds offline; every file is checked against
 * its sha256 (from the copy in the project's shared data) before it is read.
 */
export const OFFICIAL_BOUNDARIES = {
  dir: 'geodata/boundaries/csp-2022-07-01',
  base: 'Territorial_units_LV_1.2m_(2022.07.01.)',
  edition: '2022-07-01',
  sha256: {
    shp: 'd9cdccf2c6456b98a66d6bb7d39bf0c1486376e5175eb33f9b9637ee9e924c4d',
    shx: 'fa4ae9e415a588cb09d4dc3fd1f33a307b33b3d58e0673b289e3ca10e5eb2beb',
    dbf: '183ff18625156d9d8bf4ae19a0d76c4919f6da2a1c9f04c208068822c486fd2c',
    prj: 'be654eb00f010d76db3f0cf7170749fa1c856b3828a9e5dd05218b0a4421c806',
    cpg: '3ad3031f5503a4404af825262ee8232cc04d4ea6683d42c5dd0a2f2a27ac9824',
  },
  producer: 'CSP (Centrālā statistikas pārvalde), from State Land Service (VZD) data',
  licence: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
  origin: 'data.gov.lv dataset "robezas", resource d09c36c8-bcb2-4429-b88f-3a08d79c6aab',
  changes: 'reprojected from LKS-92 (EPSG:3059) to WGS84, simplified for the web, Varakļānu novads merged into Madonas novads as of 2025-07-01',
} as const;

/**
 * The same CSP product as on 2021-01-01, before the reform: 587 units in the 119 municipalities
 * whose codes are Eurostat's LAU 2019. Used only to carry the functional urban areas to today's
 * units (fua.ts); not shipped to the app.
 */
export const BOUNDARIES_2021 = {
  dir: 'geodata/boundaries/csp-2021-01-01',
  base: 'Territorial_units_LV_1.2m_(2021.01.01.)',
  edition: '2021-01-01',
  sha256: {
    shp: '8d022ec5e98850bf0034ad5b32d87779eb689c1c73c97638dec56c905859096c',
    shx: '50a63c2d188cc21e05a781cfd614cd5b8a5d2aaadecd7d9ffaf0e8af2a82d531',
    dbf: '506a5668174c70643df4ccad997956637f3984f9e949ef7cdf0612d5b4117c6e',
    prj: 'be654eb00f010d76db3f0cf7170749fa1c856b3828a9e5dd05218b0a4421c806',
    cpg: '3ad3031f5503a4404af825262ee8232cc04d4ea6683d42c5dd0a2f2a27ac9824',
  },
} as const;

/** Throws a PipelineError naming the file when its sha256 is not the recorded one. */
export function verifySha256(buffer: Uint8Array, expected: string, file: string): void {
  const actual = createHash('sha256').update(buffer).digest('hex');
  if (actual !== expected) {
    throw new PipelineError(file, null, `checksum mismatch: expected sha256 ${expected}, got ${actual} (changed or corrupt source)`);
  }
}

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
