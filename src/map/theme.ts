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
};
