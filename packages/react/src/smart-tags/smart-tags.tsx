import type {
  ModelStatus,
  OnDeviceError,
  TeachablePrediction,
  ZeroShotLabel,
} from '@ondevice/core';
import { type ComponentPropsWithoutRef, forwardRef, useMemo } from 'react';
import { useTeachablePredictions } from '../hooks/use-teachable-predictions.js';
import { SmartTagsView } from './smart-tags-view.js';

/**
 * States of `<SmartTags>`, as its `data-state`; `offline` is an unreachable model.
 *
 * @example
 * [data-ondevice-smart-tags][data-state='loading'] { opacity: 0.7 }
 */
export type SmartTagsState = 'idle' | 'loading' | 'ready' | 'error' | 'offline';

/**
 * Props of {@link SmartTags}.
 *
 * @example
 * <SmartTags text={ticket} classifierId="support-intents" labels={intents} />
 */
export interface SmartTagsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The text to tag. */
  text: string;
  /** Id of the teachable classifier that suggests the tags and learns from corrections. */
  classifierId: string;
  /**
   * Labels with descriptions, used if this widget creates the classifier: until a label has
   * taught examples it is suggested zero-shot from its descriptions.
   */
  labels?: readonly ZeroShotLabel[];
  /**
   * Controlled: the classifier's prediction for `text` (for example one of a list predicted
   * in one batch with `useTeachablePredictions`). With neither `prediction` nor `status`, the
   * widget predicts `text` itself.
   */
  prediction?: TeachablePrediction;
  /** Controlled: the prediction's status. Defaults to `ready` when `prediction` is given. */
  status?: 'idle' | 'loading' | 'ready' | 'error';
  /** Controlled: why the prediction failed (`status="error"`). */
  error?: OnDeviceError;
  /** Controlled: the model's load status, shown while loading without a prediction. */
  progress?: ModelStatus;
  /**
   * Uncontrolled: wait this long after `text` last changed before predicting.
   * @default 150
   */
  debounceMs?: number;
  /**
   * Most chips shown (more if more labels were accepted for the text).
   * @default 2
   */
  maxSuggestions?: number;
  /**
   * Confidence a label needs to be suggested besides the best one.
   * @default 0.25
   */
  minConfidence?: number;
  /**
   * Accessible name of the toolbar of tags.
   * @default 'Tags'
   */
  label?: string;
  /**
   * How a label id reads (e.g. `feature-request` → "feature request").
   * @default the id itself
   */
  formatLabel?: (label: string) => string;
}

/**
 * Suggested tags for a text, as chips, from a teachable classifier (zero-shot from the label
 * descriptions until it has examples). Each chip can be accepted (a toggle button,
 * `aria-pressed`), corrected (a listbox of the other labels) or rejected, and a "Choose tag"
 * listbox assigns any label. A text has one taught label: accepting, correcting and choosing
 * teach the classifier (`learn`, replacing the text's earlier label), un-accepting and
 * rejecting an accepted tag make it forget — and every other text using the classifier is
 * predicted again. One tab stop for the whole toolbar (arrow keys,
 * Home, End move between buttons); results are announced in a polite live region.
 * Uncontrolled (predicts `text` itself) or controlled with `prediction` / `status`.
 * Unstyled: style it through `data-state`, `data-part` and the tag's `data-state` (accepted,
 * suggested), or import `@ondevice/react/theme.css`. Needs `<OnDeviceProvider>`.
 *
 * @example
 * <SmartTags
 *   text="I was charged twice for March."
 *   classifierId="support-intents"
 *   labels={[
 *     { id: 'billing', descriptions: ['invoice, payment, refund or charge'] },
 *     { id: 'login', descriptions: ['cannot sign in, password reset, two-factor'] },
 *   ]}
 * />
 */
export const SmartTags = forwardRef<HTMLDivElement, SmartTagsProps>(function SmartTags(
  { prediction, status, error, progress, debounceMs, ...props },
  ref,
) {
  return prediction !== undefined || status !== undefined ? (
    <SmartTagsView
      ref={ref}
      status={status ?? 'ready'}
      prediction={prediction}
      error={error}
      progress={progress}
      {...props}
    />
  ) : (
    <ConnectedSmartTags ref={ref} debounceMs={debounceMs} {...props} />
  );
});

const ConnectedSmartTags = forwardRef<
  HTMLDivElement,
  Omit<SmartTagsProps, 'prediction' | 'status' | 'error' | 'progress'>
>(function ConnectedSmartTags({ text, classifierId, labels, debounceMs, ...props }, ref) {
  const blank = text.trim() === '';
  const texts = useMemo(() => (blank ? [] : [text]), [blank, text]);
  const predictions = useTeachablePredictions(texts, { id: classifierId, labels, debounceMs });
  return (
    <SmartTagsView
      ref={ref}
      text={text}
      classifierId={classifierId}
      labels={labels}
      status={predictions.status === 'success' ? 'ready' : predictions.status}
      // While a new text is predicted, the previous chips stay (busy) instead of vanishing.
      prediction={predictions.data?.predictions[0]}
      error={predictions.error}
      progress={predictions.progress}
      {...props}
    />
  );
});
