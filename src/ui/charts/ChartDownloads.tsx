import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import type { Lang } from '../../domain/format.ts';
import { t } from '../i18n.ts';
import { downloadChart, type ChartExport } from './downloadChart.ts';

/**
 * The "SVG" and "PNG" buttons under a chart. Each names the chart for a screen reader (the
 * profile has one pair per indicator); a failed picture is said beside them, not thrown away.
 */
export function ChartDownloads({ chart, words, lang }: { chart: RefObject<SVGSVGElement | null>; words: () => ChartExport; lang: Lang }) {
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (format: 'svg' | 'png') => {
    if (!chart.current) return;
    setBusy(true);
    setFailed(false);
    try {
      await downloadChart(chart.current, words(), format);
    } catch (e) {
      console.warn('chart export failed:', e);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const title = words().title;
  return (
    <div class="chart-downloads">
      {(['svg', 'png'] as const).map((format) => (
        <button
          key={format}
          type="button"
          class="small-button"
          data-chart-export={format}
          disabled={busy}
          aria-label={`${format.toUpperCase()} — ${t(lang, 'chartDownload')}: ${title}`}
          onClick={() => void run(format)}
        >
          {format.toUpperCase()}
        </button>
      ))}
      <span role="status" class="chart-download-status">
        {failed ? t(lang, 'chartDownloadFailed') : ''}
      </span>
    </div>
  );
}
