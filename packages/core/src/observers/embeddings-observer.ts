import type { OnDeviceClient } from '../client/create-client.js';
import type { EmbedResult } from '../client/embedder.js';
import { textsKey } from './input-keys.js';
import { RequestObserver } from './request-observer.js';

/**
 * Embeddings together with the texts they were computed for.
 *
 * @example
 * const { texts, embeddings } = observer.getSnapshot().data ?? { texts: [], embeddings: [] }
 */
export interface EmbeddingsData extends EmbedResult {
  /** The input texts, in the order of `embeddings`. */
  texts: readonly string[];
}

/**
 * Options of an {@link EmbeddingsObserver}.
 *
 * @example
 * new EmbeddingsObserver(client, { model: 'use-lite' })
 */
export interface EmbeddingsObserverOptions {
  /**
   * Model id.
   * @default the client's default model ('use-lite')
   */
  model?: string | undefined;
}

/**
 * Embeds a changing list of texts (compared by content) and publishes the result; a request
 * whose texts changed, or whose last listener left, is aborted. By default `loading` does not
 * keep the previous texts' data (set `keepPreviousData`).
 *
 * @example
 * const observer = new EmbeddingsObserver(client)
 * observer.setOptions({ input: ['cat', 'kitten'] })
 * const stop = observer.subscribe(() => console.log(observer.getSnapshot().status))
 */
export class EmbeddingsObserver extends RequestObserver<readonly string[], EmbeddingsData> {
  constructor(client: OnDeviceClient, options: EmbeddingsObserverOptions = {}) {
    const embedder = client.embedder({ model: options.model });
    super({
      model: client.model(embedder.modelId),
      keyOf: textsKey,
      isEmpty: (texts) => texts.length === 0,
      run: async (texts, signal) => {
        // Our own frozen copy: the caller may reuse and mutate its array.
        const frozen = Object.freeze([...texts]);
        return { ...(await embedder.embed(frozen, { signal })), texts: frozen };
      },
      description: 'Computing embeddings',
      keepPreviousData: false,
    });
  }
}
