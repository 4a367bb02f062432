import { cosineSimilarity } from '@ondevice/core';
import { embedAll } from './embed-all.js';
import { type EvalTask, pathInput } from './eval-task.js';
import { readStsb } from './read-stsb.js';
import { spearman } from './spearman.js';

/**
 * STS Benchmark: cosine similarity of the two sentences' embeddings, scored by Spearman rank
 * correlation with the gold similarity (the SBERT / MTEB / SentEval convention).
 */
export const stsbTask: EvalTask = {
  metric: 'spearman',
  description: 'STS Benchmark: Spearman correlation of cosine similarity with the gold scores',
  example: '--file ../shared/data/stsb/sts-dev.csv',
  inputs: { file: 'required' },
  async prepare(inputs) {
    const pairs = await readStsb(pathInput(inputs, 'file'));
    return {
      n: pairs.length,
      async run({ embedder, onProgress }) {
        const texts = pairs.flatMap((pair) => [pair.sentence1, pair.sentence2]);
        const vectors = await embedAll(
          embedder,
          texts,
          onProgress && ((done, total) => onProgress(done, total, 'embedding')),
        );
        const predicted = pairs.map((_, index) =>
          cosineSimilarity(
            vectors[index * 2] as Float32Array,
            vectors[index * 2 + 1] as Float32Array,
          ),
        );
        const value = spearman(
          predicted,
          pairs.map((pair) => pair.score),
        );
        return { value };
      },
    };
  },
};
