import { useState } from 'preact/hooks';
import { formatNumber, type Lang } from '../../domain/format.ts';
import { hinterlandContext } from '../../state/hinterlandDerived.ts';
import type { HinterlandLevel } from '../../domain/hinterland/territorial.ts';
import { DEFAULT_HINTERLAND, type HinterlandKind } from '../../state/hinterlandSlice.ts';
import { ALPHA_RANGE, BETA_RANGE } from '../../state/urlState.ts';
import { thresholdProblem } from '../../domain/hinterland/commuting.ts';
import { useAppState } from '../context.ts';
import { AssignmentTools } from './AssignmentTools.tsx';
import { DefinitionComparison } from './DefinitionComparison.tsx';
import { HinterlandTable } from './HinterlandTable.tsx';
import { ht } from './strings.ts';
import { nameIn, otherLang } from '../../domain/bilingual.ts';

const KINDS: HinterlandKind[] = ['admin', 'gravity', 'fua', 'commuting', 'bands'];
const KM = { min: 5, max: 150, step: 5 };

function Slider({ id, label, value, min, max, step, lang, onInput, onChange }: { id: string; label: string; value: number; min: number; max: number; step: number; lang: Lang; onInput?: (v: number) => void; onChange?: (v: number) => void }) {
  return (
    <div class="control">
      <label class="control-label" for={id}>
        {label}: <strong>{formatNumber(value, lang, 2)}</strong>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onInput={(e) => onInput?.(Number(e.currentTarget.value))}
        onChange={(e) => onChange?.(Number(e.currentTarget.value))}
      />
    </div>
  );
}

