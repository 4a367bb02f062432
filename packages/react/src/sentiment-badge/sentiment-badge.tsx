import type { ModelStatus, OnDeviceError, SentimentLabel, SentimentResult } from '@ondevice/core';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useSentiment } from '../hooks/use-sentiment.js';
import { describeSentiment } from './describe-sentiment.js';

/**
 * Props of {@link SentimentBadge}.
 *
 * @example
 * <SentimentBadge text={comment} />
 */
export interface SentimentBadgeProps extends Omit<ComponentPropsWithoutRef<'span'>, 'children'> {
  /** Uncontrolled: the text to analyse with the provider's client (debounced). */
  text?: string;
  /**
   * Uncontrolled: wait this long after `text` last changed before analysing it.
   * @default 150
   */
  debounceMs?: number;
  /** Controlled: the result to show (state `ready`, or `loading` with `status`); no provider needed. */
  result?: SentimentResult;
  /**
   * Controlled: the request's status. Defaults to `ready` when `result` is given.
   * A badge with neither `result` nor `status` is uncontrolled and analyses `text`.
   */
  status?: 'idle' | 'loading' | 'ready' | 'error';
  /** Controlled: why it failed (`status="error"`); a `ModelLoadError` without HTTP status reads as offline. */
  error?: OnDeviceError;
  /** Controlled: the model's load status, shown while loading without a result. */
  progress?: ModelStatus;
  /**
   * Be a polite live region (`role="status"`) that announces new results. Turn it off where
   * many badges update at once (a list), so screen readers are not flooded.
   * @default true
   */
  announce?: boolean;
}

const icons: Record<SentimentLabel, string> = { positive: '▲', negative: '▼', neutral: '●' };

/**
 * The sentiment of a text as a small badge: an icon and the label (not colour alone) and the
 * score, e.g. "▼ negative 92 %", read as "Sentiment: negative, 92 %". A polite live region by
 * default; while a new text is analysed it keeps the previous result and sets `aria-busy`.
 * Uncontrolled with `text` (analysed on the device, debounced, stale requests aborted) or
 * controlled with `result` / `status` / `error`. Unstyled: style it through `data-state`
 * (idle, loading, ready, error, offline), `data-sentiment` and `data-part`, or import
 * `@ondevice/react/theme.css`.
 *
 * @example
 * // Uncontrolled: needs <OnDeviceProvider>.
 * <SentimentBadge text="The export has been broken for a week." />
 * // Controlled: shows a given result.
 * <SentimentBadge result={{ label: 'positive', score: 0.88, probabilities }} />
 */
export const SentimentBadge = forwardRef<HTMLSpanElement, SentimentBadgeProps>(
  function SentimentBadge({ text, debounceMs, result, status, error, progress, ...props }, ref) {
    return result !== undefined || status !== undefined ? (
      <SentimentBadgeView
        ref={ref}
        status={status ?? 'ready'}
        result={result}
        error={error}
        progress={progress}
        {...props}
      />
    ) : (
      <ConnectedSentimentBadge ref={ref} text={text} debounceMs={debounceMs} {...props} />
    );
  },
);

const ConnectedSentimentBadge = forwardRef<
  HTMLSpanElement,
  Omit<SentimentBadgeProps, 'result' | 'status' | 'error' | 'progress'>
>(function ConnectedSentimentBadge({ text, debounceMs, ...props }, ref) {
  const sentiment = useSentiment(text, { debounceMs });
  return (
    <SentimentBadgeView
      ref={ref}
      status={sentiment.status === 'success' ? 'ready' : sentiment.status}
      result={sentiment.data}
      error={sentiment.error}
      progress={sentiment.progress}
      {...props}
    />
  );
});

type ViewProps = Omit<SentimentBadgeProps, 'text' | 'debounceMs' | 'status'> & {
  status: NonNullable<SentimentBadgeProps['status']>;
};

const SentimentBadgeView = forwardRef<HTMLSpanElement, ViewProps>(function SentimentBadgeView(
  { status, result, error, progress, announce = true, ...props },
  ref,
) {
  const description = describeSentiment({ status, result, error, progress });
  return (
    <span
      ref={ref}
      data-ondevice-sentiment-badge=""
      data-state={description.state}
      data-sentiment={description.sentiment}
      role={announce ? 'status' : undefined}
      // A generic element may not be named; a status may (and then reads exactly this).
      aria-label={announce ? description.accessibleText : undefined}
      aria-busy={description.state === 'loading' || undefined}
      title={description.state === 'error' ? error?.message : undefined}
      {...props}
    >
      {description.sentiment && (
        <span data-part="icon" aria-hidden="true">
          {icons[description.sentiment]}
        </span>
      )}
      <span data-part="prefix">Sentiment: </span>
      <span data-part="label">{description.text}</span>
      {description.score && (
        <>
          <span data-part="separator">, </span>
          <span data-part="score">{description.score}</span>
        </>
      )}
    </span>
  );
});
