import { existsSync } from 'node:fs';
import path from 'node:path';
import { ondevice } from '@ondevice/vite';
import type { StorybookConfig } from '@storybook/react-vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, mergeConfig } from 'vite';
import { storyModelFolders, storyModelsBase } from '../story-models';

const repository = path.resolve(import.meta.dirname, '../..');
// The Transformers.js model folders of the generation and entity stories, where they exist (a
// missing one makes its stories show the error state rather than failing the whole build).
const modelFolders = Object.fromEntries(
  Object.entries(storyModelFolders)
    .map(([name, folder]) => [name, path.join(repository, folder)])
    .filter(([, folder]) => existsSync(folder as string)),
);

// Storybook for the @ondevice/react widgets. Stories run the real model: `ondevice()` serves
// the model files and tfjs wasm under /ondevice/ in dev and emits them into storybook-static.
const config: StorybookConfig = {
  stories: ['../*.stories.@(ts|tsx)'],
  framework: { name: '@storybook/react-vite', options: {} },
  // No internet here, and no reason to phone home anywhere.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen' },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      plugins: [
        react(),
        ondevice(),
        // Only the model folders, under their own base (see ../story-models.ts for why).
        ondevice({ base: storyModelsBase, models: [], transformers: false, modelFolders }),
      ],
      // Workspace packages resolve to their TypeScript sources: no build before Storybook.
      resolve: { conditions: ['@ondevice/source', ...defaultClientConditions] },
    }),
};

export default config;
