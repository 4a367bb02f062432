import { parseArgs } from 'node:util';
import {
  type BackendPreference,
  InvalidInputError,
  defaultEmbeddingModelId,
  getModelManifest,
  listModelIds,
  parseBackendPreference,
} from '@ondevice/core';
import { type EvalInputName, type EvalInputs, type EvalTask, optionOf } from './eval-task.js';
import { evalTaskNames, evalTasks } from './eval-tasks.js';
import {
  type GenerateCommand,
  generateCommandName,
  generateOptionLines,
  generateUsage,
  parseGenerateArgs,
} from './generate-command.js';

/** What the command line asked for. */
export type EvalCommand =
  | { kind: 'help' }
  | {
      kind: 'run';
      task: string;
      inputs: EvalInputs;
      json: boolean;
      backend: BackendPreference;
      /** Embedding model id; the client's default when absent. */
      model?: string;
    }
  | GenerateCommand;

/** Every command name: the evaluation tasks, then `generate`. */
export const commandNames: readonly string[] = [...evalTaskNames, generateCommandName];

/**
 * The tasks a command line may name. core's own by default; a package above core (which core
 * may not import) runs the same CLI with its tasks added, e.g. packages/ai-sdk/bin's `escalation`.
 *
 * @example
 * const options: EvalTaskOptions = { tasks: { ...evalTasks, escalation: escalationTask } }
 */
export interface EvalTaskOptions {
  /** Tasks by command-line name. @default evalTasks (core's) */
  tasks?: Readonly<Record<string, EvalTask>>;
}

function commandNamesOf(tasks: Readonly<Record<string, EvalTask>>): string[] {
  return [...Object.keys(tasks), generateCommandName];
}

const inputNames: readonly EvalInputName[] = [
  'file',
  'train',
  'dir',
  'holdoutPerClass',
  'shots',
  'seed',
];

/**
 * Usage text shown by `--help` and after a usage error.
 *
 * @example
 * io.stdout(evalUsage({ tasks }))
 */
export function evalUsage(options: EvalTaskOptions = {}): string {
  const registry = options.tasks ?? evalTasks;
  const width = Math.max(...commandNamesOf(registry).map((name) => name.length));
  const tasks = Object.keys(registry)
    .map((name) => {
      const task = registry[name];
      return `  ${name.padEnd(width)}  ${task?.description ?? ''}\n  ${''.padEnd(width)}  npm run eval -- ${name} ${task?.example ?? ''}`;
    })
    .join('\n');
  return [
    'Usage: npm run eval -- <task> <task options> [--json] [--backend <name>] [--model <id>]',
    '       npm run eval -- generate --model <folder or hub id> --prompt <text> [--max-new-tokens <n>] [--json]',
    '',
    'Tasks:',
    tasks,
    generateUsage(width),
    '',
    'Options:',
    '  --file <path>             data file to evaluate on (stsb, sst2, agnews, pii; banking77, escalation and retrieval unless --holdout-per-class)',
    '  --train <path>            rows to teach from (banking77, escalation) or to index (retrieval)',
    '  --dir <path>              the data set folder (movielens: ml-100k, with u.data, u.item, u.genre)',
    '  --holdout-per-class <n>   evaluate on n rows per class held out of --train, never taught or indexed (banking77, escalation, retrieval)',
    '  --shots <k>               examples taught per class, sampled from --train (banking77, escalation; default 10)',
    '  --seed <n>                seed of the sampled shots and held-out rows (banking77, escalation, retrieval; default 2024; movielens: ties and negatives, default 1)',
    '  --json                    end stdout with one line {"task","metric","value","n"} (generate adds "text", retrieval "byMode" and "fusion", pii "byType", "structured" and "partial", escalation "deviceAccuracy" and "byThreshold"; the report goes to stderr)',
    '  --backend <name>          tfjs backend (default wasm; in Node wasm, cpu or auto work)',
    `  --model <id>              embedding model (default ${defaultEmbeddingModelId}; also ${listModelIds()
      .filter((id) => id !== defaultEmbeddingModelId)
      .join(', ')})`,
    ...generateOptionLines,
    '  -h, --help                show this help',
    '',
  ].join('\n');
}

/**
 * Parses `ondevice-eval` arguments (without `node` and the script path).
 *
 * @throws {InvalidInputError} for an unknown task or option, an option the task does not take,
 *   a missing required one, or a number out of range.
 * @throws {UnknownBackendError} for a `--backend` that is not a backend name.
 * @throws {UnknownModelError} for a `--model` that is not a built-in model id (evaluation tasks;
 *   `generate` takes a folder or hub id).
 * @example
 * parseEvalArgs(['stsb', '--file', 'sts-dev.csv', '--json'])
 * parseEvalArgs(['generate', '--model', 'models/stories', '--prompt', 'Once', '--max-new-tokens', '20'])
 */
