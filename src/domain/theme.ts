/** Every colour and stroke of the map in one place, so a projector theme is one more object. */
export interface Theme {
  sea: string;
  seaLabel: string;
  land: string;
  neighbourLine: string;
  neighbourLabel: string;
  municipalBorder: string;
  municipalBorderWidth: number;
  nationalBorder: string;
  nationalBorderWidth: number;
  noData: string;
  hover: string;
  selected: string;
  cityFill: string;
  cityStroke: string;
  cityLabel: string;
  unitLabel: string;
  halo: string;
  labelScale: number;
  /** A state city's own outline: dark, so it reads as the core inside its novads. */
  cityOutline: string;
  cityOutlineWidth: number;
  /** Parish and town borders when zoomed in: fainter than the municipal borders. */
  parishBorder: string;
  parishLabel: string;
  /** Lakes and the Daugava: quiet context. */
  water: string;
  river: string;
}

export const LIGHT_THEME: Theme = {
  sea: '#d7e4ee',
  seaLabel: '#4f6f8c',
  land: '#eeebe4',
  neighbourLine: '#b8b1a5',
  neighbourLabel: '#8a8378',
  municipalBorder: '#ffffff',
  municipalBorderWidth: 0.8,
  nationalBorder: '#3d3d3d',
  nationalBorderWidth: 1.4,
  noData: '#d9d9d9',
  hover: '#111111',
  selected: '#d94801',
  cityFill: '#ffffff',
  cityStroke: '#1a1a1a',
  cityLabel: '#111111',
  unitLabel: '#3b3b3b',
  halo: 'rgba(255,255,255,0.92)',
  labelScale: 1,
  cityOutline: '#1a1a1a',
  cityOutlineWidth: 1.3,
  parishBorder: 'rgba(255,255,255,0.8)',
  parishLabel: '#555555',
  water: '#b9d0e2',
  river: '#7fa7c6',
};

/**
 * The no-data hatch's two colours, in one place: the map's pattern (src/map/hatch.ts), the PNG
 * export's legend, the placeholder picture and the legend's CSS (app.css `--hatch-background`,
 * `--hatch-line`; a test holds them equal).
 */
export const HATCH_COLOURS = { background: '#e8e8e8', line: '#969696' } as const;
