import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { parseCsvRecords } from '../src/domain/csv.ts';

/**
 * Vite plugin for `import rows from './file.csv?records'`: a shipped CSV input parsed at build
 * time by the app's own reader (`parseCsvRecords`, papaparse), as `{ header, records, duplicates }`. The app
 * checks the rows at run time as it checks an imported file, without loading the CSV parser for
 * the first view. Used by vite.config.ts and by the benchmark's builds.
 */
export function csvRecords(): Plugin {
  return {
    name: 'csv-records',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?');
      if (query !== 'records' || !file!.endsWith('.csv')) return undefined;
      this.addWatchFile(file!);
      return `export default ${JSON.stringify(parseCsvRecords(readFileSync(file!, 'utf8')))};`;
    },
  };
}
