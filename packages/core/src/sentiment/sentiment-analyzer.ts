import type { Explanation } from '../explain/explanation-types.js';
import type { TaskRunner } from '../tasks/task-runner.js';
import { validateText, validateTexts } from '../util/validate-texts.js';
import type { SentimentAnalyzer, SentimentOptions, SentimentResult } from './sentiment-types.js';

/** The page side of sentiment: validates input and posts one task per call to the engine. */
class DeviceSentimentAnalyzer implements SentimentAnalyzer {
  constructor(private readonly runner: TaskRunner) {}

  analyze(text: string, options?: SentimentOptions): Promise<SentimentResult>;
  analyze(texts: readonly string[], options?: SentimentOptions): Promise<SentimentResult[]>;
  async analyze(
    input: string | readonly string[],
    options: SentimentOptions = {},
  ): Promise<SentimentResult | SentimentResult[]> {
    const texts = validateTexts(input, 'analyze');
    const results = await this.run(texts, options.explain === true, options.signal);
    return typeof input === 'string' ? (results[0] as SentimentResult) : results;
  }

  async explain(text: string, options: { signal?: AbortSignal } = {}): Promise<Explanation> {
    const texts = [validateText(text, 'explain')];
    const [result] = await this.run(texts, true, options.signal);
    return (result as SentimentResult).explanation as Explanation;
  }

  private async run(texts: string[], explain: boolean, signal: AbortSignal | undefined) {
    if (texts.length === 0) return [];
    return (await this.runner.run({ kind: 'sentiment', texts, explain }, signal)).results;
  }
}

/**
 * Creates the sentiment analyzer of a client (the client keeps one).
 *
 * @example
 * const sentiment = createSentimentAnalyzer(runner)
 * await sentiment.analyze('Great support, thank you!') // { label: 'positive', … }
 */
export function createSentimentAnalyzer(runner: TaskRunner): SentimentAnalyzer {
  return new DeviceSentimentAnalyzer(runner);
}
