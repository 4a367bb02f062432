import { Agent, request as httpRequest } from 'node:http';
import { epochMilliseconds, heldStream, heldTag, streamPieces } from './fake-upstream-wire.js';
import { answerText } from './timed-post.js';

/**
 * How (d) opens its streams: `count` streams of the fake upstream's held `model`, one every
 * `everyMs`, so that with streams of about 12 s they are all open together for a while.
 *
 * @example
 * const schedule: HeldSchedule = { model: 'bench-held-30x400', count: 1_000, everyMs: 10 }
 */
export interface HeldSchedule {
  model: string;
  count: number;
  everyMs: number;
}

/**
 * One target's (d): every stream's first-token time, every content chunk's delivery delay (the
 * client's receipt minus the fake upstream's write, both epoch ms on this machine), the most
 * streams open at once, and the errors by kind.
 *
 * @example
 * const run: HeldTimings = await heldStreams(target, { model: 'bench-held-30x400', count: 1_000, everyMs: 10 }, 'proxy', upstreamUrl)
 */
export interface HeldTimings {
  /** Request to the first content chunk, by stream. */
  firstTokenMs: number[];
  /** Upstream write to client receipt, every content chunk of every complete stream. */
  chunkDelayMs: number[];
  /** Request to last byte, by stream. */
  totalMs: number[];
  /** The most streams between their response and their end at one moment. */
  peakOpen: number;
  /** Streams answered in full (status 200, the whole text, `[DONE]`). */
  completed: number;
  errors: Record<string, number>;
  wallMs: number;
}

const tokenPattern = /tok(\d+) /g;

/**
 * Opens `schedule.count` streams of the fake upstream's held `schedule.model` against `url` (the fake
 * itself or the proxy), one every `schedule.everyMs`, each on a new keep-alive connection; times
 * each content chunk as it arrives, then asks the fake upstream (`GET {upstreamUrl}/bench-emissions`)
 * when it wrote each one.
 *
 * @example
 * const timings = await heldStreams({ url, apiKey }, { model: 'bench-held-30x400', count: 1_000, everyMs: 10 }, 'direct', upstream.url)
 */
export async function heldStreams(
  target: { url: string; apiKey?: string },
  schedule: HeldSchedule,
  name: string,
  upstreamUrl: string,
): Promise<HeldTimings> {
  const chunks = heldStream(schedule.model)?.chunks ?? 0;
  const expected = streamPieces(chunks).join('');
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: Infinity });
  const errors: Record<string, number> = {};
  const fail = (kind: string) => (errors[kind] = (errors[kind] ?? 0) + 1);
  const firstTokenMs: number[] = [];
  const totalMs: number[] = [];
  const received = new Map<string, number[]>();
  let open = 0;
  let peakOpen = 0;

  const one = (index: number) =>
    new Promise<void>((resolve) => {
      const tag = heldTag(name, index);
      const started = performance.now();
      const arrivals: number[] = [];
      let text = '';
      let scanned = 0;
      let counted = false;
      const done = (error?: string) => {
        if (counted) return;
        counted = true;
        if (error) fail(error);
        resolve();
      };
      const request = httpRequest(target.url, {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          ...(target.apiKey ? { authorization: `Bearer ${target.apiKey}` } : {}),
        },
      });
      request.setTimeout(60_000, () => request.destroy(new Error('TIMEOUT')));
      request.on('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
      request.on('response', (response) => {
        open++;
        peakOpen = Math.max(peakOpen, open);
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          const at = epochMilliseconds();
          text += chunk;
          tokenPattern.lastIndex = scanned;
          for (let match = tokenPattern.exec(text); match; match = tokenPattern.exec(text)) {
            if (arrivals.length === 0) firstTokenMs[index] = performance.now() - started;
            arrivals[Number(match[1])] = at;
            scanned = tokenPattern.lastIndex;
          }
        });
        response.on('error', () => {
          open--;
          done('response error');
        });
        response.on('end', () => {
          open--;
          totalMs[index] = performance.now() - started;
          if (response.statusCode !== 200) return done(`HTTP ${response.statusCode}`);
          if (answerText(text, true) !== expected) return done('incomplete answer');
          received.set(tag, arrivals);
          done();
        });
      });
      request.end(
        JSON.stringify({
          model: schedule.model,
          stream: true,
          messages: [{ role: 'user', content: `Count to sixty, please (held ${tag}).` }],
        }),
      );
    });

  const started = performance.now();
  const streams: Promise<void>[] = [];
  for (let index = 0; index < schedule.count; index++) {
    const due = started + index * schedule.everyMs;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    streams.push(one(index));
  }
  await Promise.all(streams);
  const wallMs = performance.now() - started;
  agent.destroy();

  const written = (await (await fetch(`${upstreamUrl}/bench-emissions`)).json()) as Record<
    string,
    number[]
  >;
  const chunkDelayMs: number[] = [];
  for (const [tag, arrivals] of received) {
    const writes = written[tag];
    if (!writes || writes.length !== arrivals.length) {
      fail('no upstream times');
      continue;
    }
    for (const [chunk, arrival] of arrivals.entries()) chunkDelayMs.push(arrival - writes[chunk]!);
  }
  return {
    firstTokenMs: firstTokenMs.filter(Number.isFinite),
    chunkDelayMs,
    totalMs: totalMs.filter(Number.isFinite),
    peakOpen,
    completed: received.size,
    errors,
    wallMs,
  };
}
