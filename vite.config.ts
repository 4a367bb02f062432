import { defineConfig } from 'vitest/config';

// Vitest projects: one per package, each next to its code. Tools read sources through the
// "@ondevice/source" export condition, so nothing needs building before tests run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'errors',
          root: 'packages/errors',
          environment: 'node',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        resolve: { conditions: ['@ondevice/source'] },
        ssr: { resolve: { conditions: ['@ondevice/source'] } },
        test: {
          name: 'core',
          root: 'packages/core',
          environment: 'node',
          include: ['src/**/*.test.ts', 'bin/**/*.test.ts'],
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { conditions: ['@ondevice/source'] },
        ssr: { resolve: { conditions: ['@ondevice/source'] } },
        test: {
          name: 'vite',
          root: 'packages/vite',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        resolve: { conditions: ['@ondevice/source'] },
        ssr: { resolve: { conditions: ['@ondevice/source'] } },
        test: {
          name: 'llm-proxy',
          root: 'packages/llm-proxy',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        resolve: { conditions: ['@ondevice/source'] },
        ssr: { resolve: { conditions: ['@ondevice/source'] } },
        test: {
          name: 'ai-sdk',
          root: 'packages/ai-sdk',
          environment: 'node',
          include: ['src/**/*.test.{ts,tsx}', 'bin/**/*.test.ts'],
          testTimeout: 120_000,
        },
      },
      {
        resolve: { conditions: ['@ondevice/source'] },
        ssr: { resolve: { conditions: ['@ondevice/source'] } },
        test: {
          name: 'react',
          root: 'packages/react',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
          testTimeout: 120_000,
        },
      },
      {
        resolve: { conditions: ['@ondevice/source'] },
        ssr: { resolve: { conditions: ['@ondevice/source'] } },
        test: {
          name: 'playground',
          root: 'apps/playground',
          environment: 'node',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        resolve: { conditions: ['@ondevice/source'] },
        ssr: { resolve: { conditions: ['@ondevice/source'] } },
        test: {
          name: 'bench',
          root: 'bench',
          environment: 'node',
          include: ['node/**/*.test.ts'],
          testTimeout: 300_000,
        },
      },
    ],
  },
});
