import type { ZeroShotLabel } from '../tasks/zero-shot/zero-shot-types.js';

/**
 * Which model's answer an explanation is about:
 * - `sentiment`: the sentiment label the analyzer gives the text;
 * - `zero-shot`: a zero-shot classification over `labels` (the best label, or `label`);
 * - `teachable`: the teachable classifier `id` (its prediction, or `label`); re-explained
 *   whenever the classifier is retrained.
 *
 * @example
 * const source: ExplanationSource = { kind: 'teachable', id: 'support-intents' }
 */
export type ExplanationSource =
  | { kind: 'sentiment' }
  | {
      kind: 'zero-shot';
      labels: readonly ZeroShotLabel[];
      /** Explain this label instead of the best one. */
      label?: string;
    }
  | {
      kind: 'teachable';
      id: string;
      /** Labels with descriptions, used if this explanation creates the classifier. */
      labels?: readonly ZeroShotLabel[];
      /** Explain this label instead of the predicted one. */
      label?: string;
    };
