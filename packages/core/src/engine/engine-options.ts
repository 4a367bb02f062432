import type { BackendPreference } from '../backends/backend-name.js';
import type { RememberedBackend } from '../backends/select-backend.js';

/** Settings an engine is created with (posted to the worker as plain data). */
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
}
