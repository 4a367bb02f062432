import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@ondevice/core';
import {
  type SentimentModelData,
  decodeSentimentModel,
} from '../src/tasks/sentiment/sentiment-model.js';
import { ngramBuckets, normalizeSentimentText } from '../src/tasks/sentiment/sentiment-text.js';
import { readSst2 } from './data-files.js';
import { embedWithCache, trainingCacheFolder } from './embedding-cache.js';
import {
  type LogisticModel,
  type LogisticRegressionOptions,
  type SparseDenseRow,
  logitOf,
  trainLogisticRegression,
} from './logistic-regression.js';
import { expectedCalibrationError, fitPlatt } from './platt-scaling.js';
import { splitSentimentRows } from './sentiment-split.js';
import { writeSourceFile } from './write-source-file.js';

/** Options of {@link trainSentiment}. */
export interface TrainSentimentOptions {
  /** SST-2 train file. */
  file: string;
  /** Seed of the split and of training. */
  seed: number;
  log: (line: string) => void;
}

const weightsFile = join(
  dirname(fileURLToPath(import.meta.url)),
  '../src/tasks/sentiment/sentiment-weights.ts',
);
const ngramBits = 17;
/** Calibrated probability of the likelier polarity under which a text is neutral. */
const neutralBelow = 0.65;
/** Held-out sentences: one set to choose hyperparameters, one to calibrate and report. */
const heldOutSentences = { selection: 1000, calibration: 1000 };

/** Hyperparameters tried on the selection sentences; the best accuracy (then log-loss) wins. */
const candidates: {
  name: string;
  longRowWeight: number;
  options: Partial<LogisticRegressionOptions>;
}[] = [];
for (const longRowWeight of [1, 3, 10]) {
  for (const learningRate of [0.003, 0.01]) {
    for (const epochs of [3, 5]) {
      candidates.push({
        name: `long rows ×${longRowWeight}, rate ${learningRate}, ${epochs} epochs`,
        longRowWeight,
        options: { learningRate, epochs },
      });
    }
  }
}

interface Evaluation {
  accuracy: number;
  logLoss: number;
}

function evaluate(model: LogisticModel, rows: readonly SparseDenseRow[]): Evaluation {
  let correct = 0;
  let loss = 0;
  for (const row of rows) {
    const p = 1 / (1 + Math.exp(-logitOf(model, row)));
    if ((p >= 0.5 ? 1 : 0) === row.label) correct += 1;
    loss -= Math.log(Math.max(1e-12, row.label === 1 ? p : 1 - p));
  }
  return { accuracy: correct / rows.length, logLoss: loss / rows.length };
}

