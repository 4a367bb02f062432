import {
  OnDeviceError,
  UnknownBackendError,
  UnknownModelError,
  InvalidInputError,
  createClient,
} from '@ondevice/core';
import { alignColumns } from './align-columns.js';
import { evalTasks } from './eval-tasks.js';
import { runGenerate } from './generate-command.js';
import { type EvalTaskOptions, evalUsage, parseEvalArgs } from './parse-eval-args.js';

/** Where the CLI writes; the real process streams, or buffers in tests. */
export interface EvalCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Progress on stderr: `live` rewrites one line (a terminal); `lines` writes a line at every
   * tenth of the work and at least every 30 s (a log file, CI, a pipe); off when left out.
   */
  progress?: 'live' | 'lines';
}

/**
 * The progress reporter of {@link EvalCliIo.progress}.
 *
 * @example
 * const report = progressReporter('lines', (text) => process.stderr.write(text))
 * report(500, 1000, 'embedding')
 */
export function progressReporter(
  mode: 'live' | 'lines',
  write: (text: string) => void,
  now: () => number = () => performance.now(),
): (done: number, total: number, stage: string) => void {
  if (mode === 'live') {
    return (done, total, stage) =>
      write(`\r${stage} ${done}/${total}${done === total ? '\n' : ''}`);
  }
  let lastStage = '';
  let lastTenth = -1;
  let lastTime = now();
  return (done, total, stage) => {
    const tenth = total > 0 ? Math.floor((10 * done) / total) : 10;
    const time = now();
    if (stage === lastStage && tenth === lastTenth && time - lastTime < 30_000) return;
    lastStage = stage;
    lastTenth = tenth;
    lastTime = time;
    const percent = total > 0 ? Math.floor((100 * done) / total) : 100;
    write(`${stage} ${done}/${total} (${percent} %)\n`);
  };
}

/** Exit codes: 0 done, 1 the evaluation failed, 2 the command line or data file is wrong. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Runs `ondevice-eval` and resolves with its exit code. The report is a short table, then the
 * task's per-class figures and confusion summary. With `--json` the report goes to stderr and
 * stdout is one JSON line `{"task","metric","value","n"}`. The `generate` command prints the
 * prompt and its greedy continuation as they come, then the figures (tokens/s); its JSON line
 * adds `"text"`. A task may add fields to the JSON line (`retrieval`: `"byMode"`, `"fusion"`; `pii`:
 * `"byType"`, `"structured"`, `"partial"`). A task without a model (`pii`) loads none.
 * `options.tasks` replaces core's tasks: `npm run eval` runs packages/ai-sdk/bin/ondevice-eval.ts,
 * which adds `escalation` (core may not import @ondevice/ai-sdk).
 *
 * @example
 * process.exitCode = await runEvalCli(process.argv.slice(2), {
 *   stdout: (text) => process.stdout.write(text),
 *   stderr: (text) => process.stderr.write(text),
 * })
 */
export async function runEvalCli(
  argv: readonly string[],
  io: EvalCliIo,
  options: EvalTaskOptions = {},
): Promise<number> {
  const tasks = options.tasks ?? evalTasks;
  let client: ReturnType<typeof createClient> | undefined;
  let what = 'evaluation';
  try {
    const command = parseEvalArgs(argv, { tasks });
    if (command.kind === 'help') {
      io.stdout(evalUsage({ tasks }));
      return exitCodes.ok;
    }
    if (command.kind === 'generate') {
      what = 'generation';
      await runGenerate(command, io);
      return exitCodes.ok;
    }
    const task = tasks[command.task];
    if (!task) return exitCodes.usage; // parseEvalArgs already rejects unknown tasks
    const prepared = await task.prepare(command.inputs);
    client = createClient({
      backend: command.backend,
      ...(command.model === undefined ? {} : { defaultModel: command.model }),
    });
    const embedder = client.embedder();
    const started = performance.now();
    // A task without a model (pii) gets the client unused: creating one loads nothing.
    const loaded = task.usesModel === false ? undefined : await embedder.embed('warm-up');
    const loadSeconds = (performance.now() - started) / 1000;
    const outcome = await prepared.run({
      client,
      embedder,
      ...(io.progress ? { onProgress: progressReporter(io.progress, io.stderr) } : {}),
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
        ...(loaded === undefined
          ? [['time', `${seconds.toFixed(1)} s (no model)`]]
          : [
              ['time', `${seconds.toFixed(1)} s (model load ${loadSeconds.toFixed(1)} s)`],
              ['backend', loaded.backend],
              ['model', loaded.modelId],
            ]),
      ]) + (outcome.details === undefined ? '' : `\n${outcome.details}`);
    if (command.json) {
      io.stderr(report);
      io.stdout(
        `${JSON.stringify({ task: command.task, metric: task.metric, value, n: prepared.n, ...outcome.jsonFields })}\n`,
      );
    } else {
      io.stdout(report);
    }
    return exitCodes.ok;
  } catch (error) {
    if (
      InvalidInputError.isInstance(error) ||
      UnknownBackendError.isInstance(error) ||
      UnknownModelError.isInstance(error)
    ) {
      io.stderr(`ondevice-eval: ${error.message}\n\n${evalUsage({ tasks })}`);
      return exitCodes.usage;
    }
    const detail = OnDeviceError.isInstance(error) ? `${error.name}: ${error.message}` : error;
    io.stderr(`ondevice-eval: ${what} failed: ${String(detail)}\n`);
    return exitCodes.failed;
  } finally {
    client?.dispose();
  }
}
