import type { ModelStatus } from '@ondevice/core';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';

/** Options of {@link useModelStatus}. */
export interface UseModelStatusOptions {
  /**
   * Start loading the model when the component mounts. The load is shared: it happens once per
   * client however many components ask, and unmounting only stops this component waiting.
   * @default false
   */
  load?: boolean;
}

/**
 * The live status of a model of the provider's client: idle, downloading (bytes loaded and
 * total), initializing, ready (with its backend) or error. Observes only, unless `load` is set.
 *
 * @param modelId model id; the client's default model when left out.
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @throws {UnknownModelError} when `modelId` is not a known model.
 * @example
 * function ModelBadge() {
 *   const status = useModelStatus('use-lite', { load: true })
 *   if (status.status === 'downloading') return <span>{status.loaded} / {status.total} bytes</span>
 *   return <span>{status.status}</span>
 * }
 */
export function useModelStatus(modelId?: string, options: UseModelStatusOptions = {}): ModelStatus {
  const client = useOnDeviceClient();
  const handle = useMemo(() => client.model(modelId), [client, modelId]);
  const status = useSyncExternalStore(handle.subscribe, handle.getSnapshot, handle.getSnapshot);
  const load = options.load ?? false;
  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    // Failures show up in the status (status: 'error'); nothing else to do with the rejection.
    handle.load({ signal: controller.signal }).catch(() => {});
    return () => controller.abort();
  }, [handle, load]);
  return status;
}
