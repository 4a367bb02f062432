import type { ModelStatus } from '../../runtimes/model-status.js';

/**
 * One entity found in a text: its type (`PER`, `ORG`, `LOC`…, the model's labels without the
 * `B-`/`I-` prefix), where it is (UTF-16 offsets into the original text, `end` exclusive, so
 * `text.slice(start, end)` is `text`), and the model's mean confidence over its tokens.
 *
 * @example
 * const span: EntitySpan = { type: 'PER', text: 'Alice Johnson', start: 0, end: 13, score: 0.93 }
 */
export interface EntitySpan {
  type: string;
  text: string;
  start: number;
  end: number;
  score: number;
}

/**
 * Options of `client.entities()`.
 *
 * @example
 * client.entities({ model: 'Xenova/bert-base-NER', minScore: 0.5 })
 */
export interface EntityRecognizerOptions {
  /** A token-classification model: hub id, folder URL, or a registered id. */
  model: string;
  /**
   * Spans whose score is below this are left out.
   * @default 0
   */
  minScore?: number;
}

/**
 * Options of one recognition call.
 *
 * @example
 * await recognizer.recognize(text, { signal })
 */
export interface RecognizeOptions {
  signal?: AbortSignal;
}

/**
 * Named-entity recognition with a token-classification model, run in the worker in
 * length-bucketed batches.
 *
 * @example
 * const spans = await client.entities({ model }).recognize('Alice Johnson works at Acme Corp in Paris.')
 */
export interface EntityRecognizer {
  readonly modelId: string;
  recognize(text: string, options?: RecognizeOptions): Promise<EntitySpan[]>;
  recognize(texts: readonly string[], options?: RecognizeOptions): Promise<EntitySpan[][]>;
  /** Loads the model ahead of the first call, with progress. */
  load(options?: {
    signal?: AbortSignal;
    onProgress?: (status: ModelStatus) => void;
  }): Promise<void>;
}
