import type { PlaceRef } from '../../../domain/places.ts';
import { no, type AddressGroup, type AddressParam } from '../param.ts';

export interface PlaceView {
  place?: PlaceRef;
  /** A second state city to compare with. */
  compare?: string;
}
export interface PlaceContext {
  cityIds: readonly string[];
  unitCodes: readonly string[];
}

/** `s`: a state city by id, or a municipality by CSP code. */
const place: AddressParam<PlaceRef> = {
  key: 's',
  get: ({ place: p }) => p && (p.kind === 'city' ? { kind: 'city', id: p.id } : { kind: 'unit', code: p.code }),
  put: (view, value) => void (view.place = value),
  read: (v, context) =>
    context.cityIds.includes(v) ? { kind: 'city', id: v } : context.unitCodes.includes(v) ? { kind: 'unit', code: v } : no('no such city or municipality', 'šādas pilsētas vai pašvaldības nav'),
  write: (value) => (value.kind === 'city' ? value.id : value.code),
};

/** `c`: a comparison is part of a state city's profile, meaningless without that city chosen. */
const compare: AddressParam<string> = {
  key: 'c',
  get: (view) => view.compare,
  put: (view, value) => void (view.compare = value),
  read: (v, context, { place: p }) =>
    p?.kind !== 'city'
      ? no('a comparison applies only with a state city chosen (s=…)', 'salīdzinājums attiecas tikai uz izvēlētu valstspilsētu (s=…)')
      : v === p.id
        ? no('a city is not compared with itself', 'pilsētu nesalīdzina ar sevi')
        : context.cityIds.includes(v)
          ? v
          : no('no such state city', 'šādas valstspilsētas nav'),
  write: (value) => value,
};

/** The chosen place and the city it is compared with. */
export const PLACE: AddressGroup = {
  params: [place, compare],
  defaults: {},
  contextOf: (dataset) => ({ cityIds: dataset.cities.features.map((f) => f.properties.id), unitCodes: dataset.municipalities.features.map((f) => f.properties.code) }),
  viewOf: (state) => ({ ...(state.selection ? { place: state.selection } : {}), ...(state.compareCity ? { compare: state.compareCity } : {}) }),
  apply: (store, view) => {
    const s = store.getState();
    const selection = view.place ?? null;
    if (JSON.stringify(selection) !== JSON.stringify(s.selection)) s.select(selection);
    const compareCity = view.compare ?? null;
    if (compareCity !== store.getState().compareCity) s.setCompareCity(compareCity);
  },
  shapes: ({ literal, object, string, union }) => ({
    place: union(
      [object({ kind: literal('city'), id: string() }, { strict: true }), object({ kind: literal('unit'), code: string() }, { strict: true })],
      { lv: 'vietai jābūt pilsētai (kind, id) vai vienībai (kind, code)', en: 'a place must be a city (kind, id) or a unit (kind, code)' },
    ),
    compare: string(),
  }),
};
