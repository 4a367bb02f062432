import type { EntityRecognizer, EntitySpan, ModelStatus, OnDeviceError } from '@ondevice/core';
import { type ComponentPropsWithoutRef, forwardRef } from 'react';
import { useEntities } from '../hooks/use-entities.js';
import { EntityHighlighterView } from './entity-highlighter-view.js';

/**
 * States of `<EntityHighlighter>`, as its `data-state`; `offline` is an unreachable model.
 *
 * @example
 * [data-ondevice-entity-highlighter][data-state='loading'] [data-part='text'] { opacity: 0.7 }
 */
export type EntityHighlighterState = 'idle' | 'loading' | 'ready' | 'error' | 'offline';

/**
 * Props of {@link EntityHighlighter} other than where the spans come from; other props go to
 * the root `<div>`.
 *
 * @example
 * <EntityHighlighter text={note} recognizer={recognizer} formatType={(type) => type.toLowerCase()} />
 */
export interface EntityHighlighterOptions extends Omit<
  ComponentPropsWithoutRef<'div'>,
  'children'
> {
  /** The text to show, and (uncontrolled) to recognise. */
  text: string;
  /**
   * Uncontrolled: wait this long after `text` last changed before recognising it.
   * @default 150
   */
  debounceMs?: number;
  /**
   * Controlled: the request's status. Defaults to `ready` when `spans` are given, else `idle`.
   */
  status?: 'idle' | 'loading' | 'ready' | 'error';
  /** Controlled: why it failed (`status="error"`); a `ModelLoadError` without HTTP status reads as offline. */
  error?: OnDeviceError;
  /** Controlled: the model's load status, shown while loading. */
  progress?: ModelStatus;
  /**
   * How an entity type reads, in titles, the legend and the text alternative.
   * @default PER → "person", ORG → "organization", LOC → "location", MISC → "miscellaneous", others as they are
   */
  formatType?: (type: string) => string;
}

/**
 * Props of {@link EntityHighlighter}: a `recognizer` to run on `text` (uncontrolled), or the
 * `spans` to show (controlled, e.g. precomputed on a server or by `useEntities`).
 *
 * @example
 * <EntityHighlighter text={text} recognizer={client.entities({ model })} />
 * <EntityHighlighter text={text} spans={spans} />
 */
export type EntityHighlighterProps = EntityHighlighterOptions &
  (
    | {
        /** Uncontrolled: recognises `text` on the device, `client.entities({ model })`; needs the provider. */
        recognizer: EntityRecognizer;
        spans?: undefined;
      }
    | {
        /** Controlled: the spans of `text` to show (UTF-16 offsets, `end` exclusive); no provider needed. */
        spans?: readonly EntitySpan[];
        recognizer?: undefined;
      }
  );

/**
 * A text with its named entities highlighted: each span is a `<mark>` with `data-entity-type`
 * and a title such as "Alice Johnson, person"; a legend names the types present; a text
 * alternative lists them in reading order ("Entities: Alice Johnson (person), Acme Corp
 * (organization)."), so nothing depends on colour. While a new text is recognised the plain
 * text shows (the previous spans' offsets would mark the wrong characters). Uncontrolled with
 * `recognizer` (debounced, stale requests aborted) or controlled with `spans` / `status`.
 * Unstyled: style it through `data-state` (idle, loading, ready, error, offline), `data-part`
 * and `data-entity-type`, or import `@ondevice/react/theme.css`.
 *
 * @example
 * <EntityHighlighter
 *   text="Alice Johnson works at Acme Corp in Paris."
 *   recognizer={client.entities({ model: 'Xenova/bert-base-NER' })}
 * />
 */
export const EntityHighlighter = forwardRef<HTMLDivElement, EntityHighlighterProps>(
  function EntityHighlighter(
    { recognizer, spans, status, error, progress, debounceMs, ...props },
    ref,
  ) {
    return recognizer ? (
      <ConnectedEntityHighlighter
        ref={ref}
        recognizer={recognizer}
        debounceMs={debounceMs}
        {...props}
      />
    ) : (
      <EntityHighlighterView
        ref={ref}
        status={status ?? (spans ? 'ready' : 'idle')}
        spans={spans}
        error={error}
        progress={progress}
        {...props}
      />
    );
  },
);

const ConnectedEntityHighlighter = forwardRef<
  HTMLDivElement,
  Omit<EntityHighlighterOptions, 'status' | 'error' | 'progress'> & { recognizer: EntityRecognizer }
>(function ConnectedEntityHighlighter({ recognizer, text, debounceMs, ...props }, ref) {
  const { status, data, error, progress } = useEntities(recognizer, text, { debounceMs });
  return (
    <EntityHighlighterView
      ref={ref}
      text={text}
      status={status === 'success' ? 'ready' : status}
      spans={data}
      error={error}
      progress={progress}
      {...props}
    />
  );
});
