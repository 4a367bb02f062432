import type { LoadReport } from '../engine/load-report.js';
import type { ModelStatus } from '../runtimes/model-status.js';
import { OnDeviceError } from '@ondevice/errors';
import { RuntimeError } from '@ondevice/errors';
import { raceAbort, throwIfAborted } from '../util/abort.js';
import { Subscribable } from '../util/subscribable.js';
import type { EngineConnection } from '../worker/engine-connection.js';

/**
 * Options of a model load.
 *
 * @example
 * await client.model().load({ signal, onProgress: (status) => console.log(status.status) })
 */
export interface LoadOptions {
  /**
   * Stops waiting for the load (`AbortError`). The shared download goes on while another
   * caller still waits for it; once every caller has aborted, it is cancelled and the status
   * goes back to `idle`, so the next call starts afresh.
   */
  signal?: AbortSignal;
  /** Called with every status change, downloading bytes included. */
  onProgress?: (status: ModelStatus) => void;
}

/** The load in flight (or done) and how many callers still wait for it. */
interface CurrentLoad {
  promise: Promise<LoadReport>;
  controller: AbortController;
  /** Callers still waiting; `Infinity` once one without a signal joined. */
  waiting: number;
  settled: boolean;
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
  private current: CurrentLoad | undefined;
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
    throwIfAborted(signal, `Loading ${this.modelId}`);
    if (onProgress) {
      this.progressListeners.add(onProgress);
      onProgress(this.status);
    }
    const current = (this.current ??= this.start());
    const done = current.settled
      ? current.promise
      : raceAbort(current.promise, signal, `Loading ${this.modelId}`);
    if (!current.settled) {
      if (signal) {
        current.waiting += 1;
        done.catch(() => {
          if (signal.aborted) this.leave(current);
        });
      } else {
        current.waiting = Number.POSITIVE_INFINITY; // a caller that cannot abort never leaves
      }
    }
    if (onProgress) {
      void done.then(
        () => this.progressListeners.delete(onProgress),
        () => this.progressListeners.delete(onProgress),
      );
    }
    return done;
  }

  private start(): CurrentLoad {
    // Status from an earlier, failed load (its other files may still be arriving) must not
    // overwrite the status of this one.
    const attempt = ++this.attempts;
    const controller = new AbortController();
    const promise = this.connection().load(
      this.modelId,
      (status) => {
        if (attempt === this.attempts) this.setStatus(status);
      },
      controller.signal,
    );
    const current: CurrentLoad = { promise, controller, waiting: 0, settled: false };
    promise.then(
      (report) => {
        current.settled = true;
        this.onLoaded(report);
        this.setStatus({ status: 'ready', backend: report.backend });
      },
      (error: unknown) => {
        current.settled = true;
        if (controller.signal.aborted) return; // cancelled by leave(): the status is idle
        if (this.current === current) this.current = undefined; // the next call retries
        this.setStatus({ status: 'error', error: asOnDeviceError(error) });
      },
    );
    return current;
  }

  /** A caller aborted; when it was the last one waiting, cancel the load and go back to idle. */
  private leave(current: CurrentLoad) {
    current.waiting -= 1;
    if (current.waiting > 0 || current.settled || this.current !== current) return;
    this.current = undefined;
    this.attempts += 1; // late status of the cancelled load is ignored
    current.controller.abort();
    this.setStatus({ status: 'idle' });
  }

  /** Forgets the loaded model (after a worker restart): the next use loads it again. */
  reset(): void {
    this.current = undefined;
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
