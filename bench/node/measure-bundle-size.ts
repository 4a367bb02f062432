import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { type SizeAppVariant, sizeAppConfig } from '../vite-config.js';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** A set of JS files with their sizes (gzip level 9, each file compressed on its own). */
export interface JsFiles {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/** Initial and lazily loaded JS of one build. */
export interface BuildSize {
  /** What the HTML loads before anything else: the entry chunk and its static imports. */
  initial: JsFiles;
  /** Every other emitted JS file: tfjs, backends, the worker (loaded when a model is needed). */
  lazy: JsFiles;
}

/** Sizes of the three size-app builds. */
export type BundleSize = Record<SizeAppVariant, BuildSize>;

/**
 * Builds bench/size-app with `vite build` three ways (or the `variants` asked for) and
 * measures each: the app (React + @ondevice/core + @ondevice/react), a React-only baseline, and
 * the app with React left out.
 */
export async function measureBundleSize<V extends SizeAppVariant = SizeAppVariant>(
  options: { variants?: readonly V[] } = {},
): Promise<Pick<BundleSize, V>> {
  const variants = options.variants ?? (['app', 'react-baseline', 'app-without-react'] as V[]);
  const sizes: Partial<BundleSize> = {};
  for (const variant of variants) sizes[variant] = await buildAndMeasure(variant);
  return sizes as Pick<BundleSize, V>;
}

/**
 * "Initial" follows the build manifest from the HTML entry through static `imports` only.
 */
async function buildAndMeasure(variant: SizeAppVariant): Promise<BuildSize> {
  const config = sizeAppConfig(variant);
  // A production build whoever runs it (Vitest sets NODE_ENV=test, which would make the React
  // plugin emit development JSX).
  const environment = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build(config);
  } finally {
    if (environment === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = environment;
  }
  const outDir = config.build?.outDir as string;
  const manifest = JSON.parse(
    await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error(`the ${variant} build has no entry chunk in its manifest`);
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry[0]);
  const allJs = (await readdir(outDir, { recursive: true }))
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.js'));
  return {
    initial: await sizeOf(outDir, [...initial]),
    lazy: await sizeOf(
      outDir,
      allJs.filter((file) => !initial.has(file)),
    ),
  };
}

async function sizeOf(outDir: string, files: string[]): Promise<JsFiles> {
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const content = await readFile(join(outDir, file));
    bytes += content.byteLength;
    gzipBytes += gzipSync(content, { level: 9 }).byteLength;
  }
  return { files: files.sort(), bytes, gzipBytes };
}
