/**
 * Resolves on a later macrotask, so timers, input and messages (a worker's `cancel`) run in
 * between; long work awaits it between slices.
 *
 * @example
 * for (const slice of slices) { work(slice); await yieldToEventLoop() }
 */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 0));
