import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { InvalidInputError, createClient } from '@ondevice/core';
import { alignColumns } from './align-columns.js';

/** The command name of greedy generation, beside the evaluation tasks. */
export const generateCommandName = 'generate';

/** `npm run eval -- generate …`, as parsed. */
export interface GenerateCommand {
  kind: 'generate';
  /** `--model`: a folder (path or URL) in the Hugging Face layout, or a hub id. */
  model: string;
  /** `--prompt`: the text to continue. */
  prompt: string;
  /** `--max-new-tokens`: most tokens generated. */
  maxNewTokens: number;
  /** `--json`: end stdout with one JSON line; the report goes to stderr. */
  json: boolean;
}

/** What `--max-new-tokens` defaults to: the default of `generate()` itself. */
export const defaultMaxNewTokens = 128;

/** The largest `--max-new-tokens` that `generate()` accepts. */
const maxNewTokensLimit = 4096;

/** The JSON line of `generate --json`: the last line of stdout. */
export interface GenerateJsonLine {
  task: 'generate';
  metric: 'tokens_per_s';
  /** New tokens per second after the first (`GenerationResult.tokensPerSecond`), 2 decimals. */
  value: number;
  /** New tokens generated. */
  n: number;
  /** The prompt followed by the continuation. */
  text: string;
}

/**
 * The help text of the generate command, under the tasks of the usage.
 *
 * @example
 * generateUsage(9) // the name padded to 9 characters, as the task names are
 */
export function generateUsage(width: number = generateCommandName.length): string {
  return [
    `  ${generateCommandName.padEnd(width)}  Greedy text generation with a Transformers.js model (client.generator, in-thread, onnxruntime-node)`,
    `  ${''.padEnd(width)}  npm run eval -- generate --model ../shared/models/converted/llama2.c-stories260K --prompt "Once upon a time" --max-new-tokens 60`,
  ].join('\n');
}

/** Option lines of the generate command, for the usage. */
export const generateOptionLines = [
  '  --model <folder or id>    generate: a model folder (path or URL, Hugging Face layout) or a hub id (owner/name)',
  '  --prompt <text>           generate: the text to continue (required)',
  `  --max-new-tokens <n>      generate: most new tokens, 1 to ${maxNewTokensLimit} (default ${defaultMaxNewTokens})`,
];

/** The options `parseEvalArgs` read, as far as the generate command cares. */
export interface GenerateArgValues {
  model: string | undefined;
  prompt: string | undefined;
  maxNewTokens: string | undefined;
  json: boolean;
  /** Options of the evaluation tasks that were given (by their command-line name). */
  otherOptions: readonly string[];
}

/**
 * Checks the options of `generate`.
 *
 * @throws {InvalidInputError} for a missing `--model` or `--prompt`, a `--max-new-tokens` that is
 *   not an integer from 1 to 4096, or an option of the evaluation tasks.
 * @example
 * parseGenerateArgs({ model: 'onnx-community/Qwen2.5-0.5B-Instruct', prompt: 'Hi', maxNewTokens: '20', json: false, otherOptions: [] })
 */
export function parseGenerateArgs(values: GenerateArgValues): GenerateCommand {
  const [other] = values.otherOptions;
  if (other !== undefined) {
    throw new InvalidInputError({
      parameter: other.replace(/^--/, ''),
      message:
        other === '--backend'
          ? `--backend does not apply to ${generateCommandName}: Transformers.js models run on onnxruntime-node (cpu) in Node.`
          : `${other} does not apply to ${generateCommandName}; it takes --model, --prompt, --max-new-tokens.`,
    });
  }
  if (values.model === undefined || values.model === '') {
    throw new InvalidInputError({
      parameter: 'model',
      message: `Missing --model <folder or hub id>: the text-generation model, a folder in the Hugging Face layout (e.g. ../shared/models/converted/llama2.c-stories260K) or a hub id (e.g. onnx-community/Qwen2.5-0.5B-Instruct).`,
    });
  }
  if (values.prompt === undefined) {
    throw new InvalidInputError({
      parameter: 'prompt',
      message: 'Missing --prompt <text>: the text to continue.',
    });
  }
  if (values.prompt === '') {
    throw new InvalidInputError({
      parameter: 'prompt',
      message: '--prompt needs a non-empty text.',
    });
  }
  let maxNewTokens = defaultMaxNewTokens;
  if (values.maxNewTokens !== undefined) {
    const text = values.maxNewTokens;
    maxNewTokens = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isInteger(maxNewTokens) || maxNewTokens < 1 || maxNewTokens > maxNewTokensLimit) {
      throw new InvalidInputError({
        parameter: 'maxNewTokens',
        message: `--max-new-tokens must be an integer from 1 to ${maxNewTokensLimit}; got "${text}".`,
      });
    }
  }
  return {
    kind: 'generate',
    model: values.model,
    prompt: values.prompt,
    maxNewTokens,
    json: values.json,
  };
}

