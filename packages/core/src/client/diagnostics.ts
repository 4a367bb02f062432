import type { BackendPreference } from '../backends/backend-name.js';
import type { Capabilities } from '../backends/capabilities.js';
import type { BackendSelection } from '../backends/select-backend.js';
import type { ModelStatus } from '../engine/model-status.js';
import type { CacheDiagnostics } from '../loading/model-cache.js';
import type { EmbedderStats } from './embedder.js';

/** Everything a developer needs to see why the client behaves as it does. */
export interface Diagnostics {
  runtime: 'tfjs';
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
  };
  models: { id: string; status: ModelStatus['status']; loadMilliseconds: number | null }[];
  embedders: ({ modelId: string } & EmbedderStats)[];
}
