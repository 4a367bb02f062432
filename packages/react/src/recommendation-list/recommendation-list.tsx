import type { Recommendation, RecommendationReason, Recommender } from '@ondevice/core';
import {
  type ComponentPropsWithoutRef,
  type ReactNode,
  forwardRef,
  useId,
  useSyncExternalStore,
} from 'react';
import { useModelStatus } from '../hooks/use-model-status.js';
import { useRecommendations } from '../hooks/use-recommendations.js';
import { waitingText } from '../model-progress/waiting-text.js';
import { describeRecommendations } from './describe-recommendations.js';

/**
 * Props of {@link RecommendationList} other than whom it recommends for; other props go to
 * the root `<div>`.
 *
 * @example
 * <RecommendationList recommender={recommender} userId={userId} k={3} label="Templates for you" />
 */
export interface RecommendationListOptions extends Omit<
  ComponentPropsWithoutRef<'div'>,
  'children' | 'onSelect'
> {
  /** What recommends: `client.recommender(options)`, with items added and interactions tracked. */
  recommender: Recommender;
  /**
   * Items shown.
   * @default 5
   */
  k?: number;
  /** Item ids never to show (e.g. the one on the page). */
  exclude?: readonly string[];
  /** Only items with any of these tags. */
  tags?: readonly string[];
  /**
   * Visible name of the list.
   * @default 'Recommended for you'
   */
  label?: ReactNode;
  /**
   * Draws an item's name (phrasing content when there is an `onSelect`: it goes in a button).
   * The reason is drawn below it by the list, and tied to it for screen readers.
   * @default the item's title, else its text, else its id
   */
  renderItem?: (recommendation: Recommendation) => ReactNode;
  /**
   * How a reason reads.
   * @default the recommender's sentence (`reason.text`)
   */
  formatReason?: (reason: RecommendationReason, recommendation: Recommendation) => string;
  /** Called when an item is chosen (click, or Enter or Space on it): items become buttons. */
  onSelect?: (recommendation: Recommendation) => void;
}

/**
 * Props of {@link RecommendationList}: recommendations for a signed-in `userId`, or for a
 * visitor's `session` (the item ids they looked at, oldest first).
 *
 * @example
 * <RecommendationList recommender={recommender} userId="u1" />
 * <RecommendationList recommender={recommender} session={['tpl-invoice']} />
 */
export type RecommendationListProps = RecommendationListOptions &
  ({ userId: string; session?: undefined } | { session: readonly string[]; userId?: undefined });

/**
 * Recommended items, each with the reason it is recommended ("Because you viewed …", "Similar
 * to …", "Popular in …") as visible text tied to the item for screen readers
 * (`aria-describedby`). The list follows the recommender: after a `track` or a `fit` it is
 * recommended again, the previous items staying meanwhile. Items are buttons when there is an
 * `onSelect`. Unstyled: style it through `data-state` (idle, loading, ready, empty, error,
 * offline), `data-part` and `data-reason-kind`, or import `@ondevice/react/theme.css`. Needs
 * `<OnDeviceProvider>`.
 *
 * @example
 * function TemplatesForYou({ userId }: { userId: string }) {
 *   const client = useOnDeviceClient()
 *   const recommender = client.recommender({ id: 'templates' })
 *   const track = useTrackInteraction(recommender)
 *   return (
 *     <RecommendationList
 *       recommender={recommender}
 *       userId={userId}
 *       onSelect={(pick) => void track({ userId, itemId: pick.itemId, type: 'opened' })}
 *     />
 *   )
 * }
 */
export const RecommendationList = forwardRef<HTMLDivElement, RecommendationListProps>(
  function RecommendationList(
    {
      recommender,
      userId,
      session,
      k = 5,
      exclude,
      tags,
      label = 'Recommended for you',
      renderItem = itemName,
      formatReason = reasonText,
      onSelect,
      ...props
    },
    ref,
  ) {
    const id = useId();
    const target = session === undefined ? { userId: userId ?? '' } : { session };
    const result = useRecommendations(recommender, target, {
      k,
      exclude,
      filters: tags ? { tags } : undefined,
    });
    const snapshot = useSyncExternalStore(
      recommender.subscribe,
      recommender.getSnapshot,
      recommender.getSnapshot,
    );
    const model = useModelStatus({ model: recommender.modelId });
    const { state, errorText } = describeRecommendations({
      result,
      recommender: snapshot,
      model,
    });
    const recommendations = state === 'ready' ? (result.data?.recommendations ?? []) : [];
    const labelId = `${id}-label`;

    return (
      <div
        ref={ref}
        data-ondevice-recommendation-list=""
        data-state={state}
        data-fitting={snapshot.fitting ? '' : undefined}
        {...props}
      >
        <span data-part="label" id={labelId}>
          {label}
        </span>
        {recommendations.length > 0 && (
          <ul
            data-part="items"
            aria-labelledby={labelId}
            aria-busy={result.isFetching || undefined}
          >
            {recommendations.map((recommendation, index) => {
              const reasonId = `${id}-reason-${index}`;
              const name = renderItem(recommendation);
              return (
                <li
                  key={recommendation.itemId}
                  data-part="item"
                  data-item-id={recommendation.itemId}
                  data-reason-kind={recommendation.reason.kind}
                  aria-describedby={onSelect ? undefined : reasonId}
                >
                  {onSelect ? (
                    <button
                      type="button"
                      data-part="item-button"
                      aria-describedby={reasonId}
                      onClick={() => onSelect(recommendation)}
                    >
                      {name}
                    </button>
                  ) : (
                    <span data-part="item-name">{name}</span>
                  )}{' '}
                  <span data-part="reason" id={reasonId}>
                    {formatReason(recommendation.reason, recommendation)}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {state === 'idle' && (
          <p data-part="idle">Recommendations appear once someone is signed in.</p>
        )}
        {state === 'loading' && (
          <p data-part="loading">
            {waitingText(
              result.progress,
              snapshot.fitting ? 'Learning from what people used…' : 'Finding recommendations…',
            )}
          </p>
        )}
        {state === 'empty' && (
          <p data-part="empty">Nothing to recommend yet: recommendations follow what people use.</p>
        )}
        {errorText && (
          <p data-part="error" role="alert">
            {errorText}
          </p>
        )}
      </div>
    );
  },
);

function itemName(recommendation: Recommendation): ReactNode {
  const { item, itemId } = recommendation;
  return item?.title ?? item?.text ?? itemId;
}

function reasonText(reason: RecommendationReason): string {
  return reason.text;
}
