import { type FitReport, createClient } from '@ondevice/core';
import { warmUpSentences } from '../workload/bench-sentences.js';
import {
  type RecommendJob,
  movieLensRatingsFile,
  parseMovieLensRatings,
  sampleUsers,
} from '../workload/movielens-ratings.js';
import type { LongTaskSummary } from './bench-results.js';
import { recordLongTasks } from './long-task-recorder.js';
import { nextTask, recordLongTaskTimeline } from './long-task-timeline.js';

// Bench (m) in the page: MovieLens 100K tracked into a recommender of the default client
// (worker on, wasm), fitted in the worker, then recommendations timed on the page.

/**
 * What the recommend part measured.
 *
 * @example
 * const { fit, recommend } = await runRecommendJob(recommendJob) // fit.report.milliseconds, recommend[0]
 */
export interface RecommendRun {
  job: RecommendJob;
  ratings: number;
  /** One `track()` call with every rating. */
  track: { milliseconds: number; longTasks: LongTaskSummary };
  fit: {
    /** From the call to the resolved report, on the page (worker round trip included). */
    wallMs: number;
    report: FitReport;
    /** Long tasks by when they started: before the worker's task was sent, during it, after it. */
    longTasks: Record<string, LongTaskSummary>;
    /**
     * From the call to the first progress report (the page's own work before it sends the task
     * to the worker), and from the worker's last progress report to the resolved report.
     */
    pageMs: { before: number; after: number };
    /** Progress reports the page received (stage, done, total), first and last. */
    progress: { stage: string; done: number; total: number }[];
  };
  /** The first `recommend()` after the fit (builds the page-side model), apart. */
  firstRecommendMs: number;
  recommend: number[];
  recommendForSession: number[];
  /** By the call they started in: first recommend, recommend, recommendForSession. */
  recommendLongTasks: Record<string, LongTaskSummary>;
  /** Recommendations per call (k unless fewer were found). */
  returned: { recommend: number[]; recommendForSession: number[] };
  details: Record<string, unknown>;
}

/**
 * Fetches the ratings from the bench server, tracks them, fits, and times recommendations.
 *
 * @example
 * const run = await runRecommendJob(recommendJob)
 */
export async function runRecommendJob(job: RecommendJob): Promise<RecommendRun> {
  const response = await fetch(movieLensRatingsFile.url);
  if (!response.ok) {
    throw new Error(`${movieLensRatingsFile.url} answered ${response.status}`);
  }
  const ratings = parseMovieLensRatings(await response.text());
  const client = createClient({ backend: 'wasm', rememberBackend: false });
  // The fit runs in the worker, which loads the model first: loaded before anything is timed.
  await client.embedder().embed([...warmUpSentences]);
  const recommender = client.recommender({ id: 'bench-movielens', persist: false });
  await recommender.ready();

  // Implicit feedback: every rating is one interaction of weight 1 (as the core's MovieLens
  // test reads it), at its time; the file order breaks timestamp ties.
  await nextTask();
  const stop = recordLongTasks();
  let started = performance.now();
  await recommender.track(
    ratings.map((rating) => ({
      userId: rating.userId,
      itemId: rating.itemId,
      type: 'rated',
      timestamp: rating.timestamp * 1000,
    })),
  );
  const track = { milliseconds: performance.now() - started, longTasks: await stop() };

  // The fit's first progress report comes just before the task is sent to the worker, its last
  // one when the worker finished: the page's own work is before and after them.
  const progress: RecommendRun['fit']['progress'] = [];
  const progressTimes: number[] = [];
  await nextTask();
  let timeline = recordLongTaskTimeline();
  started = performance.now();
  const report = await recommender.fit({
    onProgress: (step) => {
      progress.push({ ...step });
      progressTimes.push(performance.now());
    },
  });
  const ended = performance.now();
  const sent = progressTimes[0] ?? started;
  const finished = progressTimes.at(-1) ?? ended;
  timeline.charge('before the task went to the worker', started, sent);
  timeline.charge('while the worker fitted', sent, finished);
  timeline.charge("after the worker's last progress report", finished, ended);
  const fit = {
    wallMs: ended - started,
    report,
    longTasks: await timeline.stop(),
    pageMs: { before: sent - started, after: ended - finished },
    progress: [progress[0], progress.at(-1)].filter((step) => step !== undefined),
  };

  // Each call starts in a task of its own, as a click's would.
  const users = sampleUsers(ratings, job);
  const returned = { recommend: [] as number[], recommendForSession: [] as number[] };
  timeline = recordLongTaskTimeline();
  await nextTask();
  started = performance.now();
  await recommender.recommend(users[0]?.userId ?? '1', { k: job.k });
  const firstRecommendMs = performance.now() - started;
  timeline.charge('first recommend', started, started + firstRecommendMs);
  const recommend: number[] = [];
  for (const user of users) {
    await nextTask();
    started = performance.now();
    const picks = await recommender.recommend(user.userId, { k: job.k });
    const milliseconds = performance.now() - started;
    timeline.charge('recommend', started, started + milliseconds);
    recommend.push(milliseconds);
    returned.recommend.push(picks.length);
  }
  const recommendForSession: number[] = [];
  for (const user of users) {
    await nextTask();
    started = performance.now();
    const picks = await recommender.recommendForSession(user.latest, { k: job.k });
    const milliseconds = performance.now() - started;
    timeline.charge('recommendForSession', started, started + milliseconds);
    recommendForSession.push(milliseconds);
    returned.recommendForSession.push(picks.length);
  }
  const recommendLongTasks = await timeline.stop();
  const capabilities = client.diagnostics().capabilities;
  client.dispose();
  return {
    job,
    ratings: ratings.length,
    track,
    fit,
    firstRecommendMs,
    recommend,
    recommendForSession,
    recommendLongTasks,
    returned,
    details: {
      crossOriginIsolated: globalThis.crossOriginIsolated,
      wasmThreads: capabilities?.wasmThreads ?? null,
      hardwareConcurrency: navigator.hardwareConcurrency,
    },
  };
}
