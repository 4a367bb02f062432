// @ondevice/core: what an app uses. Evaluation helpers live in '@ondevice/core/evaluation',
// the test fake in '@ondevice/core/testing', the worker entry in '@ondevice/core/worker'.
export { createClient } from './client/create-client.js';
export type { ClientOptions, OnDeviceClient } from './client/create-client.js';
export { Embedder } from './client/embedder.js';
export type {
  EmbedOptions,
  EmbedResult,
  EmbedderOptions,
  EmbedderStats,
} from './client/embedder.js';
export { ModelHandle } from './client/model-handle.js';
export type { LoadOptions } from './client/model-handle.js';
export type { Diagnostics } from './client/diagnostics.js';
export type { LoadReport } from './engine/load-report.js';
export type { CacheDiagnostics } from './loading/model-cache.js';
export { defaultAssetBaseUrl } from './loading/asset-source.js';
export { manifestBytes } from './models/model-manifest.js';
export type {
  KnownModelFile,
  ModelDtype,
  ModelFile,
  ModelLocation,
  ModelManifest,
  ModelTask,
} from './models/model-manifest.js';
export { modelDtypes, modelTasks } from './models/model-manifest.js';
export { defaultModelHost, transformersModel } from './models/model-reference.js';
export type { TransformersModelOptions } from './models/model-reference.js';
export { defaultEmbeddingModelId, getModelManifest, listModelIds } from './models/registry.js';
export { backendNames, parseBackendPreference } from './runtimes/backend-name.js';
export type { BackendName, BackendPreference } from './runtimes/backend-name.js';
export type { Capabilities } from './runtimes/capabilities.js';
export type { ModelStatus, ModelStatusListener } from './runtimes/model-status.js';
export type { RuntimeMemory } from './runtimes/runtime.js';
export type { BackendCandidate, BackendSelection } from './runtimes/select-backend.js';
export type { ClassifyOptions, ExplainOptions } from './tasks/call-options.js';
export type { AttributionSpan, Explanation } from './tasks/explain/explanation-types.js';
export type {
  SentimentAnalyzer,
  SentimentAnalyzerOptions,
  SentimentLabel,
  SentimentResult,
} from './tasks/sentiment/sentiment-types.js';
export type {
  LearnOptions,
  TaughtExample,
  TeachableClassifier,
  TeachableExample,
  TeachableExport,
  TeachableOptions,
  TeachablePrediction,
  TeachableState,
} from './tasks/teachable/teachable-types.js';
export type {
  EntityRecognizer,
  EntityRecognizerOptions,
  EntitySpan,
  RecognizeOptions,
} from './tasks/entities/entity-types.js';
export type {
  ChatMessage,
  GenerateOptions,
  GenerationResult,
  GenerationStream,
  TextGenerator,
  TextGeneratorOptions,
} from './tasks/generation/generation-types.js';
export { OutOfMemoryError } from '@ondevice/errors';
export type {
  ScoredLabel,
  ZeroShotClassifier,
  ZeroShotLabel,
  ZeroShotOptions,
  ZeroShotResult,
} from './tasks/zero-shot/zero-shot-types.js';
export { cosineSimilarity, similarityMatrix, topK } from './util/similarity.js';
export type { ScoredIndex, Vector } from './util/similarity.js';
export {
  AbortError,
  BackendUnavailableError,
  ClassifierStorageError,
  InvalidClassifierDataError,
  InvalidImportError,
  InvalidInputError,
  LimitExceededError,
  ModelIntegrityError,
  ModelLoadError,
  OnDeviceError,
  PiiBlockedError,
  RuntimeError,
  UnknownBackendError,
  UnknownModelError,
  WorkerCrashedError,
} from '@ondevice/errors';
export type {
  ClassifierStorageFailure,
  KnownErrorCode,
  ModelLoadFailure,
  OnDeviceErrorCode,
} from '@ondevice/errors';
export type {
  IndexingOptions,
  IndexingProgress,
  SearchDocument,
  SearchFilters,
  SearchHighlight,
  SearchHit,
  SearchIndex,
  SearchIndexExport,
  SearchIndexStats,
  SearchIndexOptions,
  SearchIndexSnapshot,
  SearchMode,
  SearchOptions,
  SearchResult,
  SearchWhy,
} from './search/search-types.js';
export { searchModes } from './search/search-types.js';
export type {
  AlgorithmFigures,
  FitOptions,
  FitReport,
  InteractionInput,
  RecommendOptions,
  RecommendableItem,
  Recommendation,
  RecommendationReason,
  Recommender,
  RecommenderAlgorithm,
  RecommenderExport,
  RecommenderOptions,
  RecommenderSnapshot,
} from './recommend/recommend-types.js';
export { recommenderAlgorithms } from './recommend/recommend-types.js';
export { maxRedactionLength, redactPII } from './privacy/redact-pii.js';
export { piiActions, piiTypes } from './privacy/pii-types.js';
export type {
  PiiAction,
  PiiEntity,
  PiiType,
  RedactOptions,
  Redaction,
  RedactionPolicy,
} from './privacy/pii-types.js';
export { defaultLimits } from './util/limits.js';
export type { Limits } from './util/limits.js';
export { defaultNetworkOptions } from './loading/network-options.js';
export type { NetworkOptions } from './loading/network-options.js';
export * from './observers/index.js';
