import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { type EmbeddingsResult, EmbeddingsObserver } from './embeddings-observer.js';

/** Options of {@link useEmbeddings}. */
export interface UseEmbeddingsOptions {
  /**
   * Model id.
   * @default the client's default model ('use-lite')
   */
  model?: string;
  /**
   * Compute at all; `false` keeps the result `idle` (for example until the user submits).
   * @default true
   */
  enabled?: boolean;
  /**
   * While new texts are computed, keep the previous result as `data` (its `texts` say which
   * texts it belongs to), so a view does not flicker between keystrokes.
   * @default false
   */
  keepPreviousData?: boolean;
}

/**
 * Sentence embeddings for `texts`, computed on the device by the provider's client, as a
 * status union: `idle` (nothing to embed), `loading` (with the model's download progress in
 * `progress`), `success` (`data.embeddings`, one vector per text) or `error` (a typed
 * `OnDeviceError`). Texts are compared by content, so a new array literal with the same
 * strings re-renders nothing and requests nothing. A request is aborted when the texts change
 * or the component unmounts; the model itself loads once per client.
 *
 * @param texts the texts to embed; `null`, `undefined` or `[]` leaves the hook `idle`.
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
): EmbeddingsResult {
  const client = useOnDeviceClient();
  const { model, enabled, keepPreviousData } = options;
  const observer = useMemo(
    () =>
      new EmbeddingsObserver({ embedder: client.embedder({ model }), model: client.model(model) }),
    [client, model],
  );
  useSyncExternalStore(observer.subscribe, observer.getSnapshot, observer.getSnapshot);
  // Runs after every render; setOptions compares texts by content and does nothing if equal.
  useEffect(() => {
    observer.setOptions({ texts, enabled, keepPreviousData });
  });
  return observer.getOptimisticResult({ texts, enabled, keepPreviousData });
}
