// @ondevice/react: the provider, one hook per core observer, and the widgets.
export { OnDeviceProvider } from './provider/ondevice-provider.js';
export type { OnDeviceProviderProps } from './provider/ondevice-provider.js';
export { useOnDeviceClient } from './provider/use-ondevice-client.js';
export { MissingProviderError } from './errors/missing-provider-error.js';
export { isOfflineError } from './errors/is-offline-error.js';

export { useEmbeddings } from './hooks/use-embeddings.js';
export type { UseEmbeddingsOptions } from './hooks/use-embeddings.js';
export { useSentiment } from './hooks/use-sentiment.js';
export type { UseSentimentOptions } from './hooks/use-sentiment.js';
export { useSentiments } from './hooks/use-sentiments.js';
export type { UseSentimentsOptions } from './hooks/use-sentiments.js';
export { useZeroShot } from './hooks/use-zero-shot.js';
export type { UseZeroShotOptions } from './hooks/use-zero-shot.js';
export { useTeachableClassifier } from './hooks/use-teachable-classifier.js';
export type { UseTeachableClassifierResult } from './hooks/use-teachable-classifier.js';
export { useTeachablePredictions } from './hooks/use-teachable-predictions.js';
export type { UseTeachablePredictionsOptions } from './hooks/use-teachable-predictions.js';
export { useExplanation } from './hooks/use-explanation.js';
export type { UseExplanationOptions } from './hooks/use-explanation.js';
export { useModelStatus } from './hooks/use-model-status.js';
export type { UseModelStatusOptions } from './hooks/use-model-status.js';
export { useGeneration } from './hooks/use-generation.js';
export type { UseGenerationOptions, UseGenerationResult } from './hooks/use-generation.js';
export { useEntities } from './hooks/use-entities.js';
export type { UseEntitiesOptions } from './hooks/use-entities.js';
export { useModel } from './hooks/use-model.js';
export type { UseModelResult } from './hooks/use-model.js';
export { useDiagnostics } from './hooks/use-diagnostics.js';
export { useSearch } from './hooks/use-search.js';
export type { UseSearchOptions } from './hooks/use-search.js';
export { useRecommendations } from './hooks/use-recommendations.js';
export type {
  RecommendationsTarget,
  UseRecommendationsOptions,
} from './hooks/use-recommendations.js';
export { useTrackInteraction } from './hooks/use-track-interaction.js';
export { useObserver } from './hooks/use-observer.js';

export { ModelProgress } from './model-progress/model-progress.js';
export type { ModelProgressProps } from './model-progress/model-progress.js';
export type { ModelProgressState } from './model-progress/describe-model-status.js';
export { SimilarityMatrix } from './similarity-matrix/similarity-matrix.js';
export type {
  SimilarityMatrixProps,
  SimilarityMatrixState,
} from './similarity-matrix/similarity-matrix.js';
export { SentimentBadge } from './sentiment-badge/sentiment-badge.js';
export type { SentimentBadgeProps } from './sentiment-badge/sentiment-badge.js';
export type { SentimentBadgeState } from './sentiment-badge/describe-sentiment.js';
export { SentimentTextarea } from './sentiment-textarea/sentiment-textarea.js';
export type { SentimentTextareaProps } from './sentiment-textarea/sentiment-textarea.js';
export { SmartTags } from './smart-tags/smart-tags.js';
export type { SmartTagsProps, SmartTagsState } from './smart-tags/smart-tags.js';
export { ExplainText } from './explain-text/explain-text.js';
export type { ExplainTextProps, ExplainTextState } from './explain-text/explain-text.js';
export { GenerateText } from './generate-text/generate-text.js';
export type { GenerateTextOptions, GenerateTextProps } from './generate-text/generate-text.js';
export type { GenerateTextState } from './generate-text/describe-generation.js';
export { EntityHighlighter } from './entity-highlighter/entity-highlighter.js';
export type {
  EntityHighlighterOptions,
  EntityHighlighterProps,
  EntityHighlighterState,
} from './entity-highlighter/entity-highlighter.js';
export { SearchBox } from './search-box/search-box.js';
export type { SearchBoxProps } from './search-box/search-box.js';
export type { SearchBoxState } from './search-box/describe-search.js';
export type { SearchHitParts } from './search-box/search-hits.js';
export { RecommendationList } from './recommendation-list/recommendation-list.js';
export type {
  RecommendationListOptions,
  RecommendationListProps,
} from './recommendation-list/recommendation-list.js';
export type { RecommendationListState } from './recommendation-list/describe-recommendations.js';
export { ChatPanel } from './chat-panel/chat-panel.js';
export type {
  ChatAnswerSource,
  ChatPanelMessage,
  ChatPanelMessagePart,
  ChatPanelProps,
  ChatPanelStatus,
} from './chat-panel/chat-panel.js';
export { RedactionPreview } from './redaction-preview/redaction-preview.js';
export type {
  RedactionPreviewEntity,
  RedactionPreviewProps,
  RedactionPreviewState,
} from './redaction-preview/redaction-preview.js';
