import { type Embedder, InvalidInputError, type OnDeviceClient } from '@ondevice/core';

/** What the command line hands a task (validated by parseEvalArgs). */
export interface EvalInputs {
  /** `--file`: the rows to evaluate on. */
  file?: string;
  /** `--train`: rows the classifier may be taught from. */
  train?: string;
  /** `--dir`: a data set's folder (MovieLens' ml-100k). */
  dir?: string;
  /**
   * `--holdout-per-class`: instead of `--file`, evaluate on this many rows per class held out of
   * `--train` (seeded, stratified: core's `fewShotSplit`), never taught.
   */
  holdoutPerClass?: number;
  /** `--shots`: examples taught per class. */
  shots?: number;
  /** `--seed`: seed of the sampled split (shots and held-out rows). */
  seed?: number;
}

/** Names of the task inputs; on the command line in kebab case (`--file`, `--holdout-per-class`). */
export type EvalInputName = keyof EvalInputs;

/**
 * The command-line option of an input.
 *
 * @example
 * optionOf('holdoutPerClass') // '--holdout-per-class'
 */
export function optionOf(name: EvalInputName): string {
  return `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** What a prepared evaluation runs with. */
export interface EvalContext {
  /** The client the CLI created (backend from `--backend`); tasks take their API from it. */
  client: OnDeviceClient;
  /**
   * The client's default embedder, already loaded (batching, deduplication and caching
   * included); not loaded for a task with `usesModel: false`.
   */
  embedder: Embedder;
  /** Called as texts are processed, for a progress line; `stage` says what is being done. */
  onProgress?: (done: number, total: number, stage: string) => void;
}

/** What a run measured. */
export interface EvalOutcome {
  /** The metric's value (not scaled by 100). */
  value: number;
  /** Further figures for the summary table, as label and value (e.g. the neutral rate). */
  facts?: [string, string][];
  /** Per-class figures and the confusion summary, printed after the table. */
  details?: string;
  /**
   * Further fields of the `--json` line, after `task`, `metric`, `value` and `n` (e.g. the
   * retrieval task's figures by mode).
   */
  jsonFields?: Record<string, unknown>;
}

/** A task's data, read and validated, ready to score. */
export interface PreparedEval {
  /** Number of examples that will be scored. */
  n: number;
  /** How the data was drawn, as label and value (e.g. what was taught, what was held out). */
  facts?: [string, string][];
  /** Runs the model and scores it. */
  run(context: EvalContext): Promise<EvalOutcome>;
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
  /** The documented command line after the task name, for `--help`. */
  example: string;
  /**
   * `false` for a task that needs no model (pii): the CLI then loads none, and its report has no
   * backend or model line.
   * @default true
   */
  usesModel?: boolean;
  /** Inputs the task reads; giving any other is a usage error, leaving out a required one too. */
  inputs: Readonly<Partial<Record<EvalInputName, 'required' | 'optional'>>>;
  /**
   * Rules across inputs that `inputs` cannot say (e.g. one of `--file`, `--holdout-per-class`).
   * @throws {InvalidInputError} naming what is missing or clashing.
   */
  checkInputs?(inputs: EvalInputs): void;
  /**
   * Reads and validates the data files. Runs before the model loads, so a bad file fails fast.
   * @throws {InvalidInputError} when a file cannot be read or is not in the task's format.
   */
  prepare(inputs: EvalInputs): Promise<PreparedEval>;
}

/**
 * A path input the task declared required (parseEvalArgs has checked it is there).
 *
 * @throws {InvalidInputError} when it is missing after all (a task called directly).
 * @example
 * const examples = await readSst2(pathInput(inputs, 'file'))
 */
export function pathInput(inputs: EvalInputs, name: 'file' | 'train'): string {
  const path = inputs[name];
  if (path === undefined || path === '') {
    throw new InvalidInputError({ parameter: name, message: `Missing --${name} <path>.` });
  }
  return path;
}
