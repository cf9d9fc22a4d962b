import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import notoSans from '../../src/assets/fonts/noto-sans.json';
import { toUnicodeRange } from '../../geodata/fonts.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, pattern) : pattern.test(name) ? [path] : [];
  });
}

function inRange(ranges: string[], c: number): boolean {
  return ranges.some((r) => {
    const [from, to = from] = r.slice(2).split('-').map((h) => parseInt(h, 16));
    return c >= from! && c <= to!;
  });
}

describe('the Noto Sans subset (npm run fonts)', () => {
  it('covers every letter of the Latvian, Lithuanian and Estonian alphabets', () => {
    for (const c of 'āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽąęėįųĄĘĖĮŲõäöüÕÄÖÜ') expect(inRange(notoSans.unicodeRange, c.codePointAt(0)!), c).toBe(true);
  });

  it('has, or knowingly leaves to the system font, every character the app writes', () => {
    const sources = [...filesUnder(join(root, 'src'), /\.tsx?$/), ...filesUnder(join(root, 'public/data'), /\.(json|geojson)$/)];
    const unknown = new Set<string>();
    for (const file of sources) {
      for (const ch of readFileSync(file, 'utf8')) {
        const c = ch.codePointAt(0)!;
        if (c > 0x7e && !inRange(notoSans.unicodeRange, c) && !notoSans.notInFont.includes(ch)) unknown.add(ch);
      }
    }
    // A new one: add it to SYMBOLS in geodata/fonts.ts and run `npm run fonts`.
    expect([...unknown].join('')).toBe('');
  });

  it('ships the files the manifest describes', () => {
    for (const { file, sha256, bytes } of Object.values(notoSans.files)) {
      const data = readFileSync(join(root, 'src/assets/fonts', file));
      expect(data.byteLength).toBe(bytes);
      expect(createHash('sha256').update(data).digest('hex')).toBe(sha256);
    }
  });

  it('writes unicode ranges as runs', () => {
    expect(toUnicodeRange([0x20, 0x21, 0x22, 0x101, 0x20ac])).toEqual(['U+0020-0022', 'U+0101', 'U+20AC']);
  });
});
