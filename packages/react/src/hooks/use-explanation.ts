import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { blankToUndefined } from './blank-to-undefined.js';
import { type ExplanationData, ExplanationObserver } from './explanation-observer.js';
import type { ExplanationSource } from './explanation-source.js';
import type { RequestResult } from './request-observer.js';
import { useRequestObserver } from './use-request-observer.js';

/** Options of {@link useExplanation}. */
export interface UseExplanationOptions {
  /**
   * Wait this long after the text last changed before explaining it (the first text is
   * explained at once). Explanations cost one model run per word, so do not go much lower.
   * @default 150
   */
  debounceMs?: number;
  /**
   * Explain at all; `false` keeps the result `idle` (for example until a row is focused).
   * @default true
   */
  enabled?: boolean;
}

/** What {@link useExplanation} returns. */
export type UseExplanationResult = RequestResult<ExplanationData>;

/**
 * Why a model answered as it did for `text`: token attributions (each word's signed weight
 * for the explained label) computed on the device, as a status union (`idle`, `loading` with
 * the previous explanation kept, `success`, `error`). The source says which answer:
 * `{ kind: 'sentiment' }`, `{ kind: 'zero-shot', labels }` or `{ kind: 'teachable', id }`
 * (re-explained after every retraining). Sources are compared by content.
 *
 * @param text the text to explain; blank leaves the hook `idle`.
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * const { data } = useExplanation(review, { kind: 'sentiment' })
 * const strongest = data?.spans.toSorted((a, b) => b.weight - a.weight)[0]
 * return <p>Mostly because of “{strongest?.text}”</p>
 */
export function useExplanation(
  text: string | null | undefined,
  source: ExplanationSource,
  options: UseExplanationOptions = {},
): UseExplanationResult {
  const client = useOnDeviceClient();
  const { debounceMs = 150, enabled } = options;
  const sourceKey = JSON.stringify(source);
  const observer = useMemo(
    () => new ExplanationObserver({ client, source: JSON.parse(sourceKey) as ExplanationSource }),
    [client, sourceKey],
  );
  return useRequestObserver(observer, { input: blankToUndefined(text), enabled, debounceMs });
}
