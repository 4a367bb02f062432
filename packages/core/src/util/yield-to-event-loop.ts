/**
 * Resolves on a later macrotask, so timers, input and messages (a worker's `cancel`) run in
 * between; long work awaits it between slices. Not a timer where something faster exists: a run
 * of nested `setTimeout(0)` is clamped to 4 ms each in browsers and workers, which cost a
 * length-bucketed job of 40 runs over 150 ms. Node: `setImmediate`; browsers and workers: a
 * message to ourselves.
 *
 * @example
 * for (const slice of slices) { work(slice); await yieldToEventLoop() }
 */
export const yieldToEventLoop = (): Promise<void> => {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => void }).setImmediate;
  if (typeof immediate === 'function') return new Promise((resolve) => immediate(resolve));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
};
