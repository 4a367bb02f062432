import type { LoadOptions, ModelStatus } from '@ondevice/core';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';

/**
 * What {@link useModel} returns: the model's status (with `loaded` / `total` bytes while
 * downloading, `backend` when ready, `error` when it failed) and two actions.
 *
 * @example
 * const model = useModel('use-lite')
 * if (model.status === 'downloading') console.log(model.loaded, model.total)
 */
export type UseModelResult = ModelStatus & {
  /** Loads the model (once per client, however many callers); rejects when the load fails. */
  load(options?: LoadOptions): Promise<void>;
  /** Frees the model's memory; its status goes back to `idle`. Resolves false when it was not loaded. */
  unload(): Promise<boolean>;
};

/**
 * The live status of any model of the provider's client (built-in, registered, hub id or
 * folder URL), with `load` and `unload`. Observes only: nothing loads until `load()` or a
 * task needs the model.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @throws {UnknownModelError} when `modelId` is not a model the client knows.
 * @example
 * function ModelSwitch({ modelId }: { modelId: string }) {
 *   const model = useModel(modelId)
 *   return model.status === 'ready' ? (
 *     <button onClick={() => model.unload()}>Free memory</button>
 *   ) : (
 *     <button onClick={() => model.load().catch(() => {})}>Load ({model.status})</button>
 *   )
 * }
 */
export function useModel(modelId?: string): UseModelResult {
  const client = useOnDeviceClient();
  const handle = useMemo(() => client.model(modelId), [client, modelId]);
  const status = useSyncExternalStore(handle.subscribe, handle.getSnapshot, handle.getSnapshot);
  const load = useCallback(
    async (options?: LoadOptions) => void (await handle.load(options)),
    [handle],
  );
  const unload = useCallback(() => client.unload(handle.modelId), [client, handle]);
  return useMemo(() => ({ ...status, load, unload }), [status, load, unload]);
}
