import { createReadStream, existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { movieLensRatingsFile } from '../workload/movielens-ratings.js';

/**
 * Vite plugin of the bench server: serves evaluation data from `../shared/data` (next to the
 * repository, never copied into it or into a build) at the URLs the bench pages fetch, for as
 * long as the server runs. Only the files named here; a file that is absent answers 404.
 *
 * @example
 * plugins: [serveSharedData(repositoryRoot)]
 */
export function serveSharedData(repositoryRoot: string): Plugin {
  const files = new Map<string, string>([
    [movieLensRatingsFile.url, `${repositoryRoot}${movieLensRatingsFile.path}`],
  ]);
  return {
    name: 'ondevice-bench-shared-data',
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = files.get(request.url?.split('?')[0] ?? '');
        if (!path) return next();
        if (!existsSync(path)) {
          response.statusCode = 404;
          response.end(`${path} is absent (evaluation data lives in ../shared/data)`);
          return;
        }
        response.setHeader('Content-Type', 'text/plain; charset=utf-8');
        response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        response.setHeader('Cache-Control', 'no-store');
        createReadStream(path).pipe(response);
      });
    },
  };
}
