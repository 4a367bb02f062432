import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError, UnknownBackendError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { exitCodes, progressReporter, runEvalCli } from './eval-cli.js';
import { parseEvalArgs } from './parse-eval-args.js';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEvalCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('parseEvalArgs', () => {
  it('reads a task, --file, --json and --backend', () => {
    expect(parseEvalArgs(['stsb', '--file', 'dev.csv', '--json'])).toEqual({
      kind: 'run',
      task: 'stsb',
      inputs: { file: 'dev.csv' },
      json: true,
      backend: 'wasm',
    });
    expect(parseEvalArgs(['--file=dev.csv', 'stsb', '--backend', 'cpu'])).toMatchObject({
      json: false,
      backend: 'cpu',
    });
    expect(parseEvalArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('reads the classification tasks and the banking77 inputs as numbers', () => {
    expect(parseEvalArgs(['sst2', '--file', 'dev.tsv'])).toMatchObject({
      task: 'sst2',
      inputs: { file: 'dev.tsv' },
    });
    expect(parseEvalArgs(['agnews', '--file', 'dev.csv'])).toMatchObject({ task: 'agnews' });
    expect(
      parseEvalArgs([
        'banking77',
        '--train',
        't.csv',
        '--holdout-per-class',
        '20',
        '--shots',
        '10',
        '--seed',
        '7',
      ]),
    ).toMatchObject({ inputs: { train: 't.csv', holdoutPerClass: 20, shots: 10, seed: 7 } });
    expect(parseEvalArgs(['banking77', '--train', 't.csv', '--file', 'test.csv'])).toMatchObject({
      inputs: { train: 't.csv', file: 'test.csv' },
    });
  });

  it('rejects a missing or unknown task, listing the valid ones', () => {
    expect(() => parseEvalArgs(['--file', 'x'])).toThrow(
      /Name a task: stsb, sst2, agnews, banking77/,
    );
    expect(() => parseEvalArgs(['mnli', '--file', 'x'])).toThrow(
      /Unknown task "mnli"; valid tasks: stsb, sst2, agnews, banking77/,
    );
    expect(() => parseEvalArgs(['toString', '--file', 'x'])).toThrow(InvalidInputError);
  });

  it('rejects a missing --file, unknown options and extra arguments', () => {
    expect(() => parseEvalArgs(['stsb'])).toThrow(/Missing --file <path>/);
    expect(() => parseEvalArgs(['sst2'])).toThrow(/Missing --file <path>: the sst2 data file/);
    expect(() => parseEvalArgs(['stsb', '--file'])).toThrow(InvalidInputError);
    expect(() => parseEvalArgs(['stsb', '--file', ''])).toThrow(/--file needs a path/);
    expect(() => parseEvalArgs(['stsb', '--file', 'x', '--fast'])).toThrow(/--fast/);
    expect(() => parseEvalArgs(['stsb', 'sts', '--file', 'x'])).toThrow(/Unexpected argument/);
    expect(() => parseEvalArgs(['stsb', '--file', 'x', '--backend', 'tpu'])).toThrow(
      UnknownBackendError,
    );
  });

  it('rejects options the task does not take', () => {
    expect(() => parseEvalArgs(['sst2', '--file', 'x', '--shots', '5'])).toThrow(
      /--shots does not apply to sst2; it takes --file/,
    );
    expect(() => parseEvalArgs(['agnews', '--file', 'x', '--train', 'y'])).toThrow(
      /--train does not apply/,
    );
  });

  it('checks the banking77 inputs: --train, one of --file and --holdout-per-class, numbers', () => {
    expect(() => parseEvalArgs(['banking77', '--holdout-per-class', '20'])).toThrow(
      /Missing --train <path>: the banking77 data file to teach from/,
    );
    expect(() => parseEvalArgs(['banking77', '--train', 't'])).toThrow(
      /banking77 needs --file <path> \(rows to evaluate on\) or --holdout-per-class <n>/,
    );
    expect(() =>
      parseEvalArgs(['banking77', '--train', 't', '--file', 'f', '--holdout-per-class', '20']),
    ).toThrow(/not both/);
    for (const holdout of ['0', '0.2', '-1', 'abc', '']) {
      expect(() =>
        parseEvalArgs(['banking77', '--train', 't', `--holdout-per-class=${holdout}`]),
      ).toThrow(/--holdout-per-class must be a positive integer/);
    }
    const withHoldout = ['banking77', '--train', 't', '--holdout-per-class', '20'];
    for (const shots of ['0', '2.5', 'ten']) {
      expect(() => parseEvalArgs([...withHoldout, '--shots', shots])).toThrow(
        /--shots must be a positive integer/,
      );
    }
    for (const seed of ['-1', '1.5', '4294967296']) {
      expect(() => parseEvalArgs([...withHoldout, `--seed=${seed}`])).toThrow(
        /--seed must be an integer from 0 to 4294967295/,
      );
    }
  });
});

describe('runEvalCli usage errors (exit code 2, message on stderr, nothing on stdout)', () => {
  it.each([
    [['nope', '--file', 'x'], /Unknown task "nope"/],
    [['stsb'], /Missing --file/],
    [['stsb', '--file', join(tmpdir(), 'ondevice-no-such-file.csv')], /no such file/],
    [['stsb', '--file', tmpdir()], /it is a directory/],
    [
      ['banking77', '--train', 'x.csv'],
      /needs --file <path> \(rows to evaluate on\) or --holdout-per-class/,
    ],
    [['sst2', '--file', 'x.tsv', '--seed', '1'], /--seed does not apply to sst2/],
    [['agnews', '--file', 'x.csv', '--holdout-per-class', '3'], /--holdout-per-class does not/],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: npm run eval');
  });

  it('rejects a file that is not STS-B before loading the model', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ondevice-eval-'));
    const file = join(directory, 'bad.csv');
    writeFileSync(file, 'sentence\tlabel\nhello\t1\n');
    const { code, stderr } = await run(['stsb', '--file', file]);
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toMatch(/line 1: expected at least 7 tab-separated fields/);
  });

  it.each([
    [
      'sst2',
      'sentence\tlabel\nfine\t1\nbad\tyes\n',
      /line 3: the label should be 0 \(negative\) or 1/,
    ],
    ['agnews', '"1","a","b"\n"9","c","d"\n', /line 2: the class should be 1 \(World\)/],
    [
      'banking77',
      'text,category\nhi,card_arrival\nhello,card_arrival,extra\n',
      /line 3: expected 2 comma-separated fields/,
    ],
  ])('rejects a malformed %s file before loading the model', async (task, content, message) => {
    const directory = mkdtempSync(join(tmpdir(), 'ondevice-eval-'));
    const file = join(directory, 'bad.csv');
    writeFileSync(file, content);
    const argv =
      task === 'banking77'
        ? [task, '--train', file, '--holdout-per-class', '1']
        : [task, '--file', file];
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('rejects --shots larger than an intent of --train, naming the intent', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ondevice-eval-'));
    const file = join(directory, 'train.csv');
    const rows = ['a', 'b', 'c', 'd'].flatMap((text) => [
      `${text},card_arrival`,
      `${text}?,age_limit`,
    ]);
    writeFileSync(file, `text,category\n${rows.join('\n')}\n`);
    const { code, stderr } = await run([
      'banking77',
      '--train',
      file,
      '--holdout-per-class',
      '1',
      '--shots',
      '5',
    ]);
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toMatch(
      /--shots 5 is more than --train has of some intent: Label "\w+" has 4 rows/,
    );
  });

  it('prints help with exit code 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(exitCodes.ok);
    expect(stdout).toMatch(/stsb +STS Benchmark/);
    expect(stdout).toMatch(
      /npm run eval -- banking77 --train \S+ --holdout-per-class 20 --shots 10 --seed 2024/,
    );
  });

  it('sets the process exit code to 2 when run as a command', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=@ondevice/source',
        'packages/core/bin/ondevice-eval.ts',
        'stsb',
      ],
      { cwd: repositoryRoot, encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Missing --file/);
  });
});

describe('progress when stderr is not a terminal', () => {
  it('writes a line per tenth of the work and at least every 30 s, never nothing for long', () => {
    let clock = 0;
    const lines: string[] = [];
    const report = progressReporter(
      'lines',
      (text) => lines.push(text),
      () => clock,
    );
    for (let done = 0; done <= 100_000; done += 100) report(done, 100_000, 'embedding');
    expect(lines).toHaveLength(11); // 0 %, 10 %, … 100 %
    expect(lines[5]).toBe('embedding 50000/100000 (50 %)\n');
    lines.length = 0;
    // A slow tenth still says something every 30 s.
    report(10, 1000, 'training');
    clock += 31_000;
    report(11, 1000, 'training');
    clock += 1000;
    report(12, 1000, 'training');
    expect(lines).toEqual(['training 10/1000 (1 %)\n', 'training 11/1000 (1 %)\n']);
  });
});
