import { describe, expect, it } from 'vitest';
import { createAssetSource } from '../../loading/asset-source.js';
import { loadModelFiles } from '../../loading/load-model-files.js';
import { createModelFileCache } from '../../loading/model-cache.js';
import { useLiteManifest } from '../../models/use-lite.js';
import { cosineSimilarity } from '../../util/similarity.js';
import { createRuntime } from './tfjs-runtime.js';
import { UseLiteModel } from './use-lite-model.js';

describe('USE-lite token limit', () => {
  it('the graph reads the first 128 tokens of a text: more change nothing, fewer do', async () => {
    const files = await loadModelFiles({
      manifest: useLiteManifest,
      source: createAssetSource(undefined, { stallTimeoutMs: 15_000 }),
      cache: createModelFileCache({ persistent: false }),
      onProgress: () => {},
      retry: { retries: 0, retryDelayMs: 0 },
    });
    const { model } = await createRuntime({ assetBaseUrl: undefined, threads: true }).load({
      manifest: useLiteManifest,
      readFiles: async () => files,
      policy: { requested: 'wasm', budgetMs: 1500, allowSoftwareRenderer: false },
      onInitializing: () => {},
    });
    try {
      const tokenizer = UseLiteModel.createTokenizer(files, useLiteManifest);
      const text = Array.from(
        { length: 30 },
        (_, index) =>
          `Sentence number ${index} talks about a different topic, such as ${['billing', 'weather', 'football', 'cooking', 'travel'][index % 5]}.`,
      ).join(' ');
      const { tokens } = tokenizer.encode(text, 400);
      expect(tokens.length).toBeGreaterThan(300);
      const [all, first128, first127] = await Promise.all(
        [tokens, tokens.slice(0, 128), tokens.slice(0, 127)].map(async (list) => model.run([list])),
      );
      expect(model.maxTokens).toBe(128);
      expect(cosineSimilarity(all as Float32Array, first128 as Float32Array)).toBeGreaterThan(
        0.99999,
      );
      expect(cosineSimilarity(first128 as Float32Array, first127 as Float32Array)).toBeLessThan(
        0.9999,
      );
    } finally {
      model.unload();
    }
  });
});
