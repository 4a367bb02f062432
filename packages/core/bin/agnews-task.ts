import { agNewsLabels } from '@ondevice/core/evaluation';
import { classificationReport } from './classification-report.js';
import { type EvalTask, pathInput } from './eval-task.js';
import { formatConfusion, formatPerClass } from './format-classification-report.js';
import { mapInChunks } from './map-in-chunks.js';
import { agNewsClasses, readAgNews } from './read-agnews.js';

/**
 * AG News: zero-shot topic accuracy (`client.zeroShot`, single-label) with core's recommended
 * `agNewsLabels` (the four classes described once, in plain words, never tuned on evaluation
 * rows); input text = title + " " + description.
 */
export const agNewsTask: EvalTask = {
  metric: 'accuracy',
  description:
    'AG News: zero-shot topic accuracy, labels World, Sports, Business, Sci/Tech (agNewsLabels)',
  example: '--file ../shared/data/agnews/dev.csv',
  inputs: { file: 'required' },
  async prepare(inputs) {
    const examples = await readAgNews(pathInput(inputs, 'file'));
    return {
      n: examples.length,
      async run({ client, onProgress }) {
        const classifier = client.zeroShot({ labels: agNewsLabels });
        const results = await mapInChunks(
          examples.map((example) => example.text),
          128,
          (chunk) => classifier.classify(chunk),
          onProgress && ((done, total) => onProgress(done, total, 'classifying')),
        );
        const report = classificationReport({
          classes: agNewsClasses,
          gold: examples.map((example) => example.label),
          predicted: results.map((result) => result.selected[0] ?? '(none)'),
        });
        return {
          value: report.accuracy,
          facts: [['macro F1', report.macro.f1.toFixed(4)]],
          details: ['per class:', formatPerClass(report), formatConfusion(report)].join('\n'),
        };
      },
    };
  },
};
