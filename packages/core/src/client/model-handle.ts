import type { LoadReport } from '../engine/load-report.js';
import type { ModelStatus } from '../runtimes/model-status.js';
import { OnDeviceError } from '@ondevice/errors';
import { RuntimeError } from '@ondevice/errors';
import { raceAbort } from '../util/abort.js';
import { Subscribable } from '../util/subscribable.js';
import type { EngineConnection } from '../worker/engine-connection.js';

/**
 * Options of a model load.
 *
 * @example
 * await client.model().load({ signal, onProgress: (status) => console.log(status.status) })
 */
export interface LoadOptions {
  /** Stops waiting for the load; the shared download goes on for other users of the model. */
  signal?: AbortSignal;
  /** Called with every status change, downloading bytes included. */
  onProgress?: (status: ModelStatus) => void;
}

/**
 * One model of a client: loads once however many embedders, hooks or components use it, and
 * publishes its status (`subscribe` / `getSnapshot`, for `useSyncExternalStore`).
 *
 * @example
 * const model = client.model('use-lite')
 * model.subscribe(() => console.log(model.getSnapshot()))
 * await model.load()
 */
export class ModelHandle extends Subscribable {
  private status: ModelStatus = { status: 'idle' };
  private loading: Promise<LoadReport> | undefined;
  private attempts = 0;
  private readonly progressListeners = new Set<(status: ModelStatus) => void>();

  constructor(
    readonly modelId: string,
    private readonly connection: () => EngineConnection,
    private readonly onLoaded: (report: LoadReport) => void,
  ) {
    super();
  }

  /** Current status; the same object until it changes. */
  getSnapshot = (): ModelStatus => this.status;

  /** Loads the model if needed; resolves with what the load reported. */
  load(options: LoadOptions = {}): Promise<LoadReport> {
    const { onProgress, signal } = options;
    if (onProgress) {
      this.progressListeners.add(onProgress);
      onProgress(this.status);
    }
    if (!this.loading) {
      // Status from an earlier, failed load (its other files may still be arriving) must not
      // overwrite the status of this one.
      const attempt = ++this.attempts;
      const loading = this.connection().load(this.modelId, (status) => {
        if (attempt === this.attempts) this.setStatus(status);
      });
      this.loading = loading;
      loading.then(
        (report) => {
          this.onLoaded(report);
          this.setStatus({ status: 'ready', backend: report.backend });
        },
        (error: unknown) => {
          if (this.loading === loading) this.loading = undefined; // the next call retries
          this.setStatus({ status: 'error', error: asOnDeviceError(error) });
        },
      );
    }
    const done = raceAbort(this.loading, signal, `Loading ${this.modelId}`);
    if (onProgress) {
      void done.then(
        () => this.progressListeners.delete(onProgress),
        () => this.progressListeners.delete(onProgress),
      );
    }
    return done;
  }

  /** Forgets the loaded model (after a worker restart): the next use loads it again. */
  reset(): void {
    this.loading = undefined;
    this.attempts += 1;
    if (this.status.status !== 'error') this.setStatus({ status: 'idle' });
  }

  private setStatus(status: ModelStatus) {
    const current = this.status;
    // The engine and the settled load both report 'ready'; publish it once.
    if (
      current.status === 'ready' &&
      status.status === 'ready' &&
      current.backend === status.backend
    )
      return;
    this.status = status;
    for (const listener of [...this.progressListeners]) listener(status);
    this.notify();
  }
}

function asOnDeviceError(error: unknown): OnDeviceError {
  if (OnDeviceError.isInstance(error)) return error;
  return new RuntimeError({ message: `Loading the model failed: ${String(error)}`, cause: error });
}
