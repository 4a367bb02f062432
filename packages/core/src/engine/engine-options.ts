import type { NetworkOptions } from '../loading/network-options.js';
import type { ModelManifest } from '../models/model-manifest.js';
import type { BackendPreference } from '../runtimes/backend-name.js';
import type { RememberedBackend } from '../runtimes/select-backend.js';

/**
 * Settings an engine is created with (posted to the worker as plain data).
 *
 * @example
 * const engine = new Engine({ backend: 'auto', assetBaseUrl: undefined, autoBackendBudgetMs: 1500,
 *   allowSoftwareRenderer: false, modelCache: 'memory', rememberedBackends: {}, models: [], modelHost,
 *   network: defaultNetworkOptions })
 */
export interface EngineOptions {
  backend: BackendPreference;
  /** Base URL of model files and wasm binaries; undefined in Node reads node_modules. */
  assetBaseUrl: string | undefined;
  /** Time budget for measuring backends under `auto`. */
  autoBackendBudgetMs: number;
  /** Whether a software GPU rasteriser may be measured under `auto`. */
  allowSoftwareRenderer: boolean;
  /** `persistent` uses the Cache API where it exists; `memory` keeps files for the session only. */
  modelCache: 'persistent' | 'memory';
  /** Earlier measurements for this device, by model id. */
  rememberedBackends: Record<string, RememberedBackend>;
  /** The app's own model manifests, beside the built-in ones. */
  models: ModelManifest[];
  /** Where hub ids (`owner/name`) of Transformers.js models resolve. */
  modelHost: string;
  /** Stall and load timeouts and retries of downloads, resolved (every field set). */
  network: NetworkOptions;
}
