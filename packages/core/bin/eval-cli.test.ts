import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidInputError, UnknownBackendError } from '@ondevice/core';
import { describe, expect, it } from 'vitest';
import { exitCodes, runEvalCli } from './eval-cli.js';
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
      file: 'dev.csv',
      json: true,
      backend: 'wasm',
    });
    expect(parseEvalArgs(['--file=dev.csv', 'stsb', '--backend', 'cpu'])).toMatchObject({
      json: false,
      backend: 'cpu',
    });
    expect(parseEvalArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('rejects a missing or unknown task, listing the valid ones', () => {
    expect(() => parseEvalArgs(['--file', 'x'])).toThrow(/Name a task: stsb/);
    expect(() => parseEvalArgs(['mnli', '--file', 'x'])).toThrow(
      /Unknown task "mnli"; valid tasks: stsb/,
    );
    expect(() => parseEvalArgs(['toString', '--file', 'x'])).toThrow(InvalidInputError);
  });

  it('rejects a missing --file, unknown options and extra arguments', () => {
    expect(() => parseEvalArgs(['stsb'])).toThrow(/Missing --file <path>/);
    expect(() => parseEvalArgs(['stsb', '--file'])).toThrow(InvalidInputError);
    expect(() => parseEvalArgs(['stsb', '--file', 'x', '--fast'])).toThrow(/--fast/);
    expect(() => parseEvalArgs(['stsb', 'sts', '--file', 'x'])).toThrow(/Unexpected argument/);
    expect(() => parseEvalArgs(['stsb', '--file', 'x', '--backend', 'tpu'])).toThrow(
      UnknownBackendError,
    );
  });
});

describe('runEvalCli usage errors (exit code 2, message on stderr, nothing on stdout)', () => {
  it.each([
    [['nope', '--file', 'x'], /Unknown task "nope"/],
    [['stsb'], /Missing --file/],
    [['stsb', '--file', join(tmpdir(), 'ondevice-no-such-file.csv')], /no such file/],
    [['stsb', '--file', tmpdir()], /it is a directory/],
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

  it('prints help with exit code 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(exitCodes.ok);
    expect(stdout).toMatch(/stsb {2}STS Benchmark/);
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
