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
export { waitingText } from './model-progress/waiting-text.js';
export { SimilarityMatrix } from './similarity-matrix/similarity-matrix.js';
export type {
  SimilarityMatrixProps,
  SimilarityMatrixState,
} from './similarity-matrix/similarity-matrix.js';
export { similarityColors } from './similarity-matrix/similarity-colors.js';
export type { CellColors } from './similarity-matrix/similarity-colors.js';
export { parseSentences } from './similarity-matrix/parse-sentences.js';
export { truncateLabel } from './similarity-matrix/truncate-label.js';
export { RequestObserver } from './hooks/request-observer.js';
export type {
  RequestObserverConfig,
  RequestObserverOptions,
  RequestResult,
} from './hooks/request-observer.js';
export { useSentiment } from './hooks/use-sentiment.js';
export type { UseSentimentOptions, UseSentimentResult } from './hooks/use-sentiment.js';
export { SentimentObserver } from './hooks/sentiment-observer.js';
export type { SentimentData } from './hooks/sentiment-observer.js';
export { useSentiments } from './hooks/use-sentiments.js';
export type { UseSentimentsOptions, UseSentimentsResult } from './hooks/use-sentiments.js';
export { SentimentsObserver } from './hooks/sentiments-observer.js';
export type { SentimentsData } from './hooks/sentiments-observer.js';
export { useZeroShot } from './hooks/use-zero-shot.js';
export type { UseZeroShotOptions, UseZeroShotResult } from './hooks/use-zero-shot.js';
export { ZeroShotObserver } from './hooks/zero-shot-observer.js';
export type { ZeroShotData } from './hooks/zero-shot-observer.js';
export { useTeachableClassifier } from './hooks/use-teachable-classifier.js';
export type {
  UseTeachableClassifierOptions,
  UseTeachableClassifierResult,
} from './hooks/use-teachable-classifier.js';
export { TeachableObserver } from './hooks/teachable-observer.js';
export type { TeachableResult } from './hooks/teachable-observer.js';
export { useTeachablePredictions } from './hooks/use-teachable-predictions.js';
export type {
  UseTeachablePredictionsOptions,
  UseTeachablePredictionsResult,
} from './hooks/use-teachable-predictions.js';
export { TeachablePredictionsObserver } from './hooks/teachable-predictions-observer.js';
export type { TeachablePredictionsData } from './hooks/teachable-predictions-observer.js';
export { useExplanation } from './hooks/use-explanation.js';
export type { UseExplanationOptions, UseExplanationResult } from './hooks/use-explanation.js';
export { ExplanationObserver } from './hooks/explanation-observer.js';
export type { ExplanationData } from './hooks/explanation-observer.js';
export type { ExplanationSource } from './hooks/explanation-source.js';
export { isOfflineError } from './errors/is-offline-error.js';
export { formatPercent } from './format/format-percent.js';
export { formatWeight } from './format/format-weight.js';
export { SentimentBadge } from './sentiment-badge/sentiment-badge.js';
export type { SentimentBadgeProps } from './sentiment-badge/sentiment-badge.js';
export { describeSentiment } from './sentiment-badge/describe-sentiment.js';
export type {
  SentimentBadgeState,
  SentimentDescription,
} from './sentiment-badge/describe-sentiment.js';
export { SentimentTextarea } from './sentiment-textarea/sentiment-textarea.js';
export type { SentimentTextareaProps } from './sentiment-textarea/sentiment-textarea.js';
export { SmartTags } from './smart-tags/smart-tags.js';
export type { SmartTagsProps, SmartTagsState } from './smart-tags/smart-tags.js';
export { suggestTags } from './smart-tags/suggest-tags.js';
export type { SuggestedTag } from './smart-tags/suggest-tags.js';
export { ExplainText } from './explain-text/explain-text.js';
export type { ExplainTextProps, ExplainTextState } from './explain-text/explain-text.js';
export { attributionSegments } from './explain-text/attribution-segments.js';
export type { AttributionSegment, AttributionSign } from './explain-text/attribution-segments.js';
export { summarizeExplanation } from './explain-text/summarize-explanation.js';
export type { ExplanationSummary } from './explain-text/summarize-explanation.js';
