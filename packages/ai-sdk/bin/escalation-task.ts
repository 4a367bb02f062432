// `npm run eval -- escalation`: the AI SDK escalation policy on a teachable classifier. It lives
// here, not in packages/core/bin, because it runs @ondevice/ai-sdk's rule and core may not import
// the packages built on it; it reuses core's eval CLI pieces (the split, the reader, the types).
import { createEscalationPolicy } from '@ondevice/ai-sdk';
import { alignColumns } from '../../core/bin/align-columns.js';
import { checkBanking77Inputs, prepareBanking77 } from '../../core/bin/banking77-task.js';
import { type EvalInputs, type EvalTask } from '../../core/bin/eval-task.js';
import { mapInChunks } from '../../core/bin/map-in-chunks.js';
import {
  type ScoredRow,
  type ThresholdFigures,
  classifyTask,
  escalationFigures,
  escalationGoal,
  meetsGoal,
} from './escalation-metrics.js';

const count = (value: number) => value.toLocaleString('en-US');
const percent = (value: number | null) =>
  value === null ? 'n/a' : `${(value * 100).toFixed(2)} %`;
const round = (value: number) => Math.round(value * 1e4) / 1e4;

const checkInputs = (inputs: EvalInputs) => checkBanking77Inputs(inputs, 'escalation');

/** The figures of one threshold in the `--json` line, rounded to 4 decimals. */
function jsonFigures(figures: ThresholdFigures) {
  return {
    threshold: figures.threshold,
    kept: figures.kept,
    deviceShare: round(figures.deviceShare),
    deviceAccuracy: figures.deviceAccuracy === null ? null : round(figures.deviceAccuracy),
    escalatedShare: round(figures.escalatedShare),
    oracleAccuracy: round(figures.oracleAccuracy),
    meetsGoal: meetsGoal(figures),
  };
}

/** The per-threshold table printed after the summary. */
function thresholdTable(byThreshold: readonly ThresholdFigures[], defaultThreshold: number) {
  return alignColumns(
    [
      ['threshold', 'kept on device', 'device accuracy', 'escalated', 'oracle accuracy', 'goal'],
      ...byThreshold.map((figures) => [
        `${figures.threshold.toFixed(1)}${figures.threshold === defaultThreshold ? ' (default)' : ''}`,
        `${percent(figures.deviceShare)} (${count(figures.kept)})`,
        percent(figures.deviceAccuracy),
        percent(figures.escalatedShare),
        percent(figures.oracleAccuracy),
        meetsGoal(figures) ? 'met' : 'missed',
      ]),
    ],
    { rightAligned: [1, 2, 3, 4] },
  );
}

/**
 * Escalation: a teachable classifier taught K examples per BANKING77 intent answers each held-out
 * row; the AI SDK policy (`decideEscalation`, task `classify`) keeps the row on the device when
 * the classifier's confidence reaches the threshold and escalates it otherwise. Reported at the
 * policy's default threshold and at 0.3–0.9: the share kept, the accuracy of the kept answers,
 * the share escalated and the oracle bound (escalated rows counted right). `value` is the share
 * kept at the default threshold. The split is the banking77 task's (`fewShotSplit`), so taught
 * and evaluated rows never overlap.
 */
export const escalationTask: EvalTask = {
  metric: 'deviceShare',
  description:
    'escalation policy (decideEscalation) on the teachable classifier, BANKING77: share kept on the device and its accuracy at the default threshold and at 0.3–0.9',
  example:
    '--train ../shared/data/banking77/train.csv --holdout-per-class 20 --shots 10 --seed 2024',
  inputs: {
    train: 'required',
    file: 'optional',
    holdoutPerClass: 'optional',
    shots: 'optional',
    seed: 'optional',
  },
  checkInputs,
  async prepare(inputs) {
    checkInputs(inputs);
    const { shots, seed, trainRows, taught, evaluated, evaluatedOn } =
      await prepareBanking77(inputs);
    const policy = createEscalationPolicy();
    const intents = new Set(trainRows.map((row) => row.label)).size;
    return {
      n: evaluated.length,
      facts: [
        [
          'taught',
          `${count(taught.length)} examples: ${shots} per intent × ${intents} intents of --train (fewShotSplit, seed ${seed})`,
        ],
        ['evaluated on', evaluatedOn],
        [
          'policy',
          `createEscalationPolicy() defaults: threshold ${policy.threshold}, task "${classifyTask}" (deviceTasks ${policy.deviceTasks.join(', ')}); decideEscalation per row`,
        ],
      ],
      async run({ client, onProgress }) {
        const classifier = client.teachable({
          id: `ondevice-eval-escalation-${shots}-shot-seed-${seed}`,
        });
        // A classifier stored under this id by an earlier run would start with its examples.
        for (const { id } of (await classifier.export()).labels) {
          await classifier.forget({ label: id });
        }
        onProgress?.(0, taught.length, 'teaching');
        await classifier.learn(taught.map(({ text, label }) => ({ text, label })));
        onProgress?.(taught.length, taught.length, 'teaching');
        const predictions = await mapInChunks(
          evaluated.map((row) => row.text),
          128,
          (chunk) => classifier.predict(chunk),
          onProgress && ((done, total) => onProgress(done, total, 'predicting')),
        );
        const rows: ScoredRow[] = predictions.map((prediction, index) => ({
          gold: evaluated[index]?.label ?? '',
          // The best label even when the classifier flags itself unsure (under 0.5): at a
          // threshold under unsureBelow the device would still answer with it.
          predicted: prediction.labels[0]?.id ?? '(none)',
          confidence: prediction.confidence,
        }));
        const { atDefault, byThreshold, deviceOnlyAccuracy } = escalationFigures(rows);
        const meeting = byThreshold.filter(meetsGoal).map((figures) => figures.threshold);
        const goal = `device accuracy ≥ ${percent(escalationGoal.deviceAccuracy)} with ≥ ${percent(escalationGoal.deviceShare)} kept`;
        return {
          value: atDefault.deviceShare,
          facts: [
            ['device accuracy', `${percent(atDefault.deviceAccuracy)} of the kept answers`],
            ['escalated', percent(atDefault.escalatedShare)],
            [
              'oracle accuracy',
              `${percent(atDefault.oracleAccuracy)} (escalated rows counted right)`,
            ],
            ['classifier alone', `${percent(deviceOnlyAccuracy)} (every row kept)`],
            [
              'goal',
              `${goal}: ${meetsGoal(atDefault) ? 'met' : 'missed'} at the default ${atDefault.threshold}; met at ${meeting.length === 0 ? 'no threshold' : meeting.join(', ')}`,
            ],
          ],
          details: `by threshold (confidence ≥ threshold: the device answers):\n${thresholdTable(byThreshold, atDefault.threshold)}`,
          jsonFields: {
            threshold: atDefault.threshold,
            deviceAccuracy:
              atDefault.deviceAccuracy === null ? null : round(atDefault.deviceAccuracy),
            escalatedShare: round(atDefault.escalatedShare),
            oracleAccuracy: round(atDefault.oracleAccuracy),
            deviceOnlyAccuracy: round(deviceOnlyAccuracy),
            byThreshold: byThreshold.map(jsonFigures),
          },
        };
      },
    };
  },
};
