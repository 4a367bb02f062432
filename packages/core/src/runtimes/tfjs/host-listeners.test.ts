import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the host process is left alone', () => {
  it("after the wasm backend starts, the app's own handlers are the only ones, and an unhandled rejection does not exit", async () => {
    const script = fileURLToPath(new URL('./host-listeners.test.support.ts', import.meta.url));
    // A process of its own: the test runner registers handlers of its own.
    const { stdout } = await run(
      process.execPath,
      ['--conditions=@ondevice/source', '--import', 'tsx', script],
      { cwd: fileURLToPath(new URL('../../..', import.meta.url)) },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1) as string)).toEqual({
      dimensions: 512,
      listeners: { unhandledRejection: 1, uncaughtException: 1, ownRejectionHandler: true },
      handled: 1,
    });
  });
});
