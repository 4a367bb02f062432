import { useSyncExternalStore } from 'react';

/** The playground's pages, by hash: `#/` (or none) and `#/inbox`. */
export type Route = 'similarity' | 'inbox';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function routeOf(hash: string): Route {
  return hash === '#/inbox' ? 'inbox' : 'similarity';
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
