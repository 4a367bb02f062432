import { useSyncExternalStore } from 'react';

/**
 * The playground's pages, by hash: `#/` (or none), `#/inbox`, `#/assistant`, `#/catalog` and
 * `#/lab`.
 */
export type Route = 'similarity' | 'inbox' | 'assistant' | 'catalog' | 'lab';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const routes: Record<string, Route> = {
  '#/inbox': 'inbox',
  '#/assistant': 'assistant',
  '#/catalog': 'catalog',
  '#/lab': 'lab',
};

function routeOf(hash: string): Route {
  return routes[hash] ?? 'similarity';
}

/**
 * The current page from the URL hash, following back/forward and link clicks. Hash routes
 * keep the playground a static build with no router dependency and no server rewrites.
 *
 * @example
 * const route = useHashRoute() // 'inbox' on http://127.0.0.1:5173/#/inbox
 */
export function useHashRoute(): Route {
  return useSyncExternalStore(
    subscribe,
    () => routeOf(window.location.hash),
    () => 'similarity',
  );
}
