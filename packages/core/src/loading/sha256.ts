/**
 * Lowercase hex sha256 of some bytes. Uses WebCrypto where the page is a secure context;
 * elsewhere (a LAN address over plain http) falls back to @noble/hashes, loaded only then.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle
    ? new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
    : (await import('@noble/hashes/sha2.js')).sha256(bytes);
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
