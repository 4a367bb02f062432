import {
  OnDeviceError,
  UnknownBackendError,
  InvalidInputError,
  createClient,
} from '@ondevice/core';
import { evalTasks } from './eval-tasks.js';
import { evalUsage, parseEvalArgs } from './parse-eval-args.js';

/** Where the CLI writes; the real process streams, or buffers in tests. */
export interface EvalCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Show a live progress line on stderr (when it is a terminal). */
  progress?: boolean;
}

/** Exit codes: 0 done, 1 the evaluation failed, 2 the command line or data file is wrong. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Runs `ondevice-eval` and resolves with its exit code. Human output is a short table; with
 * `--json` stdout is one JSON line `{"task","metric","value","n"}`.
 *
 * @example
 * process.exitCode = await runEvalCli(process.argv.slice(2), {
 *   stdout: (text) => process.stdout.write(text),
 *   stderr: (text) => process.stderr.write(text),
 * })
 */
export async function runEvalCli(argv: readonly string[], io: EvalCliIo): Promise<number> {
  let client: ReturnType<typeof createClient> | undefined;
  try {
    const command = parseEvalArgs(argv);
    if (command.kind === 'help') {
      io.stdout(evalUsage());
      return exitCodes.ok;
    }
    const task = evalTasks[command.task];
    if (!task) return exitCodes.usage; // parseEvalArgs already rejects unknown tasks
    const prepared = await task.prepare(command.file);
    client = createClient({ backend: command.backend });
    const embedder = client.embedder();
    const started = performance.now();
    const loaded = await embedder.embed('warm-up');
    const loadSeconds = (performance.now() - started) / 1000;
    const score = await prepared.run({
      embedder,
      ...(io.progress
        ? {
            onProgress: (embedded: number, total: number) =>
              io.stderr(`\rembedding ${embedded}/${total}${embedded === total ? '\n' : ''}`),
          }
        : {}),
    });
    const seconds = (performance.now() - started) / 1000;
    const value = Math.round(score * 1e4) / 1e4;
    if (command.json) {
      io.stdout(
        `${JSON.stringify({ task: command.task, metric: task.metric, value, n: prepared.n })}\n`,
      );
    } else {
      io.stdout(
        formatTable([
          ['task', command.task],
          ['file', command.file],
          ['n', String(prepared.n)],
          [task.metric, value.toFixed(4)],
          ['time', `${seconds.toFixed(1)} s (model load ${loadSeconds.toFixed(1)} s)`],
          ['backend', loaded.backend],
          ['model', loaded.modelId],
        ]),
      );
    }
    return exitCodes.ok;
  } catch (error) {
    if (InvalidInputError.isInstance(error) || UnknownBackendError.isInstance(error)) {
      io.stderr(`ondevice-eval: ${error.message}\n\n${evalUsage()}`);
      return exitCodes.usage;
    }
    const detail = OnDeviceError.isInstance(error) ? `${error.name}: ${error.message}` : error;
    io.stderr(`ondevice-eval: evaluation failed: ${String(detail)}\n`);
    return exitCodes.failed;
  } finally {
    client?.dispose();
  }
}

function formatTable(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('');
}
