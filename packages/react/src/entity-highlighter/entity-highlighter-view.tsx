import type { EntitySpan, ModelStatus, OnDeviceError } from '@ondevice/core';
import { type ComponentPropsWithoutRef, forwardRef, useMemo } from 'react';
import { isOfflineError } from '../errors/is-offline-error.js';
import { waitingText } from '../model-progress/waiting-text.js';
import type { EntityHighlighterState } from './entity-highlighter.js';
import { entitySegments } from './entity-segments.js';
import { entityTypeName } from './entity-type-names.js';

/** Props of {@link EntityHighlighterView}. */
export interface EntityHighlighterViewProps extends Omit<
  ComponentPropsWithoutRef<'div'>,
  'children'
> {
  text: string;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The spans of `text`, when there are some. */
  spans: readonly EntitySpan[] | undefined;
  error: OnDeviceError | undefined;
  progress?: ModelStatus | undefined;
  formatType?: (type: string) => string;
}

/**
 * What `<EntityHighlighter>` draws, whether controlled or not: marked text, legend, text
 * alternative, and the loading and error messages.
 *
 * @example
 * <EntityHighlighterView text={text} status="ready" spans={spans} error={undefined} />
 */
export const EntityHighlighterView = forwardRef<HTMLDivElement, EntityHighlighterViewProps>(
  function EntityHighlighterView(
    { text, status, spans, error, progress, formatType = entityTypeName, ...props },
    ref,
  ) {
    const segments = useMemo(
      () => (status === 'ready' && spans ? entitySegments(text, spans) : undefined),
      [status, text, spans],
    );
    const entities = (segments ?? []).flatMap((segment) =>
      segment.kind === 'entity' ? [segment] : [],
    );
    const types = [...new Set(entities.map((entity) => entity.span.type))];
    const state: EntityHighlighterState =
      status === 'error' ? (isOfflineError(error) ? 'offline' : 'error') : status;

    return (
      <div
        ref={ref}
        data-ondevice-entity-highlighter=""
        data-state={state}
        aria-busy={status === 'loading' || undefined}
        {...props}
      >
        <p data-part="text">
          {segments
            ? segments.map((segment) =>
                segment.kind === 'text' ? (
                  segment.text
                ) : (
                  <mark
                    key={segment.start}
                    data-part="entity"
                    data-entity-type={segment.span.type}
                    title={`${segment.text}, ${formatType(segment.span.type)}`}
                  >
                    {segment.text}
                  </mark>
                ),
              )
            : text}
        </p>
        {types.length > 0 && (
          <ul data-part="legend" aria-label="Legend">
            {types.map((type) => (
              <li key={type} data-part="legend-item" data-entity-type={type}>
                <span data-part="swatch" data-entity-type={type} aria-hidden="true">
                  {type}
                </span>{' '}
                {formatType(type)}
              </li>
            ))}
          </ul>
        )}
        {segments && (
          <p data-part="summary">
            {entities.length === 0
              ? 'Entities: none found.'
              : `Entities: ${entities
                  .map((entity) => `${entity.text} (${formatType(entity.span.type)})`)
                  .join(', ')}.`}
          </p>
        )}
        {status === 'loading' && (
          <p data-part="loading">
            {waitingText(progress, 'Finding names, places and organizations…')}
          </p>
        )}
        {state === 'error' || state === 'offline' ? (
          <p data-part="error" role="alert">
            {state === 'offline'
              ? 'Could not find entities: the model is unavailable offline.'
              : `Could not find entities: ${error?.message ?? 'unknown error'}`}
          </p>
        ) : null}
      </div>
    );
  },
);
