export { OnDeviceProvider } from './provider/ondevice-provider.js';
export type { OnDeviceProviderProps } from './provider/ondevice-provider.js';
export { useOnDeviceClient } from './provider/use-ondevice-client.js';
export { MissingProviderError } from './errors/missing-provider-error.js';
export { useEmbeddings } from './hooks/use-embeddings.js';
export type { UseEmbeddingsOptions } from './hooks/use-embeddings.js';
export { EmbeddingsObserver } from './hooks/embeddings-observer.js';
export type {
  EmbeddingsData,
  EmbeddingsObserverOptions,
  EmbeddingsResult,
} from './hooks/embeddings-observer.js';
export { useModelStatus } from './hooks/use-model-status.js';
export type { UseModelStatusOptions } from './hooks/use-model-status.js';
export { useDiagnostics } from './hooks/use-diagnostics.js';
export { textsEqual } from './hooks/texts-equal.js';
export { ModelProgress } from './model-progress/model-progress.js';
export type { ModelProgressProps } from './model-progress/model-progress.js';
export { describeModelStatus } from './model-progress/describe-model-status.js';
export type {
  ModelProgressState,
  ModelStatusDescription,
} from './model-progress/describe-model-status.js';
export { formatMegabytes } from './model-progress/format-megabytes.js';
export { SimilarityMatrix } from './similarity-matrix/similarity-matrix.js';
export type {
  SimilarityMatrixProps,
  SimilarityMatrixState,
} from './similarity-matrix/similarity-matrix.js';
export { similarityColors } from './similarity-matrix/similarity-colors.js';
export type { CellColors } from './similarity-matrix/similarity-colors.js';
export { parseSentences } from './similarity-matrix/parse-sentences.js';
export { truncateLabel } from './similarity-matrix/truncate-label.js';
