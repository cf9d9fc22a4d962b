/** Font stack names used by the style's `text-font` and declared in its `font-faces`. */
export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_SEMIBOLD = 'Noto Sans SemiBold';
