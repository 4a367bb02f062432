import type { ZeroShotLabel } from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { blankToUndefined } from './blank-to-undefined.js';
import type { RequestResult } from './request-observer.js';
import { useRequestObserver } from './use-request-observer.js';
import { type ZeroShotData, ZeroShotObserver } from './zero-shot-observer.js';

/** Options of {@link useZeroShot}. */
export interface UseZeroShotOptions {
  /**
   * Score each label on its own and select every label at or over `threshold`.
   * @default false
   */
  multiLabel?: boolean;
  /**
   * Multi-label only: the lowest score that selects a label.
   * @default 0.5
   */
  threshold?: number;
  /**
   * Wait this long after the text last changed before classifying it (the first text is
   * classified at once).
   * @default 150
   */
  debounceMs?: number;
  /**
   * Classify at all; `false` keeps the result `idle`.
   * @default true
   */
  enabled?: boolean;
  /**
   * Also compute token attributions for the best label, as `data.explanation`.
   * @default false
   */
  explain?: boolean;
}

/** What {@link useZeroShot} returns. */
export type UseZeroShotResult = RequestResult<ZeroShotData>;

/**
 * Classifies `text` into `labels` described in plain words, with no training, on the device,
 * as a status union (`idle`, `loading` with the previous result kept, `success`, `error`).
 * Labels are compared by content, so an inline array literal is fine; a change of labels makes
 * a new classifier. Changes of text are debounced and stale requests aborted.
 *
 * @param text the text to classify; blank leaves the hook `idle`.
 * @param labels the candidate labels; an empty list leaves the hook `idle`.
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * const { data } = useZeroShot(ticket, [
 *   { id: 'billing', descriptions: ['invoice, payment or refund'] },
 *   { id: 'login', descriptions: ['cannot sign in', 'password reset'] },
 * ])
 * return <p>Route to: {data?.selected[0] ?? '…'}</p>
 */
export function useZeroShot(
  text: string | null | undefined,
  labels: readonly ZeroShotLabel[],
  options: UseZeroShotOptions = {},
): UseZeroShotResult {
  const client = useOnDeviceClient();
  const { multiLabel, threshold, debounceMs = 150, enabled, explain = false } = options;
  const labelsKey = JSON.stringify(labels);
  const observer = useMemo(
    () =>
      new ZeroShotObserver({
        client,
        classifier: { labels: JSON.parse(labelsKey) as ZeroShotLabel[], multiLabel, threshold },
        explain,
      }),
    [client, labelsKey, multiLabel, threshold, explain],
  );
  const input = labels.length > 0 ? blankToUndefined(text) : undefined;
  return useRequestObserver(observer, { input, enabled, debounceMs });
}
