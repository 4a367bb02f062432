import type { TeachableClassifier, ZeroShotLabel } from '@ondevice/core';
import { useMemo, useSyncExternalStore } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';
import { type TeachableResult, TeachableObserver } from './teachable-observer.js';

/** Options of {@link useTeachableClassifier}; they apply when the classifier is first created. */
export interface UseTeachableClassifierOptions {
  /**
   * Labels known up front, with descriptions: until a label has taught examples it is
   * predicted zero-shot from them. Compared by content.
   * @default []
   */
  labels?: readonly ZeroShotLabel[];
  /**
   * Below this confidence a prediction is `unsure`.
   * @default 0.5
   */
  unsureBelow?: number;
}

/** What {@link useTeachableClassifier} returns: the state union plus bound actions. */
export type UseTeachableClassifierResult = TeachableResult & {
  /** The classifier itself, the same instance for every component using this id. */
  classifier: TeachableClassifier;
  learn: TeachableClassifier['learn'];
  forget: TeachableClassifier['forget'];
  predict: TeachableClassifier['predict'];
  explain: TeachableClassifier['explain'];
};

/**
 * A classifier the user teaches on the device, by id: its state (`data`: labels, taught
 * examples, last training time, storage) as a status union (`loading`, `training`, `ready`,
 * `error`), and its actions bound (`learn`, `forget`, `predict`, `explain`), stable across
 * renders. Every component that names the same id with the same client shares one classifier,
 * so teaching in one place retrains it for all; it is persisted under the id.
 *
 * @param id stable id of the classifier.
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @example
 * function TeachBilling({ text }: { text: string }) {
 *   const { status, data, learn } = useTeachableClassifier('support-intents', {
 *     labels: [{ id: 'billing', descriptions: ['invoice, payment or refund'] }],
 *   })
 *   return (
 *     <button disabled={status !== 'ready'} onClick={() => learn(text, 'billing')}>
 *       This is billing ({data.examples.length} examples taught)
 *     </button>
 *   )
 * }
 */
export function useTeachableClassifier(
  id: string,
  options: UseTeachableClassifierOptions = {},
): UseTeachableClassifierResult {
  const client = useOnDeviceClient();
  const labelsKey = JSON.stringify(options.labels ?? []);
  const { unsureBelow } = options;
  const observer = useMemo(
    () =>
      new TeachableObserver(
        client.teachable({
          id,
          labels: JSON.parse(labelsKey) as ZeroShotLabel[],
          unsureBelow,
        }),
      ),
    [client, id, labelsKey, unsureBelow],
  );
  const result = useSyncExternalStore(
    observer.subscribe,
    observer.getSnapshot,
    observer.getSnapshot,
  );
  return useMemo(
    () => ({
      ...result,
      classifier: observer.classifier,
      learn: observer.learn,
      forget: observer.forget,
      predict: observer.predict,
      explain: observer.explain,
    }),
    [result, observer],
  );
}
