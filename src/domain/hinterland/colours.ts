/**
 * One colour per state city, from Paul Tol's colour-blind-safe "muted" scheme (nine colours) and
 * Okabe and Ito's orange as the tenth. No ten hues stay apart for every kind of colour vision, so
 * neighbours that can meet on the map get hues far apart (Rīga's indigo beside Ogre's orange,
 * Jelgava's sand and Jūrmala's cyan) and every area is also labelled with its city's name.
 */
export const CITY_COLOURS: Readonly<Record<string, string>> = {
  riga: '#332288',
  daugavpils: '#117733',
  jelgava: '#ddcc77',
  jurmala: '#88ccee',
  liepaja: '#cc6677',
  rezekne: '#aa4499',
  ventspils: '#44aa99',
  valmiera: '#999933',
  jekabpils: '#882255',
  ogre: '#e69f00',
};
/** The colour of a city not in the list (a city added to the data before it has a colour). */
export const OTHER_CITY = '#777777';

/** A city's colour on the map and in the legends. */
export const cityColour = (cityId: string): string => CITY_COLOURS[cityId] ?? OTHER_CITY;

/** Class limits of a city's Huff share (0–1) and their colours (ColorBrewer YlOrBr, colour-blind safe). */
export const SHARE_BREAKS = [0.1, 0.25, 0.5, 0.75] as const;
export const SHARE_COLOURS = ['#ffffd4', '#fed98e', '#fe9929', '#d95f0e', '#993404'] as const;

/** The class colour of a share. */
export function shareColour(share: number): string {
  const i = SHARE_BREAKS.findIndex((b) => share < b);
  return SHARE_COLOURS[i === -1 ? SHARE_BREAKS.length : i]!;
}


/** Marks the units where two definitions disagree: not a city's colour, not the outline's. */
export const DISAGREE_COLOUR = '#b91c1c';
