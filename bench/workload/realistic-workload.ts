import { seededRandom } from './seeded-random.js';

/** One burst: calls a UI fires in the same moment, each with 1–4 texts. */
export type Burst = string[][];

/**
 * The "realistic" workload: `total` texts requested, about `repeatShare` of them repeats of
 * texts asked for earlier (a UI re-embeds what it already showed), split into calls of 1–4
 * texts, grouped into bursts of 6–14 calls fired without awaiting each other.
 *
 * @example
 * realisticWorkload(benchSentences(1000)) // Burst[] covering 1,000 requested texts
 */
export function realisticWorkload(
  sentences: readonly string[],
  options: { total?: number; repeatShare?: number; seed?: number } = {},
): { bursts: Burst[]; texts: number; distinct: number } {
  const total = options.total ?? sentences.length;
  const repeats = Math.round(total * (options.repeatShare ?? 0.3));
  const random = seededRandom(options.seed ?? 7);
  // Choose which positions are repeats (never the first), then fill the sequence.
  const repeatAt = new Set<number>();
  while (repeatAt.size < repeats) repeatAt.add(random.integer(1, total - 1));
  const requested: string[] = [];
  let fresh = 0;
  for (let position = 0; position < total; position += 1) {
    if (repeatAt.has(position)) requested.push(random.pick(requested));
    else requested.push(sentences[fresh++] as string);
  }
  const calls: string[][] = [];
  for (let start = 0; start < requested.length;) {
    const size = random.integer(1, 4);
    calls.push(requested.slice(start, start + size));
    start += size;
  }
  const bursts: Burst[] = [];
  for (let start = 0; start < calls.length;) {
    const size = random.integer(6, 14);
    bursts.push(calls.slice(start, start + size));
    start += size;
  }
  return { bursts, texts: requested.length, distinct: fresh };
}
