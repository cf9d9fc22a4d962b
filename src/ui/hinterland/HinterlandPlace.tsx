import { formatNumber } from '../../domain/format.ts';
import type { PlaceRef } from '../../domain/places.ts';
import { aggregateKind, effectiveLevel, selectAggregates, selectAssignment, selectGravity } from '../../state/hinterlandDerived.ts';
import { useAppState } from '../context.ts';
import { hasText, InLanguage } from '../OriginalText.tsx';
import { FigureValue, type FigureKind } from './figures.tsx';
import { ht, type HinterlandStringKey } from './strings.ts';
import { nameIn } from '../../domain/bilingual.ts';

const FACTS: [key: 'areaKm2' | 'residents' | 'densityPerKm2' | 'shareOfLatviaResidents' | 'shareOfLatviaArea' | 'cityShareOfResidents', kind: FigureKind, label: HinterlandStringKey][] = [
  ['areaKm2', 'area', 'area'],
  ['residents', 'residents', 'residents'],
  ['densityPerKm2', 'density', 'density'],
  ['shareOfLatviaResidents', 'share', 'shareResidents'],
  ['shareOfLatviaArea', 'share', 'shareArea'],
  ['cityShareOfResidents', 'share', 'cityShare'],
];

/** A state city with its hinterland: the computed figures of the current partition, each with its provenance. */
export function HinterlandFacts({ cityId }: { cityId: string }) {
  const lang = useAppState((s) => s.lang);
  const dataset = useAppState((s) => s.dataset);
  const aggregates = useAppState(selectAggregates);
  const kind = useAppState(aggregateKind);
  const level = useAppState(effectiveLevel);
  if (!dataset || !aggregates) return null;
  const mine = aggregates.cities.find((c) => c.cityId === cityId);
  return (
    <section class="hinterland-facts" aria-labelledby="hinterland-facts-title">
      <h3 id="hinterland-facts-title">
        {ht(lang, 'withHinterland')} ({ht(lang, `kind_${kind}`)}
        {level === 'territorial' && `, ${ht(lang, 'level_territorial')}`})
      </h3>
      {!mine ? (
        <p class="muted">{ht(lang, 'noHinterland')}</p>
      ) : (
        <dl class="facts">
          {FACTS.map(([key, kind, label]) => (
            <div class="fact" key={key} data-hinterland-fact={key}>
              <dt>{ht(lang, label)}</dt>
              <dd>
                <FigureValue f={mine[key]} kind={kind} data={dataset.indicators} lang={lang} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** A municipality's city in the administrative assignment, editable; and its winner in the gravity model. */
export function UnitCity({ code }: { code: string }) {
  const lang = useAppState((s) => s.lang);
  const dataset = useAppState((s) => s.dataset);
  const assignment = useAppState(selectAssignment);
  const gravity = useAppState((s) => (s.hinterland.kind === 'gravity' ? selectGravity(s) : null));
  const setUnitCity = useAppState((s) => s.setUnitCity);
  if (!dataset || !assignment) return null;
  const row = assignment.find((a) => a.code === code);
  if (!row) return null;
  const cities = [...dataset.cities.features].sort((a, b) => a.properties.order - b.properties.order).map((f) => f.properties);
  const nameOf = (id: string) => {
    const c = cities.find((x) => x.id === id);
    return c ? nameIn(c, lang) : id;
  };
  const won = gravity?.assignment.find((a) => a.code === code);
  const share = won?.cityId ? gravity?.shareByCode.get(code)?.[won.cityId] : undefined;
  return (
    <div class="hinterland-unit">
      <label class="control">
        <span class="control-label">{ht(lang, 'belongsTo')}</span>
        <select value={row.cityId ?? ''} data-unit-city={code} onChange={(e) => void setUnitCity(code, e.currentTarget.value || null)}>
          <option value="">{ht(lang, 'none')}</option>
          {cities.map((c) => (
            <option key={c.id} value={c.id}>
              {nameOf(c.id)}
            </option>
          ))}
        </select>
      </label>
      {hasText(row.reason) && (
        <p class="source-note">
          {ht(lang, 'reason')}: <InLanguage text={row.reason} lang={lang} />
        </p>
      )}
      {won?.cityId && share !== undefined && (
        <p class="source-note">
          {ht(lang, 'gravityHere')}: {nameOf(won.cityId)}, {formatNumber(share * 100, lang, 0)} %
        </p>
      )}
    </div>
  );
}

/** The hinterland part of the place panel: a city's figures, or a municipality's city. */
export function HinterlandPlace({ place }: { place: PlaceRef }) {
  return place.kind === 'city' ? <HinterlandFacts cityId={place.id} /> : <UnitCity code={place.code} />;
}
