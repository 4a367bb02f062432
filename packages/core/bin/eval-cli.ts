import {
  OnDeviceError,
  UnknownBackendError,
  InvalidInputError,
  createClient,
} from '@ondevice/core';
import { alignColumns } from './align-columns.js';
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
 * Runs `ondevice-eval` and resolves with its exit code. The report is a short table, then the
 * task's per-class figures and confusion summary. With `--json` the report goes to stderr and
 * stdout is one JSON line `{"task","metric","value","n"}`.
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
    const prepared = await task.prepare(command.inputs);
    client = createClient({ backend: command.backend });
    const embedder = client.embedder();
    const started = performance.now();
    const loaded = await embedder.embed('warm-up');
    const loadSeconds = (performance.now() - started) / 1000;
    const outcome = await prepared.run({
      client,
      embedder,
      ...(io.progress
        ? {
            onProgress: (done: number, total: number, stage: string) =>
              io.stderr(`\r${stage} ${done}/${total}${done === total ? '\n' : ''}`),
          }
        : {}),
    });
    const seconds = (performance.now() - started) / 1000;
    const value = Math.round(outcome.value * 1e4) / 1e4;
    const { file, train } = command.inputs;
    const report =
      alignColumns([
        ['task', command.task],
        ...(train === undefined ? [] : [['train', train]]),
        ...(file === undefined ? [] : [['file', file]]),
        ...(prepared.facts ?? []),
        ['n', String(prepared.n)],
        [task.metric, value.toFixed(4)],
        ...(outcome.facts ?? []),
        ['time', `${seconds.toFixed(1)} s (model load ${loadSeconds.toFixed(1)} s)`],
        ['backend', loaded.backend],
        ['model', loaded.modelId],
      ]) + (outcome.details === undefined ? '' : `\n${outcome.details}`);
    if (command.json) {
      io.stderr(report);
      io.stdout(
        `${JSON.stringify({ task: command.task, metric: task.metric, value, n: prepared.n })}\n`,
      );
    } else {
      io.stdout(report);
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
