import type { OnDeviceError } from '@ondevice/errors';
import type { ModelStatus } from '../runtimes/model-status.js';

/**
 * The one result union of every request-like observer and hook, on `status`:
 * - `idle`: nothing to compute (no input, or disabled);
 * - `loading`: the current input is computing (or waiting out its debounce); `data` may hold
 *   the previous input's data, which names its own input, so a view never flickers to empty;
 * - `success`: `data` is the current input's;
 * - `error`: `error` is a typed {@link OnDeviceError}.
 * `isFetching` is true while work for the current input is under way (also during `success`
 * when a state observer refreshes, e.g. a classifier retraining); `progress` is the model's
 * status (downloading bytes, initializing, ready) whatever the request's.
 *
 * @example
 * const { status, data, error, progress } = observer.getSnapshot()
 * if (status === 'error') showError(error.message)
 * else if (status === 'loading' && progress.status === 'downloading') showProgress(progress.loaded / progress.total)
 */
export type RequestResult<Data> =
  | { status: 'idle'; data: undefined; error: undefined; progress: ModelStatus; isFetching: false }
  | {
      status: 'loading';
      /** The previous input's data (check its input), or `undefined` before the first result. */
      data: Data | undefined;
      error: undefined;
      progress: ModelStatus;
      isFetching: true;
    }
  | { status: 'success'; data: Data; error: undefined; progress: ModelStatus; isFetching: boolean }
  | {
      status: 'error';
      /** Undefined for requests; a state observer keeps its state here. */
      data: Data | undefined;
      error: OnDeviceError;
      progress: ModelStatus;
      isFetching: boolean;
    };
