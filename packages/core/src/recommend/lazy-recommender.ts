import type { TaskRunner } from '../tasks/task-definition.js';
import type { Limits } from '../util/limits.js';
import type { RecordStore } from '../util/record-store.js';
import { Subscribable } from '../util/subscribable.js';
import type {
  FitOptions,
  FitReport,
  InteractionInput,
  RecommendOptions,
  RecommendableItem,
  Recommendation,
  Recommender,
  RecommenderExport,
  RecommenderSnapshot,
} from './recommend-types.js';
import type { ItemEmbedder, RecommenderSettings } from './recommender-settings.js';

const loadingSnapshot: RecommenderSnapshot = Object.freeze({
  status: 'loading',
  items: 0,
  users: 0,
  interactions: 0,
  fitting: null,
  lastFit: null,
  sinceFit: 0,
  error: null,
}) as RecommenderSnapshot;

/**
 * The recommender an app holds: its code is imported on first use, so an app that never
 * recommends does not load it with its first page. Until then it reads as loading and empty;
 * every call waits for the code.
 *
 * @example
 * const recommender = new LazyRecommender(settings, 'use-lite', embedder, runner, store, limits)
 */
export class LazyRecommender extends Subscribable implements Recommender {
  readonly id: string;
  private instance: Recommender | undefined;
  private readonly loaded: Promise<Recommender>;
  /** Set when the code could not be imported: the snapshot says so. */
  private failed: RecommenderSnapshot | undefined;

  constructor(
    settings: RecommenderSettings,
    readonly modelId: string,
    embedder: ItemEmbedder,
    runner: TaskRunner,
    store: (() => Promise<RecordStore>) | null,
    limits: Limits,
  ) {
    super();
    this.id = settings.id;
    this.loaded = import('./recommender.js').then(({ createRecommender }) => {
      const instance = createRecommender(settings, modelId, embedder, runner, store, limits);
      this.instance = instance;
      instance.subscribe(() => this.notify());
      this.notify();
      return instance;
    });
    // A load that fails (offline, a test environment torn down) is an error state, not an
    // unhandled rejection; every call awaiting the code still rejects with it.
    this.loaded.catch((error: unknown) => {
      this.failed = {
        ...loadingSnapshot,
        status: 'error',
        error: error instanceof Error ? error : new Error(String(error)),
      };
      this.notify();
    });
  }

  getSnapshot = (): RecommenderSnapshot =>
    this.instance?.getSnapshot() ?? this.failed ?? loadingSnapshot;

  async ready(): Promise<void> {
    await (await this.loaded).ready();
  }

  async addItems(items: readonly RecommendableItem[], options?: { signal?: AbortSignal }) {
    await (await this.loaded).addItems(items, options);
  }

  async removeItems(itemIds: readonly string[]): Promise<number> {
    return (await this.loaded).removeItems(itemIds);
  }

  async track(interactions: InteractionInput | readonly InteractionInput[]): Promise<void> {
    await (await this.loaded).track(interactions);
  }

  async fit(options?: FitOptions): Promise<FitReport> {
    return (await this.loaded).fit(options);
  }

  async recommend(userId: string, options?: RecommendOptions): Promise<Recommendation[]> {
    return (await this.loaded).recommend(userId, options);
  }

  async recommendForSession(
    recentItemIds: readonly string[],
    options?: RecommendOptions,
  ): Promise<Recommendation[]> {
    return (await this.loaded).recommendForSession(recentItemIds, options);
  }

  async similarItems(itemId: string, options?: RecommendOptions): Promise<Recommendation[]> {
    return (await this.loaded).similarItems(itemId, options);
  }

  async forgetUser(userId: string): Promise<number> {
    return (await this.loaded).forgetUser(userId);
  }

  async clear(): Promise<void> {
    await (await this.loaded).clear();
  }

  async export(): Promise<RecommenderExport> {
    return (await this.loaded).export();
  }

  async import(data: unknown): Promise<void> {
    await (await this.loaded).import(data);
  }
}
