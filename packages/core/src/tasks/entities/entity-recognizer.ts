import { InvalidInputError } from '@ondevice/errors';
import { checkOptions, optionRules } from '../../util/check-options.js';
import { describeValue } from '../../util/describe-value.js';
import { validateTexts } from '../../util/validate-texts.js';
import type { TaskRunner } from '../task-definition.js';
import { entitiesTask } from './entities-task.js';
import type {
  EntityRecognizer,
  EntityRecognizerOptions,
  EntitySpan,
  RecognizeOptions,
} from './entity-types.js';

/** The page side of entity recognition: validates input and runs one task per call. */
class DeviceEntityRecognizer implements EntityRecognizer {
  constructor(
    private readonly runner: TaskRunner,
    private readonly minScore: number,
  ) {}

  get modelId(): string {
    return this.runner.modelId;
  }

  recognize(text: string, options?: RecognizeOptions): Promise<EntitySpan[]>;
  recognize(texts: readonly string[], options?: RecognizeOptions): Promise<EntitySpan[][]>;
  async recognize(
    input: string | readonly string[],
    options: RecognizeOptions = {},
  ): Promise<EntitySpan[] | EntitySpan[][]> {
    checkOptions(options, { signal: optionRules.signal }, 'recognize()');
    const texts = validateTexts(input, 'recognize', this.runner.limits);
    const results =
      texts.length === 0
        ? []
        : await this.runner.run(
            entitiesTask,
            { texts, minScore: this.minScore },
            { signal: options.signal },
          );
    return typeof input === 'string' ? (results[0] as EntitySpan[]) : results;
  }

  load(options: Parameters<TaskRunner['load']>[0] = {}): Promise<void> {
    return this.runner.load(options);
  }
}

/**
 * The settings of an entity recognizer, checked.
 *
 * @throws {InvalidInputError} naming the bad option.
 * @example
 * entitySettings({ model: 'Xenova/bert-base-NER', minScore: 0.5 })
 */
export function entitySettings(options: EntityRecognizerOptions): { minScore: number } {
  checkOptions(options, { model: optionRules.string, minScore: optionRules.any }, 'entities()');
  const minScore = options.minScore ?? 0;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1)) {
    throw new InvalidInputError({
      parameter: 'minScore',
      message: `minScore must be a number from 0 to 1; got ${describeValue(minScore)}.`,
    });
  }
  return { minScore };
}

/**
 * Creates an entity recognizer over a task runner (the client keeps one per model and options).
 *
 * @example
 * const recognizer = createEntityRecognizer(runner, { minScore: 0 })
 */
export function createEntityRecognizer(
  runner: TaskRunner,
  settings: { minScore: number },
): EntityRecognizer {
  return new DeviceEntityRecognizer(runner, settings.minScore);
}
