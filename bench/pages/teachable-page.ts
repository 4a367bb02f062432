import { type TeachableClassifier, createClient } from '@ondevice/core';
import { benchSentences } from '../workload/bench-sentences.js';
import type { RetrainResult } from './bench-results.js';
import { exposeBench } from './expose-bench.js';
import { recordLongTasks } from './long-task-recorder.js';

// Teachable retrain time on the real path: the default client (worker on, wasm), a classifier
// persisted as an app's would be, examples taught through `learn`. bench/node/measure-retrain.ts
// opens this page once per size.

/** Resolves once the classifier has finished retraining (learn may resolve before or after). */
async function settled(classifier: TeachableClassifier): Promise<void> {
  if (classifier.getSnapshot().status !== 'training') return;
  await new Promise<void>((resolve) => {
    const unsubscribe = classifier.subscribe(() => {
      if (classifier.getSnapshot().status === 'training') return;
      unsubscribe();
      resolve();
    });
  });
}

async function run(options: {
  examples: number;
  labels: number;
  oneMore: number;
}): Promise<RetrainResult> {
  const client = createClient({ backend: 'wasm' });
  await client.embedder().embed('Warm up the model before timing.');
  const classifier = client.teachable({ id: `bench-retrain-${options.examples}-${Date.now()}` });
  await settled(classifier);
  // Distinct sentences; the labels go round-robin so every label has the same number.
  const texts = benchSentences(options.examples + options.oneMore);
  const labelOf = (index: number) => `label-${index % options.labels}`;
  const examples = texts
    .slice(0, options.examples)
    .map((text, index) => ({ text, label: labelOf(index) }));

  let started = performance.now();
  await classifier.learn(examples);
  await settled(classifier);
  const bulk = {
    milliseconds: Math.round(performance.now() - started),
    trainingMs: classifier.getSnapshot().lastTrainingMs,
  };

  const stopLongTasks = recordLongTasks();
  const oneMore: RetrainResult['oneMore'] = { milliseconds: [], trainingMs: [] };
  for (let index = options.examples; index < texts.length; index += 1) {
    started = performance.now();
    await classifier.learn({ text: texts[index] as string, label: labelOf(index) });
    await settled(classifier);
    oneMore.milliseconds.push(Math.round(performance.now() - started));
    oneMore.trainingMs.push(classifier.getSnapshot().lastTrainingMs);
  }
  const longTasks = await stopLongTasks();
  const storage = classifier.getSnapshot().storage;
  client.dispose();
  return { examples: options.examples, labels: options.labels, bulk, oneMore, longTasks, storage };
}

exposeBench({ run });
