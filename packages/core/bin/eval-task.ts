import type { Embedder } from '@ondevice/core';

/** What a prepared evaluation runs with. */
export interface EvalContext {
  /** The core embedder (batching, deduplication and caching included). */
  embedder: Embedder;
  /** Called as texts are embedded, for a progress line. */
  onProgress?: (embedded: number, total: number) => void;
}

/** A task's data, read and validated, ready to score. */
export interface PreparedEval {
  /** Number of examples that will be scored. */
  n: number;
  /** Embeds and scores; resolves with the metric's value (not scaled by 100). */
  run(context: EvalContext): Promise<number>;
}

/**
 * One evaluation task of `ondevice-eval`. Add a task by writing one of these and listing it
 * in `evalTasks`.
 */
export interface EvalTask {
  /** Metric name as printed and in the JSON line, e.g. `spearman`, `accuracy`. */
  metric: string;
  /** One line for `--help`. */
  description: string;
  /**
   * Reads and validates the data file. Runs before the model loads, so a bad file fails fast.
   * @throws {InvalidInputError} when the file cannot be read or is not in the task's format.
   */
  prepare(file: string): Promise<PreparedEval>;
}
