import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { urls } from './ports';

// What the Transformers.js specs share: the fixture models (`npm run fixtures`), served by
// e2e/fixtures/vite.config.ts (`modelFolders`), and the onnxruntime-web files a page requests.

/** URL of the fixture models' folder on the fixture server. */
export const fixtures = '/ondevice/models/ondevice-fixtures/';
export const fixturesPresent = existsSync(
  path.resolve(import.meta.dirname, '../packages/core/fixtures/models/ondevice-fixtures/tiny-ner'),
);
export const noFixtures =
  'skipped: packages/core/fixtures/models/ondevice-fixtures is missing; run `npm run fixtures`';

/** URL of stories260K (../shared/models, the shared test models) on the fixture server. */
export const stories = '/ondevice/models/converted/llama2.c-stories260K/';
export const storiesPresent = existsSync(
  path.resolve(import.meta.dirname, '../../shared/models/converted/llama2.c-stories260K'),
);
export const noStories =
  'skipped: ../shared/models/converted/llama2.c-stories260K (the shared test models) is not checked out beside the repository';
/** Greedy continuation of 'Once upon a time', 60 new tokens (../shared/models/SOURCES.md). */
export const storyOf60Tokens =
  ', there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.\nLily';

/** onnxruntime-web's plain wasm build: what core runs on when WebGPU cannot be used. */
export const plainWasmBuild = [
  `${urls.fixture}/ondevice/ort/ort-wasm-simd-threaded.mjs`,
  `${urls.fixture}/ondevice/ort/ort-wasm-simd-threaded.wasm`,
];
/** The asyncify build Transformers.js imports itself (wasm and webgpu devices). */
export const asyncifyBuild = [
  `${urls.fixture}/ondevice/ort/ort-wasm-simd-threaded.asyncify.mjs`,
  `${urls.fixture}/ondevice/ort/ort-wasm-simd-threaded.asyncify.wasm`,
];

/**
 * Records every request of the page and its workers: those to any host but the local fixture
 * server (blob: and data: URLs stay in the page) must be none.
 */
export function watchRequests(page: Page) {
  const all: string[] = [];
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    all.push(url);
    if (!url.startsWith(`${urls.fixture}/`) && !/^(blob|data):/.test(url)) foreign.push(url);
  });
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  return { all, foreign, workers };
}
