import { ModelLoadError, type ModelStatus } from '@ondevice/core';
import { formatMegabytes } from './format-megabytes.js';

/**
 * Every state `<ModelProgress>` shows; `offline` is a load error with no HTTP status.
 *
 * @example
 * document.querySelector('[data-ondevice-model-progress]')?.getAttribute('data-state') // 'downloading'
 */
export type ModelProgressState =
  'idle' | 'downloading' | 'initializing' | 'ready' | 'error' | 'offline';

/** How a model status reads in a progress widget. */
export interface ModelStatusDescription {
  state: ModelProgressState;
  /** Percent done (0–100); `undefined` when indeterminate (initializing, failed). */
  percent: number | undefined;
  /** Short text for the bar and for `aria-valuetext`, such as "12.3 of 26.5 MB downloaded". */
  text: string;
  /** What a polite live region announces in this state; `''` announces nothing. */
  announcement: string;
}

/**
 * Describes a model status for display and assistive technology. A `ModelLoadError` without
 * an HTTP status means the request never got an answer (network failure), shown as `offline`.
 *
 * @example
 * describeModelStatus({ status: 'downloading', loaded: 12_300_000, total: 26_500_000 })
 * // { state: 'downloading', percent: 46, text: '12.3 of 26.5 MB downloaded', announcement: '' }
 */
export function describeModelStatus(status: ModelStatus): ModelStatusDescription {
  switch (status.status) {
    case 'idle':
      return { state: 'idle', percent: 0, text: 'Not loaded', announcement: '' };
    case 'downloading': {
      const percent = status.total > 0 ? Math.floor((status.loaded / status.total) * 100) : 0;
      return {
        state: 'downloading',
        percent: Math.min(100, Math.max(0, percent)),
        text: `${formatMegabytes(status.loaded)} of ${formatMegabytes(status.total)} MB downloaded`,
        announcement: '',
      };
    }
    case 'initializing':
      return {
        state: 'initializing',
        percent: undefined,
        text: 'Downloaded; initializing',
        announcement: '',
      };
    case 'ready':
      return {
        state: 'ready',
        percent: 100,
        text: `Ready on ${status.backend}`,
        announcement: 'Model ready',
      };
    case 'error': {
      const offline = ModelLoadError.isInstance(status.error) && status.error.status === undefined;
      return offline
        ? {
            state: 'offline',
            percent: undefined,
            text: 'Offline: the model could not be downloaded',
            announcement: 'Model unavailable: offline',
          }
        : {
            state: 'error',
            percent: undefined,
            text: `Failed to load: ${status.error.message}`,
            announcement: 'Model failed to load',
          };
    }
  }
}
