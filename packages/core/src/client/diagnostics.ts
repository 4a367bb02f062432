import type { BackendName, BackendPreference } from '../runtimes/backend-name.js';
import type { Capabilities } from '../runtimes/capabilities.js';
import type { BackendSelection } from '../runtimes/select-backend.js';
import type { ModelStatus } from '../runtimes/model-status.js';
import type { CacheDiagnostics } from '../loading/model-cache.js';
import type { EmbedderStats } from './embedder.js';

/**
 * Everything a developer needs to see why the client behaves as it does.
 *
 * @example
 * const { runtime, backend, models } = client.diagnostics()
 * console.log(runtime, backend.selection?.chosen, models.map((model) => model.status))
 */
export interface Diagnostics {
  /** The runtime of the model loaded last (`tfjs`…); null before any load. */
  runtime: string | null;
  /** Requested backend, and after the first load what was measured and chosen, with reasons. */
  backend: { requested: BackendPreference; selection: BackendSelection | null };
  /** Capability flags of the thread the engine runs on (known after the first load). */
  capabilities: Capabilities | null;
  /** Model file cache: Cache API or memory, and why. */
  modelCache: CacheDiagnostics | null;
  worker: {
    enabled: boolean;
    /** Workers started after the first one died. */
    restarts: number;
    lastFailure: string | null;
    /**
     * Workers ended because `unload` left them with no model, to give their memory back (a
     * WebAssembly memory never shrinks); the next request starts a new one.
     */
    idleEnds: number;
  };
  models: {
    id: string;
    /** The runtime its manifest names. */
    runtime: string;
    status: ModelStatus['status'];
    /** The backend it runs on, once loaded. */
    backend: BackendName | null;
    loadMilliseconds: number | null;
  }[];
  embedders: ({ modelId: string } & EmbedderStats)[];
}
