import { parseArgs } from 'node:util';
import { type BackendPreference, InvalidInputError, parseBackendPreference } from '@ondevice/core';
import { evalTaskNames, evalTasks } from './eval-tasks.js';

/** What the command line asked for. */
export type EvalCommand =
  | { kind: 'help' }
  | { kind: 'run'; task: string; file: string; json: boolean; backend: BackendPreference };

/** Usage text shown by `--help` and after a usage error. */
export function evalUsage(): string {
  const width = Math.max(...evalTaskNames.map((name) => name.length));
  const tasks = evalTaskNames
    .map((name) => `  ${name.padEnd(width)}  ${evalTasks[name]?.description ?? ''}`)
    .join('\n');
  return [
    'Usage: npm run eval -- <task> --file <path> [--json] [--backend <name>]',
    '',
    'Tasks:',
    tasks,
    '',
    'Options:',
    '  --file <path>     data file of the task (required)',
    '  --json            end stdout with one line {"task","metric","value","n"}',
    '  --backend <name>  tfjs backend (default wasm; in Node wasm, cpu or auto work)',
    '  -h, --help        show this help',
    '',
  ].join('\n');
}

/**
 * Parses `ondevice-eval` arguments (without `node` and the script path).
 *
 * @throws {InvalidInputError} for an unknown task or option, or a missing `--file`.
 * @throws {UnknownBackendError} for a `--backend` that is not a backend name.
 * @example
 * parseEvalArgs(['stsb', '--file', 'sts-dev.csv', '--json'])
 */
export function parseEvalArgs(argv: readonly string[]): EvalCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        file: { type: 'string' },
        json: { type: 'boolean', default: false },
        backend: { type: 'string', default: 'wasm' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new InvalidInputError({
      parameter: 'argv',
      message: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [task, ...extra] = positionals;
  if (task === undefined) {
    throw new InvalidInputError({
      parameter: 'task',
      message: `Name a task: ${evalTaskNames.join(', ')}.`,
    });
  }
  if (!Object.hasOwn(evalTasks, task)) {
    throw new InvalidInputError({
      parameter: 'task',
      message: `Unknown task "${task}"; valid tasks: ${evalTaskNames.join(', ')}.`,
    });
  }
  if (extra.length > 0) {
    throw new InvalidInputError({
      parameter: 'argv',
      message: `Unexpected argument(s): ${extra.join(' ')}. Give one task.`,
    });
  }
  if (values.file === undefined || values.file === '') {
    throw new InvalidInputError({
      parameter: 'file',
      message: `Missing --file <path>: the ${task} data file to evaluate on.`,
    });
  }
  return {
    kind: 'run',
    task,
    file: values.file,
    json: values.json,
    backend: parseBackendPreference(values.backend),
  };
}
