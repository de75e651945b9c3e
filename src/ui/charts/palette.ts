/**
 * Series colours by position, not by name: Plot's default ordinal domain is the sorted labels, so a
 * plan's colour would follow the alphabet of the language shown. Given the series in the order the
 * page lists them (baseline first, then the plans as chosen), each keeps its colour and its place
 * in the legend in every language, on every page and in every export.
 */
export const PALETTE = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
] as const;

/** The distinct values in first-seen order. */
export function inOrder<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** A Plot colour scale for these series, in this order. */
export function seriesColors(names: string[]): { type: 'ordinal'; domain: string[]; range: string[] } {
  const domain = inOrder(names);
  return { type: 'ordinal', domain, range: domain.map((_, k) => PALETTE[k % PALETTE.length]) };
}

/**
 * Health bands good / average / poor in Paul Tol's high-contrast scheme (dark blue, ochre, rose):
 * told apart with any of the common colour-vision deficiencies and in greyscale, by lightness.
 */
export const HEALTH_COLOURS = { good: '#004488', average: '#ddaa33', poor: '#bb5566' } as const;
