// `tsx --conditions=@ondevice/source packages/core/scripts/evaluate.ts <sentiment|zero-shot|teachable|retrain|all>`
// Measures the figures of the model cards through the public API, as an app would call it.
import { createClient } from '@ondevice/core';
import { agNewsLabels, fewShotSplit, seededRandom, shuffled } from '@ondevice/core/evaluation';
import type { SentimentLabel } from '@ondevice/core';
import { readAgNews, readBanking77, readSnips, readSst2 } from './data-files.js';

const log = (line: string) => process.stdout.write(`${line}\n`);
const percent = (value: number) => `${(value * 100).toFixed(2)} %`;

interface ClassFigures {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Per-class precision, recall and F1 of predictions against gold labels. */
function perClass(
  gold: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): ClassFigures[] {
  return labels.map((label) => {
    let truePositive = 0;
    let predictedCount = 0;
    let support = 0;
    gold.forEach((value, index) => {
      if (value === label) support += 1;
      if (predicted[index] === label) {
        predictedCount += 1;
        if (value === label) truePositive += 1;
      }
    });
    const precision = predictedCount ? truePositive / predictedCount : 0;
    const recall = support ? truePositive / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, support, precision, recall, f1 };
  });
}

function printClasses(figures: ClassFigures[]) {
  log('| class | support | precision | recall | F1 |');
  log('| --- | ---: | ---: | ---: | ---: |');
  for (const row of figures) {
    log(
      `| ${row.label} | ${row.support} | ${percent(row.precision)} | ${percent(row.recall)} | ${percent(row.f1)} |`,
    );
  }
}

async function evaluateSentiment(file: string) {
  const rows = await readSst2(file);
  const client = createClient({ backend: 'wasm' });
  const started = performance.now();
  const results = await client.sentiment().analyze(rows.map((row) => row.text));
  const seconds = (performance.now() - started) / 1000;
  client.dispose();
  const binary = results.map((result) =>
    result.probabilities.positive >= result.probabilities.negative ? 'positive' : 'negative',
  );
  const gold = rows.map((row) => row.label);
  const accuracy = binary.filter((label, index) => label === gold[index]).length / rows.length;
  const decided = results
    .map((result, index) => ({ label: result.label, gold: gold[index] }))
    .filter((entry) => entry.label !== 'neutral');
  log(`SST-2 dev (${file}): ${rows.length} sentences in ${seconds.toFixed(1)} s`);
  log(`  binary accuracy (positive vs negative, neutral band ignored): ${percent(accuracy)}`);
  log(
    `  neutral: ${percent(1 - decided.length / rows.length)} of sentences; accuracy on the others: ${percent(decided.filter((entry) => entry.label === entry.gold).length / decided.length)}`,
  );
  printClasses(perClass(gold, binary, ['positive', 'negative']));
  const counts: Record<SentimentLabel, number> = { positive: 0, negative: 0, neutral: 0 };
  for (const result of results) counts[result.label] += 1;
  log(`  three-way labels: ${JSON.stringify(counts)}`);
}

async function evaluateZeroShot(file: string) {
  const rows = await readAgNews(file);
  const client = createClient({ backend: 'wasm' });
  const classifier = client.zeroShot({ labels: agNewsLabels });
  const started = performance.now();
  const results = await classifier.classify(rows.map((row) => row.text));
  const seconds = (performance.now() - started) / 1000;
  client.dispose();
  const predicted = results.map((result) => result.selected[0] ?? '');
  const gold = rows.map((row) => row.label);
  const accuracy = predicted.filter((label, index) => label === gold[index]).length / rows.length;
  log(
    `AG News dev (${file}): ${rows.length} articles in ${seconds.toFixed(1)} s, labels = agNewsLabels`,
  );
  log(`  zero-shot accuracy: ${percent(accuracy)}`);
  const ids = agNewsLabels.map((label) => label.id);
  printClasses(perClass(gold, predicted, ids));
  log(`  confusion (rows: gold, columns: predicted ${ids.join(' / ')}):`);
  for (const label of ids) {
    const counts = ids.map(
      (column) =>
        gold.filter((value, index) => value === label && predicted[index] === column).length,
    );
    log(`    ${label.padEnd(9)} ${counts.join(' / ')}`);
  }
}

