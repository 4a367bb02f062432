import type { LongTaskSummary } from '../pages/bench-results.js';
import type { RecommendRun } from '../pages/recommend-run.js';
import { recommendJob } from '../workload/movielens-ratings.js';
import { round } from './bench-report.js';
import type { MachineInfo } from './machine-info.js';
import { type BlockMarkers, alignedRows, markdownTable } from './markdown-blocks.js';
import type { RecommendRuns } from './measure-recommend.js';
import { type Latency, latencyOf } from './search-report.js';

/**
 * The fit's target of the issue, in milliseconds.
 *
 * @example
 * const met = report.fit.milliseconds <= fitTargetMs
 */
export const fitTargetMs = 30_000;

/**
 * The headline figures of (m).
 *
 * @example
 * const { fit, recommend } = report.figures as RecommendFigures // fit.wallMs, recommend.p95
 */
export interface RecommendFigures {
  ratings: number;
  users: number;
  items: number;
  track: { milliseconds: number; longTasks: LongTaskSummary };
  fit: {
    wallMs: number;
    workerMs: number;
    /** The page's own work before the task went to the worker; from its last progress report on. */
    pageBeforeMs: number;
    pageAfterMs: number;
    longTasks: LongTaskSummary;
    /** By when they started: on the page before the worker, during it, after it. */
    longTasksByPhase: Record<string, LongTaskSummary>;
  };
  validation: RecommendRun['fit']['report']['validation'];
  firstRecommendMs: number;
  recommend: Latency;
  recommendForSession: Latency;
  recommendLongTasks: LongTaskSummary;
  /** By the call they started in (first recommend, recommend, recommendForSession, other). */
  recommendLongTasksByCall: Record<string, LongTaskSummary>;
  /** Fewest recommendations one call returned (k asked). */
  fewestReturned: number;
}

/**
 * One acceptance line of (m).
 *
 * @example
 * const check: RecommendTargetCheck = { id: 'm-fit', label: '(m) fit()', target: '≤ 30 s', measured: '7.48 s', met: true }
 */
export interface RecommendTargetCheck {
  id: 'm-fit' | 'm-fit-long-tasks' | 'm-recommend' | 'm-recommend-long-tasks';
  label: string;
  target: string;
  measured: string;
  met: boolean | null;
}

/**
 * The (m) report: printed as JSON and rendered into docs/benchmarks.md.
 *
 * @example
 * const report: RecommendReport = buildRecommendReport(run, machine, command, new Date())
 */
export interface RecommendReport {
  command: string;
  date: string;
  machine: MachineInfo;
  figures: RecommendFigures | { skipped: string };
  targets: RecommendTargetCheck[];
  run: RecommendRuns;
}

const tasks = (summary: LongTaskSummary) =>
  `${summary.count}${summary.count > 0 ? ` (longest ${summary.longestMs} ms)` : ''}`;

const total = (byKind: Record<string, LongTaskSummary>): LongTaskSummary =>
  Object.values(byKind).reduce(
    (sum, summary) => ({
      count: sum.count + summary.count,
      longestMs: Math.max(sum.longestMs, summary.longestMs),
      totalMs: sum.totalMs + summary.totalMs,
    }),
    { count: 0, longestMs: 0, totalMs: 0 },
  );

/** Long tasks in all, and where they started: "2 (longest 180 ms): worker: 1 (…); …", or "0". */
const tasksWhere = (summaries: Record<string, LongTaskSummary>) => {
  const all = total(summaries);
  if (all.count === 0) return '0';
  const where = Object.entries(summaries)
    .filter(([, summary]) => summary.count > 0)
    .map(([kind, summary]) => `${kind} ${tasks(summary)}`)
    .join(', ');
  return `${tasks(all)}: ${where}`;
};

/**
 * The (m) report: figures, the fit's target, and what is reported without one.
 *
 * @example
 * const report = buildRecommendReport(run, machine, 'npm run bench -- --only recommend --write', new Date())
 */
