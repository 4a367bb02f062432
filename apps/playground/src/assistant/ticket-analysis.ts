import type { OnDeviceClient, SentimentResult, TeachablePrediction } from '@ondevice/core';
import { formatIntent, supportIntents, supportIntentsId } from '../inbox/support-intents.js';
import { percent } from './draft-policy.js';

/**
 * What the device found in a ticket: its intent, by the inbox's teachable classifier (what you
 * taught in the inbox counts here too), and its sentiment.
 *
 * @example
 * const { intent, sentiment } = await analyseTicket(client, ticket.body, signal)
 */
export interface TicketAnalysis {
  intent: Pick<TeachablePrediction, 'label' | 'labels' | 'confidence' | 'source'>;
  sentiment: Pick<SentimentResult, 'label' | 'score'>;
}

/**
 * Predicts a ticket's intent and sentiment on the device, side by side.
 *
 * @throws {AbortError} when `signal` fires.
 * @example
 * const analysis = await analyseTicket(client, 'I was charged twice.', controller.signal)
 */
export async function analyseTicket(
  client: OnDeviceClient,
  text: string,
  signal: AbortSignal,
): Promise<TicketAnalysis> {
  const [intent, sentiment] = await Promise.all([
    client.teachable({ id: supportIntentsId, labels: supportIntents }).predict(text, { signal }),
    client.sentiment().analyze(text, { signal }),
  ]);
  return { intent, sentiment };
}

/**
 * The analysis in two lines.
 *
 * @example
 * describeAnalysis(analysis)
 * // 'Intent: login (99 % sure, zero-shot from the intent descriptions)\nSentiment: negative (99 %)'
 */
export function describeAnalysis({ intent, sentiment }: TicketAnalysis): string {
  const source =
    intent.source === 'taught' ? 'from what you taught' : 'zero-shot from the intent descriptions';
  const best = intent.labels[0]?.id;
  const label =
    intent.label !== null
      ? formatIntent(intent.label)
      : `unsure${best ? `, best guess ${formatIntent(best)}` : ''}`;
  return [
    `Intent: ${label} (${percent(intent.confidence)} sure, ${source})`,
    `Sentiment: ${sentiment.label} (${percent(sentiment.score)})`,
  ].join('\n');
}
