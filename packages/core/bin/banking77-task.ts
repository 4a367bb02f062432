import { InvalidInputError } from '@ondevice/core';
import { fewShotSplit } from '@ondevice/core/evaluation';
import { classificationReport } from './classification-report.js';
import { type EvalInputs, type EvalTask, pathInput } from './eval-task.js';
import { formatConfusion, formatPerClass } from './format-classification-report.js';
import { mapInChunks } from './map-in-chunks.js';
import { readBanking77 } from './read-banking77.js';

/**
 * Defaults of the documented protocol, the same split as the model card's figure
 * (packages/core/scripts/evaluate.ts): 10 shots and 20 held-out rows per intent, seed 2024.
 */
export const banking77Defaults = { shots: 10, seed: 2024 } as const;

const count = (value: number) => value.toLocaleString('en-US');

/**
 * Where the evaluation rows of a BANKING77 task come from: a file, or rows held out of
 * `--train` (one of the two). `task` names the task in the message.
 *
 * @throws {InvalidInputError} when both or neither are given.
 * @example
 * checkBanking77Inputs(inputs, 'escalation')
 */
export function checkBanking77Inputs(inputs: EvalInputs, task = 'banking77'): void {
  if (inputs.file !== undefined && inputs.holdoutPerClass !== undefined) {
    throw new InvalidInputError({
      parameter: 'holdoutPerClass',
      message:
        'Give --file <path> (rows to evaluate on) or --holdout-per-class <n> (evaluate on rows held out of --train), not both.',
    });
  }
  if (inputs.file === undefined && inputs.holdoutPerClass === undefined) {
    throw new InvalidInputError({
      parameter: 'file',
      message: `${task} needs --file <path> (rows to evaluate on) or --holdout-per-class <n> (evaluate on n rows per intent held out of --train, e.g. 20).`,
    });
  }
}
const checkInputs = (inputs: EvalInputs) => checkBanking77Inputs(inputs);

/** A labelled row as the split takes and returns it. */
type Row = { text: string; label: string };

/**
 * The documented BANKING77 split: core's `fewShotSplit` shuffles each intent's rows of
 * `--train` with the seed, the first `shots` are taught and the next `holdoutPerClass` held out
 * (0 when the rows to evaluate come from `--file`). The same rows and seed give the same split.
 *
 * @throws {InvalidInputError} (parameter `shots`) when an intent has fewer rows than `shots`.
 * @example
 * const { taught, heldOut } = banking77Split(rows, { shots: 10, holdoutPerClass: 20, seed: 2024 })
 */
export function banking77Split<T extends Row>(
  rows: readonly T[],
  options: { shots: number; holdoutPerClass: number; seed: number },
): { taught: T[]; heldOut: T[] } {
  const { shots, holdoutPerClass, seed } = options;
  try {
    const split = fewShotSplit(rows, { shots, testPerLabel: holdoutPerClass, seed });
    // fewShotSplit hands back the rows it was given.
    return { taught: split.shots as T[], heldOut: split.test as T[] };
  } catch (error) {
    // The core names the intent and the rows it needs; say which option asked for them.
    if (!InvalidInputError.isInstance(error)) throw error;
    throw new InvalidInputError({
      parameter: 'shots',
      message: `--shots ${shots} is more than --train has of some intent: ${error.message}`,
      cause: error,
    });
  }
}

/**
 * The rows of a BANKING77 run: `--train` read and split (`fewShotSplit`: K shots per intent
 * taught, up to `--holdout-per-class` held out after them in the same seeded shuffle), and the
 * rows to evaluate — the held-out ones, or every row of `--file` without `--holdout-per-class`.
 *
 * @example
 * const { taught, evaluated, evaluatedOn } = await prepareBanking77(inputs)
 */