export function buildRecommendReport(
  run: RecommendRuns,
  machine: MachineInfo,
  command: string,
  date: Date,
): RecommendReport {
  const base = { command, date: date.toISOString(), machine, run };
  if ('skipped' in run) return { ...base, figures: { skipped: run.skipped }, targets: [] };
  const figures: RecommendFigures = {
    ratings: run.ratings,
    users: run.fit.report.users,
    items: run.fit.report.items,
    track: { milliseconds: Math.round(run.track.milliseconds), longTasks: run.track.longTasks },
    fit: {
      wallMs: Math.round(run.fit.wallMs),
      workerMs: Math.round(run.fit.report.milliseconds),
      pageBeforeMs: Math.round(run.fit.pageMs.before),
      pageAfterMs: Math.round(run.fit.pageMs.after),
      longTasks: total(run.fit.longTasks),
      longTasksByPhase: run.fit.longTasks,
    },
    validation: run.fit.report.validation,
    firstRecommendMs: round(run.firstRecommendMs, 1),
    recommend: latencyOf(run.recommend),
    recommendForSession: latencyOf(run.recommendForSession),
    recommendLongTasks: total(run.recommendLongTasks),
    recommendLongTasksByCall: run.recommendLongTasks,
    fewestReturned: Math.min(...run.returned.recommend, ...run.returned.recommendForSession),
  };
  const targets: RecommendTargetCheck[] = [
    {
      id: 'm-fit',
      label: '(m) `fit()` on MovieLens 100K in the worker, from the call to the report',
      target: `≤ ${fitTargetMs / 1000} s`,
      measured: `${(figures.fit.wallMs / 1000).toFixed(2)} s (worker ${(figures.fit.workerMs / 1000).toFixed(2)} s)`,
      met: figures.fit.wallMs <= fitTargetMs,
    },
    {
      id: 'm-fit-long-tasks',
      label: '(m) main-thread tasks > 50 ms during `fit()`',
      target: 'reported',
      measured: tasksWhere(figures.fit.longTasksByPhase),
      met: null,
    },
    {
      id: 'm-recommend',
      label: `(m) \`recommend(user)\` / \`recommendForSession(${recommendJob.sessionItems} items)\`, p50 / p95 over ${recommendJob.users} users`,
      target: 'reported',
      measured: `${figures.recommend.p50} / ${figures.recommend.p95} ms; ${figures.recommendForSession.p50} / ${figures.recommendForSession.p95} ms`,
      met: null,
    },
    {
      id: 'm-recommend-long-tasks',
      label: '(m) main-thread tasks > 50 ms during the recommendations',
      target: 'reported',
      measured: tasksWhere(figures.recommendLongTasksByCall),
      met: null,
    },
  ];
  return { ...base, figures, targets };
}

/**
 * The console summary of (m).
 *
 * @example
 * process.stdout.write(formatRecommendLines(report))
 */
export function formatRecommendLines(report: RecommendReport): string {
  if ('skipped' in report.figures) return `(m) recommend skipped: ${report.figures.skipped}`;
  const { figures } = report;
  return [
    alignedRows([
      ['check', 'measured', 'target', 'result'],
      ...report.targets.map((check) => [
        check.label,
        check.measured,
        check.target,
        check.met === null ? '-' : check.met ? 'met' : 'MISSED',
      ]),
    ]),
    '',
    `validation (${figures.validation.users} users): ${figures.validation.byAlgorithm.map((entry) => `${entry.name} HR@10 ${entry.hitRate.toFixed(3)} NDCG@10 ${entry.ndcg.toFixed(3)}`).join('; ')}; chosen transition weight ${figures.validation.chosen.transitionWeight}, content weight ${figures.validation.chosen.contentWeight}`,
  ].join('\n');
}

/**
 * Markers around the (m) block of docs/benchmarks.md, so `--only recommend` can replace it alone.
 *
 * @example
 * spliceBlock(document, renderRecommendMarkdown(report), recommendBlockMarkers)
 */
export const recommendBlockMarkers: BlockMarkers = {
  start: '<!-- bench (m) recommend: start -->',
  end: '<!-- bench (m) recommend: end -->',
};

/**
 * The (m) block of docs/benchmarks.md, between its markers.
 *
 * @example
 * const block = renderRecommendMarkdown(report)
 */