async function evaluateTeachable(file: string) {
  const rows = await readBanking77(file);
  const { shots, test } = fewShotSplit(rows, { shots: 10, testPerLabel: 20, seed: 2024 });
  const client = createClient({ backend: 'wasm' });
  const classifier = client.teachable({ id: 'banking77-10-shot' });
  let started = performance.now();
  await classifier.learn(shots);
  const learnSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const predictions = await classifier.predict(test.map((row) => row.text));
  const predictSeconds = (performance.now() - started) / 1000;
  const correct = predictions.filter(
    (prediction, index) => prediction.labels[0]?.id === test[index]?.label,
  ).length;
  const unsure = predictions.filter((prediction) => prediction.unsure);
  const sureCorrect = predictions.filter(
    (prediction, index) => !prediction.unsure && prediction.label === test[index]?.label,
  ).length;
  const meanConfidence =
    predictions.reduce((sum, prediction) => sum + prediction.confidence, 0) / predictions.length;
  log(
    `BANKING77 10-shot (${file}): fewShotSplit seed 2024: ${shots.length} shots, ${test.length} test rows`,
  );
  log(
    `  accuracy (top label): ${percent(correct / test.length)}; mean confidence ${percent(meanConfidence)}`,
  );
  log(
    `  unsure (confidence < 0.5): ${percent(unsure.length / test.length)}; accuracy when sure: ${percent(sureCorrect / (test.length - unsure.length))}`,
  );
  log(
    `  first training (770 examples, embedding included): ${learnSeconds.toFixed(2)} s; predicting ${test.length}: ${predictSeconds.toFixed(2)} s`,
  );
  // Out of scope: SNIPS utterances (music, weather, restaurants…) are no banking intent.
  const outOfScope = await readSnips('../shared/data/snips/valid');
  const foreign = await classifier.predict(outOfScope.map((row) => row.text));
  const foreignUnsure = foreign.filter((prediction) => prediction.unsure).length;
  log(
    `  out of scope (SNIPS valid, ${foreign.length} utterances): ${percent(foreignUnsure / foreign.length)} unsure`,
  );

  client.dispose();
}

/**
 * Retraining time after one new example, with 100 and 1,000 examples already taught (drawn at
 * random across intents, seed 7): the new example is embedded, then the head refitted.
 */
async function measureRetraining(file: string) {
  const rows = shuffled(await readBanking77(file), seededRandom(7));
  const client = createClient({ backend: 'wasm' });
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  for (const size of [100, 1000]) {
    const classifier = client.teachable({ id: `retrain-${size}` });
    await classifier.learn(rows.slice(0, size));
    const labels = classifier.getSnapshot().labels.length;
    const times: number[] = [];
    const walls: number[] = [];
    for (let round = 0; round < 9; round += 1) {
      const example = rows[size + round] as { text: string; label: string };
      const wall = performance.now();
      await classifier.learn(example);
      walls.push(performance.now() - wall);
      times.push(classifier.getSnapshot().lastTrainingMs ?? Number.NaN);
    }
    log(
      `Retrain after one new example at ${size} examples (${labels} intents): median of 9 ${median(times).toFixed(0)} ms (lastTrainingMs), ${median(walls).toFixed(0)} ms wall (learn() call)`,
    );
  }
  client.dispose();
}

const [task = 'all', ...rest] = process.argv.slice(2);
const fileOption = rest.indexOf('--file') >= 0 ? rest[rest.indexOf('--file') + 1] : undefined;
if (task === 'sentiment' || task === 'all')
  await evaluateSentiment(fileOption ?? '../shared/data/sst2/dev.tsv');
if (task === 'zero-shot' || task === 'all')
  await evaluateZeroShot(fileOption ?? '../shared/data/agnews/dev.csv');
if (task === 'teachable' || task === 'all')
  await evaluateTeachable(fileOption ?? '../shared/data/banking77/train.csv');
if (task === 'retrain' || task === 'all')
  await measureRetraining(fileOption ?? '../shared/data/banking77/train.csv');
