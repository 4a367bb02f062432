import type { Explanation } from '../explain/explanation-types.js';
import { InvalidInputError } from '@ondevice/errors';
import type { TaskRunner } from '../tasks/task-runner.js';
import { validateText, validateTexts } from '../util/validate-texts.js';
import { validateLabels } from './validate-labels.js';
import type {
  ZeroShotClassifier,
  ZeroShotLabel,
  ZeroShotOptions,
  ZeroShotResult,
} from './zero-shot-types.js';

type ClassifyOptions = { signal?: AbortSignal; explain?: boolean };

/**
 * The page side of zero-shot classification: validates, posts one task per call; label
 * descriptions are embedded once by the engine and reused.
 */
class DeviceZeroShotClassifier implements ZeroShotClassifier {
  private readonly labels: ZeroShotLabel[];
  private readonly multiLabel: boolean;
  private readonly threshold: number;

  constructor(
    private readonly runner: TaskRunner,
    options: ZeroShotOptions,
  ) {
    if (typeof options !== 'object' || options === null) {
      throw new InvalidInputError({
        parameter: 'options',
        message: 'zeroShot() takes { labels, multiLabel?, threshold? }.',
      });
    }
    this.labels = validateLabels(options.labels, 'labels', 1);
    this.multiLabel = options.multiLabel ?? false;
    this.threshold = options.threshold ?? 0.5;
    if (typeof this.multiLabel !== 'boolean') {
      throw new InvalidInputError({
        parameter: 'multiLabel',
        message: `multiLabel must be a boolean; got ${String(this.multiLabel)}.`,
      });
    }
    if (!(this.threshold >= 0 && this.threshold <= 1)) {
      throw new InvalidInputError({
        parameter: 'threshold',
        message: `threshold must be a number in [0, 1]; got ${String(options.threshold)}.`,
      });
    }
  }

  classify(text: string, options?: ClassifyOptions): Promise<ZeroShotResult>;
  classify(texts: readonly string[], options?: ClassifyOptions): Promise<ZeroShotResult[]>;
  async classify(
    input: string | readonly string[],
    options: ClassifyOptions = {},
  ): Promise<ZeroShotResult | ZeroShotResult[]> {
    const texts = validateTexts(input, 'classify');
    const results = await this.run(texts, options.explain === true, undefined, options.signal);
    return typeof input === 'string' ? (results[0] as ZeroShotResult) : results;
  }

  async explain(
    text: string,
    options: { signal?: AbortSignal; label?: string } = {},
  ): Promise<Explanation> {
    const checked = validateText(text, 'explain');
    if (options.label !== undefined && !this.labels.some((label) => label.id === options.label)) {
      throw new InvalidInputError({
        parameter: 'label',
        message: `Cannot explain unknown label "${String(options.label)}". Labels: ${this.labels.map((label) => label.id).join(', ')}.`,
      });
    }
    const [result] = await this.run([checked], true, options.label, options.signal);
    return (result as ZeroShotResult).explanation as Explanation;
  }

  private async run(
    texts: string[],
    explain: boolean,
    explainLabel: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<ZeroShotResult[]> {
    if (texts.length === 0) return [];
    const { results } = await this.runner.run(
      {
        kind: 'zero-shot',
        labels: this.labels,
        multiLabel: this.multiLabel,
        threshold: this.threshold,
        texts,
        explain,
        ...(explainLabel === undefined ? {} : { explainLabel }),
      },
      signal,
    );
    return results;
  }
}

/**
 * Creates a zero-shot classifier over labels described at run time.
 *
 * @throws {InvalidInputError} when labels are missing, duplicated or malformed, or the threshold
 *   is outside [0, 1].
 * @example
 * const topics = createZeroShotClassifier(runner, { labels: [{ id: 'sports', descriptions: ['a match or a game'] }] })
 */
export function createZeroShotClassifier(
  runner: TaskRunner,
  options: ZeroShotOptions,
): ZeroShotClassifier {
  return new DeviceZeroShotClassifier(runner, options);
}
