import type { GenerationState } from '@ondevice/core';
import { isOfflineError } from '../errors/is-offline-error.js';

/**
 * States of `<GenerateText>`, as its `data-state`; `offline` is a model that could not be
 * reached (a failed download without an HTTP status).
 *
 * @example
 * [data-ondevice-generate-text][data-state='generating'] [data-part='output'] { cursor: progress }
 */
export type GenerateTextState =
  'idle' | 'loading' | 'generating' | 'done' | 'stopped' | 'error' | 'offline';

/** What a text generator widget shows in a state. */
export interface GenerationDescription {
  state: GenerateTextState;
  /** Whether a generation is in flight (loading or generating): Stop is enabled. */
  running: boolean;
  /** The status line, a polite live region: short, never the streamed text itself. */
  statusText: string;
  /** The error message (`role="alert"`), when it failed. */
  errorText: string | undefined;
}

/**
 * Describes a generation's state for display and assistive technology. While the model
 * downloads, the status says so without numbers (the progress bar has them), so the live
 * region does not announce every percent.
 *
 * @example
 * describeGeneration({ status: 'done', text: 'Hi', result, error: undefined, progress })
 * // { state: 'done', running: false, statusText: 'Done: 12 tokens in 0.4 s.', errorText: undefined }
 */
export function describeGeneration(
  generation: Pick<GenerationState, 'status' | 'result' | 'error' | 'progress'>,
): GenerationDescription {
  const { status, result, error, progress } = generation;
  switch (status) {
    case 'idle':
      return { state: 'idle', running: false, statusText: '', errorText: undefined };
    case 'loading': {
      const statusText =
        progress.status === 'downloading'
          ? 'Downloading the model…'
          : progress.status === 'initializing'
            ? 'Preparing the model…'
            : 'Starting…';
      return { state: 'loading', running: true, statusText, errorText: undefined };
    }
    case 'generating':
      return {
        state: 'generating',
        running: true,
        statusText: 'Generating…',
        errorText: undefined,
      };
    case 'done': {
      const seconds = ((result?.milliseconds ?? 0) / 1000).toFixed(1);
      const tokens = `${result?.tokens ?? 0} ${result?.tokens === 1 ? 'token' : 'tokens'}`;
      const limit = result?.finishReason === 'length' ? ' (the token limit)' : '';
      return {
        state: 'done',
        running: false,
        statusText: `Done: ${tokens}${limit} in ${seconds} s.`,
        errorText: undefined,
      };
    }
    case 'stopped':
      return { state: 'stopped', running: false, statusText: 'Stopped.', errorText: undefined };
    case 'error': {
      const offline = isOfflineError(error);
      return {
        state: offline ? 'offline' : 'error',
        running: false,
        statusText: '',
        errorText: offline
          ? 'Could not generate: the model is unavailable offline.'
          : `Could not generate: ${error?.message ?? 'unknown error'}`,
      };
    }
  }
}
