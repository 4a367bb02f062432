import { checkOptions, optionRules } from '../../util/check-options.js';
import { classifyOptionRules } from '../call-options.js';
import type { Explanation } from '../explain/explanation-types.js';
import type { TaskRunner } from '../task-definition.js';
import { validateText, validateTexts } from '../../util/validate-texts.js';
import { sentimentTask } from './sentiment-task.js';
import type { ClassifyOptions, ExplainOptions } from '../call-options.js';
import type { SentimentAnalyzer, SentimentResult } from './sentiment-types.js';

/** The page side of sentiment: validates input and posts one task per call to the engine. */
class DeviceSentimentAnalyzer implements SentimentAnalyzer {
  constructor(private readonly runner: TaskRunner) {}

  get modelId(): string {
    return this.runner.modelId;
  }

  analyze(text: string, options?: ClassifyOptions): Promise<SentimentResult>;
  analyze(texts: readonly string[], options?: ClassifyOptions): Promise<SentimentResult[]>;
  async analyze(
    input: string | readonly string[],
    options: ClassifyOptions = {},
  ): Promise<SentimentResult | SentimentResult[]> {
    checkOptions(options, classifyOptionRules, 'analyze()');
    const texts = validateTexts(input, 'analyze', this.runner.limits);
    const results = await this.run(texts, options.explain === true, options.signal);
    return typeof input === 'string' ? (results[0] as SentimentResult) : results;
  }

  async explain(text: string, options: Pick<ExplainOptions, 'signal'> = {}): Promise<Explanation> {
    checkOptions(options, { signal: optionRules.signal }, 'explain()');
    const texts = [validateText(text, 'explain')];
    const [result] = await this.run(texts, true, options.signal);
    return (result as SentimentResult).explanation as Explanation;
  }

  private async run(texts: string[], explain: boolean, signal: AbortSignal | undefined) {
    if (texts.length === 0) return [];
    return this.runner.run(sentimentTask, { texts, explain }, { signal });
  }
}

/**
 * Creates a sentiment analyzer over a task runner (the client keeps one per model).
 *
 * @example
 * const sentiment = createSentimentAnalyzer(runner)
 * await sentiment.analyze('Great support, thank you!') // { label: 'positive', … }
 */
export function createSentimentAnalyzer(runner: TaskRunner): SentimentAnalyzer {
  return new DeviceSentimentAnalyzer(runner);
}
