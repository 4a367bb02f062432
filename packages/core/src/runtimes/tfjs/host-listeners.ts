import { nodeProcess } from '../../util/environment.js';

const events = ['uncaughtException', 'unhandledRejection'] as const;
type Listener = (...args: unknown[]) => void;

/**
 * Runs `work` and then removes the `uncaughtException` / `unhandledRejection` listeners it
 * added to Node's process. tfjs-backend-wasm's Emscripten glue registers
 * `process.on('unhandledRejection', (reason) => { throw reason })` when the backend starts,
 * which would make any unhandled rejection anywhere in the host app exit the process; a library
 * must leave the host's handlers as the app set them. Elsewhere (browsers) it just runs `work`.
 *
 * @example
 * await keepingHostListeners(() => tf.setBackend('wasm'))
 */
export async function keepingHostListeners<T>(work: () => Promise<T>): Promise<T> {
  const process = nodeProcess();
  if (typeof process?.listeners !== 'function') return work();
  const host = process as unknown as {
    listeners(event: string): Listener[];
    removeListener(event: string, listener: Listener): void;
  };
  const before = new Map(events.map((event) => [event, new Set(host.listeners(event))]));
  try {
    return await work();
  } finally {
    for (const event of events) {
      const kept = before.get(event) as Set<Listener>;
      for (const listener of host.listeners(event)) {
        if (!kept.has(listener)) host.removeListener(event, listener);
      }
    }
  }
}
