import { cosineSimilarity } from '@ondevice/core';
import { embedAll } from './embed-all.js';
import type { EvalTask } from './eval-task.js';
import { readStsb } from './read-stsb.js';
import { spearman } from './spearman.js';

/**
 * STS Benchmark: cosine similarity of the two sentences' embeddings, scored by Spearman rank
 * correlation with the gold similarity (the SBERT / MTEB / SentEval convention).
 */
export const stsbTask: EvalTask = {
  metric: 'spearman',
  description: 'STS Benchmark: Spearman correlation of cosine similarity with the gold scores',
  async prepare(file) {
    const pairs = await readStsb(file);
    return {
      n: pairs.length,
      async run({ embedder, onProgress }) {
        const texts = pairs.flatMap((pair) => [pair.sentence1, pair.sentence2]);
        const vectors = await embedAll(embedder, texts, onProgress);
        const predicted = pairs.map((_, index) =>
          cosineSimilarity(
            vectors[index * 2] as Float32Array,
            vectors[index * 2 + 1] as Float32Array,
          ),
        );
        return spearman(
          predicted,
          pairs.map((pair) => pair.score),
        );
      },
    };
  },
};
