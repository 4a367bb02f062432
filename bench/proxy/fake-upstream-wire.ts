/**
 * The models the fake upstream of (o) knows: `instant` answers at once, `paced` streams its
 * chunks a fixed delay apart (set on its command line), and the held models of (d)
 * ({@link heldStreams}) stream for about 12 s.
 *
 * @example
 * JSON.stringify({ model: fakeUpstreamModels.paced, stream: true, messages })
 */
export const fakeUpstreamModels = {
  instant: 'bench-instant',
  paced: 'bench-paced',
  heldCoarse: 'bench-held-30x400',
  heldFine: 'bench-held-60x200',
} as const;

/**
 * A held model's stream, read from its id `bench-held-<chunks>x<delayMs>`: that many content
 * chunks that many milliseconds apart.
 *
 * @example
 * heldStream('bench-held-30x400') // { chunks: 30, delayMs: 400 }
 */
export function heldStream(model: string): { chunks: number; delayMs: number } | undefined {
  const match = /^bench-held-(\d+)x(\d+)$/.exec(model);
  return match ? { chunks: Number(match[1]), delayMs: Number(match[2]) } : undefined;
}

/**
 * The tag a (d) request carries in its prompt, `(held <tag>)`, by which the fake upstream files
 * the times it wrote each content chunk of that stream.
 *
 * @example
 * heldTag('proxy', 12) // 'proxy-12'
 */
export function heldTag(target: string, index: number): string {
  return `${target.replace(/[^a-z]+/g, '-')}-${index}`;
}

/**
 * Reads the tag of a held stream's prompt (see {@link heldTag}), if it has one.
 *
 * @example
 * tagOfPrompt('Count to sixty, please (held proxy-12).') // 'proxy-12'
 */
export function tagOfPrompt(prompt: string): string | undefined {
  return /\(held ([a-z-]+\d+)\)/.exec(prompt)?.[1];
}

/**
 * Milliseconds since the epoch with sub-millisecond precision, comparable between processes of
 * one machine (`performance.timeOrigin + performance.now()`).
 *
 * @example
 * const sentAt = epochMilliseconds()
 */
export function epochMilliseconds(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * The content chunks the fake upstream streams, in order: `tok0 `, `tok1 `, …
 *
 * @example
 * streamPieces(3).join('') // 'tok0 tok1 tok2 '
 */
export function streamPieces(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `tok${index} `);
}
