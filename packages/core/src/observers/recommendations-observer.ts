import type { OnDeviceClient } from '../client/create-client.js';
import type {
  Recommendation,
  RecommendOptions,
  Recommender,
  RecommenderSnapshot,
} from '../recommend/recommend-types.js';
import { raceAbort } from '../util/abort.js';
import { RequestObserver } from './request-observer.js';

/**
 * Whom a {@link RecommendationsObserver} recommends for: a signed-in user by id, or a visitor
 * by the items of their session (oldest first), with the options of `recommend`.
 *
 * @example
 * observer.setOptions({ input: { userId: 'u1', k: 5 } })
 * observer.setOptions({ input: { session: ['tpl-invoice', 'tpl-receipt'] } })
 */
export type RecommendationsInput = (
  { userId: string; session?: undefined } | { session: readonly string[]; userId?: undefined }
) &
  RecommendOptions;

/**
 * Recommendations together with whom they were computed for.
 *
 * @example
 * const { userId, recommendations } = observer.getSnapshot().data ?? { recommendations: [] }
 */
export interface RecommendationsData {
  /** The user they are for, when recommended by user. */
  userId: string | undefined;
  /** The session they are for, when recommended by session. */
  session: readonly string[] | undefined;
  /** Best first, each with its reason; empty when there is nothing to recommend yet. */
  recommendations: Recommendation[];
}

/**
 * Options of a {@link RecommendationsObserver}.
 *
 * @example
 * new RecommendationsObserver(client, { recommender: client.recommender({ id: 'templates' }) })
 */
export interface RecommendationsObserverOptions {
  /** What recommends: `client.recommender(options)`. Its model's load status is `progress`. */
  recommender: Recommender;
}

/**
 * Recommends items for a user or a session, and recommends again whenever the recommender
 * changes (an interaction tracked, items added or removed, a fit finished), keeping the
 * previous recommendations meanwhile, so a list follows every click without flickering. A
 * blank user id is `idle`; an empty session is a visitor with no history (popular items).
 * Not debounced: a recommendation reads a fitted model, it embeds nothing.
 *
 * @example
 * const observer = new RecommendationsObserver(client, { recommender })
 * observer.subscribe(() => console.log(observer.getSnapshot().data?.recommendations))
 * observer.setOptions({ input: { userId: 'u1', k: 5 } })
 * await recommender.track({ userId: 'u1', itemId: 'tpl-invoice' }) // recommends again
 */
export class RecommendationsObserver extends RequestObserver<
  RecommendationsInput,
  RecommendationsData
> {
  /** The recommender this observer asks. */
  readonly recommender: Recommender;
  private stopWatching: (() => void) | undefined;

  constructor(client: OnDeviceClient, options: RecommendationsObserverOptions) {
    const { recommender } = options;
    super({
      model: client.model(recommender.modelId),
      keyOf: recommendationsKey,
      isEmpty: (input) => input.session === undefined && input.userId.trim() === '',
      run: async ({ userId, session, k, exclude, filters }, signal) => {
        const options: RecommendOptions = { k, exclude, filters };
        // The recommender's calls take no signal: a superseded one is left to finish, unread.
        const recommendations = await raceAbort(
          session === undefined
            ? recommender.recommend(userId, options)
            : recommender.recommendForSession(session, options),
          signal,
          'Recommendation',
        );
        return { userId, session, recommendations };
      },
      description: 'Recommendation',
    });
    this.recommender = recommender;
  }

  protected override onActive(): void {
    let seen = this.recommender.getSnapshot();
    this.stopWatching = this.recommender.subscribe(() => {
      const current = this.recommender.getSnapshot();
      if (!changesRecommendations(seen, current)) return;
      seen = current;
      this.refetch();
    });
  }

  protected override onInactive(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }
}

/** Whether what the recommender knows changed (not only the progress of a running fit). */
function changesRecommendations(before: RecommenderSnapshot, after: RecommenderSnapshot): boolean {
  return (
    before.status !== after.status ||
    before.items !== after.items ||
    before.users !== after.users ||
    before.interactions !== after.interactions ||
    before.sinceFit !== after.sinceFit ||
    before.lastFit !== after.lastFit ||
    before.error !== after.error
  );
}

/** The identity of a request: whom for, and the options, so fresh literals are the same request. */
function recommendationsKey(input: RecommendationsInput): string {
  const { userId, session, k, exclude, filters } = input;
  return JSON.stringify([
    session === undefined ? { userId } : { session },
    k,
    exclude,
    filters?.tags,
  ]);
}
