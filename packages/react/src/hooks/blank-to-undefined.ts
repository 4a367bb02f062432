/**
 * The text, or `undefined` when it is blank (nothing to compute: the hooks stay `idle`).
 *
 * @example
 * blankToUndefined('  ') // undefined
 * blankToUndefined('Refund please') // 'Refund please'
 */
export function blankToUndefined(text: string | null | undefined): string | undefined {
  return text && text.trim() !== '' ? text : undefined;
}
