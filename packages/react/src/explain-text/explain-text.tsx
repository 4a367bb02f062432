import type { Explanation, ExplanationSource, ModelStatus, OnDeviceError } from '@ondevice/core';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useExplanation } from '../hooks/use-explanation.js';
import { ExplanationView } from './explanation-view.js';

/**
 * States of `<ExplainText>`, as its `data-state`; `offline` is an unreachable model.
 *
 * @example
 * [data-ondevice-explain-text][data-state='error'] { color: darkred }
 */
export type ExplainTextState = 'idle' | 'loading' | 'ready' | 'error' | 'offline';

/**
 * Props of {@link ExplainText}.
 *
 * @example
 * <ExplainText text={review} source={{ kind: 'sentiment' }} />
 */
export interface ExplainTextProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The text to show, and (uncontrolled) to explain. */
  text: string;
  /**
   * Uncontrolled: whose answer to explain, computed on the device with the provider's client.
   * @default { kind: 'sentiment' }
   */
  source?: ExplanationSource;
  /**
   * Uncontrolled: wait this long after `text` last changed before explaining it.
   * @default 150
   */
  debounceMs?: number;
  /** Controlled: the explanation of `text` to show; no provider needed. */
  explanation?: Explanation;
  /**
   * Controlled: the request's status. Defaults to `ready` when `explanation` is given. With
   * neither `explanation` nor `status`, the widget is uncontrolled and explains `source`.
   */
  status?: 'idle' | 'loading' | 'ready' | 'error';
  /** Controlled: why it failed (`status="error"`). */
  error?: OnDeviceError;
  /** Controlled: the model's load status, shown while loading without an explanation. */
  progress?: ModelStatus;
  /**
   * How many supporting and opposing words the text alternative lists.
   * @default 3
   */
  maxListed?: number;
  /**
   * How a label id reads (e.g. `feature-request` → "feature request").
   * @default the id itself
   */
  formatLabel?: (label: string) => string;
}

/**
 * A text with the words that drove a model's answer highlighted: each word's weight shows as
 * colour intensity and, not by colour alone, as underline style and a sign (solid underline
 * and "+" for words that support the label, wavy underline and "−" for words against it).
 * A legend explains the marks; a text alternative lists the strongest words with their
 * weights ("Most supporting: “broken” (+0.21) …"); for a teachable classifier, the nearest
 * taught examples follow. Uncontrolled with `source` (sentiment, zero-shot or a teachable
 * classifier, explained on the device) or controlled with `explanation` / `status`.
 * Unstyled: style it through `data-state`, `data-part`, `data-sign`, `data-level` and the
 * `--ondevice-attribution-strength` custom property, or import `@ondevice/react/theme.css`.
 *
 * @example
 * <ExplainText text="Support was slow, but the fix is great." source={{ kind: 'sentiment' }} />
 * <ExplainText text={ticket} source={{ kind: 'teachable', id: 'support-intents' }} />
 */
export const ExplainText = forwardRef<HTMLDivElement, ExplainTextProps>(function ExplainText(
  { text, source, debounceMs, explanation, status, error, progress, ...props },
  ref,
) {
  return explanation !== undefined || status !== undefined ? (
    <ExplanationView
      ref={ref}
      text={text}
      status={status ?? 'ready'}
      explanation={explanation}
      error={error}
      progress={progress}
      {...props}
    />
  ) : (
    <ConnectedExplainText
      ref={ref}
      text={text}
      source={source ?? sentimentSource}
      debounceMs={debounceMs}
      {...props}
    />
  );
});

const sentimentSource: ExplanationSource = { kind: 'sentiment' };

const ConnectedExplainText = forwardRef<
  HTMLDivElement,
  Omit<ExplainTextProps, 'explanation' | 'status' | 'error' | 'progress' | 'source'> & {
    source: ExplanationSource;
  }
>(function ConnectedExplainText({ text, source, debounceMs, ...props }, ref) {
  const { status, data, error, progress } = useExplanation(text, { source, debounceMs });
  return (
    <ExplanationView
      ref={ref}
      text={text}
      status={status === 'success' ? 'ready' : status}
      // The previous text's explanation would highlight the wrong words: show it only while
      // the same text is being re-explained (after a retraining).
      explanation={data?.text === text ? data : undefined}
      error={error}
      progress={progress}
      {...props}
    />
  );
});
