import { benchSentences } from './bench-sentences.js';

/** What the (h) reliability lines measure, the same in the browser and in Node. */
export interface ReliabilityResult {
  /** Milliseconds from `abort()` of a 100,000-character job until a new one-text call resolved. */
  abortToNewWorkMs: number[];
  /** The same one-text call alone, for comparison (what the new work itself costs). */
  newWorkAloneMs: number;
  /** Milliseconds to embed one 1 MB text, and whether the result said it was truncated. */
  megabyte: { milliseconds: number; truncated: boolean };
  /** Node only: the longest event-loop block during a 1,000-sentence job, and the job's time. */
  eventLoop?: { longestBlockMs: number; jobMs: number };
}

/** A minimal embedder, as `client.embedder()` is. */
interface BenchEmbedder {
  embed(
    texts: string | readonly string[],
    options?: { signal?: AbortSignal },
  ): Promise<{ truncated: boolean[] }>;
}

const settle = (milliseconds: number) =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Runs the reliability measurements with a warm embedder (cache off, so nothing is free):
 * three rounds of "abort a 100,000-character job after 200 ms, then ask for one text", and one
 * 1 MB text.
 */
export async function measureReliability(embedder: BenchEmbedder): Promise<ReliabilityResult> {
  const newWork = 'Is the engine free again?';
  let started = performance.now();
  await embedder.embed(newWork);
  const newWorkAloneMs = performance.now() - started;
  const abortToNewWorkMs: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    // 200 distinct texts of 500 characters: 100,000 characters, several seconds of work.
    const job = benchSentences(2000, 100 + round)
      .reduce<string[]>((texts, sentence, index) => {
        const slot = index % 200;
        texts[slot] = `${texts[slot] ?? ''} ${sentence}`.slice(0, 500);
        return texts;
      }, [])
      .map((text, index) => `${round}.${index} ${text}`);
    const controller = new AbortController();
    const running = embedder.embed(job, { signal: controller.signal }).catch(() => undefined);
    await settle(200);
    started = performance.now();
    controller.abort();
    await embedder.embed(`${newWork} (${round})`);
    abortToNewWorkMs.push(Math.round(performance.now() - started));
    await running;
  }
  const megabyte = 'Our invoices arrive late and support never answers. '.repeat(20_000);
  started = performance.now();
  const { truncated } = await embedder.embed(megabyte);
  return {
    abortToNewWorkMs,
    newWorkAloneMs: Math.round(newWorkAloneMs),
    megabyte: {
      milliseconds: Math.round(performance.now() - started),
      truncated: truncated[0] === true,
    },
  };
}

/** Node: the longest gap between 1 ms timer ticks while 1,000 bench sentences are embedded. */
export async function measureEventLoopBlock(
  embedder: BenchEmbedder,
): Promise<{ longestBlockMs: number; jobMs: number }> {
  const sentences = benchSentences(1000, 4242);
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  await embedder.embed(sentences);
  const jobMs = performance.now() - started;
  clearInterval(timer);
  longest = Math.max(longest, performance.now() - last);
  return { longestBlockMs: Math.round(longest), jobMs: Math.round(jobMs) };
}
