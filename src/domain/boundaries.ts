/**
 * What was changed in the CSP/VZD boundaries (CC BY 4.0), which their licence asks every credit
 * to state: the map's attribution line, the PNG export and the README say it in these words.
 */
export const BOUNDARY_CHANGES = {
  lv: 'pārveidotas: pārprojicētas uz WGS84, vienkāršotas, Varakļānu novads pievienots Madonas novadam (01.07.2025.)',
  en: 'modified: reprojected to WGS84, simplified, Varakļāni municipality merged into Madona municipality (1 July 2025)',
} as const;
