import type { Page } from '@playwright/test';
import { urls } from './ports';

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
