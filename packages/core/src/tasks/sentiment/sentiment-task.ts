import { defineTask } from '../task-definition.js';
import type { SentimentResult } from './sentiment-types.js';

/**
 * What the page sends the sentiment handler: the texts, and whether to explain them.
 *
 * @example
 * const payload: SentimentPayload = { texts: ['Great support!'], explain: false }
 */
export interface SentimentPayload {
  texts: string[];
  explain: boolean;
}

/**
 * The sentiment task: a trained head over the model's embeddings, run next to the model.
 *
 * @example
 * await runner.run(sentimentTask, { texts: ['Great support!'], explain: false })
 */
export const sentimentTask = defineTask<SentimentPayload, SentimentResult[]>('sentiment');
