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

/** One timed generation: what both sides of (i) report, computed the same way. */
export interface GenerationTiming {
  /** New tokens generated. */
  tokens: number;
  /** New tokens after the first ÷ the time from the first token to the end. */
  tokensPerSecond: number;
  /** From the call to the first new token on the page (model warm). */
  timeToFirstTokenMs: number;
  /** From the call to the end. */
  milliseconds: number;
}

/** (i) One side's generation runs in one fresh page: load, warm-up, timed generations. */
export interface GenerationRun {
  side: 'core' | 'raw';
  /** Load (files read, session built) in milliseconds. */
  loadMs: number;
  generations: GenerationTiming[];
  /** The prompt followed by the continuation (the same for every greedy run). */
  text: string;
  /** Free-form facts about the side that ran (device, dtype, wasm threads…). */
  details: Record<string, unknown>;
}

/** (j) One side's encoder runs in one fresh page: load, warm-up, one timed call per text set. */
export interface EncoderRun {
  side: 'core' | 'raw';
  /** One entry per text set, in order. */
  sets: { texts: number; tokens: number; milliseconds: number; textsPerSecond: number }[];
  /** The vectors of the first set (rounded to 5 decimals), to check both sides agree. */
  firstSetVectors: number[][];
  details: Record<string, unknown>;
}

/** (k) Memory of the page and its workers at one stage, in the browser. */
export interface BrowserMemorySample {
  /** `worker started`, `before load` (runtime in the worker, no model), `after load`, `after unload`. */
  stage: string;
  /**
   * `performance.measureUserAgentSpecificMemory()` total bytes; null where it is unavailable or
   * did not answer within 20 s.
   */
  bytes: number | null;
  /** Bytes attributed to the inference worker (DedicatedWorkerGlobalScope). */
  workerBytes: number | null;
  /** Resident memory of the browser's renderer processes (Linux `/proc`), read by bench/run.ts. */
  rendererResidentBytes: number | null;
  /** `client.memory()`: what each runtime says it holds (sessions and their file bytes). */
  runtime: Record<string, { tensors: number; bytes: number }>;
}
