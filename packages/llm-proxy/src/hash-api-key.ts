import { createHash } from 'node:crypto';

/**
 * The form in which the proxy stores and compares an API key: `sha256:` and the hex SHA-256 of
 * the key. Keys are long random strings, so a fast hash is enough to keep them off disk; the
 * plain key is never written anywhere.
 *
 * @example
 * hashApiKey('ondevice-dev') // 'sha256:…'
 */
export function hashApiKey(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}