/**
 * The model reference handed to the client: an existing folder on disk becomes its absolute path
 * (so `models/x` is a folder when it exists, not the hub id `models/x`); anything else (a hub id,
 * a URL) is passed as it is.
 *
 * @throws {InvalidInputError} for a path (`/…`, `./…`, `../…`) that is not a folder.
 * @example
 * modelReference('../shared/models/converted/llama2.c-stories260K') // '<repository>/../shared/models/…' (absolute)
 */
export function modelReference(model: string, cwd: string = process.cwd()): string {
  const path = isAbsolute(model) ? model : resolve(cwd, model);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isDirectory()) return path;
  if (/^\.{0,2}\//.test(model)) {
    throw new InvalidInputError({
      parameter: 'model',
      message: `--model ${model}: ${stats ? 'not a folder' : 'no such folder'} (${path}). Give a model folder in the Hugging Face layout (config.json, tokenizer.json, onnx/model.onnx) or a hub id.`,
    });
  }
  return model;
}

/**
 * Runs `generate`: loads the model through the public API (`createClient({ worker: false })`,
 * `client.generator`), warms it up on 4 tokens, generates greedily, streams the text as it comes
 * and reports tokens/s.
 * With `json`, the text and the report go to stderr and stdout is one {@link GenerateJsonLine}.
 *
 * @example
 * await runGenerate({ kind: 'generate', model, prompt: 'Once upon a time', maxNewTokens: 60, json: false }, io)
 */
export async function runGenerate(
  command: GenerateCommand,
  io: { stdout(text: string): void; stderr(text: string): void },
): Promise<void> {
  const write = command.json ? io.stderr : io.stdout;
  const model = modelReference(command.model);
  const client = createClient({ worker: false });
  try {
    const generator = client.generator({ model });
    const loadStarted = performance.now();
    await generator.load();
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    // A short warm-up run first: onnxruntime's first runs of a session (one per input shape)
    // are slower, and tokens/s should describe the model, not its first call.
    await generator.generate(command.prompt, { maxNewTokens: 4, temperature: 0 }).result;
    write(command.prompt);
    const stream = generator.generate(command.prompt, {
      maxNewTokens: command.maxNewTokens,
      temperature: 0,
    });
    for await (const piece of stream) write(piece);
    const result = await stream.result;
    write('\n\n');
    const backend =
      client.diagnostics().models.find((entry) => entry.id === generator.modelId)?.backend ??
      'unknown';
    const value = Math.round(result.tokensPerSecond * 100) / 100;
    write(
      alignColumns([
        ['task', generateCommandName],
        ['model', model],
        ['backend', backend],
        ['prompt tokens', String(result.promptTokens)],
        ['new tokens', `${result.tokens} (finished by ${result.finishReason})`],
        ['tokens/s', `${value.toFixed(2)} (greedy; new tokens after the first ÷ their time)`],
        ['time to first token', `${result.timeToFirstTokenMs.toFixed(1)} ms`],
        [
          'time',
          `${(result.milliseconds / 1000).toFixed(2)} s (model load ${loadSeconds.toFixed(1)} s)`,
        ],
      ]),
    );
    if (command.json) {
      const line: GenerateJsonLine = {
        task: 'generate',
        metric: 'tokens_per_s',
        value,
        n: result.tokens,
        text: command.prompt + result.text,
      };
      io.stdout(`${JSON.stringify(line)}\n`);
    }
  } finally {
    client.dispose();
  }
}
