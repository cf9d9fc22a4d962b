/**
 * JSON with a trailing newline and no incidental variation: object keys keep the order the
 * pipeline builds them in (fixed per type), and numbers are already rounded upstream. Running the
 * pipeline twice gives byte-identical files, so a diff shows only real changes.
 */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
