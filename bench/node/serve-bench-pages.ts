import { build, preview } from 'vite';
import { benchPagesConfig } from '../vite-config.js';

/**
 * Builds the bench pages for production and serves them with `vite preview` on 127.0.0.1.
 * Resolves with the base URL and a function that stops the server.
 */
export async function serveBenchPages(): Promise<{ url: string; close: () => Promise<void> }> {
  await build(benchPagesConfig());
  const server = await preview(benchPagesConfig());
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  return { url, close: () => server.close() };
}
