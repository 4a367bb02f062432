import {
  type EmbeddingsData,
  EmbeddingsObserver,
  type EmbeddingsObserverOptions,
  type RequestObserverOptions,
  type RequestResult,
} from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useObserver } from './use-observer.js';

/**
 * Options of {@link useEmbeddings}: `model`, `enabled`, `keepPreviousData` (default false) and
 * `debounceMs` (default 0).
 *
 * @example
 * useEmbeddings(sentences, { keepPreviousData: true })
 */
export type UseEmbeddingsOptions = Omit<RequestObserverOptions<readonly string[]>, 'input'> &
  EmbeddingsObserverOptions;

/**
 * Sentence embeddings for `texts`, computed on the device by the provider's client, as a
 * status union: `idle` (nothing to embed), `loading` (with the model's download progress in
 * `progress`), `success` (`data.embeddings`, one vector per text) or `error` (a typed
 * `OnDeviceError`). Texts are compared by content, so a new array literal with the same strings
 * re-renders nothing and requests nothing. A request is aborted when the texts change or the
 * component unmounts; the model itself loads once per client.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * function Similarity({ a, b }: { a: string; b: string }) {
 *   const { status, data, error, progress } = useEmbeddings([a, b])
 *   if (status === 'error') return <p role="alert">{error.message}</p>
 *   if (status !== 'success') return <p>Loading… ({progress.status})</p>
 *   const [first, second] = data.embeddings
 *   return <p>{cosineSimilarity(first!, second!).toFixed(2)}</p>
 * }
 */
export function useEmbeddings(
  texts: readonly string[] | null | undefined,
  options: UseEmbeddingsOptions = {},
): RequestResult<EmbeddingsData> {
  const client = useOnDeviceClient();
  const { model, ...request } = options;
  const observer = useMemo(() => new EmbeddingsObserver(client, { model }), [client, model]);
  return useObserver(observer, { input: texts, ...request });
}
