import { ondevice } from '@ondevice/vite';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), ondevice()],
  // Workspace packages resolve to their TypeScript sources, so edits show up without a build.
  resolve: { conditions: ['@ondevice/source', ...defaultClientConditions] },
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
