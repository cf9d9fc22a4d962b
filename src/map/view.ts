/** Screen padding that keeps Latvia clear of the header and, on wide screens, the legend. */
export function fitPadding(width: number, height: number): { top: number; right: number; bottom: number; left: number } {
  const wide = width >= 900;
  const top = height >= 500 ? 72 : 56;
  return { top, right: 24, bottom: wide ? 32 : 56, left: wide ? 330 : 16 };
}

/** The attribution line: the boundary licence asks for a visible link to amCharts. */
export function attributionHtml(): string[] {
  return [
    'Robežas / boundaries: <a href="https://www.amcharts.com/" target="_blank" rel="noopener">amCharts</a>',
    'Natural Earth',
    'Dati / data: <a href="https://stat.gov.lv/" target="_blank" rel="noopener">CSP / Oficiālās statistikas portāls</a>',
  ];
}
