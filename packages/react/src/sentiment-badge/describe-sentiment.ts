import type { ModelStatus, OnDeviceError, SentimentLabel, SentimentResult } from '@ondevice/core';
import { isOfflineError } from '../errors/is-offline-error.js';
import { formatPercent } from '../format/format-percent.js';

/**
 * States of `<SentimentBadge>`, as its `data-state`; `offline` is an unreachable model.
 *
 * @example
 * [data-ondevice-sentiment-badge][data-state='offline'] { opacity: 0.6 }
 */
export type SentimentBadgeState = 'idle' | 'loading' | 'ready' | 'error' | 'offline';

/** What a sentiment badge shows in a state. */
export interface SentimentDescription {
  state: SentimentBadgeState;
  /** The label shown, or `undefined` when there is none (idle, first load, failure). */
  sentiment: SentimentLabel | undefined;
  /** Visible main text: the label, or what is going on ("analysing…"). */
  text: string;
  /** Visible score ("92 %"), when there is a result. */
  score: string | undefined;
  /** The whole reading for assistive technology: "Sentiment: negative, 92 %". */
  accessibleText: string;
}

/**
 * Describes a sentiment request for display and assistive technology. While a new text is
 * analysed, the previous result stays (state `loading`), so a live region does not chatter.
 *
 * @example
 * describeSentiment({ status: 'ready', result: { label: 'negative', score: 0.92, probabilities } })
 * // { state: 'ready', sentiment: 'negative', text: 'negative', score: '92 %',
 * //   accessibleText: 'Sentiment: negative, 92 %' }
 */
export function describeSentiment(input: {
  status: 'idle' | 'loading' | 'ready' | 'error';
  result?: SentimentResult | undefined;
  error?: OnDeviceError | undefined;
  progress?: ModelStatus | undefined;
}): SentimentDescription {
  const { status, result, error, progress } = input;
  if (status === 'error') {
    const offline = isOfflineError(error);
    return {
      state: offline ? 'offline' : 'error',
      sentiment: undefined,
      text: offline ? 'offline' : 'unavailable',
      score: undefined,
      accessibleText: offline
        ? 'Sentiment unavailable: offline'
        : `Sentiment unavailable${error ? `: ${error.message}` : ''}`,
    };
  }
  if (status === 'idle') {
    return {
      state: 'idle',
      sentiment: undefined,
      text: 'no text yet',
      score: undefined,
      accessibleText: 'Sentiment: no text yet',
    };
  }
  if (result) {
    const score = formatPercent(result.score);
    return {
      state: status,
      sentiment: result.label,
      text: result.label,
      score,
      accessibleText: `Sentiment: ${result.label}, ${score}`,
    };
  }
  const text =
    progress?.status === 'downloading'
      ? `loading model, ${formatPercent(progress.total > 0 ? progress.loaded / progress.total : 0)}`
      : progress?.status === 'initializing'
        ? 'preparing model…'
        : 'analysing…';
  return {
    state: 'loading',
    sentiment: undefined,
    text,
    score: undefined,
    accessibleText: `Sentiment: ${text}`,
  };
}
