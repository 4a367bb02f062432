// One lint config for the whole repository (house style: one formatter and linter config at the root).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that runs in a page or a worker: React, the playground, stories, bench pages. */
const browserCode = [
  'packages/react/src/**',
  'apps/playground/src/**',
  'stories/**',
  'bench/pages/**',
  'bench/size-app/**',
  'e2e/fixtures/*.ts',
];
/** Code that runs in Node: the Vite plugin, the eval CLI, scripts, configs, the bench runner. */
const nodeCode = [
  'packages/vite/src/**',
  'packages/llm-proxy/src/**',
  'packages/core/bin/**',
  'packages/ai-sdk/bin/**',
  'packages/core/scripts/**',
  'packages/errors/src/**/*.test.ts',
  'bench/run.ts',
  'bench/vite-config.ts',
  'e2e/fixtures/*.config.ts',
  '*.config.{js,ts}',
  'apps/playground/vite.config.ts',
  'stories/.storybook/main.ts',
];
/** Node programs that drive a browser: both sets of globals (page.evaluate runs in the page). */
const browserDrivers = ['e2e/*.spec.ts', 'bench/node/**'];

const nodeOnlyGlobals = ['process', 'Buffer', 'global', 'require', '__dirname', '__filename'];
const pageOnlyGlobals = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
];
const restrict = (names, message) => names.map((name) => ({ name, message }));

/**
 * The layers of @ondevice/core, lowest first: a module may import its own layer and lower ones
 * only. (Typed errors are a package of their own below all of them: @ondevice/errors.)
 */
const coreLayers = [
  ['util'],
  ['models', 'loading'],
  ['runtimes'],
  ['engine'],
  ['tasks', 'recommend', 'search', 'privacy'],
  ['worker'],
  ['client'],
  ['observers'],
  ['testing', 'evaluation'],
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'storybook-static/**',
      'test-results/**',
      'playwright-report/**',
      '.bench-out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "ThrowStatement > NewExpression[callee.name='Error']",
          message: 'Throw a typed OnDeviceError subclass, not a plain Error.',
        },
      ],
    },
  },
  {
    files: browserCode,
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-globals': [
        'error',
        ...restrict(nodeOnlyGlobals, 'Browser code: this Node global does not exist in a page.'),
      ],
    },
  },
  {
    files: nodeCode,
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-globals': [
        'error',
        ...restrict(pageOnlyGlobals, 'Node code: this browser global does not exist here.'),
      ],
    },
  },
  {
    files: browserDrivers,
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Core runs in pages, workers and Node: platform globals only behind a typeof guard on
    // globalThis (house style: no browser globals at import time; a test loads core in Node).
    files: ['packages/core/src/**', 'packages/errors/src/**'],
    ignores: ['**/*.test.ts', '**/*.test-d.ts', '**/*.test.support.ts'],
    languageOptions: { globals: globals['shared-node-browser'] },
    rules: {
      'no-restricted-globals': [
        'error',
        ...restrict(
          [...nodeOnlyGlobals, ...pageOnlyGlobals],
          'Core runs in pages, workers and Node: read platform globals from globalThis behind a typeof guard.',
        ),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', '@ondevice/react', '@ondevice/vite', 'vite'].map(
            (name) => ({ name, message: 'Core knows nothing of React or the build tool.' }),
          ),
        },
      ],
    },
  },
  {
    // Layering inside @ondevice/core, enforced on every non-test module.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-d.ts', '**/*.test.support.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: 'packages/core/tsconfig.json' } },
      'boundaries/elements': coreLayers
        .flat()
        .map((type) => ({ type, pattern: `packages/core/src/${type}` })),
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: coreLayers.flatMap((layer, rank) => {
            const higher = coreLayers.slice(rank + 1).flat();
            return higher.length === 0
              ? []
              : layer.map((type) => ({
                  from: { element: { type } },
                  disallow: { to: { element: { types: { anyOf: higher } } } },
                }));
          }),
        },
      ],
    },
  },
  {
    files: ['packages/react/**/*.{ts,tsx}', 'apps/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**', 'bench/**', '**/bin/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
