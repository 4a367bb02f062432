import { type ComponentPropsWithoutRef, type ReactNode, forwardRef, useId, useState } from 'react';
import { useStore } from 'zustand';
import { useSentiment } from '../hooks/use-sentiment.js';
import { describeSentiment } from '../sentiment-badge/describe-sentiment.js';
import { SentimentBadge } from '../sentiment-badge/sentiment-badge.js';
import { createSentimentTextareaStore } from './sentiment-textarea-store.js';

/**
 * Props of {@link SentimentTextarea}; other props go to the `<textarea>`.
 *
 * @example
 * <SentimentTextarea label="Your reply" defaultValue="Thanks for waiting!" />
 */
export interface SentimentTextareaProps extends Omit<
  ComponentPropsWithoutRef<'textarea'>,
  'value' | 'defaultValue' | 'children'
> {
  /**
   * Visible label of the textarea.
   * @default 'Message'
   */
  label?: ReactNode;
  /** Controlled text; pair with `onValueChange`. */
  value?: string;
  /**
   * Uncontrolled: the text shown first.
   * @default ''
   */
  defaultValue?: string;
  /** Called with the new text on every edit. */
  onValueChange?: (value: string) => void;
  /**
   * Wait this long after the last keystroke before analysing.
   * @default 50
   */
  debounceMs?: number;
  /** Props of the root element (the textarea gets the ref and the other props). */
  rootProps?: ComponentPropsWithoutRef<'div'>;
}

/**
 * A labelled textarea with a live `<SentimentBadge>` under it: as the user types, the text is
 * analysed on the device after a pause (debounced, stale requests aborted), so typing never
 * waits on the model; the badge keeps the last result meanwhile and announces new ones
 * politely. The textarea is described by the badge. Controlled (`value` + `onValueChange`) or
 * uncontrolled (`defaultValue`); the ref and native props go to the `<textarea>`. Unstyled:
 * `data-state` on the root mirrors the badge (idle, loading, ready, error, offline). Needs
 * `<OnDeviceProvider>`.
 *
 * @example
 * <SentimentTextarea label="Reply to customer" defaultValue="Sorry about the double charge!" />
 */
export const SentimentTextarea = forwardRef<HTMLTextAreaElement, SentimentTextareaProps>(
  function SentimentTextarea(
    {
      label = 'Message',
      value: controlledValue,
      defaultValue = '',
      onValueChange,
      onChange,
      debounceMs,
      rootProps,
      id,
      ...props
    },
    ref,
  ) {
    const [store] = useState(() => createSentimentTextareaStore({ value: defaultValue }));
    const storedValue = useStore(store, (state) => state.value);
    const value = controlledValue ?? storedValue;
    const sentiment = useSentiment(value, { debounceMs });

    const generatedId = useId();
    const textareaId = id ?? `${generatedId}-input`;
    const badgeId = `${generatedId}-sentiment`;
    const status = sentiment.status === 'success' ? 'ready' : sentiment.status;
    const { state } = describeSentiment({
      status,
      result: sentiment.data,
      error: sentiment.error,
      progress: sentiment.progress,
    });

    return (
      <div data-ondevice-sentiment-textarea="" data-state={state} {...rootProps}>
        <label data-part="label" htmlFor={textareaId}>
          {label}
        </label>
        <textarea
          ref={ref}
          id={textareaId}
          data-part="input"
          value={value}
          onChange={(event) => {
            onChange?.(event);
            if (controlledValue === undefined) store.getState().setValue(event.target.value);
            onValueChange?.(event.target.value);
          }}
          {...props}
          aria-describedby={[props['aria-describedby'], badgeId].filter(Boolean).join(' ')}
        />
        <SentimentBadge
          id={badgeId}
          data-part="sentiment"
          status={status}
          result={sentiment.data}
          error={sentiment.error}
          progress={sentiment.progress}
        />
      </div>
    );
  },
);
