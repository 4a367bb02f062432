import type { SearchIndex, SearchMode } from '@ondevice/core';
import { useSearch } from '@ondevice/react';
import type { CatalogItem } from './catalog-items.js';

const modes: { mode: SearchMode; title: string }[] = [
  { mode: 'keyword', title: 'Keyword only' },
  { mode: 'semantic', title: 'Semantic only' },
  { mode: 'hybrid', title: 'Hybrid' },
];

/** One column: the top hits of one mode. */
function ModeColumn({
  index,
  query,
  mode,
  title,
}: {
  index: SearchIndex<CatalogItem & Record<string, unknown>>;
  query: string;
  mode: SearchMode;
  title: string;
}) {
  const result = useSearch(index, query, { mode, k: 5 });
  const hits = result.data?.hits ?? [];
  return (
    <section
      aria-labelledby={`compare-${mode}`}
      data-testid={`compare-${mode}`}
      className="compare-column"
    >
      <h4 id={`compare-${mode}`}>{title}</h4>
      {result.status === 'error' ? (
        <p role="alert">{result.error?.message}</p>
      ) : hits.length === 0 ? (
        <p>{result.status === 'success' ? 'No results' : 'Searching…'}</p>
      ) : (
        <ol>
          {hits.map((hit) => (
            <li key={hit.id}>
              {hit.document.title}
              <small> {hit.why.matchedBy.join(' + ')}</small>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The query's top five in keyword, semantic and hybrid mode side by side: where meaning finds
 * what the words miss, and where exact words (SAML, CSV, net-30) beat meaning.
 *
 * @example
 * <ModeComparison index={index} query="get my money back" />
 */
export function ModeComparison({
  index,
  query,
}: {
  index: SearchIndex<CatalogItem & Record<string, unknown>>;
  query: string;
}) {
  if (query.trim() === '') return <p>Type a query to compare the three modes.</p>;
  return (
    <div className="compare-modes">
      {modes.map(({ mode, title }) => (
        <ModeColumn key={mode} index={index} query={query} mode={mode} title={title} />
      ))}
    </div>
  );
}
