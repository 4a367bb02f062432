export { RequestObserver } from './request-observer.js';
export type { RequestObserverConfig, RequestObserverOptions } from './request-observer.js';
export type { RequestResult } from './request-result.js';
export { EmbeddingsObserver } from './embeddings-observer.js';
export type { EmbeddingsData, EmbeddingsObserverOptions } from './embeddings-observer.js';
export { SentimentObserver } from './sentiment-observer.js';
export type { SentimentData, SentimentObserverOptions } from './sentiment-observer.js';
export { SentimentsObserver } from './sentiments-observer.js';
export type { SentimentsData, SentimentsObserverOptions } from './sentiments-observer.js';
export { ZeroShotObserver } from './zero-shot-observer.js';
export type { ZeroShotData, ZeroShotObserverOptions } from './zero-shot-observer.js';
export { TeachablePredictionsObserver } from './teachable-predictions-observer.js';
export type { TeachablePredictionsData } from './teachable-predictions-observer.js';
export { ExplanationObserver } from './explanation-observer.js';
export type { ExplanationData } from './explanation-observer.js';
export type { ExplanationSource } from './explanation-source.js';
export { TeachableObserver } from './teachable-observer.js';
export type { TeachableResult } from './teachable-observer.js';
export { GenerationObserver } from './generation-observer.js';
export type {
  GenerationDefaults,
  GenerationObserverOptions,
  GenerationState,
} from './generation-observer.js';
export { EntitiesObserver } from './entities-observer.js';
export type { EntitiesObserverOptions } from './entities-observer.js';
export { SearchObserver } from './search-observer.js';
export type { SearchObserverOptions, SearchQuery } from './search-observer.js';
export { RecommendationsObserver } from './recommendations-observer.js';
export type {
  RecommendationsData,
  RecommendationsInput,
  RecommendationsObserverOptions,
} from './recommendations-observer.js';
