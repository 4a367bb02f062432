// Result shapes the bench pages hand back to bench/run.ts (plain data, through Playwright).

/** Main-thread long tasks (PerformanceObserver 'longtask', all are > 50 ms) during a job. */
export interface LongTaskSummary {
  /** Tasks longer than 50 ms. */
  count: number;
  /** Longest task in milliseconds (0 when there was none). */
  longestMs: number;
  /** Sum of their durations. */
  totalMs: number;
}

/** One timed embedding job. */
export interface JobResult {
  /** Texts the job asked for (repeats counted every time). */
  texts: number;
  /** Calls made to `embed`. */
  calls: number;
  milliseconds: number;
  sentencesPerSecond: number;
  longTasks: LongTaskSummary;
  /** Backend the vectors were computed on. */
  backend: string;
  /** Free-form facts about the side that ran (wasm threads, embedder counters…). */
  details: Record<string, unknown>;
}

/** The jobs a throughput page can run. */
export type JobName = 'plain' | 'realistic';

/** What the tfjs-default page measured. */
export interface TfjsDefaultResult {
  /** Backend tf.ready() picked with cpu, webgl and wasm registered and no setBackend. */
  picked: string;
  /** WebGL renderer string, when the pick is webgl. */
  renderer: string | null;
  job: JobResult;
}

/** What the first-embedding page measured. */
export interface FirstEmbeddingResult {
  /** Milliseconds from navigation start to the first embedding's vector. */
  milliseconds: number;
  backend: string;
  /** How the backend was decided: measurement (cold) or remembered (warm). */
  decidedBy: string;
  /** Model files read from the Cache API, and downloaded. */
  cacheHits: number;
  cacheMisses: number;
}

/** How the typing page is set up. */
export interface TypingSetup {
  /** Which widget of @ondevice/react is typed into. */
  widget: string;
  /** The widget's debounce in milliseconds. */
  debounceMs: number;
  backend: string;
  worker: boolean;
  /** Label of the warm-up analysis (proves the model ran). */
  warmLabel: string;
}

/** What the typing recorder saw. */
export interface TypingRecord {
  /**
   * Every keystroke: `at` is its keydown timestamp; `resolvedAt` when the badge first showed
   * the result for the text it produced (null when the next key came first). performance.now() ms.
   */
  keystrokes: { at: number; resolvedAt: number | null }[];
  longTasks: LongTaskSummary;
  /** Longest keystroke event (keydown to next paint, Event Timing API, 8 ms resolution). */
  longestEventMs: number;
}

/** Retraining a teachable classifier that holds `examples` examples. */
export interface RetrainResult {
  examples: number;
  labels: number;
  /** Learning all the examples in one call: embedding them and one training. */
  bulk: { milliseconds: number; trainingMs: number | null };
  /** Learning one more example each time: wall time of `learn()`, and its training part. */
  oneMore: { milliseconds: number[]; trainingMs: (number | null)[] };
  longTasks: LongTaskSummary;
  storage: string;
}
