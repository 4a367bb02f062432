import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { exitCodes, runEvalCli } from './eval-cli.js';
import { defaultMaxNewTokens, modelReference } from './generate-command.js';
import { parseEvalArgs } from './parse-eval-args.js';
import { repositoryRoot, spawnEval } from './spawn-eval.js';

// `npm run eval -- generate`: greedy generation through the public API. The acceptance test runs
// the real command on llama2.c stories260K (../shared/models, see its SOURCES.md) and compares
// the exact greedy text recorded there.

const storiesFolder = join(repositoryRoot, '../shared/models/converted/llama2.c-stories260K');
const storiesPresent = existsSync(join(storiesFolder, 'onnx/model.onnx'));
if (!storiesPresent) {
  console.warn(
    `Skipping the generate acceptance test: ${storiesFolder} is absent (the shared test models are not checked out here).`,
  );
}

/** Greedy output of stories260K for 'Once upon a time', 60 new tokens (../shared/models/SOURCES.md). */
const storiesGreedy60 =
  'Once upon a time, there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.\nLily';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEvalCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('parseEvalArgs: generate', () => {
  it('reads --model, --prompt, --max-new-tokens and --json', () => {
    expect(
      parseEvalArgs([
        'generate',
        '--model',
        'onnx-community/Qwen2.5-0.5B-Instruct',
        '--prompt',
        'Once upon a time',
        '--max-new-tokens',
        '60',
        '--json',
      ]),
    ).toEqual({
      kind: 'generate',
      model: 'onnx-community/Qwen2.5-0.5B-Instruct',
      prompt: 'Once upon a time',
      maxNewTokens: 60,
      json: true,
    });
    expect(parseEvalArgs(['generate', '--model=./m', '--prompt=Hi'])).toEqual({
      kind: 'generate',
      model: './m',
      prompt: 'Hi',
      maxNewTokens: defaultMaxNewTokens,
      json: false,
    });
  });

  it('rejects missing or bad options with what is valid', () => {
    expect(() => parseEvalArgs(['generate', '--prompt', 'x'])).toThrow(
      /Missing --model <folder or hub id>/,
    );
    expect(() => parseEvalArgs(['generate', '--model', 'a/b'])).toThrow(/Missing --prompt <text>/);
    expect(() => parseEvalArgs(['generate', '--model', 'a/b', '--prompt', ''])).toThrow(
      /--prompt needs a non-empty text/,
    );
    for (const count of ['0', '1.5', '4097', 'ten', '']) {
      expect(() =>
        parseEvalArgs(['generate', '--model', 'a/b', '--prompt', 'x', `--max-new-tokens=${count}`]),
      ).toThrow(/--max-new-tokens must be an integer from 1 to 4096/);
    }
    expect(() => parseEvalArgs(['generate', '--model', 'a/b', '--prompt', 'x', 'y'])).toThrow(
      /Unexpected argument\(s\): y\. Give one task, and quote a --prompt that has spaces/,
    );
  });

  it('keeps the options of generate and of the evaluation tasks apart', () => {
    expect(() =>
      parseEvalArgs(['generate', '--model', 'a/b', '--prompt', 'x', '--file', 'f']),
    ).toThrow(/--file does not apply to generate; it takes --model, --prompt, --max-new-tokens/);
    expect(() =>
      parseEvalArgs(['generate', '--model', 'a/b', '--prompt', 'x', '--backend', 'wasm']),
    ).toThrow(/--backend does not apply to generate/);
    expect(() => parseEvalArgs(['stsb', '--file', 'f', '--prompt', 'x'])).toThrow(
      /--prompt does not apply to stsb; it applies to generate/,
    );
    expect(() => parseEvalArgs(['sst2', '--file', 'f', '--max-new-tokens', '5'])).toThrow(
      /--max-new-tokens does not apply to sst2/,
    );
    expect(() => parseEvalArgs(['gen'])).toThrow(
      /Unknown task "gen"; valid tasks: stsb, sst2, agnews, banking77, retrieval, movielens, pii, generate/,
    );
  });
});

describe('modelReference', () => {
  it('makes an existing folder absolute and passes hub ids through', () => {
    expect(modelReference('.', tmpdir())).toBe(tmpdir());
    expect(modelReference('Xenova/all-MiniLM-L6-v2', tmpdir())).toBe('Xenova/all-MiniLM-L6-v2');
    expect(() => modelReference('./ondevice-no-such-model', tmpdir())).toThrow(InvalidInputError);
  });
});

describe('runEvalCli generate usage errors (exit code 2, usage on stderr, nothing on stdout)', () => {
  it.each([
    [['generate', '--prompt', 'x'], /Missing --model/],
    [['generate', '--model', 'a/b'], /Missing --prompt/],
    [['generate', '--model', 'a/b', '--prompt', 'x', '--max-new-tokens', '-3'], /--max-new-tokens/],
    [
      ['generate', '--model', join(tmpdir(), 'ondevice-no-such-model'), '--prompt', 'x'],
      /no such folder/,
    ],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('npm run eval -- generate --model <folder or hub id>');
  });
});

describe.skipIf(!storiesPresent)('npm run eval -- generate on stories260K', () => {
  it('prints the exact greedy text of SOURCES.md and ends stdout with the JSON line', async () => {
    const { json, line, report } = await spawnEval([
      'generate',
      '--model',
      storiesFolder,
      '--prompt',
      'Once upon a time',
      '--max-new-tokens',
      '60',
    ]);
    expect(json.text).toBe(storiesGreedy60);
    expect(Object.keys(json)).toEqual(['task', 'metric', 'value', 'n', 'text']);
    expect(json).toMatchObject({ task: 'generate', metric: 'tokens_per_s', n: 60 });
    expect(typeof json.value).toBe('number');
    expect(Number.isFinite(json.value) && json.value > 0).toBe(true);
    expect(line).toBe(
      `{"task":"generate","metric":"tokens_per_s","value":${JSON.stringify(json.value)},"n":60,"text":${JSON.stringify(storiesGreedy60)}}`,
    );
    // With --json the text and the figures go to stderr.
    expect(report).toContain(storiesGreedy60);
    expect(report).toMatch(/new tokens +60 \(finished by length\)/);
    expect(report).toMatch(/backend +cpu/);
  });
});
