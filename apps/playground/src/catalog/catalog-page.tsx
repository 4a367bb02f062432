import { ModelProgress, RecommendationList, SearchBox, useTrackInteraction } from '@ondevice/react';
import { useState } from 'react';
import { catalogItems } from './catalog-items.js';
import { ModeComparison } from './mode-comparison.js';
import { useCatalog } from './use-catalog.js';

const byId = new Map(catalogItems.map((item) => [item.id, item]));
/** The visitor of this page, as the recommender records their clicks (for the next fit). */
const visitorId = 'playground-visitor';

/**
 * The Ledgerly help centre and template catalogue: hybrid search with facets and suggestions,
 * and "recommended for you" that follows every click at once (from this session's items, with no
 * refit), each with its reason. A toggle shows keyword, semantic and hybrid results side by side.
 *
 * @example
 * <CatalogPage />
 */
export function CatalogPage() {
  const { index, recommender, setup } = useCatalog();
  const track = useTrackInteraction(recommender);
  const [query, setQuery] = useState('');
  const [compare, setCompare] = useState(false);
  const [session, setSession] = useState<string[]>([]);
  const open = (itemId: string) => {
    setSession((items) => [...items.filter((id) => id !== itemId), itemId]);
    void track({ userId: visitorId, itemId, type: 'viewed' });
  };
  const current = session.at(-1);
  const opened = current === undefined ? undefined : byId.get(current);

  return (
    <div data-testid="catalog-page" className="catalog">
      <section aria-labelledby="catalog-heading">
        <h2 id="catalog-heading">Help centre and templates</h2>
        <p>
          {catalogItems.length} articles, templates and features of Ledgerly (a made-up invoicing
          product), searched by meaning and by words on this device. Open an item: the
          recommendations follow at once, each with its reason. The recommender was fitted in the
          worker on synthetic browsing sessions written for this demo.
        </p>
        <ModelProgress loadOnMount label="Universal Sentence Encoder lite" />
        <p role="status" data-testid="catalog-setup">
          {setup.stage === 'indexing'
            ? `Indexing: ${setup.done} of ${setup.total} passages embedded`
            : setup.stage === 'fitting'
              ? `Fitting the recommender in the worker: step ${setup.done} of ${setup.total}`
              : setup.stage === 'error'
                ? `Could not prepare the catalogue: ${setup.error?.message ?? ''}`
                : `Ready: ${setup.report?.interactions ?? 0} interactions learnt, fitted in ${Math.round(setup.report?.milliseconds ?? 0)} ms`}
        </p>
      </section>
      <div className="catalog-columns">
        <section aria-labelledby="catalog-search-heading" className="catalog-search">
          <h3 id="catalog-search-heading">Search</h3>
          <SearchBox
            index={index}
            query={query}
            onQueryChange={setQuery}
            facets={['kind', 'category']}
            label="Search help and templates"
            placeholder="e.g. get my money back, SAML, net-30"
            onSelect={(hit) => open(hit.id)}
          />
          <label className="compare-toggle">
            <input
              type="checkbox"
              checked={compare}
              onChange={(event) => setCompare(event.target.checked)}
              data-testid="compare-toggle"
            />{' '}
            Compare keyword, semantic and hybrid
          </label>
          {compare && <ModeComparison index={index} query={query} />}
        </section>
        <aside aria-labelledby="catalog-opened-heading" className="catalog-side">
          <h3 id="catalog-opened-heading">Opened</h3>
          {opened ? (
            <article data-testid="opened-item">
              <h4>{opened.title}</h4>
              <p>
                <small>
                  {opened.kind} · {opened.category}
                </small>
              </p>
              <p>{opened.body}</p>
            </article>
          ) : (
            <p>Nothing yet: open a search result or a recommendation.</p>
          )}
          <RecommendationList
            recommender={recommender}
            session={session}
            k={5}
            label="Recommended for you"
            data-testid="recommendations"
            onSelect={(pick) => open(pick.itemId)}
          />
          {session.length > 0 && (
            <button type="button" onClick={() => setSession([])}>
              Clear this session ({session.length} viewed)
            </button>
          )}
        </aside>
      </div>
    </div>
  );
}
