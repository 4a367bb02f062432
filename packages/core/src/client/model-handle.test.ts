import { ModelLoadError } from '@ondevice/errors';
import { describe, expect, it } from 'vitest';
import type { LoadReport } from '../engine/load-report.js';
import type { ModelStatusListener } from '../runtimes/model-status.js';
import type { EngineConnection } from '../worker/engine-connection.js';
import { ModelHandle } from './model-handle.js';

/** A connection whose loads the test settles by hand, keeping each load's status callback. */
function scriptedConnection() {
  const loads: {
    onStatus: ModelStatusListener;
    resolve(report: LoadReport): void;
    reject(error: unknown): void;
  }[] = [];
  const connection = {
    kind: 'in-thread',
    load: (_modelId: string, onStatus: ModelStatusListener) =>
      new Promise<LoadReport>((resolve, reject) => loads.push({ onStatus, resolve, reject })),
  } as unknown as EngineConnection;
  return { connection, loads };
}

const report = {
  modelId: 'use-lite',
  runtime: 'tfjs',
  dimensions: 512,
  backend: 'wasm',
  milliseconds: 1,
} as LoadReport;

describe('ModelHandle', () => {
  it('ignores status from a failed load once a retry has started (late files of the first)', async () => {
    const { connection, loads } = scriptedConnection();
    const handle = new ModelHandle(
      'use-lite',
      () => connection,
      () => {},
    );
    const first = handle.load();
    loads[0]?.onStatus({ status: 'downloading', loaded: 10, total: 100 });
    loads[0]?.reject(new ModelLoadError({ url: '/x', status: 503, message: 'unavailable' }));
    await expect(first).rejects.toSatisfy((error: unknown) => ModelLoadError.isInstance(error));
    expect(handle.getSnapshot().status).toBe('error');

    const retry = handle.load();
    loads[1]?.onStatus({ status: 'downloading', loaded: 50, total: 100 });
    loads[1]?.resolve(report);
    await retry;
    expect(handle.getSnapshot()).toEqual({ status: 'ready', backend: 'wasm' });
    // The first load's other files were still arriving: their progress must not win.
    loads[0]?.onStatus({ status: 'downloading', loaded: 90, total: 100 });
    expect(handle.getSnapshot()).toEqual({ status: 'ready', backend: 'wasm' });
  });

  it('loads once for many callers and tells each of them every status', async () => {
    const { connection, loads } = scriptedConnection();
    const handle = new ModelHandle(
      'use-lite',
      () => connection,
      () => {},
    );
    const seen: string[][] = [[], []];
    const both = [0, 1].map((index) =>
      handle.load({ onProgress: (status) => seen[index]?.push(status.status) }),
    );
    expect(loads).toHaveLength(1);
    loads[0]?.onStatus({ status: 'initializing' });
    loads[0]?.resolve(report);
    await Promise.all(both);
    expect(seen).toEqual([
      ['idle', 'initializing', 'ready'],
      ['idle', 'initializing', 'ready'],
    ]);
  });
});
