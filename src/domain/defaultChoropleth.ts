import type { ChoroplethSpec } from './choropleth.ts';

/**
 * The first choropleth: residents on 1 January 2026 in quantile classes. One year for all units:
 * a unit without a 2026 figure (the enlarged Madonas novads) is no data, not a 2025 value.
 * On its own so that Node scripts (the placeholder picture) can read it without the whole store.
 */
export const DEFAULT_CHOROPLETH: ChoroplethSpec = { indicator: 'population_1jan', year: '2026', method: 'quantile', classes: 5, palette: 'blues' };
