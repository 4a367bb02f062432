/**
 * Options of `client.recommender()`.
 *
 * @example
 * client.recommender({ id: 'catalog' })
 */
export interface RecommenderOptions {
  /** Names the recommender: where it persists, and the same id gives the same recommender. */
  id: string;
  /**
   * The embedding model of item texts (the content signal: cold start, "similar to").
   * @default the client's default model ('use-lite')
   */
  model?: string;
  /**
   * The algorithm: `auto` tries every weighting of EASE, transitions and content on a
   * validation split at each fit and keeps the best; the others fix one (for comparisons:
   * `popularity` ignores the person's history, `ease` is EASE alone, `ease+transitions` adds what
   * tends to come next, `ease+transitions+content` adds item text).
   * @default 'auto'
   */
  algorithm?: RecommenderAlgorithm;
  /**
   * Keep items, interactions and the fitted model in IndexedDB (memory in Node and where
   * IndexedDB is missing).
   * @default true
   */
  persist?: boolean;
}

/**
 * The algorithms a recommender can be fixed to (see {@link RecommenderOptions.algorithm}).
 *
 * @example
 * client.recommender({ id: 'baseline', algorithm: 'ease' })
 */
export type RecommenderAlgorithm =
  'auto' | 'popularity' | 'ease' | 'ease+transitions' | 'ease+transitions+content';

/**
 * The algorithms, `auto` first.
 *
 * @example
 * recommenderAlgorithms.map((algorithm) => client.recommender({ id: algorithm, algorithm }))
 */
export const recommenderAlgorithms: readonly RecommenderAlgorithm[] = [
  'auto',
  'popularity',
  'ease',
  'ease+transitions',
  'ease+transitions+content',
];

/**
 * An item that can be recommended: its id, and optionally text (embedded for the content
 * signal) and tags (filters, "popular in <tag>").
 *
 * @example
 * const item: RecommendableItem = { id: 'tpl-invoice', text: 'Invoice template with tax lines', tags: ['billing'] }
 */
export interface RecommendableItem {
  id: string;
  /** Shown in reasons ("Because you viewed <title>") and embedded with the text. */
  title?: string;
  text?: string;
  tags?: readonly string[];
}

/**
 * One thing a user did with an item. `weight` ≤ 0 records a dislike: the item is never
 * recommended to that user and teaches nothing. `type` names the interaction in reasons
 * ("because you purchased…").
 *
 * @example
 * const click: InteractionInput = { userId: 'u1', itemId: 'tpl-invoice', type: 'viewed', timestamp: Date.now() }
 */
export interface InteractionInput {
  userId: string;
  itemId: string;
  /** @default 1 */
  weight?: number;
  /** @default 'viewed' */
  type?: string;
  /** Milliseconds since the epoch. @default the time it was tracked */
  timestamp?: number;
}

/**
 * Why an item was recommended, for people to read: `because` (one of the person's own items
 * led to it, through what other people did after or alongside it), `similar` (its text is close
 * to one of theirs), `popular` (nothing personal to go on: popular overall or within a tag).
 * `text` is the English sentence; widgets may build their own from the other fields.
 *
 * @example
 * reason.text // 'Because you viewed "Invoice template"'
 */
export type RecommendationReason =
  | { kind: 'because'; itemId: string; interaction: string; text: string }
  | { kind: 'similar'; itemId: string; text: string }
  | { kind: 'popular'; tag?: string; text: string };

/**
 * One recommended item.
 *
 * @example
 * const { itemId, item, reason } = recommendations[0]
 */
export interface Recommendation {
  itemId: string;
  /** The item as added with `addItems`, when it was. */
  item?: RecommendableItem;
  /** Comparable within one call only. */
  score: number;
  reason: RecommendationReason;
}

/**
 * Options of `recommend`, `recommendForSession` and `similarItems`.
 *
 * @example
 * await recommender.recommend('u1', { k: 5, exclude: ['tpl-1'], filters: { tags: ['billing'] } })
 */
export interface RecommendOptions {
  /** @default 10 */
  k?: number;
  /** Item ids never to return. */
  exclude?: readonly string[];
  /** Only items with any of these tags; with no personal signal, "popular in <tag>". */
  filters?: { tags?: readonly string[] };
}

/**
 * What one algorithm measured on the validation split at `fit` (each user's second-latest item
 * held out, ranked against 99 seeded negatives).
 *
 * @example
 * const { name, hitRate, ndcg } = report.validation.byAlgorithm[0]
 */
export interface AlgorithmFigures {
  name: string;
  hitRate: number;
  ndcg: number;
}

