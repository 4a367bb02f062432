import type { Explanation, ModelStatus, OnDeviceError } from '@ondevice/core';
import { type CSSProperties, type ComponentPropsWithoutRef, forwardRef, useMemo } from 'react';
import { isOfflineError } from '../errors/is-offline-error.js';
import { formatPercent } from '../format/format-percent.js';
import { formatWeight } from '../format/format-weight.js';
import { waitingText } from '../model-progress/waiting-text.js';
import { attributionSegments } from './attribution-segments.js';
import type { ExplainTextState } from './explain-text.js';
import { summarizeExplanation } from './summarize-explanation.js';

/** Props of {@link ExplanationView}. */
export interface ExplanationViewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  text: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The explanation of `text`, if there is one (also while `loading` a newer one). */
  explanation: Explanation | undefined;
  error: OnDeviceError | undefined;
  progress?: ModelStatus;
  maxListed?: number;
  formatLabel?: (label: string) => string;
}

const identity = (label: string) => label;

/**
 * What `<ExplainText>` draws, whether controlled or not: highlighted text, legend, text
 * alternative, nearest taught examples, and the loading and error messages.
 *
 * @example
 * <ExplanationView text={text} status="ready" explanation={explanation} error={undefined} />
 */
export const ExplanationView = forwardRef<HTMLDivElement, ExplanationViewProps>(
  function ExplanationView(
    { text, status, explanation, error, progress, maxListed = 3, formatLabel = identity, ...props },
    ref,
  ) {
    const segments = useMemo(
      () => (explanation ? attributionSegments(text, explanation.spans) : undefined),
      [text, explanation],
    );
    const summary = useMemo(
      () => (explanation ? summarizeExplanation(explanation, maxListed) : undefined),
      [explanation, maxListed],
    );
    const state: ExplainTextState =
      status === 'error' ? (isOfflineError(error) ? 'offline' : 'error') : status;
    const label = explanation ? `“${formatLabel(explanation.label)}”` : '';
    const listed = (spans: Explanation['spans']) =>
      spans.length === 0
        ? 'none'
        : spans.map((span) => `“${span.text}” (${formatWeight(span.weight)})`).join(', ');

    return (
      <div
        ref={ref}
        data-ondevice-explain-text=""
        data-state={state}
        aria-busy={status === 'loading' || undefined}
        {...props}
      >
        <p data-part="text">
          {segments
            ? segments.map((segment) =>
                segment.sign === 'neutral' ? (
                  segment.text
                ) : (
                  <mark
                    key={segment.start}
                    data-part="attribution"
                    data-sign={segment.sign}
                    data-level={segment.level}
                    title={`${formatWeight(segment.weight)}: ${segment.sign === 'positive' ? 'supports' : 'speaks against'} ${label}`}
                    // The one inline style: the weight is data, not decoration.
                    style={
                      {
                        '--ondevice-attribution-strength': segment.strength.toFixed(2),
                      } as CSSProperties
                    }
                  >
                    {segment.text}
                  </mark>
                ),
              )
            : text}
        </p>
        {explanation && summary && (
          <>
            <ul data-part="legend" aria-label="Legend">
              <li data-part="legend-item" data-sign="positive">
                <span data-part="swatch" data-sign="positive" aria-hidden="true">
                  word
                </span>{' '}
                supports {label}
              </li>
              <li data-part="legend-item" data-sign="negative">
                <span data-part="swatch" data-sign="negative" aria-hidden="true">
                  word
                </span>{' '}
                speaks against {label}
              </li>
              <li data-part="legend-item">stronger colour: bigger effect</li>
            </ul>
            <div data-part="summary">
              <p>
                Why {label} ({formatPercent(explanation.score)}):
              </p>
              <ul>
                <li>Most supporting: {listed(summary.supporting)}.</li>
                <li>Most opposing: {listed(summary.opposing)}.</li>
              </ul>
            </div>
          </>
        )}
        {explanation?.nearestExamples && explanation.nearestExamples.length > 0 && (
          <div data-part="nearest">
            <p data-part="nearest-title">Nearest taught examples</p>
            <ul>
              {explanation.nearestExamples.map((example, index) => (
                <li key={index} data-part="nearest-example">
                  “{example.text}” — {formatLabel(example.label)}, similarity{' '}
                  {example.similarity.toFixed(2)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {status === 'loading' && !explanation && (
          <p data-part="loading">{waitingText(progress, 'Explaining…')}</p>
        )}
        {status === 'error' && (
          <p data-part="error" role="alert">
            {state === 'offline'
              ? 'Could not explain: the model is unavailable offline.'
              : `Could not explain: ${error?.message ?? 'unknown error'}`}
          </p>
        )}
      </div>
    );
  },
);
