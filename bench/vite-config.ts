import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ondevice } from '@ondevice/vite';
import react from '@vitejs/plugin-react';
import { type InlineConfig, defaultClientConditions } from 'vite';
import { serveSharedData } from './node/serve-shared-data.js';
import { transformersBenchModels } from './workload/transformers-models.js';

/** Repository root and the git-ignored folder bench builds go to. */
export const repositoryRoot = fileURLToPath(new URL('../', import.meta.url));
export const benchOutput = fileURLToPath(new URL('../.bench-out/', import.meta.url));

const pages = [
  'core',
  'raw-use',
  'tfjs-default',
  'first-embedding',
  'raw-first-embedding',
  'sentiment-typing',
  'teachable',
  'reliability',
  'transformers',
  'search',
  'recommend',
] as const;

/** Names of the bench pages (`/<name>.html` on the preview server). */
export type BenchPageName = (typeof pages)[number];

/**
 * The Transformers.js bench models whose folders are here (stories260K comes from
 * ../shared/models, the encoder from `npm run fixtures`), with their absolute folders.
 *
 * @example
 * presentTransformersModels().generator?.folder
 */
export function presentTransformersModels(): Partial<
  Record<keyof typeof transformersBenchModels, { name: string; folder: string }>
> {
  const present: Partial<
    Record<keyof typeof transformersBenchModels, { name: string; folder: string }>
  > = {};
  for (const [key, model] of Object.entries(transformersBenchModels)) {
    const folder = `${repositoryRoot}${model.folder}`;
    if (existsSync(`${folder}/config.json`)) {
      present[key as keyof typeof transformersBenchModels] = { name: model.name, folder };
    }
  }
  return present;
}

// Workspace packages resolve to their TypeScript sources, as in the playground.
const resolve = { conditions: ['@ondevice/source', ...defaultClientConditions] };

/**
 * Vite config of the bench pages: a production build served by `vite preview`, with the
 * ondevice plugin serving the model files and wasm binaries under /ondevice/ with COOP/COEP.
 */
export function benchPagesConfig(): InlineConfig {
  const root = fileURLToPath(new URL('./pages/', import.meta.url));
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    // React for the widget pages (sentiment-typing); the others are plain TypeScript. The
    // Transformers.js models are served from their folders (bench (i)–(k)); MovieLens from
    // ../shared/data while the server runs (bench (m)).
    plugins: [
      react(),
      ondevice({
        modelFolders: Object.fromEntries(
          Object.values(presentTransformersModels()).map((model) => [model.name, model.folder]),
        ),
      }),
      serveSharedData(repositoryRoot),
    ],
    resolve,
    build: {
      outDir: `${benchOutput}pages`,
      emptyOutDir: true,
      // Not minified: Vite 8's minifier rewrites `typeof _scriptDir !== "undefined" && _scriptDir`
      // inside tfjs-backend-wasm's threaded factory to `e !== void 0 && e`; tfjs runs that
      // factory's toString() in its pthread workers, where `e` is undefined, so threaded wasm
      // crashes in minified builds (both sides of the comparison). Minifying changes no kernel
      // speed; the initial-JS size is measured on a minified build (sizeAppConfig).
      minify: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: Object.fromEntries(pages.map((name) => [name, `${root}${name}.html`])),
      },
    },
    preview: { host: '127.0.0.1', port: 4190, strictPort: false },
  };
}

/** Builds of the size app: the app, a React-only baseline, and the app without React. */
export type SizeAppVariant = 'app' | 'react-baseline' | 'app-without-react';

const reactModules = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'];

/**
 * Vite config of the minimal app whose initial JS is measured (bench/size-app), built as an
 * app would build it (minified, React plugin, ondevice plugin). `app-without-react` leaves
 * React out of the bundle so what remains is ondevice's own code.
 */
export function sizeAppConfig(variant: SizeAppVariant): InlineConfig {
  const root = fileURLToPath(new URL('./size-app/', import.meta.url));
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [react(), ondevice()],
    resolve,
    build: {
      outDir: `${benchOutput}size-app/${variant}`,
      emptyOutDir: true,
      manifest: true,
      reportCompressedSize: false,
      rollupOptions: {
        input: `${root}${variant === 'react-baseline' ? 'react-only' : 'index'}.html`,
        ...(variant === 'app-without-react' ? { external: reactModules } : {}),
      },
    },
  };
}
