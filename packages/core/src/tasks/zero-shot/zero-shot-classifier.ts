import { describeValue } from '../../util/describe-value.js';
import { checkOptions, optionRules } from '../../util/check-options.js';
import { type Limits, checkLimit } from '../../util/limits.js';
import { classifyOptionRules, explainOptionRules } from '../call-options.js';
import { InvalidInputError } from '@ondevice/errors';
import { validateText, validateTexts } from '../../util/validate-texts.js';
import type { ClassifyOptions, ExplainOptions } from '../call-options.js';
import type { Explanation } from '../explain/explanation-types.js';
import type { TaskRunner } from '../task-definition.js';
import { validateLabels } from './validate-labels.js';
import { type ZeroShotState, zeroShotTask } from './zero-shot-task.js';
import type { ZeroShotClassifier, ZeroShotOptions, ZeroShotResult } from './zero-shot-types.js';

/**
 * The page side of zero-shot classification: validates, posts one task per call. The labels
 * live in the engine as this classifier's state (sent once, again after a worker restart);
 * their description vectors are computed once and reused.
 */
class DeviceZeroShotClassifier implements ZeroShotClassifier {
  constructor(
    private readonly runner: TaskRunner,
    private readonly instanceId: string,
    private readonly state: ZeroShotState,
  ) {}

  get modelId(): string {
    return this.runner.modelId;
  }

  classify(text: string, options?: ClassifyOptions): Promise<ZeroShotResult>;
  classify(texts: readonly string[], options?: ClassifyOptions): Promise<ZeroShotResult[]>;
  async classify(
    input: string | readonly string[],
    options: ClassifyOptions = {},
  ): Promise<ZeroShotResult | ZeroShotResult[]> {
    checkOptions(options, classifyOptionRules, 'classify()');
    const texts = validateTexts(input, 'classify', this.runner.limits);
    const results = await this.run(texts, options.explain === true, undefined, options.signal);
    return typeof input === 'string' ? (results[0] as ZeroShotResult) : results;
  }

  async explain(text: string, options: ExplainOptions = {}): Promise<Explanation> {
    checkOptions(options, explainOptionRules, 'explain()');
    const checked = validateText(text, 'explain');
    const { labels } = this.state;
    if (options.label !== undefined && !labels.some((label) => label.id === options.label)) {
      throw new InvalidInputError({
        parameter: 'label',
        message: `Cannot explain unknown label "${String(options.label)}". Labels: ${labels.map((label) => label.id).join(', ')}.`,
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
    return this.runner.run(
      zeroShotTask,
      { texts, explain, ...(explainLabel === undefined ? {} : { explainLabel }) },
      { signal, instance: { id: this.instanceId, version: 1, state: () => this.state } },
    );
  }
}

/**
 * The checked settings of a zero-shot classifier, with defaults applied.
 *
 * @throws {InvalidInputError} when labels are missing, duplicated or malformed, or
 *   `multiLabel` or `threshold` are of the wrong type or range.
 * @example
 * zeroShotSettings({ labels: [{ id: 'billing', descriptions: [] }] }, defaultLimits) // { labels, multiLabel: false, threshold: 0.5 }
 */
const zeroShotOptionRules = {
  labels: optionRules.any,
  multiLabel: optionRules.any,
  threshold: optionRules.any,
  model: optionRules.string,
  id: optionRules.string,
};

export function zeroShotSettings(options: ZeroShotOptions, limits: Limits): ZeroShotState {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidInputError({
      parameter: 'options',
      message: 'zeroShot() takes { labels, multiLabel?, threshold?, model?, id? }.',
    });
  }
  checkOptions(options, zeroShotOptionRules, 'zeroShot()');
  if (Array.isArray(options.labels)) {
    checkLimit(limits, 'maxLabels', options.labels.length, 'zeroShot() labels');
  }
  const labels = validateLabels(options.labels, 'labels', 1);
  const multiLabel = options.multiLabel ?? false;
  const threshold = options.threshold ?? 0.5;
  if (typeof multiLabel !== 'boolean') {
    throw new InvalidInputError({
      parameter: 'multiLabel',
      message: `multiLabel must be a boolean; got ${describeValue(multiLabel)}.`,
    });
  }
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    throw new InvalidInputError({
      parameter: 'threshold',
      message: `threshold must be a number in [0, 1]; got ${describeValue(options.threshold)}.`,
    });
  }
  return { labels, multiLabel, threshold };
}

/**
 * Creates a zero-shot classifier over labels described at run time (the client keeps one per
 * id, or per set of options).
 *
 * @example
 * const topics = createZeroShotClassifier(runner, 'zero-shot#1', zeroShotSettings({ labels }))
 */
export function createZeroShotClassifier(
  runner: TaskRunner,
  instanceId: string,
  state: ZeroShotState,
): ZeroShotClassifier {
  return new DeviceZeroShotClassifier(runner, instanceId, state);
}
