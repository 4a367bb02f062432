import type { SearchDocument, SearchHit } from '@ondevice/core';
import type { ReactNode } from 'react';
import { snippetOf } from './highlight-segments.js';
import { HighlightedText } from './highlighted-text.js';

/**
 * What `renderHit` gets besides the hit: its fields with their matches marked.
 *
 * @example
 * renderHit={(hit, { highlight, snippet }) => <><strong>{highlight('title')}</strong> {snippet('body')}</>}
 */
export interface SearchHitParts {
  /** A field's whole text with its matches as `<mark>`; nothing when it is not text. */
  highlight(field: string): ReactNode;
  /**
   * About `maxLength` characters of a field around its first match (or the passage closest in
   * meaning), with its matches as `<mark>` and "…" where text was left out.
   */
  snippet(field: string, maxLength?: number): ReactNode;
}

/** Props of {@link SearchHits}. */
export interface SearchHitsProps<Doc extends SearchDocument> {
  hits: readonly SearchHit<Doc>[];
  label: string;
  titleField: string;
  snippetField: string;
  renderHit: ((hit: SearchHit<Doc>, parts: SearchHitParts) => ReactNode) | undefined;
  onSelect: ((hit: SearchHit<Doc>) => void) | undefined;
  /** The next results are on their way: these are the previous query's. */
  busy: boolean;
}

/**
 * The results of `<SearchBox>`: an ordered list of hits, each its title and a snippet with the
 * matches marked (or what `renderHit` draws), inside a button when there is an `onSelect`
 * (Enter or a click selects).
 *
 * @example
 * <SearchHits hits={result.hits} label="Search results" titleField="title" snippetField="body"
 *   renderHit={undefined} onSelect={(hit) => open(hit.id)} busy={false} />
 */
export function SearchHits<Doc extends SearchDocument>({
  hits,
  label,
  titleField,
  snippetField,
  renderHit,
  onSelect,
  busy,
}: SearchHitsProps<Doc>) {
  return (
    <ol data-part="results" aria-label={label} aria-busy={busy || undefined}>
      {hits.map((hit) => {
        const parts = hitParts(hit);
        const content = renderHit ? (
          renderHit(hit, parts)
        ) : (
          <>
            <span data-part="hit-title">
              {typeof hit.document[titleField] === 'string' ? parts.highlight(titleField) : hit.id}
            </span>{' '}
            <span data-part="hit-snippet">{parts.snippet(snippetField)}</span>
          </>
        );
        return (
          <li key={hit.id} data-part="hit" data-hit-id={hit.id}>
            {onSelect ? (
              <button type="button" data-part="hit-button" onClick={() => onSelect(hit)}>
                {content}
              </button>
            ) : (
              content
            )}
          </li>
        );
      })}
    </ol>
  );
}

function hitParts(hit: SearchHit): SearchHitParts {
  const textOf = (field: string) => {
    const value = hit.document[field];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    highlight: (field) => {
      const text = textOf(field);
      return text === undefined ? null : (
        <HighlightedText text={text} highlights={hit.highlights} field={field} />
      );
    },
    snippet: (field, maxLength = 180) => {
      const text = textOf(field);
      if (text === undefined) return null;
      const passage = hit.why.passage?.field === field ? hit.why.passage.start : undefined;
      const snippet = snippetOf(text, hit.highlights, field, { maxLength, anchor: passage });
      return (
        <>
          {snippet.before && '…'}
          <HighlightedText text={snippet.text} highlights={snippet.highlights} field={field} />
          {snippet.after && '…'}
        </>
      );
    },
  };
}
