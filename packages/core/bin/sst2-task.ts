import type { SentimentResult } from '@ondevice/core';
import { classificationReport } from './classification-report.js';
import { type EvalTask, pathInput } from './eval-task.js';
import { formatConfusion, formatPerClass } from './format-classification-report.js';
import { mapInChunks } from './map-in-chunks.js';
import { readSst2, sst2Classes } from './read-sst2.js';

/**
 * The binary decision scored on SST-2: the higher of the positive and negative probabilities
 * (positive on a tie), whatever the returned label. The sentiment API may answer `neutral`,
 * which SST-2 has no class for; its probabilities still say which way the text leans.
 *
 * @example
 * binarySentiment(await client.sentiment().analyze('a gorgeous film')) // 'positive'
 */
export function binarySentiment(result: SentimentResult): 'positive' | 'negative' {
  return result.probabilities.positive >= result.probabilities.negative ? 'positive' : 'negative';
}

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

/**
 * SST-2: binary sentiment accuracy of the default sentiment model (`client.sentiment()`), with
 * the neutral rate and the accuracy when `neutral` answers count as wrong.
 */
export const sst2Task: EvalTask = {
  metric: 'accuracy',
  description:
    'SST-2: sentiment accuracy, positive vs negative (the higher of the two probabilities)',
  example: '--file ../shared/data/sst2/dev.tsv',
  inputs: { file: 'required' },
  async prepare(inputs) {
    const examples = await readSst2(pathInput(inputs, 'file'));
    return {
      n: examples.length,
      async run({ client, onProgress }) {
        const sentiment = client.sentiment();
        const results = await mapInChunks(
          examples.map((example) => example.text),
          128,
          (chunk) => sentiment.analyze(chunk),
          onProgress && ((done, total) => onProgress(done, total, 'analysing')),
        );
        const gold = examples.map((example) => example.label);
        const binary = classificationReport({
          classes: sst2Classes,
          gold,
          predicted: results.map(binarySentiment),
        });
        const labelled = classificationReport({
          classes: sst2Classes,
          gold,
          predicted: results.map((result) => result.label),
        });
        const neutral = results.filter((result) => result.label === 'neutral').length;
        return {
          value: binary.accuracy,
          facts: [
            ['macro F1', binary.macro.f1.toFixed(4)],
            [
              'neutral rate',
              `${percent(neutral, results.length)} (${neutral} answered neutral; scored above by the higher of positive and negative)`,
            ],
            ['accuracy, neutral counted wrong', labelled.accuracy.toFixed(4)],
          ],
          details: [
            'per class (binary decision):',
            formatPerClass(binary),
            formatConfusion(binary),
            'the returned labels, neutral included:',
            formatConfusion(labelled),
          ].join('\n'),
        };
      },
    };
  },
};
