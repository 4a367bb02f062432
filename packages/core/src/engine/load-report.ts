import type { CacheDiagnostics } from '../loading/model-cache.js';
import type { ModelTask } from '../models/model-manifest.js';
import type { BackendName } from '../runtimes/backend-name.js';
import type { Capabilities } from '../runtimes/capabilities.js';
import type { BackendSelection } from '../runtimes/select-backend.js';

/**
 * What a finished load reports back to the client: which runtime and backend run the model,
 * how the backend was chosen, where the files came from, how long it took.
 *
 * @example
 * const report = await client.model('use-lite').load()
 * console.log(report.runtime, report.backend, report.milliseconds)
 */
export interface LoadReport {
  modelId: string;
  /** The runtime that runs the model (`tfjs`…). */
  runtime: string;
  /** What the model does (for Transformers.js models, read from its config). */
  task: ModelTask;
  /** Labels of a classifier's outputs, in order. */
  labels?: string[];
  /** Precision of its weights, when the runtime chose one (`fp32`, `q8`…). */
  dtype?: string;
  /** Vector length, or label count (0 for generators). */
  dimensions: number;
  /** Most tokens of a text the model reads; longer texts are truncated. */
  maxTokens: number;
  backend: BackendName;
  selection: BackendSelection;
  capabilities: Capabilities;
  cache: CacheDiagnostics;
  /** Milliseconds from the load request to ready. */
  milliseconds: number;
}