export async function prepareBanking77(inputs: EvalInputs) {
  const shots = inputs.shots ?? banking77Defaults.shots;
  const seed = inputs.seed ?? banking77Defaults.seed;
  const trainRows = await readBanking77(pathInput(inputs, 'train'));
  const split = banking77Split(trainRows, {
    shots,
    holdoutPerClass: inputs.holdoutPerClass ?? 0,
    seed,
  });
  const fromFile = inputs.holdoutPerClass === undefined;
  const evaluated: readonly { text: string; label: string }[] = fromFile
    ? await readBanking77(pathInput(inputs, 'file'))
    : split.heldOut;
  const evaluatedOn = fromFile
    ? 'every row of --file'
    : `${count(evaluated.length)} rows of --train held out (up to ${inputs.holdoutPerClass} per intent, after the shots in the same seeded shuffle); never taught`;
  return { shots, seed, trainRows, taught: split.taught, evaluated, evaluatedOn };
}

/**
 * BANKING77: accuracy of the teachable classifier (`client.teachable`) taught K examples per
 * intent from `--train`. Evaluated on `--file`, or, since the official test split is kept out
 * of this project, on rows held out of `--train`: core's `fewShotSplit` shuffles each intent's
 * rows with the seed, teaches the first K and holds out the next n, so the two never overlap.
 */
export const banking77Task: EvalTask = {
  metric: 'accuracy',
  description: 'BANKING77: teachable classifier taught K examples per intent (77 intents)',
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
    const trainClasses = new Set(trainRows.map((row) => row.label));
    const classes = [...new Set([...trainClasses, ...evaluated.map((row) => row.label)])].sort();
    return {
      n: evaluated.length,
      facts: [
        [
          'taught',
          `${count(taught.length)} examples: ${shots} per intent × ${trainClasses.size} intents of --train (fewShotSplit, seed ${seed})`,
        ],
        ['evaluated on', evaluatedOn],
      ],
      async run({ client, onProgress }) {
        const classifier = client.teachable({
          id: `ondevice-eval-banking77-${shots}-shot-seed-${seed}`,
        });
        // A classifier stored under this id by an earlier run would start with its examples
        // (export() waits until the stored state is read).
        for (const { id } of (await classifier.export()).labels) {
          await classifier.forget({ label: id });
        }
        const teachStarted = performance.now();
        onProgress?.(0, taught.length, 'teaching');
        await classifier.learn(taught.map(({ text, label }) => ({ text, label })));
        onProgress?.(taught.length, taught.length, 'teaching');
        const teachSeconds = (performance.now() - teachStarted) / 1000;
        const predictions = await mapInChunks(
          evaluated.map((row) => row.text),
          128,
          (chunk) => classifier.predict(chunk),
          onProgress && ((done, total) => onProgress(done, total, 'predicting')),
        );
        const report = classificationReport({
          classes,
          gold: evaluated.map((row) => row.label),
          // The best label even when the classifier is unsure: accuracy scores every row.
          predicted: predictions.map((prediction) => prediction.labels[0]?.id ?? '(none)'),
        });
        const unsure = predictions.filter((prediction) => prediction.unsure).length;
        const sure = predictions.length - unsure;
        const sureRight = predictions.filter(
          (prediction, index) => !prediction.unsure && prediction.label === evaluated[index]?.label,
        ).length;
        return {
          value: report.accuracy,
          facts: [
            ['macro F1', report.macro.f1.toFixed(4)],
            [
              'unsure',
              `${((100 * unsure) / predictions.length).toFixed(1)} % of rows below the default unsureBelow (scored above by their best label); accuracy on the others ${sure === 0 ? 'n/a' : (sureRight / sure).toFixed(4)} (n=${sure})`,
            ],
            [
              'teaching',
              `${teachSeconds.toFixed(1)} s to learn ${taught.length} examples (embedding them and training)`,
            ],
          ],
          details: [
            'per class:',
            formatPerClass(report),
            formatConfusion(report, { topPairs: 15 }),
          ].join('\n'),
        };
      },
    };
  },
};