/** Huff's two exponents (applied while the slider moves: a redraw takes milliseconds) and the city whose share is shown. */
function GravityParams({ lang }: { lang: Lang }) {
  const h = useAppState((s) => s.hinterland);
  const dataset = useAppState((s) => s.dataset);
  const setHinterland = useAppState((s) => s.setHinterland);
  const huff = dataset ? hinterlandContext(dataset).huff : null;
  if (!dataset || !huff) return <p class="control-error">{ht(lang, 'noHuff')}</p>;
  return (
    <div class="hinterland-params">
      <Slider id="hinterland-alpha" label={ht(lang, 'alpha')} value={h.alpha} min={ALPHA_RANGE.min} max={ALPHA_RANGE.max} step={0.1} lang={lang} onInput={(alpha) => setHinterland({ alpha })} />
      <Slider id="hinterland-beta" label={ht(lang, 'beta')} value={h.beta} min={BETA_RANGE.min} max={BETA_RANGE.max} step={0.1} lang={lang} onInput={(beta) => setHinterland({ beta })} />
      <GravityFitNote lang={lang} />
      <p class="legend-note">
        {ht(lang, 'massYear')}, {huff.year}.{' '}
        <button type="button" class="link-button" onClick={() => setHinterland({ alpha: DEFAULT_HINTERLAND.alpha, beta: DEFAULT_HINTERLAND.beta })}>
          {ht(lang, 'defaults')}
        </button>
      </p>
      <label class="control">
        <span class="control-label">{ht(lang, 'shareOf')}</span>
        <select value={h.shareCity ?? ''} onChange={(e) => setHinterland({ shareCity: e.currentTarget.value || null })}>
          <option value="">{ht(lang, 'winners')}</option>
          {[...dataset.cities.features]
            .sort((a, b) => a.properties.order - b.properties.order)
            .map((f) => (
              <option key={f.properties.id} value={f.properties.id}>
                {nameIn(f.properties, lang)}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}

/** How the default exponents were fitted to the FUAs, from `fua.json` once it has loaded with the parishes. */
function GravityFitNote({ lang }: { lang: Lang }) {
  const fit = useAppState((s) => s.dataset?.fua?.gravityFit);
  if (!fit) return <p class="legend-note">{ht(lang, 'fitLater')}</p>;
  const n = (x: number, d = 2) => formatNumber(x, lang, d);
  const range = (xs: number[]) => `${n(Math.min(...xs))}–${n(Math.max(...xs))}`;
  const text = ht(lang, 'fitText', { alphas: range(fit.alphas), betas: range(fit.betas), alpha: n(fit.best.alpha), beta: n(fit.best.beta), score: n(fit.best.score, 3), textbook: n(fit.textbook.score, 3) });
  return (
    <p class="legend-note hinterland-fit" data-fit-score={fit.best.score}>
      <strong>{ht(lang, 'fit')}.</strong> {text}
    </p>
  );
}

/** The four FUAs with their units, the six cities without one of their own, and how cleanly they were carried to today's units. */
function FuaInfo({ lang }: { lang: Lang }) {
  const dataset = useAppState((s) => s.dataset);
  const loading = dataset?.territorialUnitsAvailable && !dataset.territorialUnits;
  if (loading) return <p class="legend-note">{ht(lang, 'fuaLoading')}</p>;
  const fua = dataset?.fua;
  if (!fua) return <p class="control-error">{ht(lang, 'fuaUnavailable')}</p>;
  // Place names keep their Latvian letters in both languages (Rīga, Liepāja).
  const nameOf = (id: string) => dataset.cities.features.find((f) => f.properties.id === id)?.properties.nameLv ?? id;
  return (
    <div class="hinterland-fua">
      <p class="legend-note">
        <strong>{ht(lang, 'fuaList')}:</strong> {fua.fuas.map((f) => `${nameOf(f.cityId)} (${f.unitCount} ${ht(lang, 'fuaUnits')})`).join(', ')}.
      </p>
      <p class="legend-note">{ht(lang, 'fuaNone')}</p>
      <p class="legend-note">{fua.matches.length === 0 && fua.unmatchedLaus.length === 0 ? ht(lang, 'fuaMatch') : `${fua.matches.length} ${ht(lang, 'fuaMatchSome')}`}. {lang === 'lv' ? fua.source.lv : fua.source.en}.</p>
    </div>
  );
}

/**
 * The commuting threshold, typed and applied with Enter or the button; a value outside its range
 * is refused with a message in both languages and the hinterland stays as it was. Without the
 * flows in the data, how to get them.
 */
function CommutingParams({ lang }: { lang: Lang }) {
  const threshold = useAppState((s) => s.hinterland.threshold);
  const available = useAppState((s) => s.dataset?.commutingAvailable === true);
  const data = useAppState((s) => s.dataset?.commuting);
  const setHinterland = useAppState((s) => s.setHinterland);
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ lv: string; en: string } | null>(null);
  if (!available) return <p class="control-error hinterland-commuting-missing">{ht(lang, 'commutingMissing')}</p>;
  const apply = () => {
    if (draft === null) return;
    const value = Number(draft.replace(',', '.'));
    const p = draft.trim() === '' ? thresholdProblem(NaN) : thresholdProblem(value);
    setProblem(p);
    if (p) return;
    setDraft(null);
    setHinterland({ threshold: Math.round(value * 10) / 10 });
  };
  return (
    <div class="hinterland-params">
      <form
        class="control threshold-form"
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label class="control-label" for="hinterland-threshold">
          {ht(lang, 'threshold')}
        </label>
        <div class="button-row">
          <input id="hinterland-threshold" type="text" inputMode="decimal" size={5} value={draft ?? formatNumber(threshold, lang, 1)} aria-invalid={problem ? 'true' : undefined} onInput={(e) => setDraft(e.currentTarget.value)} />
          <button type="submit" class="small-button">
            {ht(lang, 'thresholdApply')}
          </button>
        </div>
        {problem && (
          <p class="control-error" role="alert">
            {problem[lang]} · {problem[otherLang(lang)]}
          </p>
        )}
      </form>
      {data ? <p class="legend-note">{data.source[lang]}.</p> : <p class="legend-note">{ht(lang, 'commutingLoading')}</p>}
    </div>
  );
}

/** The band radius: shown while the slider moves, drawn when it is let go (clipping takes a fraction of a second). */
function BandParams({ lang }: { lang: Lang }) {
  const km = useAppState((s) => s.hinterland.km);
  const setHinterland = useAppState((s) => s.setHinterland);
  const [moving, setMoving] = useState<number | null>(null);
  return (
    <Slider
      id="hinterland-km"
      label={`${ht(lang, 'km')} (km)`}
      value={moving ?? km}
      min={KM.min}
      max={KM.max}
      step={KM.step}
      lang={lang}
      onInput={setMoving}
      onChange={(v) => {
        setMoving(null);
        setHinterland({ km: v });
      }}
    />
  );
}

const LEVELS: HinterlandLevel[] = ['municipality', 'territorial'];

/** Municipalities or territorial units, for the administrative and gravity hinterlands; only when the data have territorial units. */
function LevelChoice({ lang }: { lang: Lang }) {
  const level = useAppState((s) => s.hinterland.level);
  const hasUnits = useAppState((s) => s.dataset?.territorialUnitsAvailable === true);
  const setHinterland = useAppState((s) => s.setHinterland);
  if (!hasUnits) return null;
  return (
    <fieldset class="hinterland-kinds hinterland-level">
      <legend class="control-label">{ht(lang, 'level')}</legend>
      {LEVELS.map((l) => (
        <label key={l} class="control-check">
          <input type="radio" name="hinterland-level" value={l} checked={level === l} onChange={() => setHinterland({ level: l })} />
          {ht(lang, `level_${l}`)}
        </label>
      ))}
      {level === 'territorial' && <p class="legend-note">{ht(lang, 'levelNote')}</p>}
    </fieldset>
  );
}

/**
 * The body of the "Hinterland" section of the left card (HinterlandSection.tsx fetches it when
 * the section first opens): show or hide, the definition with a one-click explanation of each,
 * its parameters, the legend, the administrative assignment's tools and the table of figures.
 * Choosing a definition also shows the layer.
 */
export function HinterlandBody() {
  const lang = useAppState((s) => s.lang);
  const h = useAppState((s) => s.hinterland);
  const setHinterland = useAppState((s) => s.setHinterland);
  const [explained, setExplained] = useState<HinterlandKind | null>(null);
  const [tableOpen, setTableOpen] = useState(false);
  const [compareOpen, setCompareOpen] = useState(false);
  return (
    <>
      <label class="control control-check">
        <input type="checkbox" checked={h.shown} onChange={(e) => setHinterland({ shown: e.currentTarget.checked })} />
        {ht(lang, 'show')}
      </label>
      <fieldset class="hinterland-kinds">
        <legend class="control-label">{ht(lang, 'definition')}</legend>
        {KINDS.map((kind) => (
          <div key={kind} class="hinterland-kind">
            <label class="control-check">
              <input type="radio" name="hinterland-kind" value={kind} checked={h.kind === kind} onChange={() => setHinterland({ kind, shown: true })} />
              {ht(lang, `kind_${kind}`)}
            </label>
            <button
              type="button"
              class="info-button"
              aria-expanded={explained === kind}
              aria-controls={`hinterland-explain-${kind}`}
              aria-label={`${ht(lang, 'explain')} ${ht(lang, `kind_${kind}`)}`}
              title={ht(lang, 'explain')}
              onClick={() => setExplained(explained === kind ? null : kind)}
            >
              ?
            </button>
            {explained === kind && (
              <p id={`hinterland-explain-${kind}`} class="hinterland-explain">
                {ht(lang, `explain_${kind}`)}
              </p>
            )}
          </div>
        ))}
      </fieldset>
      {(h.kind === 'admin' || h.kind === 'gravity' || h.kind === 'commuting') && <LevelChoice lang={lang} />}
      {h.kind === 'commuting' && <CommutingParams lang={lang} />}
      {h.kind === 'fua' && <FuaInfo lang={lang} />}
      {h.kind === 'gravity' && <GravityParams lang={lang} />}
      {h.kind === 'bands' && <BandParams lang={lang} />}
      {h.kind === 'admin' && <AssignmentTools />}
      <div class="button-row">
        <button type="button" class="small-button" onClick={() => setTableOpen(true)}>
          {ht(lang, 'table')}
        </button>
        <button type="button" class="small-button" onClick={() => setCompareOpen(true)}>
          {ht(lang, 'compare')}
        </button>
      </div>
      {tableOpen && <HinterlandTable open onClose={() => setTableOpen(false)} />}
      {compareOpen && <DefinitionComparison open onClose={() => setCompareOpen(false)} />}
    </>
  );
}
