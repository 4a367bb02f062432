import {
  type TeachableClassifier,
  TeachableObserver,
  type TeachableOptions,
  type TeachableResult,
} from '@ondevice/core';
import { useMemo, useSyncExternalStore } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { useStableOptions } from './use-stable-options.js';

/**
 * What {@link useTeachableClassifier} returns: the result union (with the classifier's state
 * as `data` in every status) plus the classifier and its bound actions.
 *
 * @example
 * const { status, data, isFetching, learn } = useTeachableClassifier({ id: 'support-intents' })
 */
export type UseTeachableClassifierResult = TeachableResult & {
  /** The classifier itself, the same instance for every component using this id. */
  classifier: TeachableClassifier;
  learn: TeachableClassifier['learn'];
  forget: TeachableClassifier['forget'];
  /** Discards the examples and stored data: the way out of a stored classifier that cannot be read. */
  reset: TeachableClassifier['reset'];
  predict: TeachableClassifier['predict'];
  explain: TeachableClassifier['explain'];
};

/**
 * A classifier the user teaches on the device, by id: its state (`data`: labels, taught
 * examples, last training time, storage) as the result union (`loading` while what was taught
 * before is read, `success` with `isFetching` while it retrains, `error`), and its actions bound
 * (`learn`, `forget`, `reset`, `predict`, `explain`), stable across renders. Every component naming the
 * same id with the same client shares one classifier; it is persisted under the id.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @throws {InvalidInputError} when the id exists with other options.
 * @example
 * function TeachBilling({ text }: { text: string }) {
 *   const { status, data, learn } = useTeachableClassifier({
 *     id: 'support-intents',
 *     labels: [{ id: 'billing', descriptions: ['invoice, payment or refund'] }],
 *   })
 *   return (
 *     <button disabled={status !== 'success'} onClick={() => learn({ text, label: 'billing' })}>
 *       This is billing ({data?.examples.length} examples taught)
 *     </button>
 *   )
 * }
 */
export function useTeachableClassifier(options: TeachableOptions): UseTeachableClassifierResult {
  const client = useOnDeviceClient();
  const stable = useStableOptions(options);
  const observer = useMemo(() => new TeachableObserver(client, stable), [client, stable]);
  const result = useSyncExternalStore(
    observer.subscribe,
    observer.getSnapshot,
    observer.getSnapshot,
  );
  const { classifier, learn, forget, reset, predict, explain } = observer;
  return useMemo(
    () => ({ ...result, classifier, learn, forget, reset, predict, explain }),
    [result, classifier, learn, forget, reset, predict, explain],
  );
}
