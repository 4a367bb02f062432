import type { ModelStatus } from '@ondevice/core';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useOnDeviceClient } from '../provider/use-ondevice-client.js';

/**
 * Options of {@link useModelStatus}.
 *
 * @example
 * useModelStatus({ model: 'use-lite', load: true })
 */
export interface UseModelStatusOptions {
  /**
   * Model id.
   * @default the client's default model ('use-lite')
   */
  model?: string | undefined;
  /**
   * Start loading the model when the component mounts. The load is shared: it happens once per
   * client however many components ask, and unmounting only stops this component waiting.
   * @default false
   */
  load?: boolean | undefined;
}

/**
 * The live status of a model of the provider's client: idle, downloading (bytes loaded and
 * total), initializing, ready (with its backend) or error. Observes only, unless `load` is set.
 *
 * @throws {MissingProviderError} outside `<OnDeviceProvider>`.
 * @throws {UnknownModelError} when `model` is not a known model.
 * @example
 * function ModelBadge() {
 *   const status = useModelStatus({ load: true })
 *   if (status.status === 'downloading') return <span>{status.loaded} / {status.total} bytes</span>
 *   return <span>{status.status}</span>
 * }
 */
export function useModelStatus(options: UseModelStatusOptions = {}): ModelStatus {
  const client = useOnDeviceClient();
  const { model, load = false } = options;
  const handle = useMemo(() => client.model(model), [client, model]);
  const status = useSyncExternalStore(handle.subscribe, handle.getSnapshot, handle.getSnapshot);
  useEffect(() => {
    if (!load) return;
    const controller = new AbortController();
    // Failures show up in the status (status: 'error'); nothing else to do with the rejection.
    handle.load({ signal: controller.signal }).catch(() => {});
    return () => controller.abort();
  }, [handle, load]);
  return status;
}
