/**
 * The two models the fake upstream of (o) knows: `instant` answers at once, `paced` streams its
 * chunks a fixed delay apart.
 *
 * @example
 * JSON.stringify({ model: fakeUpstreamModels.paced, stream: true, messages })
 */
export const fakeUpstreamModels = { instant: 'bench-instant', paced: 'bench-paced' } as const;

/**
 * The content chunks the fake upstream streams, in order: `tok0 `, `tok1 `, …
 *
 * @example
 * streamPieces(3).join('') // 'tok0 tok1 tok2 '
 */
export function streamPieces(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `tok${index} `);
}