function logLoss(probabilities: readonly number[], labels: readonly (0 | 1)[]): number {
  return (
    probabilities.reduce(
      (sum, p, index) => sum - Math.log(Math.max(1e-12, labels[index] === 1 ? p : 1 - p)),
      0,
    ) / probabilities.length
  );
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Trains the shipped sentiment head on SST-2 train and writes `src/sentiment/sentiment-weights.ts`.
 * Never reads dev: hyperparameters are chosen on held-out train sentences, calibration is fitted
 * on another held-out set (see docs/generated/sentiment-technical-doc.md).
 *
 * @example
 * await trainSentiment({ file: '../shared/data/sst2/train.tsv', seed: 13, log: console.log })
 */
export async function trainSentiment(options: TrainSentimentOptions): Promise<void> {
  const { log } = options;
  const started = performance.now();
  const rows = await readSst2(options.file);
  const texts = rows.map((row) => normalizeSentimentText(row.text));
  log(`SST-2 train: ${rows.length} rows (sentences and phrases).`);
  const client = createClient({ backend: 'wasm' });
  const embedder = client.embedder({ cacheSize: 0 });
  log(`Embedding with ${embedder.modelId} (cached in ${trainingCacheFolder})…`);
  const vectors = await embedWithCache(embedder, texts, 'sst2-train', log);
  client.dispose();

  const split = splitSentimentRows(texts, { seed: options.seed, ...heldOutSentences });
  log(
    `Split (seed ${options.seed}): ${split.train.length} training rows, ${split.selection.length} selection and ${split.calibration.length} calibration sentences held out, with their ${split.selectionPhrases.length} + ${split.calibrationPhrases.length} phrases set aside.`,
  );
  const buckets = 1 << ngramBits;
  const rowOf = (index: number, longRowWeight = 1): SparseDenseRow => {
    const found = ngramBuckets(texts[index] as string, buckets);
    return {
      dense: vectors[index] as Float32Array,
      sparseIndices: Uint32Array.from(found),
      sparseValues: new Float32Array(found.length).fill(1),
      label: rows[index]?.label === 'positive' ? 1 : 0,
      // Sentences (long rows) count more than short phrases: dev is made of sentences.
      weight: (texts[index] as string).split(' ').length >= 8 ? longRowWeight : 1,
    };
  };
  const base: LogisticRegressionOptions = {
    sparseSize: buckets,
    denseL2: 1e-5,
    sparseL2: 1e-5,
    epochs: 5,
    batchSize: 128,
    learningRate: 0.01,
    seed: options.seed,
  };
  const selectionRows = split.selection.map((index) => rowOf(index));
  let best: { candidate: (typeof candidates)[number]; result: Evaluation } | undefined;
  for (const candidate of candidates) {
    const model = trainLogisticRegression(
      split.train.map((index) => rowOf(index, candidate.longRowWeight)),
      { ...base, ...candidate.options },
    );
    const result = evaluate(model, selectionRows);
    log(
      `  ${candidate.name}: selection accuracy ${(result.accuracy * 100).toFixed(2)} %, log-loss ${result.logLoss.toFixed(4)}`,
    );
    if (
      !best ||
      result.accuracy > best.result.accuracy ||
      (result.accuracy === best.result.accuracy && result.logLoss < best.result.logLoss)
    ) {
      best = { candidate, result };
    }
  }
  const chosen = (best as NonNullable<typeof best>).candidate;
  log(`Chosen: ${chosen.name}.`);

  // Final model: everything but the calibration sentences and their phrases.
  const finalIndices = [...split.train, ...split.selection, ...split.selectionPhrases];
  const model = trainLogisticRegression(
    finalIndices.map((index) => rowOf(index, chosen.longRowWeight)),
    { ...base, ...chosen.options },
  );
  const calibrationRows = split.calibration.map((index) => rowOf(index));
  const logits = calibrationRows.map((row) => logitOf(model, row));
  const labels = calibrationRows.map((row) => row.label);
  const calibration = fitPlatt(logits, labels);
  const raw = logits.map((logit) => 1 / (1 + Math.exp(-logit)));

  // Quantise the n-gram weights to int8 on a square-root scale (finer steps near zero, where
  // most weights are): w ≈ sign(q) · (q / 127)² · largest.
  const largest = model.sparse.reduce((top, value) => Math.max(top, Math.abs(value)), 0);
  const ngramScale = largest;
  const quantised = Int8Array.from(model.sparse, (value) =>
    Math.round(Math.sign(value) * Math.sqrt(Math.abs(value) / largest) * 127),
  );
  const embeddingBytes = new Uint8Array(model.dense.length * 4);
  const view = new DataView(embeddingBytes.buffer);
  model.dense.forEach((value, index) => view.setFloat32(index * 4, value, true));
  const data: SentimentModelData = {
    format: 'ondevice.sentiment-head',
    version: 1,
    modelId: embedder.modelId,
    dimensions: model.dense.length,
    ngramBuckets: buckets,
    embeddingWeights: toBase64(embeddingBytes),
    ngramWeights: toBase64(new Uint8Array(quantised.buffer)),
    ngramScale,
    bias: model.bias,
    calibration,
    neutralBelow,
  };

  // Check the shipped (quantised, decoded) head on the calibration sentences.
  const shipped = decodeSentimentModel(data);
  const shippedProbabilities = split.calibration.map((index) =>
    shipped.positiveProbability(texts[index] as string, vectors[index] as Float32Array),
  );
  const shippedCorrect = shippedProbabilities.filter(
    (p, position) => (p >= 0.5 ? 1 : 0) === labels[position],
  ).length;
  const outside = shippedProbabilities
    .map((p, position) => ({ p, label: labels[position] }))
    .filter(({ p }) => Math.max(p, 1 - p) >= neutralBelow);
  const report = {
    rows: rows.length,
    split: {
      seed: options.seed,
      training: split.train.length,
      selection: split.selection.length,
      calibration: split.calibration.length,
      selectionPhrases: split.selectionPhrases.length,
      calibrationPhrases: split.calibrationPhrases.length,
      finalTraining: finalIndices.length,
    },
    chosen: chosen.name,
    selectionAccuracy: (best as NonNullable<typeof best>).result.accuracy,
    calibration,
    calibrationAccuracy: shippedCorrect / labels.length,
    calibrationAccuracyUnquantised:
      logits.filter((logit, position) => (logit >= 0 ? 1 : 0) === labels[position]).length /
      labels.length,
    eceUncalibrated: expectedCalibrationError(raw, labels),
    eceCalibratedUnquantised: expectedCalibrationError(
      logits.map(
        (logit) => 1 / (1 + Math.exp(-(calibration.slope * logit + calibration.intercept))),
      ),
      labels,
    ),
    eceShipped: expectedCalibrationError(shippedProbabilities, labels),
    logLossUncalibrated: logLoss(raw, labels),
    logLossShipped: logLoss(shippedProbabilities, labels),
    neutralBelow,
    neutralShare: 1 - outside.length / labels.length,
    accuracyOutsideBand:
      outside.filter(({ p, label }) => (p >= 0.5 ? 1 : 0) === label).length / outside.length,
    seconds: (performance.now() - started) / 1000,
  };
  log(JSON.stringify(report, null, 2));

  const source = `// Generated by \`npm run train -- sentiment\` (packages/core/scripts/train-sentiment.ts); do not edit.
// Sentiment head on USE-lite embeddings and hashed n-grams, trained on SST-2 train; see
// docs/generated/sentiment-technical-doc.md. Imported only by the engine (worker), on first use.
import type { SentimentModelData } from './sentiment-model.js';

/** The shipped sentiment head (seed ${options.seed}). */
export const sentimentWeights: SentimentModelData = ${JSON.stringify(data)};
`;
  await writeSourceFile(weightsFile, source);
  await mkdir(trainingCacheFolder, { recursive: true });
  await writeFile(
    join(trainingCacheFolder, 'sentiment-report.json'),
    JSON.stringify(report, null, 2),
  );
  log(`Wrote ${weightsFile} (${Math.round(source.length / 1024)} kB).`);
}
