/** Colours of one heatmap cell. */
export interface CellColors {
  /** CSS colour of the cell's background. */
  background: string;
  /** CSS colour of the value written in the cell; must stay readable on `background`. */
  text: string;
}

/**
 * Default heatmap colours for a cosine similarity: white at 0, deepening blue towards 1,
 * orange for negative values. Lightness stays at or above 62%, which keeps the dark text at a
 * contrast ratio above 6:1 (WCAG AA needs 4.5:1), so the value is readable on every cell.
 *
 * @example
 * similarityColors(0.83) // { background: 'hsl(210 80% 68%)', text: '#111' }
 */
export function similarityColors(similarity: number): CellColors {
  const strength = Math.min(1, Math.abs(Number.isFinite(similarity) ? similarity : 0));
  const hue = similarity < 0 ? 25 : 210;
  // 98% lightness at 0, 62% at ±1.
  const lightness = Math.round(98 - strength * 36);
  return { background: `hsl(${hue} 80% ${lightness}%)`, text: '#111' };
}
