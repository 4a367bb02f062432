import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCodes, runEvalCli } from './eval-cli.js';
import { parseEvalArgs } from './parse-eval-args.js';
import { spawnEval } from './spawn-eval.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runEvalCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('the retrieval command line', () => {
  it('reads --train with --file, or with --holdout-per-class and --seed', () => {
    expect(parseEvalArgs(['retrieval', '--train', 't.csv', '--file', 'q.csv'])).toMatchObject({
      task: 'retrieval',
      inputs: { train: 't.csv', file: 'q.csv' },
    });
    expect(
      parseEvalArgs(['retrieval', '--train', 't.csv', '--holdout-per-class', '5', '--seed', '7']),
    ).toMatchObject({ inputs: { train: 't.csv', holdoutPerClass: 5, seed: 7 } });
  });

  it.each([
    [['retrieval', '--file', 'q.csv'], /Missing --train <path>/],
    [['retrieval', '--train', 't.csv'], /retrieval needs --file <path> \(queries\) or --holdout/],
    [['retrieval', '--train', 't', '--file', 'q', '--holdout-per-class', '5'], /not both/],
    [['retrieval', '--train', 't', '--file', 'q', '--seed', '1'], /--seed applies to retrieval/],
    [['retrieval', '--train', 't', '--file', 'q', '--shots', '3'], /--shots does not apply/],
  ])('rejects %j (exit code 2, before loading the model)', async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('is listed in --help with its documented command', async () => {
    const { stdout } = await run(['--help']);
    expect(stdout).toMatch(
      /npm run eval -- retrieval --train \S+ --holdout-per-class 5 --seed 2024/,
    );
  });
});

describe('npm run eval -- retrieval (a small made-up file, the real model)', () => {
  it('scores keyword, semantic and hybrid search and ends with the JSON line', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ondevice-eval-retrieval-'));
    const train = join(directory, 'train.csv');
    const phrasings = {
      card_arrival: [
        'When will my card arrive?',
        'My new card has not come yet',
        'How long does card delivery take?',
        'Is my card on its way?',
      ],
      exchange_rate: [
        'What exchange rate do you use?',
        'How are currencies converted?',
        'Is the exchange rate fair?',
        'Why was my euro payment converted at that rate?',
      ],
      lost_or_stolen_card: [
        'I lost my card',
        'Someone stole my card, block it',
        'My wallet was stolen with the card',
        'I cannot find my card anywhere',
      ],
    };
    const rows = Object.entries(phrasings).flatMap(([category, texts]) =>
      texts.map((text) => `"${text}",${category}`),
    );
    writeFileSync(train, `text,category\n${rows.join('\n')}\n`);
    const { json, report } = await spawnEval([
      'retrieval',
      '--train',
      train,
      '--holdout-per-class',
      '1',
    ]);
    const line = json as typeof json & {
      byMode: Record<'keyword' | 'semantic' | 'hybrid', { 'mrr@10': number; 'p@10': number }>;
      fusion: { rank: number; score: number };
    };
    expect(line).toMatchObject({ task: 'retrieval', metric: 'mrr@10', n: 3 });
    expect(Object.keys(line.byMode)).toEqual(['keyword', 'semantic', 'hybrid']);
    expect(line.value).toBe(line.byMode.hybrid['mrr@10']);
    for (const figure of [
      ...Object.values(line.byMode).flatMap((mode) => [mode['mrr@10'], mode['p@10']]),
      line.fusion.rank,
      line.fusion.score,
    ]) {
      expect(figure).toBeGreaterThanOrEqual(0);
      expect(figure).toBeLessThanOrEqual(1);
    }
    // Three of each category are indexed, so at most 3 of the 10 hits can be relevant.
    expect(line.byMode.semantic['p@10']).toBeLessThanOrEqual(0.3);
    expect(report).toMatch(/^indexed +9 rows of --train \(3 categories\)/m);
    expect(report).toMatch(/^semantic +\d\.\d{4} +\d\.\d{4} +\d+\.\d$/m);
    expect(report).toMatch(/^rank +(\d\.\d{4} +){6}\d\.\d{4}$/m);
  }, 120_000);
});
