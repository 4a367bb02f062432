import { existsSync, readFileSync } from 'node:fs';
import { fewShotSplit } from '@ondevice/core/evaluation';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAgNews } from './read-agnews.js';
import { readBanking77 } from './read-banking77.js';
import { readSst2 } from './read-sst2.js';
import { repositoryRoot, spawnEval } from './spawn-eval.js';

// The classification tasks of `npm run eval` on the shared data: the readers on the real files,
// the documented BANKING77 split, and the CLI end to end (sst2 and agnews on their whole dev
// files; banking77 on a small hold-out, to keep the test light; docs/quality.md has the full
// protocol's figure).

const data = join(repositoryRoot, '../shared/data');
const files = {
  sst2: join(data, 'sst2/dev.tsv'),
  agnews: join(data, 'agnews/dev.csv'),
  banking77: join(data, 'banking77/train.csv'),
  banking77Categories: join(data, 'banking77/categories.json'),
};
const dataPresent = Object.values(files).every((file) => existsSync(file));
if (!dataPresent) {
  console.warn(
    `Skipping the SST-2, AG News and BANKING77 tests: ${data} is absent (the shared evaluation data is not checked out here).`,
  );
}

const countBy = (labels: readonly string[]) =>
  Object.fromEntries(
    [...new Set(labels)]
      .sort()
      .map((label) => [label, labels.filter((item) => item === label).length]),
  );

describe.skipIf(!dataPresent)('classification data in ../shared/data', () => {
  it('reads SST-2 dev: 872 sentences, 444 positive and 428 negative', async () => {
    const examples = await readSst2(files.sst2);
    expect(examples).toHaveLength(872);
    expect(countBy(examples.map((example) => example.label))).toEqual({
      negative: 428,
      positive: 444,
    });
  });

  it('reads the AG News dev slice: 760 articles in the four classes', async () => {
    const examples = await readAgNews(files.agnews);
    expect(examples).toHaveLength(760);
    expect(Object.keys(countBy(examples.map((example) => example.label)))).toEqual([
      'Business',
      'Sci/Tech',
      'Sports',
      'World',
    ]);
  });

  it('reads BANKING77 train (10,003 queries, the 77 categories) and splits it as documented', async () => {
    const examples = await readBanking77(files.banking77);
    expect(examples).toHaveLength(10_003);
    const categories = JSON.parse(readFileSync(files.banking77Categories, 'utf8')) as string[];
    expect(Object.keys(countBy(examples.map((example) => example.label)))).toEqual(
      [...categories].sort(),
    );
    // The documented protocol: 10 shots and 20 held-out rows per intent, seed 2024, disjoint.
    const { shots, test } = fewShotSplit(examples, { shots: 10, testPerLabel: 20, seed: 2024 });
    expect(shots).toHaveLength(770);
    expect(test).toHaveLength(1540);
    expect(new Set(test.map((row) => row.label)).size).toBe(77);
    const taught = new Set(shots);
    expect(test.some((row) => taught.has(row))).toBe(false);
  });
});

describe.skipIf(!dataPresent)(
  'npm run eval on the classification tasks (needs ../shared/data)',
  () => {
    it('sst2: accuracy of the sentiment model on the 872 dev sentences, with per-class figures, the 8-bit default within 0.5 points of float32', async () => {
      const [{ json, report }, { json: float32 }] = await Promise.all([
        spawnEval(['sst2', '--file', files.sst2]),
        spawnEval(['sst2', '--file', files.sst2, '--model', 'use-lite-float32']),
      ]);
      console.info(`SST-2 dev accuracy ${json.value}, float32 ${float32.value} (n=${json.n})`);
      expect(json).toMatchObject({ task: 'sst2', metric: 'accuracy', n: 872 });
      expect(json.value).toBeGreaterThan(0.75);
      expect(Math.abs(json.value - float32.value)).toBeLessThanOrEqual(0.005);
      expect(report).toMatch(/^neutral rate +\d/m);
      expect(report).toMatch(/^positive +0\.\d{3} +0\.\d{3} +0\.\d{3} +444$/m);
      expect(report).toMatch(/^gold \\ predicted +negative +positive$/m);
    }, 300_000);

    it('agnews: zero-shot accuracy on the 760 dev articles, with the confusion matrix', async () => {
      const { json, report } = await spawnEval(['agnews', '--file', files.agnews]);
      console.info(`AG News dev zero-shot accuracy ${json.value} (n=${json.n})`);
      expect(json).toMatchObject({ task: 'agnews', metric: 'accuracy', n: 760 });
      expect(json.value).toBeGreaterThan(0.6);
      expect(report).toMatch(/^gold \\ predicted +World +Sports +Business +Sci\/Tech/m);
    }, 300_000);

    it('banking77: teachable 10-shot accuracy on 5 held-out rows per intent of train.csv', async () => {
      const { json, report } = await spawnEval([
        'banking77',
        '--train',
        files.banking77,
        '--holdout-per-class',
        '5',
        '--shots',
        '10',
        '--seed',
        '2024',
      ]);
      console.info(
        `BANKING77 10-shot accuracy on 5 held-out rows per intent ${json.value} (n=${json.n})`,
      );
      expect(json).toMatchObject({ task: 'banking77', metric: 'accuracy', n: 385 });
      // 77 intents: chance is 1.3 %.
      expect(json.value).toBeGreaterThan(0.5);
      expect(report).toMatch(/^taught +770 examples: 10 per intent × 77 intents/m);
      expect(report).toMatch(/most frequent confusions/);
    }, 300_000);
  },
);
