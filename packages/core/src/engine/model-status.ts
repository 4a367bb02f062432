import type { BackendName } from '../backends/backend-name.js';
import type { OnDeviceError } from '@ondevice/errors';

/**
 * The one overall status of a model, as a union: byte-accurate while downloading (all files
 * together, not per file), then initialising (backend selection, graph build), then ready.
 */
export type ModelStatus =
  | { status: 'idle' }
  | { status: 'downloading'; loaded: number; total: number }
  | { status: 'initializing' }
  | { status: 'ready'; backend: BackendName }
  | { status: 'error'; error: OnDeviceError };

/** Listener for model status changes. */
export type ModelStatusListener = (status: ModelStatus) => void;