/**
 * What `fit` did.
 *
 * @example
 * const { validation, milliseconds } = await recommender.fit()
 */
export interface FitReport {
  users: number;
  items: number;
  interactions: number;
  /** Milliseconds in the worker (validation split included). */
  milliseconds: number;
  /** Validation figures of every algorithm and blend tried, and the blend chosen. */
  validation: {
    users: number;
    byAlgorithm: AlgorithmFigures[];
    chosen: { transitionWeight: number; contentWeight: number };
  };
  fittedAt: string;
}

/**
 * Options of `fit`.
 *
 * @example
 * await recommender.fit({ signal, onProgress: ({ done, total }) => show(done / total) })
 */
export interface FitOptions {
  signal?: AbortSignal;
  /** Item texts embedded, then the fit's steps, as `done` of `total`. */
  onProgress?: (progress: { stage: 'embedding' | 'fitting'; done: number; total: number }) => void;
  /** Seed of the validation split's negatives. @default 1 */
  seed?: number;
}

/**
 * State of a recommender, for a UI.
 *
 * @example
 * const { status, fitted, stale } = recommender.getSnapshot()
 */
export interface RecommenderSnapshot {
  status: 'loading' | 'ready' | 'error';
  items: number;
  users: number;
  interactions: number;
  /** Progress of a running fit, or null. */
  fitting: { stage: 'embedding' | 'fitting'; done: number; total: number } | null;
  /** The last fit's report, or null before the first. */
  lastFit: FitReport | null;
  /** Interactions tracked since the last fit (recommendations use them at once; a fit learns from them). */
  sinceFit: number;
  error: Error | null;
}

/**
 * The versioned form of a recommender that `export()` writes and `import()` reads: items and
 * interactions (the fitted model is not exported: `fit()` after an import).
 *
 * @example
 * const data: RecommenderExport = await recommender.export()
 */
export interface RecommenderExport {
  format: 'ondevice.recommender';
  version: 1;
  id: string;
  modelId: string;
  exportedAt: string;
  items: RecommendableItem[];
  interactions: Required<InteractionInput>[];
}

/**
 * A recommender trained on the device: items, interactions, a fit in the worker, and
 * recommendations with reasons that follow every click at once.
 *
 * @example
 * const recommender = client.recommender({ id: 'catalog' })
 * await recommender.addItems(items)
 * await recommender.track({ userId: 'u1', itemId: 'tpl-invoice' })
 * await recommender.fit()
 * const picks = await recommender.recommend('u1', { k: 5 })
 */
export interface Recommender {
  readonly id: string;
  readonly modelId: string;
  ready(): Promise<void>;
  /**
   * Adds or replaces items; their texts are embedded in the worker (content signal).
   * @throws {InvalidInputError} naming the item field that is malformed; none of the call is added.
   */
  addItems(items: readonly RecommendableItem[], options?: { signal?: AbortSignal }): Promise<void>;
  /** Removes items (and every interaction with them); resolves with how many existed. */
  removeItems(itemIds: readonly string[]): Promise<number>;
  /**
   * Records interactions; recommendations use them at once, `fit()` learns from them.
   * @throws {InvalidInputError} naming the interaction field that is malformed; none is recorded.
   */
  track(interactions: InteractionInput | readonly InteractionInput[]): Promise<void>;
  /** Fits the collaborative models in the worker and tunes the blend on a validation split. */
  fit(options?: FitOptions): Promise<FitReport>;
  /** The best items for a user (their own items left out), each with its reason. */
  recommend(userId: string, options?: RecommendOptions): Promise<Recommendation[]>;
  /** The best items for a visitor with no account, from the items of this session (oldest first). */
  recommendForSession(
    recentItemIds: readonly string[],
    options?: RecommendOptions,
  ): Promise<Recommendation[]>;
  /** Items most related to one item (by what people did, and by text). */
  similarItems(itemId: string, options?: RecommendOptions): Promise<Recommendation[]>;
  /** Deletes every interaction of a user (what they did is gone; the next fit forgets them). */
  forgetUser(userId: string): Promise<number>;
  /** Removes every item, interaction and the fitted model. */
  clear(): Promise<void>;
  export(): Promise<RecommenderExport>;
  /**
   * Replaces items and interactions with exported data, after checking all of it.
   * @throws {InvalidImportError} naming the first bad field; nothing changes.
   */
  import(data: unknown): Promise<void>;
  getSnapshot(): RecommenderSnapshot;
  subscribe(listener: () => void): () => void;
}