export function renderRecommendMarkdown(report: RecommendReport): string {
  const { machine } = report;
  const header = `${recommendBlockMarkers.start}
## (m) Recommendations: \`client.recommender()\` on MovieLens 100K

Generated by \`${report.command}\` (bench/run.ts) on ${report.date}, on ${machine.cpu}, ${machine.cores} cores, headless Chromium ${machine.chromium}. Do not edit by hand: run the command again.`;
  if ('skipped' in report.figures) {
    return `${header}\n\nSkipped in this run: ${report.figures.skipped}.\n${recommendBlockMarkers.end}\n`;
  }
  const { figures } = report;
  const count = (value: number) => value.toLocaleString('en-US');
  return `${header}

${markdownTable([
  ['check', 'target', 'measured', 'result'],
  ...report.targets.map((check) => [
    check.label,
    check.target,
    check.measured,
    check.met === null ? '(no target)' : check.met ? 'met' : '**missed**',
  ]),
])}

### How it is measured

- **Data:** MovieLens 100K \`u.data\` (${count(figures.ratings)} ratings, ${count(figures.users)} users, ${count(figures.items)} items), read from \`../shared/data\` next to the repository and served to the page by the bench server while it runs (bench/node/serve-shared-data.ts); never copied into the repository or a build. The part is skipped when the file is absent. Implicit feedback: every rating is one interaction of weight 1 and type \`rated\` at its timestamp (the file order breaks ties), as core's MovieLens test reads it; no item texts, so no content signal.
- **Page:** bench/pages/recommend.html (bench/pages/recommend-run.ts) in a fresh tab: \`createClient({ backend: 'wasm', rememberBackend: false })\`, the worker on (the default), the model loaded first (the fit's task runs in the worker that loads it), \`client.recommender({ id, persist: false })\`; one \`track()\` call with every rating, then \`fit()\` (EASE, transitions and the blend chosen on a validation split, in the worker), from the call until its report resolves on the page.
- **Recommendations:** ${recommendJob.users} users, a seeded sample; \`recommend(userId, { k: ${recommendJob.k} })\` for each, then \`recommendForSession(items, { k: ${recommendJob.k} })\` with each one's ${recommendJob.sessionItems} latest items, oldest first; \`performance.now()\` around each awaited call, nearest-rank p50 / p95. The first \`recommend()\` after the fit (it builds the page's scoring model) is timed apart: ${figures.firstRecommendMs} ms. Fewest recommendations a call returned: ${figures.fewestReturned} of ${recommendJob.k}.
- **Long tasks:** PerformanceObserver \`longtask\` on the page during \`track()\`, \`fit()\` and the recommendations. Every timed call starts in a task of its own (as one from a click would), and a long task is charged to the call, or the part of the fit, in which it started: the fit's first progress report comes from the page just before it sends the task to the worker, so what starts before it is the page's own work (ordering the interactions and building the log); what starts after the worker's last progress report is the end of the fit, the model's transfer and the page unpacking it.

| step | time | main-thread tasks > 50 ms |
| --- | --- | --- |
| \`track()\`, ${count(figures.ratings)} interactions in one call | ${count(figures.track.milliseconds)} ms | ${tasks(figures.track.longTasks)} |
| \`fit()\`: call to report (the worker's own \`milliseconds\`; the page's own work before sending the task ${count(figures.fit.pageBeforeMs)} ms; from the worker's last progress report to the report on the page ${count(figures.fit.pageAfterMs)} ms) | **${(figures.fit.wallMs / 1000).toFixed(2)} s** (${(figures.fit.workerMs / 1000).toFixed(2)} s) | ${tasksWhere(figures.fit.longTasksByPhase)} |
| \`recommend(user)\`, p50 / p95 | ${figures.recommend.p50} / **${figures.recommend.p95} ms** | ${tasksWhere(figures.recommendLongTasksByCall)} (both kinds of call) |
| \`recommendForSession(${recommendJob.sessionItems} items)\`, p50 / p95 | ${figures.recommendForSession.p50} / **${figures.recommendForSession.p95} ms** | |

### The fit's validation figures (\`FitReport.validation\`)

Each user's second-latest item held out and ranked against 99 seeded negatives (${count(figures.validation.users)} users); the blend chosen: transition weight ${figures.validation.chosen.transitionWeight}, content weight ${figures.validation.chosen.contentWeight}. No anchor is run for the fit.

${markdownTable([
  ['algorithm', 'HR@10', 'NDCG@10'],
  ...figures.validation.byAlgorithm.map((entry) => [
    entry.name,
    entry.hitRate.toFixed(4),
    entry.ndcg.toFixed(4),
  ]),
])}
${recommendBlockMarkers.end}
`;
}