export function parseEvalArgs(argv: readonly string[], options: EvalTaskOptions = {}): EvalCommand {
  const registry = options.tasks ?? evalTasks;
  const names = commandNamesOf(registry);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        file: { type: 'string' },
        train: { type: 'string' },
        dir: { type: 'string' },
        'holdout-per-class': { type: 'string' },
        shots: { type: 'string' },
        seed: { type: 'string' },
        prompt: { type: 'string' },
        'max-new-tokens': { type: 'string' },
        json: { type: 'boolean', default: false },
        backend: { type: 'string' },
        model: { type: 'string' },
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
  const [taskName, ...extra] = positionals;
  if (taskName === undefined) {
    throw new InvalidInputError({
      parameter: 'task',
      message: `Name a task: ${names.join(', ')}.`,
    });
  }
  const task = Object.hasOwn(registry, taskName) ? registry[taskName] : undefined;
  if (!task && taskName !== generateCommandName) {
    throw new InvalidInputError({
      parameter: 'task',
      message: `Unknown task "${taskName}"; valid tasks: ${names.join(', ')}.`,
    });
  }
  if (extra.length > 0) {
    throw new InvalidInputError({
      parameter: 'argv',
      message: `Unexpected argument(s): ${extra.join(' ')}. Give one task${taskName === generateCommandName ? ', and quote a --prompt that has spaces' : ''}.`,
    });
  }
  if (!task) {
    const evalOptions = {
      '--file': values.file,
      '--train': values.train,
      '--dir': values.dir,
      '--holdout-per-class': values['holdout-per-class'],
      '--shots': values.shots,
      '--seed': values.seed,
      '--backend': values.backend,
    };
    return parseGenerateArgs({
      model: values.model,
      prompt: values.prompt,
      maxNewTokens: values['max-new-tokens'],
      json: values.json,
      otherOptions: Object.entries(evalOptions)
        .filter(([, value]) => value !== undefined)
        .map(([option]) => option),
    });
  }
  for (const [option, value] of [
    ['--prompt', values.prompt],
    ['--max-new-tokens', values['max-new-tokens']],
  ] as const) {
    if (value !== undefined) {
      throw new InvalidInputError({
        parameter: option === '--prompt' ? 'prompt' : 'maxNewTokens',
        message: `${option} does not apply to ${taskName}; it applies to ${generateCommandName}.`,
      });
    }
  }
  const given: Record<EvalInputName, string | undefined> = {
    file: values.file,
    train: values.train,
    dir: values.dir,
    holdoutPerClass: values['holdout-per-class'],
    shots: values.shots,
    seed: values.seed,
  };
  const taken = inputNames.filter((name) => task.inputs[name] !== undefined);
  for (const name of inputNames) {
    if (given[name] !== undefined && task.inputs[name] === undefined) {
      throw new InvalidInputError({
        parameter: name,
        message: `${optionOf(name)} does not apply to ${taskName}; it takes ${taken.map(optionOf).join(', ')}.`,
      });
    }
    if (given[name] === undefined && task.inputs[name] === 'required') {
      throw new InvalidInputError({
        parameter: name,
        message:
          name === 'dir'
            ? `Missing --dir <path>: the ${taskName} data set folder.`
            : `Missing ${optionOf(name)} <path>: the ${taskName} data file to ${name === 'train' ? 'teach from' : 'evaluate on'}.`,
      });
    }
  }
  const inputs: EvalInputs = {};
  for (const name of ['file', 'train', 'dir'] as const) {
    const path = given[name];
    if (path === '') {
      throw new InvalidInputError({ parameter: name, message: `${optionOf(name)} needs a path.` });
    }
    if (path !== undefined) inputs[name] = path;
  }
  const positiveInteger = (value: number) => Number.isInteger(value) && value >= 1;
  if (given.holdoutPerClass !== undefined) {
    inputs.holdoutPerClass = parseNumber('holdoutPerClass', given.holdoutPerClass, positiveInteger);
  }
  if (given.shots !== undefined) {
    inputs.shots = parseNumber('shots', given.shots, positiveInteger);
  }
  if (given.seed !== undefined) {
    inputs.seed = parseNumber(
      'seed',
      given.seed,
      (value) => Number.isInteger(value) && value >= 0 && value < 2 ** 32,
    );
  }
  task.checkInputs?.(inputs);
  // Unknown ids fail here with the valid ones named (UnknownModelError), before any data is read.
  if (values.model !== undefined) getModelManifest(values.model);
  return {
    kind: 'run',
    task: taskName,
    inputs,
    json: values.json,
    backend: parseBackendPreference(values.backend ?? 'wasm'),
    ...(values.model === undefined ? {} : { model: values.model }),
  };
}

const expected: Record<'holdoutPerClass' | 'shots' | 'seed', string> = {
  holdoutPerClass: 'a positive integer (rows per class held out of --train, e.g. 20)',
  shots: 'a positive integer (examples taught per class)',
  seed: 'an integer from 0 to 4294967295',
};

function parseNumber(
  name: 'holdoutPerClass' | 'shots' | 'seed',
  text: string,
  valid: (value: number) => boolean,
): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || !valid(value)) {
    throw new InvalidInputError({
      parameter: name,
      message: `${optionOf(name)} must be ${expected[name]}; got "${text}".`,
    });
  }
  return value;
}
