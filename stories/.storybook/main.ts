import { ondevice } from '@ondevice/vite';
import type { StorybookConfig } from '@storybook/react-vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, mergeConfig } from 'vite';

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
      plugins: [react(), ondevice()],
      // Workspace packages resolve to their TypeScript sources: no build before Storybook.
      resolve: { conditions: ['@ondevice/source', ...defaultClientConditions] },
    }),
};

export default config;
