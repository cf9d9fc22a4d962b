import type { Lang } from '../../../domain/format.ts';
import { no, oneOf, type AddressGroup, type AddressParam } from '../param.ts';

export interface LanguageView {
  lang?: Lang;
}
export type LanguageDefaults = LanguageView;

/** `l`: the language (the old `lang` is still read). */
const lang: AddressParam<Lang> = {
  key: 'l',
  aliases: ['lang'],
  get: (view) => view.lang,
  put: (view, value) => void (view.lang = value),
  default: (d) => d.lang,
  read: oneOf<Lang>(['lv', 'en'], no('not a language of the app (lv, en)', 'nav lietotnes valoda (lv, en)')),
  write: (value) => value,
};

/** The language: always written, so that a link opens in the language it was made in. */
export const LANGUAGE: AddressGroup = {
  params: [lang],
  defaults: {},
  contextOf: () => ({}),
  viewOf: (state) => ({ lang: state.lang }),
  apply: (store, view) => {
    const s = store.getState();
    if (view.lang && view.lang !== s.lang) s.setLang(view.lang);
  },
  shapes: (s) => ({ lang: s.oneOf(['lv', 'en']) }),
};
