import {
  EntitiesObserver,
  type EntityRecognizer,
  type EntitySpan,
  type RequestObserverOptions,
  type RequestResult,
} from '@ondevice/core';
import { useMemo } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useObserver } from './use-observer.js';

/**
 * Options of {@link useEntities}: when to recognise (`debounceMs`, default 150; `enabled`).
 *
 * @example
 * useEntities(recognizer, text, { debounceMs: 300 })
 */
export type UseEntitiesOptions = Omit<RequestObserverOptions<string>, 'input'>;

/**
 * The named entities of `text` (people, organisations, places…), found on the device by a
 * recognizer (`client.entities({ model })`), as a status union: `idle` (blank text), `loading`
 * (the model's download in `progress`), `success` (`data`: spans with UTF-16 offsets into
 * `text`) or `error`. Debounced and aborted when stale. While a new text is recognised, `data`
 * is `undefined`: the previous text's offsets would mark the wrong characters.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * function People({ text, recognizer }: { text: string; recognizer: EntityRecognizer }) {
 *   const { data } = useEntities(recognizer, text)
 *   return <ul>{data?.filter((span) => span.type === 'PER').map((span) => <li key={span.start}>{span.text}</li>)}</ul>
 * }
 */
export function useEntities(
  recognizer: EntityRecognizer,
  text: string | null | undefined,
  options: UseEntitiesOptions = {},
): RequestResult<EntitySpan[]> {
  const client = useOnDeviceClient();
  const observer = useMemo(
    () => new EntitiesObserver(client, { recognizer }),
    [client, recognizer],
  );
  return useObserver(observer, { input: text, ...options });
}
