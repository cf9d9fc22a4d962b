/** A CSV file parsed at build time (vite.config.ts, `csvRecords`). */
declare module '*.csv?records' {
  const parsed: { header: string[]; records: import('./domain/csv.ts').CsvRecord[]; duplicates: string[] };
  export default parsed;
}
