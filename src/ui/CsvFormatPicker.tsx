import { CSV_FORMATS, type CsvFormat } from '../domain/csvWrite.ts';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';

/** The CSV format chosen for downloads, as `formatCsv` takes it. */
export function useCsvFormat(): CsvFormat {
  return CSV_FORMATS[useAppState((s) => s.csvFormat)];
}

/**
 * The choice of CSV format beside a download button: comma, or semicolon with decimal comma for
 * Excel in a Latvian locale. One choice for every download, kept in the store for the session.
 */
export function CsvFormatPicker() {
  const lang = useAppState((s) => s.lang);
  const format = useAppState((s) => s.csvFormat);
  const setFormat = useAppState((s) => s.setCsvFormat);
  return (
    <select
      class="small-button csv-format"
      aria-label={t(lang, 'csvFormat')}
      title={t(lang, 'csvFormatHint')}
      value={format}
      onChange={(e) => setFormat(e.currentTarget.value === 'semicolon' ? 'semicolon' : 'comma')}
    >
      <option value="comma">{t(lang, 'csvComma')}</option>
      <option value="semicolon">{t(lang, 'csvSemicolon')}</option>
    </select>
  );
}
