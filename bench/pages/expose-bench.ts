/** What a bench page offers bench/run.ts (called through Playwright's page.evaluate). */
export type BenchApi = Record<string, (options: never) => Promise<unknown>>;

declare global {
  interface Window {
    /** Set once the page's bench functions can be called. */
    bench?: BenchApi;
  }
}

/**
 * Publishes a page's bench functions on `window.bench`.
 *
 * @example
 * exposeBench({ run: async (options: { job: JobName }) => runJob(options) })
 */
export function exposeBench(api: BenchApi): void {
  window.bench = api;
  document.title = `${document.title} (ready)`;
}
