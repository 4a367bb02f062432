import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes, runEvalCli } from '../../core/bin/eval-cli.js';
import { parseEvalArgs } from '../../core/bin/parse-eval-args.js';
import { repositoryRoot, spawnEval } from '../../core/bin/spawn-eval.js';
import { evalTasks } from './eval-tasks.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEvalCli(
    argv,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) },
    { tasks: evalTasks },
  );
  return { code, stdout, stderr };
}

describe('the escalation command line', () => {
  it('reads --train with --holdout-per-class, --shots and --seed, or with --file', () => {
    expect(
      parseEvalArgs(
        ['escalation', '--train', 't.csv', '--holdout-per-class', '20', '--shots', '10'],
        { tasks: evalTasks },
      ),
    ).toMatchObject({
      task: 'escalation',
      inputs: { train: 't.csv', holdoutPerClass: 20, shots: 10 },
    });
    expect(
      parseEvalArgs(['escalation', '--train', 't.csv', '--file', 'test.csv'], { tasks: evalTasks }),
    ).toMatchObject({ inputs: { train: 't.csv', file: 'test.csv' } });
  });

  it("is not one of core's own tasks (core may not import @ondevice/ai-sdk)", () => {
    expect(() => parseEvalArgs(['escalation', '--train', 't.csv'])).toThrow(
      /Unknown task "escalation"/,
    );
  });

  it.each([
    [['escalation', '--file', 'q.csv'], /Missing --train <path>/],
    [['escalation', '--train', 't.csv'], /escalation needs --file <path> .* or --holdout/],
    [['escalation', '--train', 't', '--file', 'q', '--holdout-per-class', '5'], /not both/],
    [['escalation', '--train', 't', '--file', 'q', '--dir', 'd'], /--dir does not apply/],
  ])('rejects %j (exit code 2, before loading the model)', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('is listed in --help, after the core tasks, with its documented command', async () => {
    const { stdout } = await run(['--help']);
    expect(stdout).toMatch(
      /npm run eval -- escalation --train \S+ --holdout-per-class 20 --shots 10 --seed 2024/,
    );
    expect(stdout.indexOf('  pii ')).toBeLessThan(stdout.indexOf('  escalation '));
  });
});

/** The `--json` line of `npm run eval -- escalation`. */
interface EscalationJsonLine {
  task: string;
  metric: string;
  value: number;
  n: number;
  threshold: number;
  deviceAccuracy: number;
  oracleAccuracy: number;
  deviceOnlyAccuracy: number;
  byThreshold: {
    threshold: number;
    kept: number;
    deviceShare: number;
    deviceAccuracy: number | null;
    escalatedShare: number;
    oracleAccuracy: number;
    meetsGoal: boolean;
  }[];
}

const trainFile = join(repositoryRoot, '../shared/data/banking77/train.csv');
const trainPresent = existsSync(trainFile);
if (!trainPresent) {
  console.warn(
    `Skipping the escalation eval on BANKING77: ${trainFile} is absent (the shared evaluation data is not checked out here).`,
  );
}

describe.skipIf(!trainPresent)('npm run eval -- escalation on BANKING77 (../shared/data)', () => {
  it('the documented split: the default threshold keeps ≥ 40 % of the rows at ≥ 90 % accuracy', async () => {
    const { json: line, report } = await spawnEval([
      'escalation',
      '--train',
      trainFile,
      '--holdout-per-class',
      '20',
      '--shots',
      '10',
      '--seed',
      '2024',
    ]);
    const json = line as unknown as EscalationJsonLine;
    console.info(
      `escalation at ${json.threshold}: ${json.value} kept, ${json.deviceAccuracy} right (n=${json.n})`,
    );
    expect(json).toMatchObject({ task: 'escalation', metric: 'deviceShare', n: 1540 });
    const atDefault = json.byThreshold.find((figures) => figures.threshold === json.threshold);
    expect(atDefault).toMatchObject({
      deviceShare: json.value,
      deviceAccuracy: json.deviceAccuracy,
    });
    // A higher threshold keeps fewer rows, and the oracle bound never falls under the device's.
    const kept = json.byThreshold.map((figures) => figures.kept);
    expect(kept).toEqual([...kept].sort((a, b) => b - a));
    for (const figures of json.byThreshold) {
      expect(figures.oracleAccuracy).toBeGreaterThanOrEqual(json.deviceOnlyAccuracy);
    }
    expect(json.value).toBeGreaterThanOrEqual(0.4);
    expect(json.deviceAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report).toMatch(/^0\.7 \(default\) +\d/m);
  }, 300_000);
});
