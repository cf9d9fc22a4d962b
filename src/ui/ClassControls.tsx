import { useState } from 'preact/hooks';
import { isCategorical } from '../domain/categories.ts';
import { CLASS_METHOD_LABEL, MAX_CLASSES, MIN_CLASSES, parseBreaks, type ClassMethod } from '../domain/classify.ts';
import { isDiverging, PALETTES, type PaletteName } from '../domain/palette.ts';
import { selectChoropleth } from '../state/derived.ts';
import { useAppState } from './context.ts';
import { t } from './i18n.ts';

/**
 * Method, number of classes, palette, midpoint and same-breaks switch, folded by default. A
 * categorical indicator has none of them (its categories are its classes, each its own colour):
 * the section then says so instead of offering controls that would change nothing.
 */
export function ClassControls() {
  const lang = useAppState((s) => s.lang);
  const spec = useAppState((s) => s.choropleth);
  const setChoropleth = useAppState((s) => s.setChoropleth);
  const categorical = useAppState((s) => {
    const c = selectChoropleth(s);
    return c !== null && isCategorical(c.indicator);
  });
  const [breaksText, setBreaksText] = useState((spec.breaks ?? []).join('; '));
  const [breaksError, setBreaksError] = useState(false);
  const diverging = isDiverging(spec.palette);
  if (categorical) {
    return (
      <details class="class-controls" data-categorical="true">
        <summary>{t(lang, 'classification')}</summary>
        <p class="legend-note">{t(lang, 'categoriesNoClassification')}</p>
      </details>
    );
  }
  return (
    <details class="class-controls">
      <summary>{t(lang, 'classification')}</summary>
      <label class="control">
        <span class="control-label">{t(lang, 'method')}</span>
        <select value={spec.method} onChange={(e) => setChoropleth({ method: (e.target as HTMLSelectElement).value as ClassMethod })}>
          {(Object.keys(CLASS_METHOD_LABEL) as ClassMethod[]).map((m) => (
            <option key={m} value={m}>
              {CLASS_METHOD_LABEL[m][lang]}
            </option>
          ))}
        </select>
      </label>
      {spec.method === 'manual' ? (
        <label class="control">
          <span class="control-label">{t(lang, 'manualBreaks')}</span>
          <input
            type="text"
            inputMode="decimal"
            value={breaksText}
            aria-invalid={breaksError}
            onChange={(e) => {
              const text = (e.target as HTMLInputElement).value;
              setBreaksText(text);
              const parsed = parseBreaks(text);
              setBreaksError(parsed === null);
              if (parsed) setChoropleth({ breaks: parsed });
            }}
          />
          {breaksError && <span class="control-error">{t(lang, 'manualBreaksInvalid')}</span>}
        </label>
      ) : (
        <label class="control">
          <span class="control-label">{t(lang, 'classCount')}</span>
          <select value={spec.classes} onChange={(e) => setChoropleth({ classes: Number((e.target as HTMLSelectElement).value) })}>
            {Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="control">
        <span class="control-label">{t(lang, 'palette')}</span>
        <select value={spec.palette} onChange={(e) => setChoropleth({ palette: (e.target as HTMLSelectElement).value as PaletteName })}>
          {PALETTES.map((p) => (
            <option key={p} value={p}>
              {t(lang, `palette_${p}`)}
            </option>
          ))}
        </select>
      </label>
      {diverging && (
        <label class="control">
          <span class="control-label">{t(lang, 'midpoint')}</span>
          <select value={spec.midpoint ?? 'zero'} onChange={(e) => setChoropleth({ midpoint: (e.target as HTMLSelectElement).value as 'zero' | 'national' })}>
            <option value="zero">{t(lang, 'midpointZero')}</option>
            <option value="national">{t(lang, 'midpointNational')}</option>
          </select>
        </label>
      )}
      <label class="control control-check">
        <input type="checkbox" checked={!!spec.sameBreaksAcrossYears} onChange={(e) => setChoropleth({ sameBreaksAcrossYears: (e.target as HTMLInputElement).checked })} />
        <span>{t(lang, 'sameBreaks')}</span>
      </label>
    </details>
  );
}
