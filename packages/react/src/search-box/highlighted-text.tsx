import type { SearchHighlight } from '@ondevice/core';
import { highlightSegments } from './highlight-segments.js';

/**
 * A field's text with its matches as `<mark data-part="match">`.
 *
 * @example
 * <HighlightedText text="Refund a payment" highlights={hit.highlights} field="title" />
 */
export function HighlightedText({
  text,
  highlights,
  field,
}: {
  text: string;
  highlights: readonly SearchHighlight[];
  field: string;
}) {
  return (
    <>
      {highlightSegments(text, highlights, field).map((segment) =>
        segment.kind === 'match' ? (
          <mark key={segment.start} data-part="match">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
