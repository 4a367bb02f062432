import { existsSync } from 'node:fs';
import path from 'node:path';
import { ondevice } from '@ondevice/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

const repository = path.resolve(import.meta.dirname, '../..');

/**
 * Transformers.js model folders the lab (`#/lab`) offers offline, by the name they are served
 * under (`/ondevice/models/<name>/`): the generated fixtures (`npm run fixtures`, run by
 * `npm install`) and the stories260K generator from the shared test models checked out beside
 * the repository. A folder that is missing is left out, and the lab says it is unavailable.
 */
const candidateFolders: Record<string, string> = {
  'ondevice-fixtures/tiny-encoder': 'packages/core/fixtures/models/ondevice-fixtures/tiny-encoder',
  'ondevice-fixtures/tiny-sentiment':
    'packages/core/fixtures/models/ondevice-fixtures/tiny-sentiment',
  'ondevice-fixtures/tiny-nli': 'packages/core/fixtures/models/ondevice-fixtures/tiny-nli',
  'ondevice-fixtures/tiny-ner': 'packages/core/fixtures/models/ondevice-fixtures/tiny-ner',
  'converted/llama2.c-stories260K': '../shared/models/converted/llama2.c-stories260K',
};
const modelFolders = Object.fromEntries(
  Object.entries(candidateFolders)
    .map(([name, folder]) => [name, path.resolve(repository, folder)] as const)
    .filter(([, folder]) => existsSync(folder)),
);

export default defineConfig({
  plugins: [react(), ondevice({ modelFolders })],
  // The lab lists what is served; see src/lab/lab-models.ts.
  define: { __ONDEVICE_LAB_FOLDERS__: JSON.stringify(Object.keys(modelFolders)) },
  // Workspace packages resolve to their TypeScript sources, so edits show up without a build.
  resolve: { conditions: ['@ondevice/source', ...defaultClientConditions] },
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
