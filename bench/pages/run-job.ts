import { benchSentences } from '../workload/bench-sentences.js';
import { realisticWorkload } from '../workload/realistic-workload.js';
import type { JobName, JobResult } from './bench-results.js';
import { recordLongTasks } from './long-task-recorder.js';

/** Embeds texts the way one side of a comparison does it; resolves when the vectors are read. */
export type EmbedTexts = (texts: string[]) => Promise<unknown>;

/** The 1,000 sentences every job uses. */
export const sentences = benchSentences(1000);

/**
 * Runs one timed job against `embed`, recording main-thread long tasks meanwhile.
 * `plain`: every distinct sentence, in calls of `plainCallSize` (all at once by default).
 * `realistic`: bursts of 1–4-text calls, 30 % repeats (see realisticWorkload).
 *
 * @example
 * await runJob('plain', (texts) => embedder.embed(texts))
 */
export async function runJob(
  job: JobName,
  embed: EmbedTexts,
  options: { plainCallSize?: number; count?: number; maxMilliseconds?: number } = {},
): Promise<Omit<JobResult, 'backend' | 'details'>> {
  const stop = recordLongTasks();
  const started = performance.now();
  let texts = 0;
  let calls = 0;
  if (job === 'plain') {
    const list = sentences.slice(0, options.count ?? sentences.length);
    const size = options.plainCallSize ?? list.length;
    for (let start = 0; start < list.length; start += size) {
      if (performance.now() - started > (options.maxMilliseconds ?? Infinity)) break;
      const call = list.slice(start, start + size);
      await embed(call);
      texts += call.length;
      calls += 1;
    }
  } else {
    for (const burst of realisticWorkload(sentences).bursts) {
      // A UI fires these without awaiting each other; the next burst comes once they render.
      await Promise.all(burst.map((call) => embed(call)));
      texts += burst.flat().length;
      calls += burst.length;
    }
  }
  const milliseconds = performance.now() - started;
  return {
    texts,
    calls,
    milliseconds: Math.round(milliseconds),
    sentencesPerSecond: (texts * 1000) / milliseconds,
    longTasks: await stop(),
  };
}
