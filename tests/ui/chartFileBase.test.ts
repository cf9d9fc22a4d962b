import { describe, expect, it } from 'vitest';
import { chartFileBase } from '../../src/ui/charts/downloadChart.ts';

describe('the file names of exported charts', () => {
  it('start with the app’s name and keep indicator ids as they are', () => {
    expect(chartFileBase('population_1jan', '2026')).toBe('valstspilsetas-population_1jan-2026');
    expect(chartFileBase('riga', 'city_population', '2013–2025')).toBe('valstspilsetas-riga-city_population-2013-2025');
  });

  it('write Latvian letters without their marks, turn periods, ratios and other characters into dashes, and drop empty parts', () => {
    expect(chartFileBase('public_libraries_per_10k', '2024/2026')).toBe('valstspilsetas-public_libraries_per_10k-2024-2026');
    expect(chartFileBase('user:Mans rādītājs', '')).toBe('valstspilsetas-user-Mans-raditajs');
  });
});
