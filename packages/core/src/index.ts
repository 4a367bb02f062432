export { createClient } from './client/create-client.js';
export type { ClientOptions, EmbedderOptions, OnDeviceClient } from './client/create-client.js';
export { Embedder } from './client/embedder.js';
export type { EmbedOptions, EmbedResult, EmbedderStats } from './client/embedder.js';
export { ModelHandle } from './client/model-handle.js';
export type { LoadOptions } from './client/model-handle.js';
export type { Diagnostics } from './client/diagnostics.js';
export type { ModelStatus, ModelStatusListener } from './engine/model-status.js';
export type { LoadReport } from './engine/embedding-engine.js';
export { backendNames, parseBackendPreference } from './backends/backend-name.js';
export type { BackendName, BackendPreference } from './backends/backend-name.js';
export type { Capabilities } from './backends/capabilities.js';
export type { BackendCandidate, BackendSelection } from './backends/select-backend.js';
export type { CacheDiagnostics } from './loading/model-cache.js';
export { defaultAssetBaseUrl } from './loading/asset-source.js';
export { getModelManifest, listModelIds, defaultEmbeddingModelId } from './models/registry.js';
export { manifestBytes } from './models/model-manifest.js';
export type { ModelFile, ModelManifest } from './models/model-manifest.js';
export { cosineSimilarity, similarityMatrix, topK } from './util/similarity.js';
export type { ScoredIndex, Vector } from './util/similarity.js';
export {
  AbortError,
  BackendUnavailableError,
  InvalidClassifierDataError,
  InvalidInputError,
  ModelIntegrityError,
  ModelLoadError,
  OnDeviceError,
  RuntimeError,
  UnknownBackendError,
  UnknownModelError,
  WorkerCrashedError,
} from '@ondevice/errors';
export type { KnownErrorCode, OnDeviceErrorCode } from '@ondevice/errors';
export type { AttributionSpan, Explanation } from './explain/explanation-types.js';
export type {
  SentimentAnalyzer,
  SentimentLabel,
  SentimentOptions,
  SentimentResult,
} from './sentiment/sentiment-types.js';
export type {
  ScoredLabel,
  ZeroShotClassifier,
  ZeroShotLabel,
  ZeroShotOptions,
  ZeroShotResult,
} from './zero-shot/zero-shot-types.js';
export type {
  TaughtExample,
  TeachableClassifier,
  TeachableExport,
  TeachableOptions,
  TeachablePrediction,
  TeachableState,
} from './teachable/teachable-types.js';
export { agNewsLabels } from './evaluation/ag-news-labels.js';
export { fewShotSplit } from './evaluation/few-shot-split.js';
export { parseCsv } from './evaluation/parse-csv.js';
export type { CsvRecord } from './evaluation/parse-csv.js';
export type {
  FewShotSplit,
  FewShotSplitOptions,
  LabelledText,
} from './evaluation/few-shot-split.js';
