import type { OnDeviceClient } from '../client/create-client.js';
import type { EntityRecognizer, EntitySpan } from '../tasks/entities/entity-types.js';
import { isBlank } from './input-keys.js';
import { RequestObserver } from './request-observer.js';

/**
 * Options of an {@link EntitiesObserver}.
 *
 * @example
 * new EntitiesObserver(client, { recognizer: client.entities({ model: 'Xenova/bert-base-NER' }) })
 */
export interface EntitiesObserverOptions {
  /** What recognises: `client.entities({ model })`. Its model's load status is `progress`. */
  recognizer: EntityRecognizer;
}

/**
 * Finds the named entities of a changing text: one request at a time, stale ones aborted; a
 * blank text is `idle`. Debounced 150 ms. The previous text's spans are not kept while the
 * next text computes (`keepPreviousData` defaults to false): their offsets belong to the other
 * text, and would mark the wrong characters of this one.
 *
 * @example
 * const observer = new EntitiesObserver(client, { recognizer: client.entities({ model }) })
 * observer.subscribe(() => console.log(observer.getSnapshot().data))
 * observer.setOptions({ input: 'Alice Johnson works at Acme Corp in Paris.' })
 */
export class EntitiesObserver extends RequestObserver<string, EntitySpan[]> {
  /** The recognizer this observer runs. */
  readonly recognizer: EntityRecognizer;

  constructor(client: OnDeviceClient, options: EntitiesObserverOptions) {
    const { recognizer } = options;
    super({
      model: client.model(recognizer.modelId),
      keyOf: (text) => text,
      isEmpty: isBlank,
      run: (text, signal) => recognizer.recognize(text, { signal }),
      description: 'Entity recognition',
      debounceMs: 150,
      keepPreviousData: false,
    });
    this.recognizer = recognizer;
  }
}
