import { defaultModelHost } from '../models/model-reference.js';
// Test helper (named *.test.* so the package never ships it).
import type { EngineOptions } from '../engine/engine-options.js';
import { defaultNetworkOptions } from '../loading/network-options.js';

/**
 * Engine options for tests that build a connection by hand: wasm, node_modules, no cache,
 * nothing remembered, no custom models.
 *
 * @example
 * const connection = createInThreadConnection(testEngineOptions())
 */
export function testEngineOptions(): EngineOptions {
  return {
    backend: 'wasm',
    assetBaseUrl: undefined,
    autoBackendBudgetMs: 1500,
    allowSoftwareRenderer: false,
    modelCache: 'memory',
    rememberedBackends: {},
    models: [],
    modelHost: defaultModelHost,
    network: { ...defaultNetworkOptions },
  };
}
