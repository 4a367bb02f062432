import type { SentimentResult } from '../sentiment/sentiment-types.js';
import type { TeachablePrediction } from '../teachable/teachable-types.js';
import type { ZeroShotLabel, ZeroShotResult } from '../zero-shot/zero-shot-types.js';

/**
 * A trained linear head over L2-normalised sentence embeddings:
 * `logits = weights · x + bias`, probabilities by softmax. `weights` is row-major,
 * `labels.length × dimensions`.
 */
export interface LinearHead {
  labels: string[];
  weights: Float32Array;
  bias: Float32Array;
  dimensions: number;
}

/** A taught example as the engine needs it. */
export interface LabelledExample {
  text: string;
  label: string;
}

/**
 * Work the engine does for a classifier, posted to the worker inside a `task` request. Every
 * variant names the texts to embed; the engine embeds them with its model and runs the head.
 */
export type TaskRequest =
  | { kind: 'sentiment'; texts: string[]; explain: boolean }
  | {
      kind: 'zero-shot';
      labels: ZeroShotLabel[];
      multiLabel: boolean;
      threshold: number;
      texts: string[];
      explain: boolean;
      /** Label to explain instead of the best one. */
      explainLabel?: string;
    }
  | {
      kind: 'teachable-train';
      labels: ZeroShotLabel[];
      examples: LabelledExample[];
    }
  | {
      kind: 'teachable-predict';
      labels: ZeroShotLabel[];
      head: LinearHead | null;
      unsureBelow: number;
      /** Taught examples, sent only when an explanation asks for the nearest ones. */
      examples: LabelledExample[];
      texts: string[];
      explain: boolean;
      explainLabel?: string;
    };

/** The engine's answer to a {@link TaskRequest}, of the same `kind`. */
export type TaskResult =
  | { kind: 'sentiment'; results: SentimentResult[] }
  | { kind: 'zero-shot'; results: ZeroShotResult[] }
  | {
      kind: 'teachable-train';
      head: LinearHead | null;
      /** Milliseconds spent fitting the head (embeddings excluded). */
      trainingMs: number;
      /** Milliseconds spent embedding examples that were not cached. */
      embeddingMs: number;
    }
  | { kind: 'teachable-predict'; results: TeachablePrediction[] };

/** The result type that answers a request of kind `K`. */
export type TaskResultOf<K extends TaskRequest['kind']> = Extract<TaskResult, { kind: K }>;
