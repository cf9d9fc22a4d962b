/**
 * `npm run fonts`: the app's own Noto Sans, one woff2 per weight, cut down to the letters the map
 * and the interface write — Basic Latin, Latin-1, Latin Extended-A (every Latvian, Lithuanian and
 * Estonian letter), General Punctuation and the few symbols the code and data use. Fontsource's
 * latin-ext files carry Vietnamese, Latin Extended-B and Additional, which Latvian never needs;
 * with them the first view fetched 142 kB of fonts.
 *
 * Writes `src/assets/fonts/noto-sans-{400,600}.woff2` and `noto-sans.json`: the unicode-range the
 * files really cover (read back from their cmap, so the CSS and MapLibre declarations cannot
 * claim a letter the file lacks), the requested characters Noto Sans has no glyph for (they fall
 * back to a system font) and each file's sha256. Same inputs, byte-identical outputs.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Blob, Face } from 'harfbuzzjs';
import subsetFont from 'subset-font';
import { stableJson } from './write.ts';

const require = createRequire(import.meta.url);
const PACKAGE = '@expo-google-fonts/noto-sans';
const packageDir = dirname(require.resolve(`${PACKAGE}/package.json`));
const OUT = fileURLToPath(new URL('../src/assets/fonts/', import.meta.url));

const WEIGHTS = [
  { weight: 400, ttf: '400Regular/NotoSans_400Regular.ttf' },
  { weight: 600, ttf: '600SemiBold/NotoSans_600SemiBold.ttf' },
] as const;

/** Whole Unicode blocks kept: the letters of the Baltic and Western European languages. */
const BLOCKS: [number, number][] = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x00ff], // Latin-1 Supplement: NBSP (Intl's group separator in lv), ä õ ö ü, × ÷ ² ·
  [0x0100, 0x017f], // Latin Extended-A: ā č ē ģ ī ķ ļ ņ š ū ž, ą ė į ų (lt), õ š ž (et)
  [0x2000, 0x206f], // General Punctuation: – — ‘ ’ “ ” „ … • ‹ › and the thin/narrow spaces
];

/**
 * Symbols outside those blocks that src/ and public/data/ write (tests/map/fonts.test.ts lists any
 * new one). α β: the gravity model's exponents; arrows, ≤ ≥ − ∝, €; the triangles and marks of
 * buttons, which Noto Sans lacks and so leaves to the system font.
 */
const SYMBOLS = 'αβ←↑→↓−∝≤≥€™▲▶▸▼▾◀✓✗❚➤';

/** Only the features browsers apply by default; `*` would keep small caps and alternates too. */
const FEATURES = ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'liga', 'calt', 'clig', 'rlig'];

function requested(): string {
  const chars: string[] = [];
  for (const [from, to] of BLOCKS) for (let c = from; c <= to; c++) chars.push(String.fromCodePoint(c));
  return chars.join('') + SYMBOLS;
}

function codepointsOf(font: Uint8Array): Set<number> {
  return new Set(new Face(new Blob(font)).collectUnicodes());
}

/** Sorted code points as CSS unicode-range strings, runs joined: `U+0020-007E`, `U+20AC`. */
export function toUnicodeRange(points: Iterable<number>): string[] {
  const sorted = [...points].sort((a, b) => a - b);
  const hex = (c: number) => c.toString(16).toUpperCase().padStart(4, '0');
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    ranges.push(i === j ? `U+${hex(sorted[i]!)}` : `U+${hex(sorted[i]!)}-${hex(sorted[j]!)}`);
    i = j + 1;
  }
  return ranges;
}

async function main(): Promise<void> {
  const text = requested();
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const files: Record<string, { file: string; bytes: number; sha256: string }> = {};
  let covered: Set<number> | undefined;
  let fontVersion = '';
  for (const { weight, ttf } of WEIGHTS) {
    const source = readFileSync(join(packageDir, ttf));
    fontVersion = new Face(new Blob(source)).getName(5, 'en');
    const woff2 = await subsetFont(source, text, { targetFormat: 'woff2', keepFeatures: FEATURES, preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14] });
    // Read the cmap back from a TrueType subset of the same request: HarfBuzz cannot open woff2.
    const points = codepointsOf(await subsetFont(source, text, { targetFormat: 'truetype', keepFeatures: FEATURES }));
    if (covered && [...covered].some((c) => !points.has(c))) throw new Error(`weight ${weight} covers other characters than the first`);
    covered = points;
    const file = `noto-sans-${weight}.woff2`;
    writeFileSync(join(OUT, file), woff2);
    files[weight] = { file, bytes: woff2.byteLength, sha256: createHash('sha256').update(woff2).digest('hex') };
    console.log(`${file}: ${woff2.byteLength} bytes, ${points.size} characters`);
  }
  // Of whole blocks the font keeps what it has; only a named symbol it lacks is worth saying.
  const missing = [...SYMBOLS].filter((c) => !covered!.has(c.codePointAt(0)!));
  copyFileSync(join(packageDir, 'LICENSE_FONT'), join(OUT, 'OFL.txt'));
  const manifest = {
    family: 'Noto Sans',
    source: `npm ${PACKAGE}@${version} (${fontVersion})`,
    licence: 'SIL Open Font License 1.1 (OFL.txt)',
    unicodeRange: toUnicodeRange(covered!),
    notInFont: missing.join(''),
    files,
  };
  writeFileSync(join(OUT, 'noto-sans.json'), stableJson(manifest));
  console.log(`unicode-range: ${manifest.unicodeRange.join(', ')}\nnot in Noto Sans (system font): ${manifest.notInFont}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
