import type { OnDeviceError } from '@ondevice/errors';
import type { BackendName } from './backend-name.js';

/**
 * The one overall status of a model, as a union: byte-accurate while downloading (all files
 * together, not per file), then initialising (backend selection, graph build), then ready.
 *
 * @example
 * if (status.status === 'downloading') console.log(`${status.loaded} / ${status.total} bytes`)
 */
export type ModelStatus =
  | { status: 'idle' }
  | { status: 'downloading'; loaded: number; total: number }
  | { status: 'initializing' }
  | { status: 'ready'; backend: BackendName }
  | { status: 'error'; error: OnDeviceError };

/**
 * Listener for model status changes.
 *
 * @example
 * const log: ModelStatusListener = (status) => console.log(status.status)
 */
export type ModelStatusListener = (status: ModelStatus) => void;
