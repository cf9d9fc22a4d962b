/** Font names of the style's `text-font`, registered by the page from its bundled Noto Sans (fonts.ts). */
export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_SEMIBOLD = 'Noto Sans SemiBold';
