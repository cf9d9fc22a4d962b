/**
 * The lines of a CSV a user imports split into cells at a delimiter found from the text
 * (importCells.ts reads the cells). Curated inputs of the data pipeline go through papaparse
 * instead (csv.ts): an import must report each physical line it cannot read. Everything here is
 * a loop over a line's characters or its quotes and delimiters: a big file has millions of cells.
 */

/**
 * Splits one physical line at `d` outside double quotes ("" inside quotes is a quote; a quote
 * opens a quoted part only at the start of a cell). Scans from one quote or delimiter to the next
 * and copies the text between, never a character at a time: a big file has millions of cells.
 */
export function splitLine(text: string, d: string): { cells: string[]; unclosed: boolean } {
  if (!text.includes('"')) return { cells: text.split(d).map((c) => c.trim()), unclosed: false };
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    if (quoted) {
      const q = text.indexOf('"', i);
      if (q < 0) {
        cell += text.slice(i);
        break;
      }
      cell += text.slice(i, q);
      if (text[q + 1] === '"') (cell += '"'), (i = q + 2);
      else (quoted = false), (i = q + 1);
      continue;
    }
    const atD = text.indexOf(d, i);
    const atQ = text.indexOf('"', i);
    const j = atD < 0 ? atQ : atQ < 0 ? atD : Math.min(atD, atQ);
    if (j < 0) {
      cell += text.slice(i);
      break;
    }
    cell += text.slice(i, j);
    if (text[j] === d) {
      cells.push(cell.trim());
      cell = '';
    } else if (cell.trim() === '') {
      quoted = true;
      cell = '';
    } else cell += '"';
    i = j + 1;
  }
  cells.push(cell.trim());
  return { cells, unclosed: quoted };
}

/** The number of cells `splitLine` finds, without copying any: for guessing the delimiter. */
export function cellCount(text: string, d: string): number {
  const D = d.charCodeAt(0);
  let n = 1;
  let quoted = false;
  // Whether the cell so far is only white space, when a quote still opens a quoted part.
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c !== QUOTE) blank &&= isSpace(c);
      else if (text.charCodeAt(i + 1) === QUOTE) (blank = false), i++;
      else quoted = false;
    } else if (c === D) (n++), (blank = true);
    else if (c === QUOTE && blank) quoted = true;
    else blank &&= isSpace(c);
  }
  return n;
}

const QUOTE = 0x22;
/** The characters String.prototype.trim removes: white space and line terminators. */
const isSpace = (c: number) =>
  (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * The delimiter that splits the most lines into the same number (≥ 2) of fields; ';' wins ties.
 * Lines are added one at a time, so that a big file can be read in steps.
 */
export function delimiterTally(): { add(line: string): void; best(): { delimiter: string; width: number } | null } {
  const candidates = [';', '\t', ','].map((delimiter) => ({ delimiter, tally: new Map<number, number>() }));
  let lines = 0;
  return {
    add(line) {
      lines++;
      for (const { delimiter, tally } of candidates) {
        const c = cellCount(line, delimiter);
        if (c >= 2) tally.set(c, (tally.get(c) ?? 0) + 1);
      }
    },
    best() {
      let best: { delimiter: string; width: number; score: number } | null = null;
      for (const { delimiter, tally } of candidates) {
        let width = 0;
        for (const [c, n] of tally) if (n > (tally.get(width) ?? 0) || (n === tally.get(width) && c > width)) width = c;
        if (width === 0) continue;
        const score = tally.get(width)! / lines;
        if (!best || score > best.score) best = { delimiter, width, score };
      }
      return best && { delimiter: best.delimiter, width: best.width };
    },
  };
}

/** `delimiterTally` over all the lines at once. */
export function detectDelimiter(lines: readonly string[]): { delimiter: string; width: number } | null {
  const tally = delimiterTally();
  for (const l of lines) tally.add(l);
  return tally.best();
}

/** How many characters of a line cannot be in a text file (a binary file has many). */
export function controlCount(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c <= 0x08 || (c >= 0x0e && c <= 0x1f) || c === 0xfffd) n++;
  }
  return n;
}
